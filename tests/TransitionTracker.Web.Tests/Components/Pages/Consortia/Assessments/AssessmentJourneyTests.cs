using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AngleSharp.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TransitionTracker.Data;
using TransitionTracker.Data.Seeding;
using TransitionTracker.Domain.Assessments;
using TransitionTracker.Domain.Frameworks;
using TransitionTracker.Web.Tests.Infrastructure;

namespace TransitionTracker.Web.Tests.Components.Pages.Consortia.Assessments;

/// <summary>The PCT manager's journey through the real forms, antiforgery tokens included.</summary>
public sealed class AssessmentJourneyTests : IDisposable
{
    private const string Checklist = "/consortia/00G/assessments/gp-consortium-readiness-2010";
    private static readonly Framework Framework = ShippedFrameworks.DefaultFramework;
    private readonly TransitionTrackerFactory _factory = new();

    // These journeys start from a consortium that has never been assessed: its demo history is removed first.
    public AssessmentJourneyTests()
    {
        using var scope = _factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TransitionTrackerDbContext>();
        db.Assessments.Where(a => a.ConsortiumCode == "00G" && a.FrameworkId == Framework.Id).ExecuteDelete();
    }

    [Fact]
    public async Task Filling_every_domain_then_submitting_stores_the_result_and_shows_it()
    {
        var manager = _factory.CreateClientFor(DemoAccountSeeder.PctManager("5D7"));
        await StartAsync(manager);

        foreach (var domain in Framework.Domains)
        {
            var answers = Framework.CriteriaOf(domain.Id).ToDictionary(c => $"answer.{c.Id}", _ => "met");
            answers[$"evidence.{Framework.CriteriaOf(domain.Id)[0].Id}"] = $"Minutes of the {domain.Name} board, October 2010";
            var saved = await FormPost.SubmitAsync(manager, DomainPage(domain.Id), "answers", answers);
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
            Assert.Equal(Checklist + "?saved=true", saved.Headers.Location!.PathAndQuery);
        }

        var (_, checklist) = await HtmlPage.GetAsync(manager, Checklist);
        Assert.All(checklist.QuerySelectorAll(".nhsuk-task-list__status"), s => Assert.Equal("Completed", s.Text()));
        Assert.Contains("score 100.0", checklist.QuerySelector(".nhsuk-task-list__hint")!.Text());

        var (_, check) = await HtmlPage.GetAsync(manager, Checklist + "/check");
        Assert.Equal("Fast mover: ready for full budgetary responsibility", check.QuerySelector(".nhsuk-card__heading")!.Text());
        Assert.Contains("Minutes of the Governance and accountability board", check.Body!.Text());

        var submitted = await FormPost.SubmitAsync(manager, Checklist + "/check", "submit", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, submitted.StatusCode);
        var (_, history) = await HtmlPage.GetAsync(manager, submitted.Headers.Location!.PathAndQuery);
        Assert.Equal("Assessment submitted", history.QuerySelector(".app-submitted__title")!.Text());
        var row = history.QuerySelectorAll("tbody tr").Single(r => r.Text().Contains(Framework.Id, StringComparison.Ordinal));
        Assert.Contains("100.0", row.Text());
        Assert.Contains("Fast mover", row.Text());

        // Each row opens that assessment's answers and evidence, read-only; the open row is in the address.
        var toggle = row.QuerySelector("a.app-answers-toggle")!;
        Assert.Equal("false", toggle.GetAttribute("aria-expanded"));
        var (_, opened) = await HtmlPage.GetAsync(manager, toggle.GetAttribute("href")!);
        var shown = opened.QuerySelector(".app-answers")!;
        Assert.Equal(Framework.Criteria.Count, shown.QuerySelectorAll(".app-answer").Length);
        Assert.Contains("Minutes of the Governance and accountability board, October 2010", shown.Text());
        Assert.Contains("no earlier one to compare it with", shown.QuerySelector(".app-changes__first")!.Text(), StringComparison.Ordinal);
        Assert.Equal("true", opened.QuerySelector("a.app-answers-toggle[aria-expanded=true]")!.GetAttribute("aria-expanded"));

        var stored = await manager.GetFromJsonAsync<JsonElement[]>("/api/consortia/00G/assessments");
        var assessment = stored!.Single(a => a.GetProperty("framework").GetString() == Framework.Id);
        Assert.Equal(1, assessment.GetProperty("frameworkVersion").GetInt32());
        Assert.Equal(DemoAccountSeeder.PctManager("5D7"), assessment.GetProperty("submittedBy").GetString());
        Assert.Equal("fast-mover", assessment.GetProperty("result").GetProperty("track").GetString());
        Assert.Equal(Framework.Criteria.Count, assessment.GetProperty("responses").GetArrayLength());

        // A new draft starts from the last submitted answers.
        await StartAsync(manager);
        var (_, again) = await HtmlPage.GetAsync(manager, DomainPage("governance"));
        Assert.True(((AngleSharp.Html.Dom.IHtmlInputElement)again.QuerySelector("input[name='answer.GOV-02'][value=met]")!).IsChecked);
    }

