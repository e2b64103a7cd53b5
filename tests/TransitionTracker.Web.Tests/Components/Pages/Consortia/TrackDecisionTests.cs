using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TransitionTracker.Data;
using TransitionTracker.Data.Seeding;
using TransitionTracker.Domain.Assessments;
using TransitionTracker.Web.Tests.Infrastructure;

namespace TransitionTracker.Web.Tests.Components.Pages.Consortia;

/// <summary>Regional leads confirming or overriding a track, and how the decision shows everywhere the track appears.</summary>
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

        var response = await FormPost.SubmitAsync(lead, "/consortia/00G/track", "decision", new Dictionary<string, string>
        {
            ["track"] = other,
            ["reason"] = "Chair and accountable officer both new since March; the board wants a quarter of stability first.",
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
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
    public async Task A_second_lead_deciding_from_an_older_page_is_told_shown_the_other_decision_and_keeps_their_input()
    {
        var first = _factory.CreateClientFor(DemoAccountSeeder.Regional("Q30"));
        var second = _factory.CreateClientFor(DemoAccountSeeder.Regional("Q30"));
        var (_, firstPage) = await HtmlPage.GetAsync(first, "/consortia/00G/track");
        var (_, secondPage) = await HtmlPage.GetAsync(second, "/consortia/00G/track");

        var decided = await first.PostAsync("/consortia/00G/track", DecisionForm(firstPage, "needs-support", "Accountable officer post vacant until June."));
        var refused = await second.PostAsync("/consortia/00G/track", DecisionForm(secondPage, "fast-mover", "Strong clinical leadership; finance plan signed off."));

        Assert.Equal(HttpStatusCode.Redirect, decided.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        var page = await HtmlPage.ParseAsync(await refused.Content.ReadAsStringAsync());
        Assert.Contains("Someone else decided on this consortium's track while you were deciding", page.QuerySelector(".nhsuk-error-summary")!.Text());
        var card = page.QuerySelector("#conflict")!.Text();
        Assert.Contains("Your decision has not been recorded", card);
        Assert.Contains("Needs support", card);
        Assert.Contains("Accountable officer post vacant until June.", card);
        Assert.True(((AngleSharp.Html.Dom.IHtmlInputElement)page.QuerySelector("input[name=track][value=fast-mover]")!).IsChecked);
        Assert.Equal("Strong clinical leadership; finance plan signed off.", page.QuerySelector("#reason")!.TextContent);
        Assert.Equal(["Accountable officer post vacant until June."], await ReasonsAsync());

        // Recording it again from the refreshed page is a deliberate choice over the other decision, and it is accepted.
        var again = await second.PostAsync("/consortia/00G/track", DecisionForm(page, "fast-mover", "Strong clinical leadership; finance plan signed off."));
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        Assert.Equal(["Accountable officer post vacant until June.", "Strong clinical leadership; finance plan signed off."], await ReasonsAsync());
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
    public async Task A_decision_without_a_track_or_reason_is_refused_with_values_kept_and_nothing_stored()
    {
        var lead = _factory.CreateClientFor(DemoAccountSeeder.Regional("Q30"));
        var tooLong = new string('r', TrackDecision.ReasonMaxLength + 1);

        var empty = await HtmlPage.ParseAsync(await (await FormPost.SubmitAsync(lead, "/consortia/00G/track", "decision", new Dictionary<string, string> { ["reason"] = "" })).Content.ReadAsStringAsync());
        var long_ = await HtmlPage.ParseAsync(await (await FormPost.SubmitAsync(lead, "/consortia/00G/track", "decision", new Dictionary<string, string> { ["track"] = "fast-mover", ["reason"] = tooLong })).Content.ReadAsStringAsync());

        Assert.Equal(["Select the track this consortium should be on", "Enter the reason for your decision"], empty.QuerySelectorAll(".nhsuk-error-summary__list a").Select(a => a.Text()).ToArray());
        Assert.Contains("1,000 characters or fewer", long_.QuerySelector(".nhsuk-error-summary__list a")!.Text());
        Assert.Equal(tooLong, long_.QuerySelector("#reason")!.TextContent);
        Assert.True(((AngleSharp.Html.Dom.IHtmlInputElement)long_.QuerySelector("input[name=track][value=fast-mover]")!).IsChecked);
        using var scope = _factory.Services.CreateScope();
        Assert.Equal(0, await scope.ServiceProvider.GetRequiredService<TransitionTrackerDbContext>().TrackDecisions.CountAsync());
    }

    [Fact]
    public async Task Only_the_regional_lead_of_the_consortiums_region_may_decide()
    {
        Assert.Equal(HttpStatusCode.NotFound, (await _factory.CreateClientFor(DemoAccountSeeder.Regional("Q31")).GetAsync("/consortia/00G/track")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _factory.CreateClientFor(DemoAccountSeeder.PctManager("5D7")).GetAsync("/consortia/00G/track")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _factory.CreateClientFor(DemoAccountSeeder.National).GetAsync("/consortia/00G/track")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await _factory.CreateClientFor(DemoAccountSeeder.Regional("Q30")).GetAsync("/consortia/00G/track")).StatusCode);
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

    private static FormUrlEncodedContent DecisionForm(AngleSharp.Dom.IDocument page, string track, string reason) =>
        new(FormPost.ValuesOf(page.QuerySelectorAll("form").Single(f => f.QuerySelector("input[name=_handler][value=decision]") is not null), new Dictionary<string, string> { ["track"] = track, ["reason"] = reason }));

    private async Task<string[]> ReasonsAsync()
    {
        using var scope = _factory.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<TransitionTrackerDbContext>().TrackDecisions
            .Where(d => d.ConsortiumCode == "00G").OrderBy(d => d.Revision).Select(d => d.Reason).ToArrayAsync();
    }
}
