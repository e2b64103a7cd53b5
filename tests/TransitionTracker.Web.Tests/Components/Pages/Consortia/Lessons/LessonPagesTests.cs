using System.Net;
using TransitionTracker.Data.Seeding;
using TransitionTracker.Domain.Lessons;
using TransitionTracker.Web.Tests.Infrastructure;

namespace TransitionTracker.Web.Tests.Components.Pages.Consortia.Lessons;

/// <summary>Writing and reading a consortium's lessons through the real forms; each test has its own database.</summary>
public sealed class LessonPagesTests : IDisposable
{
    private const string Lessons = "/consortia/00G/lessons";
    private const string NewLesson = Lessons + "/new";
    private const string FormName = "lesson";

    private readonly TransitionTrackerFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task The_consortium_lead_writes_a_lesson_that_is_listed_under_its_domain_and_audited()
    {
        var leadEmail = DemoAccountSeeder.ConsortiumLead("00G");
        var lead = _factory.CreateClientFor(leadEmail);
        var (_, list) = await HtmlPage.GetAsync(lead, Lessons);
        Assert.NotNull(list.QuerySelector($"a[href='{NewLesson}']"));

        var response = await FormPost.SubmitAsync(lead, NewLesson, FormName,
            Fields("governance", " Agreeing the conflicts of interest policy ", "We took the draft to every practice meeting.\r\nIt took longer, but every practice signed."));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(Lessons + "?done=added", PlanForms.RedirectTarget(response));
        var (_, page) = await HtmlPage.GetAsync(lead, Lessons + "?done=added");
        Assert.Contains("Lesson added", page.QuerySelector(".app-done-banner")!.Text());
        var row = page.QuerySelectorAll(".app-lesson-grid tbody tr").Single(r => r.QuerySelector(".app-lesson-title")?.Text() == "Agreeing the conflicts of interest policy");
        Assert.Equal("Governance and accountability", row.QuerySelector(".app-domain-tag")!.Text().Trim());
        Assert.Equal(
            ["We took the draft to every practice meeting.", "It took longer, but every practice signed."],
            row.QuerySelectorAll(".app-lesson-text").Select(p => p.Text()));
        Assert.Equal(leadEmail, row.QuerySelector("td[data-label='Written by']")!.Text().Trim());

        var stored = Assert.Single(await PlanForms.StoredAsync<Lesson>(_factory), l => l.Title == "Agreeing the conflicts of interest policy");
        Assert.Equal(("00G", "governance", leadEmail), (stored.ConsortiumCode, stored.DomainId, stored.WrittenBy));
        Assert.Equal("We took the draft to every practice meeting.\nIt took longer, but every practice signed.", stored.Body);
        var audit = Assert.Single(await PlanForms.AuditedAsync(_factory, nameof(Lesson)));
        Assert.Equal((leadEmail, "Added", "00G"), (audit.Actor, audit.Action, audit.ConsortiumCode));
    }

    [Fact]
    public async Task A_PCT_manager_of_a_linked_PCT_writes_a_lesson_for_the_consortium()
    {
        var manager = _factory.CreateClientFor(DemoAccountSeeder.PctManager("5D7"));

        var response = await FormPost.SubmitAsync(manager, NewLesson, FormName, Fields("workforce", "Keeping the PEC chair", "Invite the PEC chair onto the shadow board early."));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var stored = Assert.Single(await PlanForms.StoredAsync<Lesson>(_factory), l => l.Title == "Keeping the PEC chair");
        Assert.Equal(("00G", "workforce", DemoAccountSeeder.PctManager("5D7")), (stored.ConsortiumCode, stored.DomainId, stored.WrittenBy));
        Assert.Single(await PlanForms.AuditedAsync(_factory, nameof(Lesson)), a => a.ConsortiumCode == "00G");
    }

