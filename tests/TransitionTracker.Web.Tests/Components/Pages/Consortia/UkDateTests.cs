using System.Net;
using System.Text.Json;
using AngleSharp.Dom;
using Microsoft.Extensions.DependencyInjection;
using TransitionTracker.Data;
using TransitionTracker.Data.Seeding;
using TransitionTracker.Domain.Assessments;
using TransitionTracker.Domain.Frameworks;
using TransitionTracker.Domain.Scoring;
using TransitionTracker.Web.Tests.Infrastructure;

namespace TransitionTracker.Web.Tests.Components.Pages.Consortia;

/// <summary>
/// Dates taken from stored moments are UK dates: just after midnight in British Summer Time the UTC date is still the
/// day before, and pages must not show it.
/// </summary>
public sealed class UkDateTests : IDisposable
{
    private const string Submitter = "board.secretary@00g.test";

    // 00:30 on 1 June 2012 in the UK.
    private static readonly DateTimeOffset JustAfterMidnight = new(2012, 5, 31, 23, 30, 0, TimeSpan.Zero);

    private readonly ClockedFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task An_assessment_submitted_just_after_midnight_in_summer_shows_the_uk_date_in_the_history()
    {
        _factory.Clock.Advance(JustAfterMidnight - _factory.Clock.GetUtcNow());
        await SubmitAsync("00G", JustAfterMidnight.UtcDateTime);
        var lead = _factory.CreateClientFor(DemoAccountSeeder.ConsortiumLead("00G"));

        var (_, page) = await HtmlPage.GetAsync(lead, "/consortia/00G/history");

        var row = page.QuerySelectorAll("tbody tr").Single(r => r.Text().Contains(Submitter, StringComparison.Ordinal));
        Assert.Equal("1 Jun 2012", row.QuerySelector("td")!.Text());
    }

    [Fact]
    public async Task A_track_decision_made_just_after_midnight_in_summer_shows_the_uk_date()
    {
        _factory.Clock.Advance(JustAfterMidnight - _factory.Clock.GetUtcNow());
        var regional = _factory.CreateClientFor(DemoAccountSeeder.Regional("Q30"));

        var response = await TrackDecisionTests.DecideAsync(_factory.Services, DemoAccountSeeder.Regional("Q30"), "00G", "needs-support", "Accountable officer post vacant until the autumn.");

        Assert.True(response.IsSaved);
        var (_, status) = await HtmlPage.GetAsync(regional, "/consortia/00G");
        Assert.Contains("regional.q30@demo.test, on 1 June 2012", status.QuerySelector("#track")!.Text());
    }

    private async Task SubmitAsync(string consortium, DateTime atUtc)
    {
        var framework = ShippedFrameworks.DefaultFramework;
        var responses = framework.Criteria.Select(c => CriterionResponse.WithStatus(c.Id, ResponseStatus.Met)).ToList();
        var assessment = new Assessment(consortium, framework.Id, framework.Version, Submitter, atUtc);
        foreach (var response in responses)
        {
            assessment.Answer(response.CriterionId, response.Status, null, null, Submitter, atUtc);
        }

        var result = ReadinessScorer.Score(framework, responses);
        assessment.Submit(result, JsonSerializer.Serialize(ReadinessReport.From(framework, result), JsonSerializerOptions.Web), Submitter, atUtc);

        using var scope = _factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TransitionTrackerDbContext>();
        db.Assessments.Add(assessment);
        await db.SaveChangesAsync();
    }
}