    [Fact]
    public async Task Invalid_answers_are_listed_in_the_error_summary_with_every_entered_value_kept_and_nothing_saved()
    {
        var manager = _factory.CreateClientFor(DemoAccountSeeder.PctManager("5D7"));
        await StartAsync(manager);
        var tooLong = new string('x', AssessmentResponse.EvidenceMaxLength + 1);

        var response = await FormPost.SubmitAsync(manager, DomainPage("governance"), "answers", new Dictionary<string, string>
        {
            ["answer.GOV-01"] = "in_progress",
            ["answer.GOV-02"] = "not_applicable",
            ["answer.GOV-03"] = "finished",
            ["evidence.GOV-01"] = "Board minutes <script>alert(1)</script>",
            ["evidence.GOV-04"] = tooLong,
        });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var page = await HtmlPage.ParseAsync(await response.Content.ReadAsStringAsync());
        var links = page.QuerySelectorAll(".nhsuk-error-summary__list a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Contains("#GOV-02", links);
        Assert.Contains("#GOV-03", links);
        Assert.Contains("#evidence-GOV-04", links);
        Assert.StartsWith("Error: ", page.Title);
        Assert.True(Radio(page, "GOV-01", "in_progress").IsChecked);
        Assert.True(Radio(page, "GOV-02", "not_applicable").IsChecked);
        Assert.Equal("Board minutes <script>alert(1)</script>", page.QuerySelector("#evidence-GOV-01")!.TextContent);
        Assert.Equal(tooLong, page.QuerySelector("#evidence-GOV-04")!.TextContent);
        Assert.Empty(await ResponsesAsync());
    }

    [Fact]
    public async Task A_second_save_based_on_an_old_page_is_refused_shows_what_changed_and_keeps_the_input()
    {
        var first = _factory.CreateClientFor(DemoAccountSeeder.PctManager("5D7"));
        var second = _factory.CreateClientFor(DemoAccountSeeder.PctManager("5D7"));
        await StartAsync(first);
        var (_, firstPage) = await HtmlPage.GetAsync(first, DomainPage("governance"));
        var (_, secondPage) = await HtmlPage.GetAsync(second, DomainPage("governance"));

        var saved = await first.PostAsync(DomainPage("governance"), Form(firstPage, new() { ["answer.GOV-01"] = "met" }));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var refused = await second.PostAsync(DomainPage("governance"), Form(secondPage, new() { ["answer.GOV-01"] = "not_started", ["evidence.GOV-01"] = "Second manager's note" }));

        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        var page = await HtmlPage.ParseAsync(await refused.Content.ReadAsStringAsync());
        var warning = page.QuerySelector(".nhsuk-warning-callout")!.Text();
        Assert.Contains("Someone else saved first", warning);
        Assert.Contains("GOV-01: now Met (was Not answered)", warning);
        Assert.True(Radio(page, "GOV-01", "not_started").IsChecked);
        Assert.Equal("Second manager's note", page.QuerySelector("#evidence-GOV-01")!.TextContent);
        var stored = Assert.Single(await ResponsesAsync());
        Assert.Equal(("GOV-01", (Domain.Scoring.ResponseStatus?)Domain.Scoring.ResponseStatus.Met, (string?)null), (stored.CriterionId, stored.Status, stored.Evidence));

        // Saving again from the refreshed form is a deliberate choice, and it is accepted.
        var again = await second.PostAsync(DomainPage("governance"), Form(page, new()));
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        Assert.Equal(Domain.Scoring.ResponseStatus.NotStarted, Assert.Single(await ResponsesAsync()).Status);
    }

    [Fact]
    public async Task An_answer_to_a_criterion_the_section_does_not_have_is_refused_and_nothing_is_saved()
    {
        var manager = _factory.CreateClientFor(DemoAccountSeeder.PctManager("5D7"));
        await StartAsync(manager);
        var (_, page) = await HtmlPage.GetAsync(manager, DomainPage("governance"));

        var refused = await manager.PostAsync(DomainPage("governance"), Form(page, new() { ["answer.GOV-01"] = "met", ["answer.FIN-01"] = "met", ["evidence.GOV-99"] = "A note" }));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        var shown = await HtmlPage.ParseAsync(await refused.Content.ReadAsStringAsync());
        Assert.Contains("FIN-01, which is not a criterion of", shown.QuerySelector(".nhsuk-error-summary__list")!.Text());
        Assert.True(Radio(shown, "GOV-01", "met").IsChecked);
        Assert.Empty(await ResponsesAsync());
    }

    [Fact]
    public async Task A_bulk_update_through_the_api_never_drops_evidence_entered_through_the_form()
    {
        var manager = _factory.CreateClientFor(DemoAccountSeeder.PctManager("5D7"));
        await StartAsync(manager);
        var saved = await FormPost.SubmitAsync(manager, DomainPage("governance"), "answers", new Dictionary<string, string>
        {
            ["answer.GOV-01"] = "met",
            ["evidence.GOV-01"] = "Constitution agreed at the March board",
            ["evidence.GOV-02"] = "Draft scheme of delegation circulated",
            ["answer.GOV-03"] = "in_progress",
            ["evidence.GOV-03"] = "Audit committee chair interviews in May",
        });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        const string api = "/api/consortia/00G/assessments/current";
        var revision = (await manager.GetFromJsonAsync<JsonElement>(api)).GetProperty("revision").GetInt32();

        var put = await manager.PutAsJsonAsync(api, new
        {
            revision,
            responses = new object[]
            {
                new { criterion = "GOV-01", status = "in_progress" },
                new { criterion = "GOV-04", status = "met", evidence = "Register of interests published" },
            },
        });

        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        var stored = (await ResponsesAsync()).ToDictionary(r => r.CriterionId);
        Assert.Equal((Domain.Scoring.ResponseStatus?)Domain.Scoring.ResponseStatus.InProgress, stored["GOV-01"].Status);
        Assert.Equal("Constitution agreed at the March board", stored["GOV-01"].Evidence);
        Assert.Equal("Draft scheme of delegation circulated", stored["GOV-02"].Evidence);
        Assert.Null(stored["GOV-03"].Status);
        Assert.Equal("Audit committee chair interviews in May", stored["GOV-03"].Evidence);
        Assert.Equal("Register of interests published", stored["GOV-04"].Evidence);

        // An evidence note given as null clears it: only then is evidence removed.
        revision = (await put.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("revision").GetInt32();
        var cleared = await manager.PutAsync(api, new StringContent(
            $$"""{"revision":{{revision}},"responses":[{"criterion":"GOV-01","status":"met","evidence":null}]}""", System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.OK, cleared.StatusCode);
        stored = (await ResponsesAsync()).ToDictionary(r => r.CriterionId);
        Assert.Null(stored["GOV-01"].Evidence);
        Assert.Equal("Draft scheme of delegation circulated", stored["GOV-02"].Evidence);
    }

    [Fact]
    public async Task Every_change_to_an_answer_is_in_the_audit_trail_with_old_and_new_values()
    {
        var manager = _factory.CreateClientFor(DemoAccountSeeder.PctManager("5D7"));
        await StartAsync(manager);
        await FormPost.SubmitAsync(manager, DomainPage("governance"), "answers", new Dictionary<string, string> { ["answer.GOV-01"] = "in_progress" });
        await FormPost.SubmitAsync(manager, DomainPage("governance"), "answers", new Dictionary<string, string> { ["answer.GOV-01"] = "met" });

        using var scope = _factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TransitionTrackerDbContext>();
        var changes = await db.AuditEntries.Where(a => a.EntityType == nameof(AssessmentResponse) && a.ConsortiumCode == "00G").OrderBy(a => a.Id).ToListAsync();
        Assert.Equal(["Added", "Modified"], changes.Select(c => c.Action).ToArray());
        Assert.All(changes, c => Assert.Equal(DemoAccountSeeder.PctManager("5D7"), c.Actor));
        var modified = JsonDocument.Parse(changes[1].Changes).RootElement.EnumerateArray().ToList();
        var status = modified.Single(f => f.GetProperty("field").GetString() == "Status");
        Assert.Equal("InProgress", status.GetProperty("old").GetString());
        Assert.Equal("Met", status.GetProperty("new").GetString());
        Assert.Contains(modified, f => f.GetProperty("field").GetString() == "CriterionId" && f.GetProperty("new").GetString() == "GOV-01");
    }

    [Fact]
    public async Task A_needs_support_result_offers_support_actions_for_its_blockers()
    {
        var manager = _factory.CreateClientFor(DemoAccountSeeder.PctManager("5D7"));
        await StartAsync(manager);
        await FormPost.SubmitAsync(manager, DomainPage("governance"), "answers", new Dictionary<string, string> { ["answer.GOV-01"] = "met" });

        var submitted = await FormPost.SubmitAsync(manager, Checklist + "/check", "submit", new Dictionary<string, string>());
        var (_, history) = await HtmlPage.GetAsync(manager, submitted.Headers.Location!.PathAndQuery);

        Assert.Contains("Needs support", history.QuerySelector(".app-submitted")!.Text());
        var links = history.QuerySelectorAll("a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Contains("/consortia/00G/actions/new?criterion=GOV-02", links);
        Assert.Contains("/consortia/00G/actions/new?criterion=CLE-01", links);
    }

    [Fact]
    public async Task Consortium_leads_read_the_history_but_cannot_open_the_checklist()
    {
        var lead = _factory.CreateClientFor(DemoAccountSeeder.ConsortiumLead("00G"));

        Assert.Equal(HttpStatusCode.OK, (await lead.GetAsync("/consortia/00G/history")).StatusCode);
        var (unknown, page) = await HtmlPage.GetAsync(lead, "/consortia/00G/history?assessment=999999");
        Assert.Equal(HttpStatusCode.OK, unknown.StatusCode);
        Assert.Null(page.QuerySelector(".app-answers"));
        Assert.Equal(HttpStatusCode.NotFound, (await lead.GetAsync(Checklist)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await lead.GetAsync(DomainPage("governance"))).StatusCode);
    }

    public void Dispose() => _factory.Dispose();

    private static string DomainPage(string domain) => $"{Checklist}/domains/{domain}";

    private static AngleSharp.Html.Dom.IHtmlInputElement Radio(IDocument page, string criterion, string value) =>
        (AngleSharp.Html.Dom.IHtmlInputElement)page.QuerySelector($"input[name='answer.{criterion}'][value={value}]")!;

    private static FormUrlEncodedContent Form(IDocument page, Dictionary<string, string> changes) =>
        new(FormPost.ValuesOf(page.QuerySelectorAll("form").Single(f => f.QuerySelector("input[name=_handler][value=answers]") is not null), changes));

    private static async Task StartAsync(HttpClient client)
    {
        var started = await FormPost.SubmitAsync(client, Checklist, "start", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, started.StatusCode);
    }

    private async Task<List<AssessmentResponse>> ResponsesAsync()
    {
        using var scope = _factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TransitionTrackerDbContext>();
        return await db.AssessmentResponses.AsNoTracking()
            .Where(r => db.Assessments.Any(a => a.Id == r.AssessmentId && a.ConsortiumCode == "00G" && a.Status == AssessmentStatus.Draft))
            .ToListAsync();
    }
}
