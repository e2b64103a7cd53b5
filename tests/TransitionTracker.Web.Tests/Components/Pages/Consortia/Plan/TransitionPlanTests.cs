using System.Globalization;
using System.Net;
using AngleSharp.Dom;
using TransitionTracker.Data.Seeding;
using TransitionTracker.Domain.Transition;
using TransitionTracker.Web.Tests.Infrastructure;

namespace TransitionTracker.Web.Tests.Components.Pages.Consortia.Plan;

/// <summary>
/// A consortium's transition plan as the page shows it, after changes made through the use case the editors call (the
/// editors themselves: PlanEditorTests); each test has its own database.
/// </summary>
public sealed class TransitionPlanTests : IDisposable
{
    private const string Plan = "/consortia/00G/plan";
    private static readonly string Manager = DemoAccountSeeder.PctManager("5D7");

    private readonly TransitionTrackerFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task An_added_function_is_listed_on_the_plan_and_recorded_in_the_audit_trail()
    {
        var id = await PlanEdits.AddFunctionAsync(_factory, Manager, "00g",
            PlanEdits.Function("  Continuing care eligibility reviews ", "LocalAuthority", "InProgress", "31", "3", "2012"));

        var (_, page) = await HtmlPage.GetAsync(_factory.CreateClientFor(Manager), Plan);
        Assert.Equal("Transition plan", page.QuerySelector("h1")!.Text());
        var cells = Row(page, "Functions to transfer", "Continuing care eligibility reviews").QuerySelectorAll("td").Select(c => c.Text()).ToList();
        Assert.Equal(["Continuing care eligibility reviews", "Local authority", "In progress", "31 March 2012"], cells[..4]);
        Assert.Equal($"/consortia/00G/plan/functions/{id}", Row(page, "Functions to transfer", "Continuing care eligibility reviews").QuerySelector("a")!.GetAttribute("href"));

        var stored = Assert.Single(await PlanForms.StoredAsync<PlannedFunction>(_factory), f => f.Id == id);
        Assert.Equal(("00G", ReceivingBody.LocalAuthority, FunctionStatus.InProgress, (DateOnly?)new DateOnly(2012, 3, 31)), (stored.ConsortiumCode, stored.ReceivingBody, stored.Status, stored.TargetOn));
        var audit = Assert.Single(await PlanForms.AuditedAsync(_factory, nameof(PlannedFunction)), a => a.Actor == Manager);
        Assert.Equal(("Added", "00G", id.ToString(CultureInfo.InvariantCulture)), (audit.Action, audit.ConsortiumCode, audit.EntityKey));
    }

    [Fact]
    public async Task A_changed_function_is_shown_as_changed_and_the_change_audited()
    {
        var id = await PlanEdits.AddFunctionAsync(_factory, Manager, "00G", PlanEdits.Function("Medicines management"));

        var changed = await PlanEdits.ChangeFunctionAsync(_factory, Manager, "00G", id, form =>
        {
            form.Name = "Medicines management and prescribing advice";
            form.ReceivingBody = "CommissioningSupport";
            form.Status = "Transferred";
            (form.TargetDay, form.TargetMonth, form.TargetYear) = ("", "", "");
        });

        Assert.True(changed.IsSaved);
        var (_, page) = await HtmlPage.GetAsync(_factory.CreateClientFor(Manager), Plan);
        var cells = Row(page, "Functions to transfer", "Medicines management and prescribing advice").QuerySelectorAll("td").Select(c => c.Text()).ToList();
        Assert.Equal(["Medicines management and prescribing advice", "Commissioning support", "Transferred", "Not set"], cells[..4]);
        Assert.Equal(["Added", "Modified"], (await PlanForms.AuditedAsync(_factory, nameof(PlannedFunction))).Where(a => a.EntityKey == id.ToString(CultureInfo.InvariantCulture)).Select(a => a.Action));
    }

