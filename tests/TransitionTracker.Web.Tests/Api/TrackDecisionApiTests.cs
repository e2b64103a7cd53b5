using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using TransitionTracker.Data.Seeding;
using TransitionTracker.Domain.Assessments;
using TransitionTracker.Web.Tests.Infrastructure;

namespace TransitionTracker.Web.Tests.Api;

public sealed class TrackDecisionApiTests : IDisposable
{
    private const string Decision = "/api/consortia/00G/track-decision";
    private readonly TransitionTrackerFactory _factory = new();

    [Fact]
    public async Task A_regional_lead_decides_through_the_api_as_the_dialog_does_and_everyone_in_scope_reads_it()
    {
        var lead = _factory.CreateClientFor(DemoAccountSeeder.Regional("Q30"));
        var before = await lead.GetFromJsonAsync<JsonElement>(Decision);
        var basedOn = before.GetProperty("revision").GetInt32();

        var decided = await lead.PostAsJsonAsync(Decision, new { track = "needs-support", reason = "Finance plan not yet agreed with the PCT", revision = basedOn });

        Assert.Equal(HttpStatusCode.OK, decided.StatusCode);
        var saved = await decided.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("needs-support", saved.GetProperty("track").GetString());
        Assert.Equal(DemoAccountSeeder.Regional("Q30"), saved.GetProperty("decidedBy").GetString());
        Assert.Equal(basedOn + 1, saved.GetProperty("revision").GetInt32());

        var consortiumLead = _factory.CreateClientFor(DemoAccountSeeder.ConsortiumLead("00G"));
        var read = await consortiumLead.GetFromJsonAsync<JsonElement>(Decision);
        Assert.Equal("needs-support", read.GetProperty("effectiveTrack").GetString());
        Assert.Equal(basedOn + 1, read.GetProperty("revision").GetInt32());
        Assert.Equal("Finance plan not yet agreed with the PCT", read.GetProperty("decision").GetProperty("reason").GetString());
    }

    [Fact]
    public async Task A_decision_based_on_an_old_revision_is_a_409_with_the_latest_and_changes_nothing()
    {
        var first = _factory.CreateClientFor(DemoAccountSeeder.Regional("Q30"));
        var second = _factory.CreateClientFor(DemoAccountSeeder.Regional("Q30"));
        var basedOn = (await first.GetFromJsonAsync<JsonElement>(Decision)).GetProperty("revision").GetInt32();
        Assert.Equal(HttpStatusCode.OK, (await first.PostAsJsonAsync(Decision, new { track = "fast-mover", reason = "Confirmed at the board", revision = basedOn })).StatusCode);

        var late = await second.PostAsJsonAsync(Decision, new { track = "needs-support", reason = "Seen before the board met", revision = basedOn });

        Assert.Equal(HttpStatusCode.Conflict, late.StatusCode);
        Assert.Equal("application/problem+json", late.Content.Headers.ContentType!.MediaType);
        var problem = await late.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("fast-mover", problem.GetProperty("current").GetProperty("track").GetString());
        var read = await second.GetFromJsonAsync<JsonElement>(Decision);
        Assert.Equal("Confirmed at the board", read.GetProperty("decision").GetProperty("reason").GetString());
        Assert.Equal(basedOn + 1, read.GetProperty("revision").GetInt32());
    }

    [Theory]
    [InlineData("""{"reason":"No track given","revision":0}""", "$.track")]
    [InlineData("""{"track":"slow-mover","reason":"Unknown track","revision":0}""", "$.track")]
    [InlineData("""{"track":"fast-mover","revision":0}""", "$.reason")]
    [InlineData("""{"track":"fast-mover","reason":"   ","revision":0}""", "$.reason")]
    [InlineData("""{"track":"fast-mover","reason":"No revision"}""", "$.revision")]
    [InlineData("""{"track":"fast-mover","reason":"Bad revision","revision":"x"}""", "$.revision")]
    [InlineData("""{"track":"fast-mover","reason":5,"revision":0}""", "$.reason")]
    [InlineData("""[]""", "$")]
    public async Task Invalid_decisions_are_400_problems_naming_the_field_and_store_nothing(string body, string path)
    {
        var lead = _factory.CreateClientFor(DemoAccountSeeder.Regional("Q30"));
        var before = await lead.GetStringAsync(Decision);

        var response = await lead.PostAsync(Decision, new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problems = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("problems").EnumerateArray()
            .Select(p => p.GetProperty("path").GetString()).ToList();
        Assert.Contains(path, problems);
        Assert.Equal(before, await lead.GetStringAsync(Decision));
    }

    [Fact]
    public async Task A_reason_longer_than_the_dialog_allows_is_refused_with_the_dialogs_message()
    {
        var lead = _factory.CreateClientFor(DemoAccountSeeder.Regional("Q30"));

        var response = await lead.PostAsJsonAsync(Decision, new { track = "fast-mover", reason = new string('x', TrackDecision.ReasonMaxLength + 1), revision = 0 });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = Assert.Single((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("problems").EnumerateArray());
        Assert.Equal($"The reason must be {TrackDecision.ReasonMaxLength:N0} characters or fewer (it has {TrackDecision.ReasonMaxLength + 1:N0})", problem.GetProperty("message").GetString());
    }

    [Fact]
    public async Task Only_regional_leads_of_its_region_may_decide_and_a_refusal_changes_nothing()
    {
        var lead = _factory.CreateClientFor(DemoAccountSeeder.Regional("Q30"));
        var before = await lead.GetStringAsync(Decision);
        var body = new { track = "fast-mover", reason = "Not mine to decide", revision = 0 };

        foreach (var email in new[] { DemoAccountSeeder.ConsortiumLead("00G"), DemoAccountSeeder.PctManager("5D7"), DemoAccountSeeder.Regional("Q31"), DemoAccountSeeder.National })
        {
            var response = await _factory.CreateClientFor(email).PostAsJsonAsync(Decision, body);
            Assert.True(response.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.NotFound, $"{email}: {response.StatusCode}");
        }

        Assert.Equal(before, await lead.GetStringAsync(Decision));
    }

    public void Dispose() => _factory.Dispose();
}
