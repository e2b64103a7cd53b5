using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TransitionTracker.Data;
using TransitionTracker.Data.Seeding;
using TransitionTracker.Web.Tests.Infrastructure;
using Xunit.Abstractions;

namespace TransitionTracker.Web.Tests.Performance;

/// <summary>
/// Every main page and API answer asks the database a fixed number of questions, whatever the size of the
/// consortium, PCT or region it is about and however long its history: the same count for the smallest and the
/// largest, and never more than the bound set here. Counted per request by <see cref="RoundTripCounter"/>, with the
/// read cache off so that every query is counted (<see cref="CachedRoundTripTests"/> counts with it on).
/// </summary>
public sealed class RoundTripTests(UncachedTransitionTrackerFactory factory, ITestOutputHelper output) : IClassFixture<UncachedTransitionTrackerFactory>
{
    public static TheoryData<string, string, int> ConsortiumPages => new()
    {
        { "national viewer", "/consortia/{0}", 12 },
        { "national viewer", "/api/consortia/{0}/readiness", 8 },
        { "national viewer", "/api/consortia/{0}", 8 },
        { "national viewer", "/api/consortia/{0}/assessments", 8 },
        { "national viewer", "/consortia/{0}/history", 10 },
        { "national viewer", "/consortia/{0}/actions", 10 },
        { "national viewer", "/consortia/{0}/plan", 10 },
        { "national viewer", "/consortia/{0}/register", 10 },
        { "national viewer", "/consortia/{0}/lessons", 10 },
        { "national viewer", "/consortia/{0}/changes", 10 },
    };

    [Theory]
    [MemberData(nameof(ConsortiumPages))]
    public async Task A_consortium_page_makes_as_many_round_trips_for_the_smallest_consortium_as_for_the_largest(string who, string url, int bound)
    {
        var (smallest, largest) = await SmallestAndLargestConsortiaAsync(who);

        await AssertFixedAsync(who, string.Format(url, smallest), string.Format(url, largest), bound);
    }

    [Theory]
    [InlineData("national viewer", "/regions/Q30", "/regions/Q36?sort=score&dir=desc&page=2", 16)]
    [InlineData("national viewer", "/api/regions/Q30/summary", "/api/regions/Q36/summary", 10)]
    [InlineData("national viewer", "/regions/Q30/consortia.csv", "/regions/Q36/consortia.csv?sort=score&dir=desc", 8)]
    [InlineData("national viewer", "/regions/Q30/heatmap.csv", "/regions/Q36/heatmap.csv", 8)]
    [InlineData("national viewer", "/national", "/national", 8)]
    [InlineData("national viewer", "/api/national/summary", "/api/national/summary", 8)]
    [InlineData("regional lead Q30", "/regions/Q30", "/regions/Q30?sort=score&dir=desc&page=2", 16)]
    [InlineData("regional lead Q30", "/api/consortia?region=Q30", "/api/consortia", 8)]
    [InlineData("national viewer", "/api/consortia?region=Q30", "/api/consortia", 8)]
    [InlineData("national viewer", "/", "/", 6)]
    [InlineData("PCT manager 5D7", "/", "/", 6)]
    public async Task A_page_makes_a_fixed_number_of_round_trips_whatever_the_size_of_what_it_shows(string who, string small, string large, int bound)
    {
        await AssertFixedAsync(who, small, large, bound);
    }

    [Fact]
    public async Task Who_is_signed_in_and_what_they_may_see_costs_one_round_trip_whatever_their_roles()
    {
        var counter = factory.Services.GetRequiredService<RoundTripCounter>();
        var counts = new Dictionary<string, int>();
        foreach (var email in new[]
        {
            DemoAccountSeeder.Administrator, DemoAccountSeeder.National, DemoAccountSeeder.Regional("Q30"),
            DemoAccountSeeder.PctManager("5D7"), DemoAccountSeeder.ConsortiumLead("00G"),
        })
        {
            using var client = factory.CreateClientFor(email);
            await counter.GetAsync(client, "/api/frameworks");
            var (response, commands) = await counter.GetAsync(client, "/api/frameworks");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            counts[email] = commands.Count;
        }

        using var anonymous = factory.CreateClient();
        var (refused, none) = await counter.GetAsync(anonymous, "/api/frameworks");
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Empty(none);

        // The framework list is one query; everything else is the current user.
        Assert.All(counts, c => Assert.Equal(2, c.Value));
    }

    [Fact]
    public async Task A_PCT_page_makes_as_many_round_trips_for_the_smallest_PCT_as_for_the_largest()
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TransitionTrackerDbContext>();
        var bySize = await db.Pcts.OrderBy(p => db.Practices.Count(pr => pr.PctCode == p.Code)).ThenBy(p => p.Code).Select(p => p.Code).ToListAsync();

        await AssertFixedAsync("national viewer", $"/pcts/{bySize[0]}", $"/pcts/{bySize[^1]}", 8);
    }

    private async Task AssertFixedAsync(string who, string small, string large, int bound)
    {
        using var client = factory.CreateClientFor(Email(who));
        var counter = factory.Services.GetRequiredService<RoundTripCounter>();

        // Warm up both, so that one-off work (framework cache, compiled queries) is not counted.
        await counter.GetAsync(client, small);
        await counter.GetAsync(client, large);
        var (smallResponse, smallCommands) = await counter.GetAsync(client, small);
        var (largeResponse, largeCommands) = await counter.GetAsync(client, large);

        output.WriteLine($"{who}: {small} {smallCommands.Count}, {large} {largeCommands.Count}");
        foreach (var command in largeCommands)
        {
            output.WriteLine($"  {command.Duration.TotalMilliseconds,7:0.0} ms  {command.Sql.Split('\n')[0]}");
        }

        foreach (var slow in largeCommands.Where(c => c.Duration > TimeSpan.FromMilliseconds(10)))
        {
            output.WriteLine($"Slow, {slow.Duration.TotalMilliseconds:0.0} ms:\n{slow.Sql}");
        }

        Assert.Equal(HttpStatusCode.OK, smallResponse.StatusCode);
        Assert.Equal(HttpStatusCode.OK, largeResponse.StatusCode);
        Assert.Equal(smallCommands.Count, largeCommands.Count);
        Assert.InRange(largeCommands.Count, 1, bound);
    }

    private async Task<(string Smallest, string Largest)> SmallestAndLargestConsortiaAsync(string who)
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TransitionTrackerDbContext>();
        var consortia = db.Consortia.AsQueryable();
        // Consortia with support actions, so that both pages show every kind of content.
        var bySize = await consortia
            .Where(c => db.SupportActions.Any(a => a.ConsortiumCode == c.Code))
            .Select(c => new
            {
                c.Code,
                Members = db.ConsortiumMemberships.Count(m => m.ConsortiumCode == c.Code),
                Assessments = db.Assessments.Count(a => a.ConsortiumCode == c.Code),
            })
            .OrderBy(c => c.Members + c.Assessments).ThenBy(c => c.Code)
            .ToListAsync();
        Assert.True(bySize[0].Members + bySize[0].Assessments < bySize[^1].Members + bySize[^1].Assessments, "The data has no consortia of different sizes.");
        return (bySize[0].Code, bySize[^1].Code);
    }

    private static string Email(string who) => who switch
    {
        "national viewer" => DemoAccountSeeder.National,
        "regional lead Q30" => DemoAccountSeeder.Regional("Q30"),
        "PCT manager 5D7" => DemoAccountSeeder.PctManager("5D7"),
        _ => throw new ArgumentOutOfRangeException(nameof(who), who, null),
    };
}