    [Fact]
    public async Task Milestone_dates_are_shown_with_the_national_deadline_and_one_after_it_is_flagged()
    {
        var saved = await PlanEdits.SaveMilestonesAsync(_factory, Manager, "00G", form =>
        {
            var shadow = form.For(MilestoneKind.ShadowFormed);
            (shadow.PlannedDay, shadow.PlannedMonth, shadow.PlannedYear, shadow.ActualDay, shadow.ActualMonth, shadow.ActualYear) = ("3", "10", "2010", "17", "10", "2010");
            var pathfinder = form.For(MilestoneKind.Pathfinder);
            (pathfinder.PlannedDay, pathfinder.PlannedMonth, pathfinder.PlannedYear, pathfinder.ActualDay, pathfinder.ActualMonth, pathfinder.ActualYear) = ("7", "4", "2011", "", "", "");
            var budget = form.For(MilestoneKind.DelegatedBudget);
            (budget.PlannedDay, budget.PlannedMonth, budget.PlannedYear, budget.ActualDay, budget.ActualMonth, budget.ActualYear) = ("", "", "", "", "", "");
            var authorised = form.For(MilestoneKind.Authorised);
            (authorised.PlannedDay, authorised.PlannedMonth, authorised.PlannedYear, authorised.ActualDay, authorised.ActualMonth, authorised.ActualYear) = ("23", "10", "2013", "", "", "");
        });

        Assert.True(saved.IsSaved, string.Join("; ", saved.Problems.Select(p => p.Message)));
        var (_, page) = await HtmlPage.GetAsync(_factory.CreateClientFor(Manager), Plan);
        Assert.Contains("National deadline: 1 April 2013", page.QuerySelector("main")!.Text());
        Assert.Equal(
            [
                "Shadow consortium formed | 3 October 2010 | 17 October 2010",
                "Pathfinder status | 7 April 2011 | Not yet",
                "Delegated budget | Not set | Not yet",
                "Authorised After the national deadline | 23 October 2013 | Not yet",
            ],
            page.BodyRows("Milestones").Select(r => string.Join(" | ", r.Children.Select(c => c.Text()))));
        Assert.Equal(["After the national deadline"], page.QuerySelectorAll(".app-late-tag").Select(t => t.Text()));
        var stored = (await PlanForms.StoredAsync<Milestone>(_factory)).Where(m => m.ConsortiumCode == "00G").ToDictionary(m => m.Kind);
        var audits = (await PlanForms.AuditedAsync(_factory, nameof(Milestone))).Where(a => a.Actor == Manager).ToList();
        Assert.All(
            new[] { MilestoneKind.ShadowFormed, MilestoneKind.Pathfinder, MilestoneKind.Authorised },
            kind => Assert.Contains(audits, a => a.EntityKey == stored[kind].Id.ToString(CultureInfo.InvariantCulture)));
        Assert.All(audits, a => Assert.Equal("00G", a.ConsortiumCode));
    }

    [Fact]
    public async Task Staff_transfers_are_listed_with_their_destination_and_the_total_headcount()
    {
        await PlanEdits.AddTransferAsync(_factory, Manager, "00G", PlanEdits.Transfer("Community nursing", "1,200", "SocialEnterprise"));
        await PlanEdits.AddTransferAsync(_factory, Manager, "00G", PlanEdits.Transfer("Contracting", "35", "CommissioningSupport"));

        var (_, page) = await HtmlPage.GetAsync(_factory.CreateClientFor(Manager), Plan);
        Assert.Equal(["Community nursing", "1,200", "Social enterprise"], Row(page, "Staff transfers", "Community nursing").QuerySelectorAll("td").Take(3).Select(c => c.Text()));
        Assert.Equal(["Contracting", "35", "Commissioning support"], Row(page, "Staff transfers", "Contracting").QuerySelectorAll("td").Take(3).Select(c => c.Text()));
        var stored = (await PlanForms.StoredAsync<StaffTransfer>(_factory)).Where(t => t.ConsortiumCode == "00G").ToList();
        var total = page.QuerySelectorAll("table").Single(t => t.QuerySelector("caption")?.Text() == "Staff transfers").QuerySelector("tfoot")!.Text();
        Assert.Equal($"Total headcount {stored.Sum(t => t.Headcount):N0}", total);
        Assert.Equal(2, (await PlanForms.AuditedAsync(_factory, nameof(StaffTransfer))).Count(a => a.Actor == Manager && a.ConsortiumCode == "00G" && a.Action == "Added"));
    }

