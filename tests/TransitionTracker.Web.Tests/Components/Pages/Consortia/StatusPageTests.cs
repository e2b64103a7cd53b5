using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TransitionTracker.Data;
using TransitionTracker.Data.Seeding;
using TransitionTracker.Domain.Assessments;
using TransitionTracker.Web.Tests.Infrastructure;

namespace TransitionTracker.Web.Tests.Components.Pages.Consortia;

/// <summary>The consortium page as its lead reads it, checked against the seeded demo history.</summary>
[Collection(SharedAppCollection.Name)]
public sealed class StatusPageTests(TransitionTrackerFactory factory)
{
    [Fact]
    public async Task The_track_in_plain_words_comes_straight_after_the_heading_with_its_history_and_lessons_from_strong_consortia()
    {
        var lead = factory.CreateClientFor(DemoAccountSeeder.ConsortiumLead("00G"));

        var (response, page) = await HtmlPage.GetAsync(lead, "/consortia/00G");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var afterHeading = page.QuerySelector("h1")!.NextElementSibling!;
        Assert.Equal("track", afterHeading.Id);

        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TransitionTrackerDbContext>();
        var history = await db.Assessments.AsNoTracking()
            .Where(a => a.ConsortiumCode == "00G" && a.FrameworkId == "gp-consortium-readiness-2010" && a.Status == AssessmentStatus.Submitted)
            .OrderBy(a => a.SubmittedAtUtc).ToListAsync();
        var latest = history[^1];
        var expected = latest.Track == Domain.Scoring.Track.FastMover ? "Fast mover: ready for full budgetary responsibility" : "Needs support: needs development support and more time";
        Assert.Equal(expected, page.QuerySelector(".app-track-headline")!.Text());
        Assert.Contains($"Overall score {latest.Score:0.0}", page.QuerySelector("#track")!.Text());
        Assert.Equal(history.Count, page.QuerySelectorAll("table#history tbody tr").Length);

        // Lessons come from other consortia scoring at least 75 in one of this consortium's two weakest domains.
        var weakest = (await db.DomainScores.AsNoTracking().Where(d => d.AssessmentId == latest.Id && d.Score != null).ToListAsync())
            .OrderBy(d => d.Score).ThenBy(d => d.DomainId, StringComparer.Ordinal).Take(2).Select(d => d.DomainId).ToList();
        var cards = page.QuerySelectorAll("#lessons-from-others .nhsuk-card");
        Assert.NotEmpty(cards);
        foreach (var card in cards)
        {
            var title = card.QuerySelector("h3")!.Text();
            var lesson = await db.Lessons.AsNoTracking().FirstAsync(l => l.Title == title && weakest.Contains(l.DomainId));
            Assert.NotEqual("00G", lesson.ConsortiumCode);
        }
    }

    [Fact]
    public async Task A_pct_manager_sees_the_links_to_change_things_and_a_lead_does_not()
    {
        var (_, managerPage) = await HtmlPage.GetAsync(factory.CreateClientFor(DemoAccountSeeder.PctManager("5D7")), "/consortia/00G");
        var (_, leadPage) = await HtmlPage.GetAsync(factory.CreateClientFor(DemoAccountSeeder.ConsortiumLead("00G")), "/consortia/00G");
        var (_, regionalPage) = await HtmlPage.GetAsync(factory.CreateClientFor(DemoAccountSeeder.Regional("Q30")), "/consortia/00G");

        Assert.Contains(managerPage.QuerySelectorAll("a"), a => a.Text() == "Readiness checklist");
        Assert.DoesNotContain(leadPage.QuerySelectorAll("a"), a => a.Text() == "Readiness checklist");
        Assert.Contains(regionalPage.QuerySelectorAll("a"), a => a.Text().StartsWith("Confirm or override the track", StringComparison.Ordinal));
        Assert.DoesNotContain(leadPage.QuerySelectorAll("a"), a => a.Text().StartsWith("Confirm or override the track", StringComparison.Ordinal));
    }
}
