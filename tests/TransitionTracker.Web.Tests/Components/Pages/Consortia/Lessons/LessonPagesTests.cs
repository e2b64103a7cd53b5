using System.Net;
using Microsoft.Extensions.DependencyInjection;
using TransitionTracker.Application.Lessons;
using TransitionTracker.Data.Seeding;
using TransitionTracker.Web.Tests.Infrastructure;

namespace TransitionTracker.Web.Tests.Components.Pages.Consortia.Lessons;

/// <summary>A consortium's lessons as served, written through the library's use case; each test has its own database.</summary>
public sealed class LessonPagesTests : IDisposable
{
    private const string Lessons = "/consortia/00G/lessons";
    private const string NewLesson = Lessons + "/new";

    private readonly TransitionTrackerFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task A_lesson_the_consortium_lead_writes_is_listed_under_its_domain()
    {
        var leadEmail = DemoAccountSeeder.ConsortiumLead("00G");
        var lead = _factory.CreateClientFor(leadEmail);
        await WriteAsync(leadEmail, "governance", " Agreeing the conflicts of interest policy ", "We took the draft to every practice meeting.\r\nIt took longer, but every practice signed.");

        var (_, page) = await HtmlPage.GetAsync(lead, Lessons);

        Assert.NotNull(page.QuerySelector($"a[href='{NewLesson}']"));
        var row = page.QuerySelectorAll(".app-lesson-grid tbody tr").Single(r => r.QuerySelector(".app-lesson-title")?.Text() == "Agreeing the conflicts of interest policy");
        Assert.Equal("Governance and accountability", row.QuerySelector(".app-domain-tag")!.Text().Trim());
        Assert.Equal(
            ["We took the draft to every practice meeting.", "It took longer, but every practice signed."],
            row.QuerySelectorAll(".app-lesson-text").Select(p => p.Text()));
        Assert.Equal(leadEmail, row.QuerySelector("td[data-label='Written by']")!.Text().Trim());
    }

    [Fact]
    public async Task The_lead_and_a_PCT_manager_of_a_linked_PCT_open_the_editor_ready_to_write()
    {
        foreach (var email in new[] { DemoAccountSeeder.ConsortiumLead("00G"), DemoAccountSeeder.PctManager("5D7") })
        {
            var (response, page) = await HtmlPage.GetAsync(_factory.CreateClientFor(email), NewLesson);

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("Write a lesson", page.QuerySelector("h1")!.Text());
            Assert.Equal("false", page.QuerySelector(".app-lesson-editor")!.GetAttribute("data-live"));
            Assert.Equal(8, page.QuerySelectorAll("fieldset#domain input[type=radio]").Length);
            Assert.Null(page.QuerySelector("main form[method=post]"));
        }
    }

    [Fact]
    public async Task A_national_viewer_reads_the_lessons_but_gets_404_for_writing_one()
    {
        var national = _factory.CreateClientFor(DemoAccountSeeder.National);

        var (listed, list) = await HtmlPage.GetAsync(national, Lessons);
        var opened = await national.GetAsync(NewLesson);

        Assert.Equal(HttpStatusCode.OK, listed.StatusCode);
        Assert.Null(list.QuerySelector($"a[href='{NewLesson}']"));
        Assert.Equal(HttpStatusCode.NotFound, opened.StatusCode);
        Assert.Equal("Page not found", (await PlanForms.PageOf(opened)).QuerySelector("h1")!.Text());
    }

    [Fact]
    public async Task The_domain_search_and_sort_in_the_address_are_applied_before_the_page_arrives()
    {
        var lead = _factory.CreateClientFor(DemoAccountSeeder.ConsortiumLead("00G"));
        await WriteAsync(DemoAccountSeeder.ConsortiumLead("00G"), "workforce", "Aardvark lesson on staff", "Talk to staff early.");
        await WriteAsync(DemoAccountSeeder.ConsortiumLead("00G"), "governance", "Zebra lesson on the board", "Agree the scheme of delegation.");

        var (_, workforce) = await HtmlPage.GetAsync(lead, Lessons + "?domain=workforce&q=staff");
        var (_, byTitle) = await HtmlPage.GetAsync(lead, Lessons + "?sort=title&dir=desc");
        var (_, odd) = await HtmlPage.GetAsync(lead, Lessons + "?domain=finance");

        var titles = workforce.QuerySelectorAll(".app-lesson-grid .app-lesson-title").Select(t => t.Text()).ToList();
        Assert.Contains("Aardvark lesson on staff", titles);
        Assert.DoesNotContain("Zebra lesson on the board", titles);
        var sorted = byTitle.QuerySelectorAll(".app-lesson-grid .app-lesson-title").Select(t => t.Text()).ToList();
        Assert.Equal(sorted.OrderByDescending(t => t.ToUpperInvariant(), StringComparer.Ordinal), sorted);
        Assert.Equal(
            ["“finance” is not a domain of the readiness framework, so lessons on every domain are shown."],
            odd.QuerySelectorAll(".app-query-note").Select(n => n.Text().Trim()));
    }

    /// <summary>Writes a lesson as the editor does, through the library's use case.</summary>
    private async Task WriteAsync(string email, string domain, string title, string body)
    {
        var user = await DemoUsers.ActingAsync(_factory, email);
        await using var scope = _factory.Services.CreateAsyncScope();
        var form = new LessonForm { Domain = domain, Title = title, Body = body };
        var outcome = await scope.ServiceProvider.GetRequiredService<LessonLibrary>().AddAsync(user, "00G", form, CancellationToken.None);
        Assert.True(outcome.IsSaved, string.Join("; ", outcome.Problems.Select(p => p.Message)));
    }
}
