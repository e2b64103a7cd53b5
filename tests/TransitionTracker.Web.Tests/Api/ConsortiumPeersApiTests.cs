using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using TransitionTracker.Data.Seeding;
using TransitionTracker.Web.Tests.Infrastructure;

namespace TransitionTracker.Web.Tests.Api;

/// <summary>`GET /api/consortia/{code}/peers`: the peers in readable fields, lessons only of peers the caller may read.</summary>
[Collection(SharedAppCollection.Name)]
public sealed class ConsortiumPeersApiTests(TransitionTrackerFactory factory)
{
    private static readonly string[] Tracks = ["fast-mover", "needs-support"];

    [Fact]
    public async Task A_pct_manager_reads_the_peers_of_its_consortium_with_links_to_the_lessons_it_may_read()
    {
        using var client = factory.CreateClientFor(DemoAccountSeeder.PctManager("5D7"));

        var body = await client.GetFromJsonAsync<JsonElement>("/api/consortia/00g/peers");

        Assert.Equal("00G", body.GetProperty("consortium").GetString());
        Assert.Equal("2013-03-31", body.GetProperty("asAt").GetString());
        Assert.Equal("100k-250k", body.GetProperty("populationBand").GetString());
        Assert.Equal("Q30", body.GetProperty("region").GetString());
        Assert.Equal("needs-support", body.GetProperty("startedAs").GetString());
        Assert.Contains("100,000 to 250,000 patients", body.GetProperty("rule").GetString(), StringComparison.Ordinal);
        var peers = body.GetProperty("peers").EnumerateArray().ToList();
        Assert.InRange(peers.Count, 1, 5);
        foreach (var peer in peers)
        {
            Assert.NotEqual("00G", peer.GetProperty("code").GetString());
            Assert.InRange(peer.GetProperty("population").GetInt64(), 100_000, 249_999);
            Assert.Equal("needs-support", peer.GetProperty("startedAs").GetString());
            Assert.False(string.IsNullOrWhiteSpace(peer.GetProperty("took").GetString()));
            if (peer.GetProperty("days").ValueKind == JsonValueKind.Number)
            {
                var from = DateOnly.Parse(peer.GetProperty("needsSupportOn").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
                var to = DateOnly.Parse(peer.GetProperty("fastMoverOn").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
                Assert.Equal(to.DayNumber - from.DayNumber, peer.GetProperty("days").GetInt32());
            }
            else
            {
                Assert.StartsWith("Not yet", peer.GetProperty("took").GetString(), StringComparison.Ordinal);
                Assert.True(peer.GetProperty("daysSoFar").GetInt32() >= 0);
            }

            var closed = peer.GetProperty("closedFirst").EnumerateArray().Select(c => c.GetProperty("closedOn").GetString()!).ToList();
            Assert.Equal(closed.Order(StringComparer.Ordinal), closed);
            Assert.True(peer.GetProperty("closedCount").GetInt32() >= closed.Count);
            Assert.All(peer.GetProperty("lessons").EnumerateArray(), l =>
                Assert.Equal($"/consortia/{peer.GetProperty("code").GetString()}/lessons?domain={l.GetProperty("domain").GetString()}", l.GetProperty("link").GetString()));
        }

        // 00H, the manager's other consortium, is a peer in the region whose lessons the manager may read.
        var sameRegion = peers.Single(p => p.GetProperty("code").GetString() == "00H");
        Assert.Equal("Q30", sameRegion.GetProperty("region").GetString());
        Assert.Contains(sameRegion.GetProperty("startedAs").GetString(), Tracks);
    }

    [Fact]
    public async Task A_consortium_lead_sees_its_peers_but_no_lessons_of_consortia_it_may_not_read()
    {
        using var client = factory.CreateClientFor(DemoAccountSeeder.ConsortiumLead("00G"));

        var body = await client.GetFromJsonAsync<JsonElement>("/api/consortia/00G/peers");

        var peers = body.GetProperty("peers").EnumerateArray().ToList();
        Assert.NotEmpty(peers);
        Assert.All(peers, p => Assert.Empty(p.GetProperty("lessons").EnumerateArray()));
    }

    [Theory]
    [InlineData("01G", HttpStatusCode.NotFound)]
    [InlineData("ZZZ", HttpStatusCode.NotFound)]
    public async Task Out_of_scope_and_unknown_consortia_are_both_not_found(string code, HttpStatusCode status)
    {
        using var client = factory.CreateClientFor(DemoAccountSeeder.Regional("Q30"));

        var response = await client.GetAsync($"/api/consortia/{code}/peers");

        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task Signed_out_is_a_401()
    {
        using var client = factory.CreateClient();

        var response = await client.GetAsync("/api/consortia/00G/peers");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}
