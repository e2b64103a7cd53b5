using System.Net;
using AngleSharp.Dom;
using TransitionTracker.Data.Seeding;
using TransitionTracker.Domain.Transition;
using TransitionTracker.Web.Tests.Infrastructure;

namespace TransitionTracker.Web.Tests.Components.Pages.Consortia.Plan;

/// <summary>A consortium's transition plan through the real forms, antiforgery tokens included; each test has its own database.</summary>
public sealed class TransitionPlanTests : IDisposable
{
    private const string Plan = "/consortia/00G/plan";
    private const string NewFunction = Plan + "/functions/new";
    private const string Milestones = Plan + "/milestones";
    private const string NewTransfer = Plan + "/staff/new";
    private const string FunctionForm = "planned-function";
    private const string MilestonesForm = "milestones";
    private const string TransferForm = "staff-transfer";
    private static readonly string Manager = DemoAccountSeeder.PctManager("5D7");

    private readonly TransitionTrackerFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task Adding_a_function_lists_it_on_the_plan_and_records_the_change_in_the_audit_trail()
    {
        var manager = _factory.CreateClientFor(Manager);

        var response = await FormPost.SubmitAsync(manager, "/consortia/00g/plan/functions/new", FunctionForm,
            Function("  Continuing care eligibility reviews ", "LocalAuthority", "InProgress", "31", "3", "2012"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(Plan + "?done=function-added", PlanForms.RedirectTarget(response));
        var (_, page) = await HtmlPage.GetAsync(manager, Plan + "?done=function-added");
        Assert.Equal("Transition plan", page.QuerySelector("h1")!.Text());
        Assert.Contains("Function added", page.QuerySelector(".app-done-banner")!.Text());
        var cells = Row(page, "Functions to transfer", "Continuing care eligibility reviews").QuerySelectorAll("td").Select(c => c.Text()).ToList();
        Assert.Equal(["Continuing care eligibility reviews", "Local authority", "In progress", "31 March 2012"], cells[..4]);

        var stored = Assert.Single(await PlanForms.StoredAsync<PlannedFunction>(_factory), f => f.Name == "Continuing care eligibility reviews");
        Assert.Equal(("00G", ReceivingBody.LocalAuthority, FunctionStatus.InProgress, (DateOnly?)new DateOnly(2012, 3, 31)), (stored.ConsortiumCode, stored.ReceivingBody, stored.Status, stored.TargetOn));
        var audit = Assert.Single(await PlanForms.AuditedAsync(_factory, nameof(PlannedFunction)), a => a.Actor == Manager);
        Assert.Equal(("Added", "00G", stored.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)), (audit.Action, audit.ConsortiumCode, audit.EntityKey));
    }

    public static TheoryData<string, string, string, string, string, string, string[], string[]> InvalidFunctions() => new()
    {
        {
            "  ", "", "", "", "", "",
            ["Enter the function", "Select where the function goes", "Select the function's status"],
            ["#name", "#receiving-body", "#status"]
        },
        { new string('x', PlannedFunction.NameMaxLength + 1), "Consortium", "NotStarted", "", "", "", ["Function must be 200 characters or fewer"], ["#name"] },
        { "Prescribing advice", "Moon", "NotStarted", "", "", "", ["Select where the function goes"], ["#receiving-body"] },
        { "Prescribing advice", "Consortium", "NotStarted", "30", "2", "2012", ["Target date must be a real date"], ["#target-date-day"] },
        { "Prescribing advice", "Consortium", "NotStarted", "1", "", "", ["Target date must include a month and year"], ["#target-date-month"] },
        { "Prescribing advice", "Consortium", "NotStarted", "1", "4", "12", ["Target date must include a year with 4 numbers"], ["#target-date-year"] },
    };

    [Theory]
    [MemberData(nameof(InvalidFunctions))]
    public async Task A_function_with_problems_names_each_in_the_summary_keeps_every_value_and_saves_nothing(
        string name, string body, string status, string day, string month, string year, string[] errors, string[] links)
    {
        var manager = _factory.CreateClientFor(Manager);

        var response = await FormPost.SubmitAsync(manager, NewFunction, FunctionForm, Function(name, body, status, day, month, year));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var page = await PlanForms.PageOf(response);
        Assert.StartsWith("Error: ", page.Title);
        Assert.Equal(errors, PlanForms.SummaryErrors(page));
        Assert.Equal(links, PlanForms.SummaryLinks(page));
        Assert.All(links, link => Assert.NotNull(page.QuerySelector(link)));
        Assert.Equal(name, PlanForms.Shown(page, "Input.Name"));
        Assert.Equal(body == "Moon" ? "" : body, PlanForms.Shown(page, "Input.ReceivingBody"));
        Assert.Equal(status, PlanForms.Shown(page, "Input.Status"));
        Assert.Equal([day, month, year], [PlanForms.Shown(page, "Input.TargetDay"), PlanForms.Shown(page, "Input.TargetMonth"), PlanForms.Shown(page, "Input.TargetYear")]);
        Assert.DoesNotContain(await PlanForms.StoredAsync<PlannedFunction>(_factory), f => f.Name == name.Trim());
        Assert.Empty(await PlanForms.AuditedAsync(_factory, nameof(PlannedFunction)));
    }

    [Fact]
    public async Task Changing_a_function_saves_every_field_and_audits_the_change()
    {
        var manager = _factory.CreateClientFor(Manager);
        var id = await AddFunctionAsync(manager, "Medicines management");

        var response = await FormPost.SubmitAsync(manager, $"{Plan}/functions/{id}", FunctionForm, new Dictionary<string, string>
        {
            ["Input.Name"] = "Medicines management and prescribing advice",
            ["Input.ReceivingBody"] = "CommissioningSupport",
            ["Input.Status"] = "Transferred",
            ["Input.TargetDay"] = "",
            ["Input.TargetMonth"] = "",
            ["Input.TargetYear"] = "",
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(Plan + "?done=function-changed", PlanForms.RedirectTarget(response));
        var (_, page) = await HtmlPage.GetAsync(manager, Plan);
        var cells = Row(page, "Functions to transfer", "Medicines management and prescribing advice").QuerySelectorAll("td").Select(c => c.Text()).ToList();
        Assert.Equal(["Medicines management and prescribing advice", "Commissioning support", "Transferred", "Not set"], cells[..4]);
        var stored = Assert.Single(await PlanForms.StoredAsync<PlannedFunction>(_factory), f => f.Id == id);
        Assert.Equal((1, (DateOnly?)null), (stored.Revision, stored.TargetOn));
        Assert.Equal(["Added", "Modified"], (await PlanForms.AuditedAsync(_factory, nameof(PlannedFunction))).Where(a => a.EntityKey == id.ToString(System.Globalization.CultureInfo.InvariantCulture)).Select(a => a.Action));
    }

    [Fact]
    public async Task A_function_saved_from_a_stale_page_is_refused_with_a_message_and_the_input_kept()
    {
        var manager = _factory.CreateClientFor(Manager);
        var id = await AddFunctionAsync(manager, "Estates management");
        var url = $"{Plan}/functions/{id}";
        var (_, firstTab) = await HtmlPage.GetAsync(manager, url);
        var (_, secondTab) = await HtmlPage.GetAsync(manager, url);

        var saved = await PlanForms.PostFromAsync(manager, firstTab, url, FunctionForm, new Dictionary<string, string> { ["Input.Status"] = "InProgress" });
        var refused = await PlanForms.PostFromAsync(manager, secondTab, url, FunctionForm, new Dictionary<string, string>
        {
            ["Input.Name"] = "Estates and facilities",
            ["Input.ReceivingBody"] = "NhsCommissioningBoard",
        });

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        var page = await PlanForms.PageOf(refused);
        Assert.Equal(["Someone else changed this function while you were editing it"], PlanForms.SummaryErrors(page));
        Assert.Equal(["#conflict"], PlanForms.SummaryLinks(page));
        Assert.Contains($"{Manager} changed this function on ", page.QuerySelector("#conflict")!.Text());
        Assert.Equal("Estates and facilities", PlanForms.Shown(page, "Input.Name"));
        Assert.Equal("NhsCommissioningBoard", PlanForms.Shown(page, "Input.ReceivingBody"));
        Assert.Equal("NotStarted", PlanForms.Shown(page, "Input.Status"));
        var stored = Assert.Single(await PlanForms.StoredAsync<PlannedFunction>(_factory), f => f.Id == id);
        Assert.Equal(("Estates management", FunctionStatus.InProgress, 1), (stored.Name, stored.Status, stored.Revision));

        // Having been told, saving again is a deliberate choice, and goes through.
        var again = await PlanForms.PostFromAsync(manager, page, url, FunctionForm, new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        stored = Assert.Single(await PlanForms.StoredAsync<PlannedFunction>(_factory), f => f.Id == id);
        Assert.Equal(("Estates and facilities", ReceivingBody.NhsCommissioningBoard, FunctionStatus.NotStarted, 2), (stored.Name, stored.ReceivingBody, stored.Status, stored.Revision));
    }

    [Fact]
    public async Task Milestone_dates_are_saved_together_and_one_after_the_national_deadline_is_flagged()
    {
        var manager = _factory.CreateClientFor(Manager);

        var response = await FormPost.SubmitAsync(manager, Milestones, MilestonesForm, new Dictionary<string, string>
        {
            ["Input.ShadowFormed.PlannedDay"] = "3", ["Input.ShadowFormed.PlannedMonth"] = "10", ["Input.ShadowFormed.PlannedYear"] = "2010",
            ["Input.ShadowFormed.ActualDay"] = "17", ["Input.ShadowFormed.ActualMonth"] = "10", ["Input.ShadowFormed.ActualYear"] = "2010",
            ["Input.Pathfinder.PlannedDay"] = "7", ["Input.Pathfinder.PlannedMonth"] = "4", ["Input.Pathfinder.PlannedYear"] = "2011",
            ["Input.Pathfinder.ActualDay"] = "", ["Input.Pathfinder.ActualMonth"] = "", ["Input.Pathfinder.ActualYear"] = "",
            ["Input.DelegatedBudget.PlannedDay"] = "", ["Input.DelegatedBudget.PlannedMonth"] = "", ["Input.DelegatedBudget.PlannedYear"] = "",
            ["Input.DelegatedBudget.ActualDay"] = "", ["Input.DelegatedBudget.ActualMonth"] = "", ["Input.DelegatedBudget.ActualYear"] = "",
            ["Input.Authorised.PlannedDay"] = "23", ["Input.Authorised.PlannedMonth"] = "10", ["Input.Authorised.PlannedYear"] = "2013",
            ["Input.Authorised.ActualDay"] = "", ["Input.Authorised.ActualMonth"] = "", ["Input.Authorised.ActualYear"] = "",
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(Plan + "?done=milestones-saved", PlanForms.RedirectTarget(response));
        var (_, page) = await HtmlPage.GetAsync(manager, Plan + "?done=milestones-saved");
        Assert.Contains("National deadline: 1 April 2013", page.QuerySelector("main")!.Text());
        var rows = page.BodyRows("Milestones");
        Assert.Equal(
            [
                "Shadow consortium formed | 3 October 2010 | 17 October 2010",
                "Pathfinder status | 7 April 2011 | Not yet",
                "Delegated budget | Not set | Not yet",
                "Authorised After the national deadline | 23 October 2013 | Not yet",
            ],
            rows.Select(r => string.Join(" | ", r.Children.Select(c => c.Text()))));
        Assert.Equal(["After the national deadline"], page.QuerySelectorAll(".app-late-tag").Select(t => t.Text()));

        var stored = (await PlanForms.StoredAsync<Milestone>(_factory)).Where(m => m.ConsortiumCode == "00G").ToDictionary(m => m.Kind);
        Assert.Equal((new DateOnly(2010, 10, 3), new DateOnly(2010, 10, 17)), (stored[MilestoneKind.ShadowFormed].PlannedOn!.Value, stored[MilestoneKind.ShadowFormed].AchievedOn!.Value));
        Assert.Equal((new DateOnly(2011, 4, 7), (DateOnly?)null), (stored[MilestoneKind.Pathfinder].PlannedOn!.Value, stored[MilestoneKind.Pathfinder].AchievedOn));
        Assert.True(stored.GetValueOrDefault(MilestoneKind.DelegatedBudget) is null or { PlannedOn: null, AchievedOn: null });
        Assert.True(stored[MilestoneKind.Authorised].IsLate);
        var audits = (await PlanForms.AuditedAsync(_factory, nameof(Milestone))).Where(a => a.Actor == Manager).ToList();
        Assert.All(
            new[] { MilestoneKind.ShadowFormed, MilestoneKind.Pathfinder, MilestoneKind.Authorised },
            kind => Assert.Contains(audits, a => a.EntityKey == stored[kind].Id.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        Assert.All(audits, a => Assert.Equal("00G", a.ConsortiumCode));
    }

    [Fact]
    public async Task A_milestone_date_that_does_not_exist_or_an_actual_date_in_the_future_is_refused_with_every_value_kept()
    {
        var manager = _factory.CreateClientFor(Manager);
        var nextYear = (DateTime.UtcNow.Year + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);

        var response = await FormPost.SubmitAsync(manager, Milestones, MilestonesForm, new Dictionary<string, string>
        {
            ["Input.Pathfinder.PlannedDay"] = "31", ["Input.Pathfinder.PlannedMonth"] = "4", ["Input.Pathfinder.PlannedYear"] = "2011",
            ["Input.DelegatedBudget.PlannedDay"] = "1", ["Input.DelegatedBudget.PlannedMonth"] = "4", ["Input.DelegatedBudget.PlannedYear"] = "2012",
            ["Input.Authorised.ActualDay"] = "1", ["Input.Authorised.ActualMonth"] = "4", ["Input.Authorised.ActualYear"] = nextYear,
        });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var page = await PlanForms.PageOf(response);
        Assert.StartsWith("Error: ", page.Title);
        Assert.Equal(
            ["Planned date for pathfinder status must be a real date", "Actual date for authorisation must be today or in the past"],
            PlanForms.SummaryErrors(page));
        Assert.Equal(["#pathfinder-planned-day", "#authorised-actual-day"], PlanForms.SummaryLinks(page));
        Assert.Equal("Planned date for pathfinder status must be a real date", page.QuerySelector("#pathfinder-planned-error")!.Text().Replace("Error: ", ""));
        Assert.Equal("31", PlanForms.Shown(page, "Input.Pathfinder.PlannedDay"));
        Assert.Equal("2012", PlanForms.Shown(page, "Input.DelegatedBudget.PlannedYear"));
        Assert.Equal(nextYear, PlanForms.Shown(page, "Input.Authorised.ActualYear"));
        Assert.Equal(3, page.QuerySelectorAll("#authorised-actual .nhsuk-input--error").Length);
        Assert.Empty(page.QuerySelectorAll("#delegated-budget-planned .nhsuk-input--error"));
        Assert.Empty(await PlanForms.AuditedAsync(_factory, nameof(Milestone)));
    }

    [Fact]
    public async Task Milestones_saved_from_a_stale_page_are_refused_with_the_input_kept()
    {
        var manager = _factory.CreateClientFor(Manager);
        var (_, firstTab) = await HtmlPage.GetAsync(manager, Milestones);
        var (_, secondTab) = await HtmlPage.GetAsync(manager, Milestones);

        var saved = await PlanForms.PostFromAsync(manager, firstTab, Milestones, MilestonesForm, new Dictionary<string, string>
        {
            ["Input.Pathfinder.PlannedDay"] = "1", ["Input.Pathfinder.PlannedMonth"] = "6", ["Input.Pathfinder.PlannedYear"] = "2011",
        });
        var refused = await PlanForms.PostFromAsync(manager, secondTab, Milestones, MilestonesForm, new Dictionary<string, string>
        {
            ["Input.Pathfinder.PlannedDay"] = "1", ["Input.Pathfinder.PlannedMonth"] = "9", ["Input.Pathfinder.PlannedYear"] = "2011",
        });

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        var page = await PlanForms.PageOf(refused);
        Assert.Equal(["Someone else changed the milestone dates while you were editing them"], PlanForms.SummaryErrors(page));
        Assert.Equal("9", PlanForms.Shown(page, "Input.Pathfinder.PlannedMonth"));
        var pathfinder = Assert.Single(await PlanForms.StoredAsync<Milestone>(_factory), m => m.ConsortiumCode == "00G" && m.Kind == MilestoneKind.Pathfinder);
        Assert.Equal(new DateOnly(2011, 6, 1), pathfinder.PlannedOn);
    }

    [Fact]
    public async Task Staff_transfers_are_listed_with_their_destination_and_the_total_headcount()
    {
        var manager = _factory.CreateClientFor(Manager);

        var first = await FormPost.SubmitAsync(manager, NewTransfer, TransferForm, Transfer("Community nursing", "1,200", "SocialEnterprise"));
        var second = await FormPost.SubmitAsync(manager, NewTransfer, TransferForm, Transfer("Contracting", "35", "CommissioningSupport"));

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal(Plan + "?done=staff-added", PlanForms.RedirectTarget(second));
        var (_, page) = await HtmlPage.GetAsync(manager, Plan + "?done=staff-added");
        Assert.Contains("Staff transfer added", page.QuerySelector(".app-done-banner")!.Text());
        Assert.Equal(["Community nursing", "1,200", "Social enterprise"], Row(page, "Staff transfers", "Community nursing").QuerySelectorAll("td").Take(3).Select(c => c.Text()));
        Assert.Equal(["Contracting", "35", "Commissioning support"], Row(page, "Staff transfers", "Contracting").QuerySelectorAll("td").Take(3).Select(c => c.Text()));
        var stored = (await PlanForms.StoredAsync<StaffTransfer>(_factory)).Where(t => t.ConsortiumCode == "00G").ToList();
        var total = page.QuerySelectorAll("table").Single(t => t.QuerySelector("caption")?.Text() == "Staff transfers").QuerySelector("tfoot")!.Text();
        Assert.Equal($"Total headcount {stored.Sum(t => t.Headcount):N0}", total);
        Assert.Contains(stored, t => (t.Function, t.Headcount, t.Destination) == ("Community nursing", 1200, ReceivingBody.SocialEnterprise));
        Assert.Equal(2, (await PlanForms.AuditedAsync(_factory, nameof(StaffTransfer))).Count(a => a.Actor == Manager && a.ConsortiumCode == "00G" && a.Action == "Added"));
    }

    [Theory]
    [InlineData("0", "Headcount must be between 1 and 10,000")]
    [InlineData("10001", "Headcount must be between 1 and 10,000")]
    [InlineData("ten", "Headcount must be a whole number")]
    [InlineData("2.5", "Headcount must be a whole number")]
    [InlineData(" ", "Enter the headcount")]
    public async Task A_headcount_that_is_not_a_whole_number_from_1_to_10000_is_refused_with_the_value_kept(string headcount, string error)
    {
        var manager = _factory.CreateClientFor(Manager);

        var response = await FormPost.SubmitAsync(manager, NewTransfer, TransferForm, Transfer("Public health", headcount, "LocalAuthority"));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var page = await PlanForms.PageOf(response);
        Assert.Equal([error], PlanForms.SummaryErrors(page));
        Assert.Equal(["#headcount"], PlanForms.SummaryLinks(page));
        Assert.Contains("nhsuk-input--error", page.QuerySelector("#headcount")!.ClassName);
        Assert.Equal(headcount, PlanForms.Shown(page, "Input.Headcount"));
        Assert.Equal("Public health", PlanForms.Shown(page, "Input.Function"));
        Assert.Equal("LocalAuthority", PlanForms.Shown(page, "Input.Destination"));
        Assert.DoesNotContain(await PlanForms.StoredAsync<StaffTransfer>(_factory), t => t.Function == "Public health");
    }

    [Fact]
    public async Task Changing_a_staff_transfer_saves_it_and_a_stale_change_is_refused()
    {
        var manager = _factory.CreateClientFor(Manager);
        await FormPost.SubmitAsync(manager, NewTransfer, TransferForm, Transfer("Finance", "12", "Consortium"));
        var id = await PlanForms.ChangeLinkIdAsync(manager, Plan, "Finance");
        var url = $"{Plan}/staff/{id}";
        var (_, staleTab) = await HtmlPage.GetAsync(manager, url);

        var changed = await FormPost.SubmitAsync(manager, url, TransferForm, new Dictionary<string, string> { ["Input.Headcount"] = "14", ["Input.Destination"] = "NhsCommissioningBoard" });
        var refused = await PlanForms.PostFromAsync(manager, staleTab, url, TransferForm, new Dictionary<string, string> { ["Input.Headcount"] = "9" });

        Assert.Equal(Plan + "?done=staff-changed", PlanForms.RedirectTarget(changed));
        var page = await PlanForms.PageOf(refused);
        Assert.Equal(["Someone else changed this staff transfer while you were editing it"], PlanForms.SummaryErrors(page));
        Assert.Equal("9", PlanForms.Shown(page, "Input.Headcount"));
        var stored = Assert.Single(await PlanForms.StoredAsync<StaffTransfer>(_factory), t => t.Id == id);
        Assert.Equal((14, ReceivingBody.NhsCommissioningBoard, 1), (stored.Headcount, stored.Destination, stored.Revision));
    }

    [Fact]
    public async Task A_consortium_lead_reads_the_plan_without_change_links_and_cannot_open_or_post_the_edit_pages()
    {
        var manager = _factory.CreateClientFor(Manager);
        var id = await AddFunctionAsync(manager, "Exceptional treatment panels");
        var lead = _factory.CreateClientFor(DemoAccountSeeder.ConsortiumLead("00G"));

        var (response, page) = await HtmlPage.GetAsync(lead, Plan);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Null(Row(page, "Functions to transfer", "Exceptional treatment panels").QuerySelector("a"));
        Assert.Empty(page.QuerySelectorAll("a[href^='/consortia/00G/plan/']"));
        Assert.Equal(HttpStatusCode.NotFound, (await lead.GetAsync(NewFunction)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await lead.GetAsync($"{Plan}/functions/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await lead.GetAsync(Milestones)).StatusCode);
        var posted = await lead.PostAsync(NewFunction, new FormUrlEncodedContent(Function("Sneaked in", "Consortium", "NotStarted", "", "", "")));
        Assert.Equal(HttpStatusCode.NotFound, posted.StatusCode);
        Assert.DoesNotContain(await PlanForms.StoredAsync<PlannedFunction>(_factory), f => f.Name == "Sneaked in");
    }

    [Fact]
    public async Task A_function_of_another_consortium_or_an_unknown_id_is_not_found()
    {
        var manager = _factory.CreateClientFor(Manager);
        await FormPost.SubmitAsync(manager, "/consortia/00H/plan/functions/new", FunctionForm, Function("West function", "Consortium", "NotStarted", "", "", ""));
        var elsewhere = await PlanForms.ChangeLinkIdAsync(manager, "/consortia/00H/plan", "West function");

        Assert.Equal(HttpStatusCode.OK, (await manager.GetAsync($"/consortia/00H/plan/functions/{elsewhere}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await manager.GetAsync($"{Plan}/functions/{elsewhere}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await manager.GetAsync($"{Plan}/functions/{elsewhere + 1000}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await manager.GetAsync($"{Plan}/staff/{elsewhere + 1000}")).StatusCode);
    }

    private static Dictionary<string, string> Function(string name, string body, string status, string day, string month, string year) => new()
    {
        ["Input.Name"] = name,
        ["Input.ReceivingBody"] = body,
        ["Input.Status"] = status,
        ["Input.TargetDay"] = day,
        ["Input.TargetMonth"] = month,
        ["Input.TargetYear"] = year,
    };

    private static Dictionary<string, string> Transfer(string function, string headcount, string destination) => new()
    {
        ["Input.Function"] = function,
        ["Input.Headcount"] = headcount,
        ["Input.Destination"] = destination,
    };

    private static IElement Row(IDocument page, string caption, string text) =>
        page.BodyRows(caption).Single(r => r.QuerySelector("td")?.Text() == text);

    private static async Task<int> AddFunctionAsync(HttpClient manager, string name)
    {
        var response = await FormPost.SubmitAsync(manager, NewFunction, FunctionForm, Function(name, "Consortium", "NotStarted", "1", "4", "2012"));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return await PlanForms.ChangeLinkIdAsync(manager, Plan, name);
    }
}
