using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TransitionTracker.Application.Access;
using TransitionTracker.Application.Assessments;
using TransitionTracker.Application.Editing;
using TransitionTracker.Data;
using TransitionTracker.Data.Seeding;
using TransitionTracker.Domain.Access;
using TransitionTracker.Domain.Assessments;
using TransitionTracker.Web.Tests.Infrastructure;

namespace TransitionTracker.Web.Tests.Components.Pages.Consortia;

/// <summary>How a regional lead's track decision shows everywhere the track appears, and where the former decision page leads.</summary>
public sealed class TrackDecisionTests : IDisposable
{
    private readonly TransitionTrackerFactory _factory = new();

    [Fact]
    public async Task An_override_with_a_reason_is_shown_beside_the_computed_track_in_pages_and_api_and_audited()
    {
        var lead = _factory.CreateClientFor(DemoAccountSeeder.Regional("Q30"));
        var before = await lead.GetFromJsonAsync<JsonElement>("/api/consortia/00G");
        var computed = before.GetProperty("computedTrack").GetString();
        var other = computed == "fast-mover" ? "needs-support" : "fast-mover";

        var response = await DecideAsync(_factory, DemoAccountSeeder.Regional("Q30"), "00G", other,
            "Chair and accountable officer both new since March; the board wants a quarter of stability first.");

        Assert.True(response.IsSaved);
        var after = await lead.GetFromJsonAsync<JsonElement>("/api/consortia/00G");
        Assert.Equal(other, after.GetProperty("track").GetString());
        Assert.Equal(computed, after.GetProperty("computedTrack").GetString());
        var decision = after.GetProperty("override");
        Assert.Equal(other, decision.GetProperty("track").GetString());
        Assert.Equal(DemoAccountSeeder.Regional("Q30"), decision.GetProperty("by").GetString());
        Assert.StartsWith("Chair and accountable officer", decision.GetProperty("reason").GetString());

        // The computed result is untouched.
        var readiness = await lead.GetFromJsonAsync<JsonElement>("/api/consortia/00G/readiness");
        Assert.Equal(computed, readiness.GetProperty("track").GetString());

        var (_, page) = await HtmlPage.GetAsync(lead, "/consortia/00G");
        var track = page.QuerySelector("#track")!.Text();
        Assert.Contains("Set by the regional lead, regional.q30@demo.test", track);
        Assert.Contains("Chair and accountable officer both new since March", track);

        var filtered = await lead.GetFromJsonAsync<JsonElement[]>($"/api/consortia?track={other}&region=Q30");
        Assert.Contains(filtered!, c => c.GetProperty("code").GetString() == "00G");

        using var scope = _factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TransitionTrackerDbContext>();
        var audit = await db.AuditEntries.SingleAsync(a => a.EntityType == nameof(TrackDecision));
        Assert.Equal("00G", audit.ConsortiumCode);
        Assert.Equal(DemoAccountSeeder.Regional("Q30"), audit.Actor);
        Assert.Contains("Chair and accountable officer", audit.Changes);
    }

    [Fact]
    public async Task Two_decisions_made_from_the_same_latest_decision_cannot_both_be_stored()
    {
        using var scope = _factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TransitionTrackerDbContext>();
        var at = new DateTime(2012, 4, 2, 9, 0, 0, DateTimeKind.Utc);
        db.TrackDecisions.Add(new TrackDecision("00G", Domain.Scoring.Track.NeedsSupport, null, "First lead's reason", "a@demo.test", at, previous: null));
        await db.SaveChangesAsync();
        db.TrackDecisions.Add(new TrackDecision("00G", Domain.Scoring.Track.FastMover, null, "Second lead's reason", "b@demo.test", at, previous: null));

        await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
    }

    [Fact]
    public async Task The_former_address_takes_the_regional_lead_to_the_consortium_page_with_the_decision_open_and_is_not_found_for_others()
    {
        Assert.Equal(HttpStatusCode.NotFound, (await _factory.CreateClientFor(DemoAccountSeeder.Regional("Q31")).GetAsync("/consortia/00G/track")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _factory.CreateClientFor(DemoAccountSeeder.PctManager("5D7")).GetAsync("/consortia/00G/track")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _factory.CreateClientFor(DemoAccountSeeder.National).GetAsync("/consortia/00G/track")).StatusCode);
        var lead = _factory.CreateClientFor(DemoAccountSeeder.Regional("Q30"));

        var moved = await lead.GetAsync("/consortia/00g/track");

        Assert.Equal(HttpStatusCode.Redirect, moved.StatusCode);
        Assert.Equal("/consortia/00G?decide=track", moved.Headers.Location!.OriginalString.Replace("http://localhost", "", StringComparison.Ordinal));
        var (response, page) = await HtmlPage.GetAsync(lead, "/consortia/00G?decide=track");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("/consortia/00G?decide=track", page.QuerySelector("#decide-track")!.GetAttribute("href"));
        Assert.Null(page.QuerySelector("input[name=_handler][value=decision]"));
    }

    [Fact]
    public async Task The_api_lists_track_score_and_domain_scores_and_filters_by_track()
    {
        var national = _factory.CreateClientFor(DemoAccountSeeder.National);

        var all = await national.GetFromJsonAsync<JsonElement[]>("/api/consortia");
        var fast = await national.GetFromJsonAsync<JsonElement[]>("/api/consortia?track=fast-mover");
        var slow = await national.GetFromJsonAsync<JsonElement[]>("/api/consortia?track=needs-support");
        var bad = await national.GetAsync("/api/consortia?track=slow");

        Assert.Equal(all!.Length, fast!.Length + slow!.Length);
        Assert.All(fast, c => Assert.Equal("fast-mover", c.GetProperty("track").GetString()));
        Assert.All(all, c => Assert.Equal(8, c.GetProperty("domainScores").GetArrayLength()));
        Assert.All(all, c => Assert.InRange(c.GetProperty("score").GetDouble(), 0, 100));
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
    }

    public void Dispose() => _factory.Dispose();

    /// <summary>
    /// Records a decision as the consortium page's dialog does (the use case, for the signed-in user), based on the
    /// latest decision; the dialog itself is tested in <see cref="TrackDecisionDialogTests"/>.
    /// </summary>
    public static async Task<EditOutcome<TrackDecision>> DecideAsync(IServiceProvider services, string email, string code, string track, string reason)
    {
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TransitionTrackerDbContext>();
        var id = await db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync();
        var user = new ActingUser(id, email, email, new UserAccess([new RoleAssignment(id, Role.RegionalLead, "Q30")], new Dictionary<string, string>()));
        var latest = await db.TrackDecisions.Where(d => d.ConsortiumCode == code).MaxAsync(d => (int?)d.Revision) ?? 0;
        return await scope.ServiceProvider.GetRequiredService<TrackReview>().DecideAsync(user, code, latest, track, reason, CancellationToken.None);
    }

    private static Task<EditOutcome<TrackDecision>> DecideAsync(TransitionTrackerFactory factory, string email, string code, string track, string reason) =>
        DecideAsync(factory.Services, email, code, track, reason);
}