    [Fact]
    public async Task A_national_viewer_reads_the_lessons_but_gets_404_for_writing_one()
    {
        var national = _factory.CreateClientFor(DemoAccountSeeder.National);

        var (listed, list) = await HtmlPage.GetAsync(national, Lessons);
        var opened = await national.GetAsync(NewLesson);

        // A post made by hand, with the viewer's own antiforgery token (from the sign-out form): refused the same way.
        var (_, signOut) = await HtmlPage.GetAsync(national, "/sign-out");
        var crafted = new Dictionary<string, string>(Fields("governance", "Sneaked in", "Should not be saved."))
        {
            ["__RequestVerificationToken"] = FormPost.Token(signOut.QuerySelector("form")!),
            ["_handler"] = FormName,
        };
        var posted = await national.PostAsync(NewLesson, new FormUrlEncodedContent(crafted));

        Assert.Equal(HttpStatusCode.OK, listed.StatusCode);
        Assert.Null(list.QuerySelector($"a[href='{NewLesson}']"));
        Assert.Equal(HttpStatusCode.NotFound, opened.StatusCode);
        Assert.Equal("Page not found", (await PlanForms.PageOf(opened)).QuerySelector("h1")!.Text());
        Assert.Equal(HttpStatusCode.NotFound, posted.StatusCode);
        Assert.Null((await PlanForms.PageOf(posted)).QuerySelector("form input[name='Input.Title']"));
        Assert.DoesNotContain(await PlanForms.StoredAsync<Lesson>(_factory), l => l.Title == "Sneaked in");
    }

    [Fact]
    public async Task The_domain_search_and_sort_in_the_address_are_applied_before_the_page_arrives()
    {
        var lead = _factory.CreateClientFor(DemoAccountSeeder.ConsortiumLead("00G"));
        await FormPost.SubmitAsync(lead, NewLesson, FormName, Fields("workforce", "Aardvark lesson on staff", "Talk to staff early."));
        await FormPost.SubmitAsync(lead, NewLesson, FormName, Fields("governance", "Zebra lesson on the board", "Agree the scheme of delegation."));

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

    public static TheoryData<string, string, string, string[], string[]> InvalidLessons() => new()
    {
        { "", "", "", ["Select the domain the lesson is about", "Enter a title for the lesson", "Enter what you learned"], ["#domain", "#title", "#body"] },
        { "not-a-domain", "A title", "A body", ["Select the domain the lesson is about"], ["#domain"] },
        { "finance", new string('t', Lesson.TitleMaxLength + 1), "A body", ["Select the domain the lesson is about", "Title must be 150 characters or fewer"], ["#domain", "#title"] },
        { "financial-management", "A title", new string('b', Lesson.BodyMaxLength + 1), ["The lesson must be 2,000 characters or fewer"], ["#body"] },
    };

    [Theory]
    [MemberData(nameof(InvalidLessons))]
    public async Task A_lesson_with_problems_names_each_in_the_summary_keeps_every_value_and_saves_nothing(
        string domain, string title, string body, string[] errors, string[] links)
    {
        var lead = _factory.CreateClientFor(DemoAccountSeeder.ConsortiumLead("00G"));

        var response = await FormPost.SubmitAsync(lead, NewLesson, FormName, Fields(domain, title, body));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var page = await PlanForms.PageOf(response);
        Assert.StartsWith("Error: ", page.Title);
        Assert.Equal(errors, PlanForms.SummaryErrors(page));
        Assert.Equal(links, PlanForms.SummaryLinks(page));
        Assert.All(links, link => Assert.NotNull(page.QuerySelector(link)));
        Assert.Equal(title, PlanForms.Shown(page, "Input.Title"));
        Assert.Equal(body, PlanForms.Shown(page, "Input.Body"));
        Assert.Empty(await PlanForms.AuditedAsync(_factory, nameof(Lesson)));
    }

    [Fact]
    public async Task The_lesson_form_offers_the_eight_domains_of_the_default_framework()
    {
        var lead = _factory.CreateClientFor(DemoAccountSeeder.ConsortiumLead("00G"));

        var (_, page) = await HtmlPage.GetAsync(lead, NewLesson);

        Assert.Equal(
            ["clinical-leadership", "governance", "financial-management", "commissioning", "partnership", "patients-public", "workforce", "quality-performance"],
            page.QuerySelectorAll("input[name='Input.Domain']").Select(r => r.GetAttribute("value")));
        Assert.Empty(page.QuerySelectorAll("input[name='Input.Domain'][checked]"));
    }

    private static Dictionary<string, string> Fields(string domain, string title, string body) => new()
    {
        ["Input.Domain"] = domain,
        ["Input.Title"] = title,
        ["Input.Body"] = body,
    };
}
