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
public sealed partial class CachedRoundTripTests(TransitionTrackerFactory factory, ITestOutputHelper output)
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
    /// Two renderings of a page are the same apart from what is made anew each time: antiforgery tokens, the protected
    /// component state (which carries the token for the circuit), the markers of interactive components (a new
    /// prerender id and encrypted descriptor each time), and the element ids MudBlazor generates (GUIDs, "select" with
    /// eight random characters, the search box's nine).
    /// </summary>
    private sealed partial class IgnoreTokens : IEqualityComparer<string>
    {
        public static readonly IgnoreTokens Instance = new();

        public bool Equals(string? x, string? y) => Strip(x) == Strip(y);

        public int GetHashCode(string obj) => Strip(obj).GetHashCode(StringComparison.Ordinal);

        private static string Strip(string? html)
        {
            var text = html ?? "";
            foreach (var pattern in Generated())
            {
                text = pattern.Replace(text, "");
            }

            // MudBlazor's generated element ids: keep the prefix, drop the random part.
            return MudId().Replace(text, "$1");
        }

        private static IEnumerable<System.Text.RegularExpressions.Regex> Generated() =>
            [Token(), ComponentState(), ComponentMarker(), Guid(), SelectId(), AutocompleteId()];

        [System.Text.RegularExpressions.GeneratedRegex("name=\"__RequestVerificationToken\" value=\"[^\"]*\"")]
        private static partial System.Text.RegularExpressions.Regex Token();

        [System.Text.RegularExpressions.GeneratedRegex("<!--Blazor-Server-Component-State:[^>]*-->")]
        private static partial System.Text.RegularExpressions.Regex ComponentState();

        [System.Text.RegularExpressions.GeneratedRegex("<!--Blazor:\\{[^>]*\\}-->")]
        private static partial System.Text.RegularExpressions.Regex ComponentMarker();

        [System.Text.RegularExpressions.GeneratedRegex("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")]
        private static partial System.Text.RegularExpressions.Regex Guid();

        [System.Text.RegularExpressions.GeneratedRegex("\"select[a-z0-9]{8}\"")]
        private static partial System.Text.RegularExpressions.Regex SelectId();

        // The app bar's search box (a MudAutocomplete) gets a new random element id on each render.
        [System.Text.RegularExpressions.GeneratedRegex("id=\"[a-z0-9]{9}\"(?= class=\"mud-select mud-autocomplete)")]
        private static partial System.Text.RegularExpressions.Regex AutocompleteId();

        [System.Text.RegularExpressions.GeneratedRegex("(mudinput|tablist-|popovercontent-|popover-|expansion-panel|chip-container-|tab)[a-z0-9]{6,}(-[a-z0-9]+)*")]
        private static partial System.Text.RegularExpressions.Regex MudId();
    }
}
