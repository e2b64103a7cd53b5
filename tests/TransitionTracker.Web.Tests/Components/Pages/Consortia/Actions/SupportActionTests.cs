using System.Net;
using AngleSharp.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TransitionTracker.Data;
using TransitionTracker.Data.Seeding;
using TransitionTracker.Domain.SupportActions;
using TransitionTracker.Web.Tests.Infrastructure;

namespace TransitionTracker.Web.Tests.Components.Pages.Consortia.Actions;

/// <summary>
/// Support actions as the pages show them, recorded through the use case the editors call (the editors themselves are
/// tested in <see cref="SupportActionEditorTests"/>); each test has its own database.
/// </summary>
public sealed class SupportActionTests : IDisposable
{
    private const string Actions = "/consortia/00G/actions";
    private const string NewAction = "/consortia/00G/actions/new";
    private static readonly string Manager = DemoAccountSeeder.PctManager("5D7");

    private readonly ClockedFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task An_added_action_is_listed_for_the_consortium()
    {
        var manager = _factory.CreateClientFor(Manager);
        var criterion = await ActionForms.CriterionNotMetAsync(_factory, "00G");

        var outcome = await ActionForms.AddAsync(_factory, Manager, "00g",
            ActionForms.Form(criterion, "  Agree a conflicts of interest policy with the member practices ", " PCT governance lead ", "31", "3", "2011"));

        Assert.True(outcome.IsSaved);
        var (_, page) = await HtmlPage.GetAsync(manager, Actions);
        Assert.Equal("Support actions", page.QuerySelector("h1")!.Text());
        var cells = RowFor(page, "Agree a conflicts of interest policy with the member practices").QuerySelectorAll("td").Select(c => c.Text()).ToList();
        Assert.StartsWith(criterion, cells[0]);
        Assert.Equal("Agree a conflicts of interest policy with the member practices", cells[1]);
        Assert.Equal("PCT governance lead", cells[2]);
        Assert.Equal("31 March 2011", cells[3]);
        Assert.Equal("Not started", cells[4]);
        Assert.NotNull(page.QuerySelector($"a[href='{NewAction}']"));

        var stored = Assert.Single(await StoredAsync(), a => a.Description == "Agree a conflicts of interest policy with the member practices");
        Assert.Equal(("00G", criterion, new DateOnly(2011, 3, 31), SupportActionStatus.NotStarted, Manager), (stored.ConsortiumCode, stored.CriterionId, stored.DueOn, stored.Status, stored.CreatedBy));
    }

