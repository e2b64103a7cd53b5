using System.Net;
using Microsoft.Extensions.DependencyInjection;
using TransitionTracker.Data.Seeding;
using TransitionTracker.Web.Tests.Infrastructure;
using Xunit.Abstractions;

namespace TransitionTracker.Web.Tests.Performance;

/// <summary>
/// With the read cache on (the default), a request whose results are already in memory asks the database one thing:
/// the data stamp, to know that nothing has changed since.
/// </summary>
[Collection(SharedAppCollection.Name)]
public sealed class CachedRoundTripTests(TransitionTrackerFactory factory, ITestOutputHelper output)
{
    [Theory]
    [InlineData("/consortia/00G")]
    [InlineData("/api/consortia/00G/readiness")]
    [InlineData("/regions/Q36?sort=score&dir=desc&page=2")]
    [InlineData("/national")]
    [InlineData("/api/national/summary")]
    [InlineData("/api/regions/Q30/summary")]
    public async Task A_page_read_again_while_nothing_has_changed_costs_one_round_trip(string url)
    {
        using var client = factory.CreateClientFor(DemoAccountSeeder.National);
        var counter = factory.Services.GetRequiredService<RoundTripCounter>();

        var (first, firstCommands) = await counter.GetAsync(client, url);
        var (again, againCommands) = await counter.GetAsync(client, url);

        output.WriteLine($"{url}: first {firstCommands.Count} commands, again {againCommands.Count}");
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await again.Content.ReadAsStringAsync(), IgnoreTokens.Instance);
        var command = Assert.Single(againCommands);
        Assert.Contains("\"DataVersion\"", command.Sql, StringComparison.Ordinal);
    }

    /// <summary>
    /// Two renderings of a page are the same apart from antiforgery tokens and the protected component state (which
    /// carries the token for the circuit), both encrypted anew each time; on interactive pages, also apart from the
    /// encrypted component descriptors and the element ids MudBlazor generates on each render.
    /// </summary>
    private sealed class IgnoreTokens : IEqualityComparer<string>
    {
        public static readonly IgnoreTokens Instance = new();

        public bool Equals(string? x, string? y) => Strip(x) == Strip(y);

        public int GetHashCode(string obj) => Strip(obj).GetHashCode(StringComparison.Ordinal);

        private static string Strip(string? html)
        {
            var stripped = System.Text.RegularExpressions.Regex.Replace(html ?? "", "name=\"__RequestVerificationToken\" value=\"[^\"]*\"", "");
            stripped = System.Text.RegularExpressions.Regex.Replace(stripped, "<!--Blazor-Server-Component-State:[^>]*-->", "");
            stripped = System.Text.RegularExpressions.Regex.Replace(stripped, "<!--Blazor:[^>]*-->", "");
            return System.Text.RegularExpressions.Regex.Replace(
                stripped, "(mudinput|tablist-|popovercontent-|popover-|expansion-panel|chip-container-|tab)[a-z0-9]{6,}(-[a-z0-9]+)*", "$1");
        }
    }
}
