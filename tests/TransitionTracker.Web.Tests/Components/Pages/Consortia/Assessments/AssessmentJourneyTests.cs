using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AngleSharp.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TransitionTracker.Application.Assessments;
using TransitionTracker.Data;
using TransitionTracker.Data.Seeding;
using TransitionTracker.Domain.Assessments;
using TransitionTracker.Web.Tests.Infrastructure;

namespace TransitionTracker.Web.Tests.Components.Pages.Consortia.Assessments;

/// <summary>
/// The checklist as the first HTTP response prerenders it, and what the stored answers lead to elsewhere (API, audit
/// trail, history). Its live behaviour is in <see cref="ChecklistPageTests"/>.
/// </summary>
public sealed class AssessmentJourneyTests : IClassFixture<ChecklistApp>
{
    private const string Checklist = ChecklistApp.Checklist;
    private readonly ChecklistApp _app;
    private readonly TransitionTrackerFactory _factory;

    public AssessmentJourneyTests(ChecklistApp app)
    {
        _app = app;
        _factory = app.Factory;
        _app.ResetAsync().GetAwaiter().GetResult();
    }

    [Fact]
    public async Task The_checklist_arrives_with_every_section_its_progress_and_the_result_so_far()
    {
        await _app.StartAsync();
        await _app.SaveAsync(new AnswerInput("GOV-01", "met", "Constitution agreed at the March board"));
        var manager = _factory.CreateClientFor(ChecklistApp.Manager);

        var (response, page) = await HtmlPage.GetAsync(manager, Checklist);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(ChecklistApp.Framework.Name, page.QuerySelector("h1")!.Text().Trim());
        var sections = page.QuerySelectorAll(".app-section-heading");
        Assert.Equal(ChecklistApp.Framework.Domains.Select(d => d.Id), sections.Select(s => s.GetAttribute("data-domain")));
        Assert.Contains("reviewed 1 of", sections.Single(s => s.GetAttribute("data-domain") == "governance").Text());
        Assert.Equal($"1 of {ChecklistApp.Framework.Criteria.Count}", page.QuerySelector("#answered-count")!.Text());
        Assert.Equal("If submitted now", page.QuerySelector("#live-result-heading")!.Text());
        Assert.NotEqual("no score", page.QuerySelector("#live-score")!.Text());
        // The first section not yet complete is open; the one asked for is open, with the answer and its evidence in place.
        (_, page) = await HtmlPage.GetAsync(manager, Checklist + "?domain=governance");
        Assert.Contains("Constitution agreed at the March board", page.QuerySelector("[data-criterion=GOV-01]")!.Text() + page.QuerySelector("#evidence-GOV-01")!.OuterHtml);
    }

    [Fact]
    public async Task The_section_named_in_the_address_is_open_and_an_unknown_one_opens_the_first()
    {
        await _app.StartAsync();
        var manager = _factory.CreateClientFor(ChecklistApp.Manager);

        var (_, finance) = await HtmlPage.GetAsync(manager, Checklist + "?domain=financial-management");
        var (unknownResponse, unknown) = await HtmlPage.GetAsync(manager, Checklist + "?domain=nonsense");

        Assert.Contains("mud-panel-expanded", Panel(finance, "financial-management"));
        Assert.DoesNotContain("mud-panel-expanded", Panel(finance, "governance"));
        Assert.Equal(HttpStatusCode.OK, unknownResponse.StatusCode);
        Assert.Contains("mud-panel-expanded", Panel(unknown, ChecklistApp.Framework.Domains[0].Id));
        Assert.DoesNotContain("mud-panel-expanded", Panel(unknown, "financial-management"));
    }

    [Fact]
    public async Task Without_a_draft_the_page_says_where_a_new_one_starts_from()
    {
        var submitted = await _app.SubmitAllAsync("met");
        var manager = _factory.CreateClientFor(ChecklistApp.Manager);

        var (_, page) = await HtmlPage.GetAsync(manager, Checklist);

        Assert.Contains("There is no assessment in progress", page.Body!.Text());
        Assert.Contains($"submitted on {Application.UkCalendar.Date(submitted.SubmittedAtUtc!.Value)}", page.Body!.Text());
        Assert.Equal("Start a new assessment", page.QuerySelector("#start-assessment")!.Text().Trim());
    }

    [Fact]
    public async Task A_needs_support_result_offers_support_actions_for_its_blockers()
    {
        var manager = _factory.CreateClientFor(ChecklistApp.Manager);
        await _app.StartAsync();
        await _app.SaveAsync(new AnswerInput("GOV-01", "met", null));
        var submitted = await SubmitAsync();

        var (_, history) = await HtmlPage.GetAsync(manager, $"/consortia/00G/history?submitted={submitted.Id}");

        Assert.Contains("Needs support", history.QuerySelector(".app-submitted")!.Text());
        var links = history.QuerySelectorAll("a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Contains("/consortia/00G/actions/new?criterion=GOV-02", links);
        Assert.Contains("/consortia/00G/actions/new?criterion=CLE-01", links);

        // Opened, the first assessment of the consortium says there is nothing earlier to compare it with.
        var (_, opened) = await HtmlPage.GetAsync(manager, $"/consortia/00G/history?assessment={submitted.Id}");
        Assert.Contains("no earlier one to compare it with", opened.QuerySelector(".app-changes__first")!.Text(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bulk_update_through_the_api_never_drops_evidence_entered_through_the_form()
    {
        var manager = _factory.CreateClientFor(ChecklistApp.Manager);
        await _app.StartAsync();
        await _app.SaveAsync(
            new AnswerInput("GOV-01", "met", "Constitution agreed at the March board"),
            new AnswerInput("GOV-02", "", "Draft scheme of delegation circulated"),
            new AnswerInput("GOV-03", "in_progress", "Audit committee chair interviews in May"));
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
        await _app.StartAsync();
        await _app.SaveAsync(new AnswerInput("GOV-01", "in_progress", null));
        await _app.SaveAsync(new AnswerInput("GOV-01", "met", null));

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
    public async Task Consortium_leads_read_the_history_but_cannot_open_the_checklist()
    {
        var lead = _factory.CreateClientFor(DemoAccountSeeder.ConsortiumLead("00G"));

        Assert.Equal(HttpStatusCode.OK, (await lead.GetAsync("/consortia/00G/history")).StatusCode);
        var (unknown, page) = await HtmlPage.GetAsync(lead, "/consortia/00G/history?assessment=999999");
        Assert.Equal(HttpStatusCode.OK, unknown.StatusCode);
        Assert.Null(page.QuerySelector(".app-answers"));
        Assert.Equal(HttpStatusCode.NotFound, (await lead.GetAsync(Checklist)).StatusCode);
    }

    // The classes of a section's expansion panel (MudBlazor marks an open one "mud-panel-expanded").
    private static string Panel(IDocument page, string domainId) =>
        page.QuerySelector($"[data-domain={domainId}].app-section-heading")!.Closest(".mud-expand-panel")!.ClassName!;

    private async Task<Assessment> SubmitAsync()
    {
        var draft = (await _app.DraftAsync())!;
        using var scope = _factory.Services.CreateScope();
        var outcome = await scope.ServiceProvider.GetRequiredService<AssessmentWorkflow>()
            .SubmitAsync(await _app.ManagerAsync(), ChecklistApp.Code, ChecklistApp.Framework.Id, draft.Revision, CancellationToken.None);
        Assert.True(outcome.IsSaved);
        return outcome.Value!;
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