    [Fact]
    public async Task The_editors_are_prerendered_with_the_stored_action_and_the_criterion_from_the_address()
    {
        var manager = _factory.CreateClientFor(Manager);
        var id = await ActionForms.AddAndFindAsync(_factory, Manager, "00G", "Draft the commissioning intentions");

        var (added, newPage) = await HtmlPage.GetAsync(manager, NewAction + "?criterion=GOV-02");
        var (changed, editPage) = await HtmlPage.GetAsync(manager, $"{Actions}/{id}");

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (added.StatusCode, changed.StatusCode));
        Assert.Equal("Add a support action", newPage.QuerySelector("h1")!.Text());
        Assert.Equal("false", newPage.QuerySelector(".app-action-editor")!.GetAttribute("data-live"));
        Assert.Contains("GOV-02 – ", newPage.QuerySelector(".app-action-form")!.InnerHtml, StringComparison.Ordinal);
        Assert.Equal("Change support action", editPage.QuerySelector("h1")!.Text());
        Assert.Equal("Draft the commissioning intentions", editPage.QuerySelector("#description")!.Text());
        Assert.Equal("31/03/2011", editPage.QuerySelector("#due-date")!.GetAttribute("value"));
        Assert.Empty(newPage.QuerySelectorAll(".app-action-editor form[method=post]"));
        Assert.Empty(editPage.QuerySelectorAll(".app-action-editor form[method=post]"));
    }

    [Fact]
    public async Task An_action_due_before_today_and_not_done_is_flagged_overdue_and_listed_first()
    {
        var manager = _factory.CreateClientFor(Manager);
        var criterion = await ActionForms.CriterionNotMetAsync(_factory, "00G");
        await ActionForms.AddAndFindAsync(_factory, Manager, "00G", "Due next month", "20", "4", "2011", criterion);
        await ActionForms.AddAndFindAsync(_factory, Manager, "00G", "Due today", "15", "3", "2011", criterion);
        await ActionForms.AddAndFindAsync(_factory, Manager, "00G", "Due yesterday", "14", "3", "2011", criterion);
        var done = await ActionForms.AddAndFindAsync(_factory, Manager, "00G", "Done last month", "1", "2", "2011", criterion);
        Assert.True((await ActionForms.ChangeAsync(_factory, Manager, "00G", done, form => form.Status = "Done")).IsSaved);

        var (_, page) = await HtmlPage.GetAsync(manager, Actions);

        // The demo history's actions fall due years after this test's today, so only ours can be overdue.
        string[] ours = ["Due yesterday", "Due today", "Due next month", "Done last month"];
        var rows = Rows(page);
        Assert.Equal(ours, rows.Select(r => r.QuerySelectorAll("td")[1].Text()).Where(ours.Contains));
        Assert.Equal("Due yesterday", rows[0].QuerySelectorAll("td")[1].Text());
        Assert.Equal(["Overdue"], rows[0].QuerySelectorAll(".app-tag-overdue").Select(t => t.Text()));
        Assert.Equal("14 March 2011 Overdue", rows[0].QuerySelectorAll("td")[3].Text());
        Assert.All(rows.Skip(1), r => Assert.Null(r.QuerySelector(".app-tag-overdue")));
        Assert.Contains("1 action is overdue", page.QuerySelector("main")!.Text());
    }

    [Fact]
    public async Task A_consortium_lead_reads_the_actions_but_cannot_add_or_change_them()
    {
        var id = await ActionForms.AddAndFindAsync(_factory, Manager, "00G", "Hold a practice engagement event");
        var lead = _factory.CreateClientFor(DemoAccountSeeder.ConsortiumLead("00G"));

        var (response, page) = await HtmlPage.GetAsync(lead, Actions);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Null(RowFor(page, "Hold a practice engagement event").QuerySelector("a"));
        Assert.All(Rows(page), r => Assert.Null(r.QuerySelector("a")));
        Assert.Null(page.QuerySelector($"a[href='{NewAction}']"));
        Assert.Equal(HttpStatusCode.NotFound, (await lead.GetAsync(NewAction)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await lead.GetAsync($"{Actions}/{id}")).StatusCode);
        var posted = await lead.PostAsync(NewAction, new FormUrlEncodedContent(new Dictionary<string, string> { ["Input.Description"] = "Sneaked in" }));
        Assert.Equal(HttpStatusCode.NotFound, posted.StatusCode);
        Assert.DoesNotContain(await StoredAsync(), a => a.Description == "Sneaked in");
    }

    [Fact]
    public async Task An_action_of_another_consortium_or_an_unknown_id_is_not_found()
    {
        var manager = _factory.CreateClientFor(Manager);
        var elsewhere = await ActionForms.AddAndFindAsync(_factory, Manager, "00H", "Action of the west consortium");

        Assert.Equal(HttpStatusCode.OK, (await manager.GetAsync($"/consortia/00H/actions/{elsewhere}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await manager.GetAsync($"{Actions}/{elsewhere}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await manager.GetAsync($"{Actions}/{elsewhere + 1000}")).StatusCode);
        var (_, page) = await HtmlPage.GetAsync(manager, Actions);
        Assert.DoesNotContain(Rows(page), r => r.Text().Contains("Action of the west consortium", StringComparison.Ordinal));
    }

    private static IReadOnlyList<IElement> Rows(IDocument page) =>
        page.QuerySelectorAll("table").SingleOrDefault(t => t.QuerySelector("caption")?.Text().StartsWith("Support actions for", StringComparison.Ordinal) == true)
            ?.QuerySelectorAll("tbody tr").ToList() ?? [];

    private static IElement RowFor(IDocument page, string description) =>
        Assert.Single(Rows(page), r => r.QuerySelectorAll("td")[1].Text() == description);

    private async Task<List<SupportAction>> StoredAsync()
    {
        using var scope = _factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TransitionTrackerDbContext>();
        return await db.SupportActions.AsNoTracking().Where(a => a.ConsortiumCode == "00G").ToListAsync();
    }
}