    [Fact]
    public async Task The_editors_open_with_the_stored_values_already_in_their_fields()
    {
        var manager = _factory.CreateClientFor(Manager);
        var function = await PlanEdits.AddFunctionAsync(_factory, Manager, "00G", PlanEdits.Function("Estates management", "NhsCommissioningBoard", "InProgress", "30", "9", "2012"));
        var transfer = await PlanEdits.AddTransferAsync(_factory, Manager, "00G", PlanEdits.Transfer("Finance", "12", "Consortium"));

        var (response, functionPage) = await HtmlPage.GetAsync(manager, $"{Plan}/functions/{function}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Change a function to transfer", functionPage.QuerySelector("h1")!.Text());
        Assert.Equal("Estates management", functionPage.QuerySelector("#name")!.GetAttribute("value"));
        Assert.Equal("30/09/2012", functionPage.QuerySelector("#target-date")!.GetAttribute("value"));
        Assert.Empty(functionPage.QuerySelectorAll("main form[method=post]"));

        var (_, transferPage) = await HtmlPage.GetAsync(manager, $"{Plan}/staff/{transfer}");
        Assert.Equal(("Finance", "12"), (transferPage.QuerySelector("#function")!.GetAttribute("value"), transferPage.QuerySelector("#headcount")!.GetAttribute("value")));

        var (_, milestones) = await HtmlPage.GetAsync(manager, $"{Plan}/milestones");
        Assert.Equal(["Shadow consortium formed", "Pathfinder status", "Delegated budget", "Authorised"], milestones.QuerySelectorAll("h2").Select(h => h.Text().Trim()).Take(4));
        Assert.Contains("National deadline: 1 April 2013", milestones.QuerySelector("#national-deadline")!.Text());
    }

    [Fact]
    public async Task A_consortium_lead_reads_the_plan_without_change_links_and_cannot_open_the_edit_pages()
    {
        var id = await PlanEdits.AddFunctionAsync(_factory, Manager, "00G", PlanEdits.Function("Exceptional treatment panels"));
        var lead = _factory.CreateClientFor(DemoAccountSeeder.ConsortiumLead("00G"));

        var (response, page) = await HtmlPage.GetAsync(lead, Plan);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Null(Row(page, "Functions to transfer", "Exceptional treatment panels").QuerySelector("a"));
        Assert.Empty(page.QuerySelectorAll("a[href^='/consortia/00G/plan/']"));
        Assert.Equal(HttpStatusCode.NotFound, (await lead.GetAsync($"{Plan}/functions/new")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await lead.GetAsync($"{Plan}/functions/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await lead.GetAsync($"{Plan}/milestones")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await lead.GetAsync($"{Plan}/staff/new")).StatusCode);
    }

    [Fact]
    public async Task A_function_of_another_consortium_or_an_unknown_id_is_not_found()
    {
        var manager = _factory.CreateClientFor(Manager);
        var elsewhere = await PlanEdits.AddFunctionAsync(_factory, Manager, "00H", PlanEdits.Function("West function"));

        Assert.Equal(HttpStatusCode.OK, (await manager.GetAsync($"/consortia/00H/plan/functions/{elsewhere}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await manager.GetAsync($"{Plan}/functions/{elsewhere}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await manager.GetAsync($"{Plan}/functions/{elsewhere + 1000}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await manager.GetAsync($"{Plan}/staff/{elsewhere + 1000}")).StatusCode);
    }

    private static IElement Row(IDocument page, string caption, string text) =>
        page.BodyRows(caption).Single(r => r.QuerySelector("td")?.Text() == text);
}
