using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using TransitionTracker.Application.Transition;
using TransitionTracker.Data;
using TransitionTracker.Data.Seeding;
using TransitionTracker.Domain.Transition;
using TransitionTracker.Web.Access;
using TransitionTracker.Web.Components.Pages.Consortia.Plan;
using TransitionTracker.Web.Tests.Infrastructure;

namespace TransitionTracker.Web.Tests.Components.Pages.Consortia.Plan;

/// <summary>
/// The transition plan editors live (functions, milestone dates, staff transfers), on the app's real use case and a
/// database of their own (clock at 15 March 2011): what the use case refuses is said beside its field with nothing
/// saved and the entry kept; a save is confirmed; a save that lost a race shows who changed what and lets the user
/// save over it or take the stored version; leaving with unsaved changes asks first; a user who may only read the
/// consortium changes nothing.
/// </summary>
public sealed class PlanEditorTests : MudComponentContext, IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);
    private static readonly string Manager = DemoAccountSeeder.PctManager("5D7");
    private static readonly string Lead = DemoAccountSeeder.ConsortiumLead("00G");
    private static readonly string[] MilestoneFields =
        [.. Enum.GetValues<MilestoneKind>().SelectMany(kind => new[] { MilestonesForm.FieldId(kind, actual: false), MilestonesForm.FieldId(kind, actual: true) })];
    private readonly ClockedFactory _factory = new();
    private readonly IServiceScope _scope;
    private readonly CurrentUser _current = new();

    public PlanEditorTests()
    {
        _scope = _factory.Services.CreateScope();

        // 00G's plan starts empty, so what a test stores is all there is (the demo history records a plan for it).
        var db = _scope.ServiceProvider.GetRequiredService<TransitionTrackerDbContext>();
        db.Milestones.Where(m => m.ConsortiumCode == "00G").ExecuteDelete();
        db.PlannedFunctions.Where(f => f.ConsortiumCode == "00G").ExecuteDelete();
        db.StaffTransfers.Where(t => t.ConsortiumCode == "00G").ExecuteDelete();
        Services.AddSingleton(_current);
        Services.AddFallbackServiceProvider(_scope.ServiceProvider);
    }

    [Fact]
    public async Task A_new_function_with_problems_says_each_beside_its_field_saves_nothing_and_keeps_the_entry()
    {
        var page = await RenderAsync<NewFunctionPage>("/consortia/00G/plan/functions/new", p => p.Add(x => x.Code, "00G"));

        await page.Find("#save-plan").ClickAsync(new());
        page.WaitForAssertion(() => Assert.Equal(
            ["Enter the function", "Select where the function goes", "Select the function's status"],
            Errors(page, "name-error", "receiving-body-error", "status-error", "target-date-error")), Patience);

        await TypeAsync(page, PlannedFunctionForm.NameField, "Continuing care eligibility reviews");
        await ChooseAsync(page, PlannedFunctionForm.ReceivingBodyField, "LocalAuthority");
        await ChooseAsync(page, PlannedFunctionForm.StatusField, "InProgress");
        await TypeDateAsync(page, PlannedFunctionForm.TargetDateField, "30/02/2012");
        await page.Find("#save-plan").ClickAsync(new());

        page.WaitForAssertion(() => Assert.Equal(["Target date must be a real date"],
            Errors(page, "name-error", "receiving-body-error", "status-error", "target-date-error")), Patience);
        Assert.Equal("true", page.Find($"#{PlannedFunctionForm.TargetDateField}").GetAttribute("aria-invalid"));
        Assert.Equal("Continuing care eligibility reviews", page.Find($"#{PlannedFunctionForm.NameField}").GetAttribute("value"));
        Assert.Equal("30/02/2012", page.Find($"#{PlannedFunctionForm.TargetDateField}").GetAttribute("value"));
        Assert.Equal("LocalAuthority", Choice(page, PlannedFunctionForm.ReceivingBodyField));
        Assert.Empty(await StoredAsync<PlannedFunction>());
        Assert.Empty(Snackbars.ShownSnackbars);
    }

    [Fact]
    public async Task A_new_function_is_saved_confirmed_and_the_plan_shown()
    {
        var page = await RenderAsync<NewFunctionPage>("/consortia/00G/plan/functions/new", p => p.Add(x => x.Code, "00G"));

        await TypeAsync(page, PlannedFunctionForm.NameField, "  Continuing care eligibility reviews ");
        await ChooseAsync(page, PlannedFunctionForm.ReceivingBodyField, "LocalAuthority");
        await ChooseAsync(page, PlannedFunctionForm.StatusField, "InProgress");
        await TypeDateAsync(page, PlannedFunctionForm.TargetDateField, "31/03/2012");
        await page.Find("#save-plan").ClickAsync(new());

        page.WaitForAssertion(() => Assert.EndsWith("/consortia/00G/plan", Navigation.Uri, StringComparison.Ordinal), Patience);
        Assert.Equal("Function added", Assert.Single(Snackbars.ShownSnackbars).Message);
        var stored = Assert.Single(await StoredAsync<PlannedFunction>());
        Assert.Equal(("00G", "Continuing care eligibility reviews", ReceivingBody.LocalAuthority, FunctionStatus.InProgress, (DateOnly?)new DateOnly(2012, 3, 31)),
            (stored.ConsortiumCode, stored.Name, stored.ReceivingBody, stored.Status, stored.TargetOn));
    }

    [Fact]
    public async Task A_function_saved_after_someone_else_saved_it_shows_what_they_changed_keeps_the_entry_and_saves_over_it_only_when_asked()
    {
        var id = await PlanEdits.AddFunctionAsync(_factory, Manager, "00G", PlanEdits.Function("Estates management"));
        var page = await RenderAsync<FunctionPage>($"/consortia/00G/plan/functions/{id}", p => p.Add(x => x.Code, "00G").Add(x => x.Id, id));
        Assert.Equal("01/04/2012", page.Find($"#{PlannedFunctionForm.TargetDateField}").GetAttribute("value"));
        await TypeAsync(page, PlannedFunctionForm.NameField, "Estates and facilities");
        await ChooseAsync(page, PlannedFunctionForm.ReceivingBodyField, "NhsCommissioningBoard");
        Assert.NotNull(page.Find("#unsaved"));
        Assert.True((await PlanEdits.ChangeFunctionAsync(_factory, Manager, "00G", id, form => form.Status = "InProgress")).IsSaved);

        await page.Find("#save-plan").ClickAsync(new());

        page.WaitForAssertion(() => Assert.NotNull(page.Find("#conflict")), Patience);
        var conflict = page.Find("#conflict");
        Assert.Contains($"{Manager} changed this function on 15 Mar 2011, 09:30 (UK time)", conflict.TextContent, StringComparison.Ordinal);
        Assert.Equal(["Status: Not started → In progress"], conflict.QuerySelectorAll("li").Select(li => li.TextContent.Trim()));
        Assert.Equal("Estates and facilities", page.Find($"#{PlannedFunctionForm.NameField}").GetAttribute("value"));
        Assert.Equal("NhsCommissioningBoard", Choice(page, PlannedFunctionForm.ReceivingBodyField));
        var stored = Assert.Single(await StoredAsync<PlannedFunction>());
        Assert.Equal(("Estates management", FunctionStatus.InProgress, 1), (stored.Name, stored.Status, stored.Revision));

        await page.Find("#save-mine").ClickAsync(new());

        page.WaitForAssertion(() => Assert.Equal("Function saved", Assert.Single(Snackbars.ShownSnackbars).Message), Patience);
        stored = Assert.Single(await StoredAsync<PlannedFunction>());
        Assert.Equal(("Estates and facilities", ReceivingBody.NhsCommissioningBoard, FunctionStatus.NotStarted, 2), (stored.Name, stored.ReceivingBody, stored.Status, stored.Revision));
    }

    [Fact]
    public async Task After_a_conflict_the_stored_function_can_be_taken_instead()
    {
        var id = await PlanEdits.AddFunctionAsync(_factory, Manager, "00G", PlanEdits.Function("Estates management"));
        var page = await RenderAsync<FunctionPage>($"/consortia/00G/plan/functions/{id}", p => p.Add(x => x.Code, "00G").Add(x => x.Id, id));
        await TypeAsync(page, PlannedFunctionForm.NameField, "Estates and facilities");
        Assert.True((await PlanEdits.ChangeFunctionAsync(_factory, Manager, "00G", id, form => form.Name = "Estates strategy")).IsSaved);
        await page.Find("#save-plan").ClickAsync(new());
        page.WaitForAssertion(() => Assert.NotNull(page.Find("#conflict")), Patience);

        await page.Find("#take-theirs").ClickAsync(new());

        page.WaitForAssertion(() => Assert.Empty(page.FindAll("#conflict")), Patience);
        Assert.Equal("Estates strategy", page.Find($"#{PlannedFunctionForm.NameField}").GetAttribute("value"));
        Assert.Empty(page.FindAll("#unsaved"));

        // Based on the stored revision now, a further change saves without a conflict.
        await ChooseAsync(page, PlannedFunctionForm.StatusField, "Transferred");
        await page.Find("#save-plan").ClickAsync(new());
        page.WaitForAssertion(() => Assert.Equal("Function saved", Assert.Single(Snackbars.ShownSnackbars, s => s.Message == "Function saved").Message), Patience);
        var stored = Assert.Single(await StoredAsync<PlannedFunction>());
        Assert.Equal(("Estates strategy", FunctionStatus.Transferred, 2), (stored.Name, stored.Status, stored.Revision));
    }

    [Fact]
    public async Task Milestone_dates_that_do_not_exist_or_are_in_the_future_are_said_beside_their_fields_and_nothing_is_saved_until_put_right()
    {
        var page = await RenderAsync<MilestonesPage>("/consortia/00G/plan/milestones", p => p.Add(x => x.Code, "00G"));

        await TypeDateAsync(page, "pathfinder-planned", "31/04/2011");
        await TypeDateAsync(page, "delegated-budget-planned", "01/04/2012");
        await TypeDateAsync(page, "authorised-actual", "01/04/2011");
        await page.Find("#save-plan").ClickAsync(new());

        page.WaitForAssertion(() => Assert.Equal(
            ["Planned date for pathfinder status must be a real date", "Actual date for authorisation must be today or in the past"],
            Errors(page, [.. MilestoneFields.Select(id => $"{id}-error")])), Patience);
        Assert.Equal("true", page.Find("#pathfinder-planned").GetAttribute("aria-invalid"));
        Assert.NotEqual("true", page.Find("#delegated-budget-planned").GetAttribute("aria-invalid"));
        Assert.Equal("01/04/2012", page.Find("#delegated-budget-planned").GetAttribute("value"));
        Assert.Equal("01/04/2011", page.Find("#authorised-actual").GetAttribute("value"));
        Assert.Empty(await StoredAsync<Milestone>());

        await TypeDateAsync(page, "pathfinder-planned", "30/04/2011");
        await TypeDateAsync(page, "authorised-actual", "");
        await TypeDateAsync(page, "shadow-formed-actual", "17/10/2010");
        await page.Find("#save-plan").ClickAsync(new());

        page.WaitForAssertion(() => Assert.EndsWith("/consortia/00G/plan", Navigation.Uri, StringComparison.Ordinal), Patience);
        Assert.Equal("Milestone dates saved", Assert.Single(Snackbars.ShownSnackbars).Message);
        var stored = (await StoredAsync<Milestone>()).ToDictionary(m => m.Kind, m => (m.PlannedOn, m.AchievedOn));
        Assert.Equal(((DateOnly?)null, (DateOnly?)new DateOnly(2010, 10, 17)), stored[MilestoneKind.ShadowFormed]);
        Assert.Equal(((DateOnly?)new DateOnly(2011, 4, 30), (DateOnly?)null), stored[MilestoneKind.Pathfinder]);
        Assert.Equal(((DateOnly?)new DateOnly(2012, 4, 1), (DateOnly?)null), stored[MilestoneKind.DelegatedBudget]);
        Assert.False(stored.ContainsKey(MilestoneKind.Authorised));
    }

    [Fact]
    public async Task Milestones_saved_after_someone_else_saved_them_keep_the_dates_entered_and_save_over_theirs_only_when_asked()
    {
        var page = await RenderAsync<MilestonesPage>("/consortia/00G/plan/milestones", p => p.Add(x => x.Code, "00G"));
        await TypeDateAsync(page, "pathfinder-planned", "01/09/2011");
        Assert.True((await PlanEdits.SaveMilestonesAsync(_factory, Manager, "00G", form =>
        {
            var pathfinder = form.For(MilestoneKind.Pathfinder);
            (pathfinder.PlannedDay, pathfinder.PlannedMonth, pathfinder.PlannedYear) = ("1", "6", "2011");
        })).IsSaved);

        await page.Find("#save-plan").ClickAsync(new());

        page.WaitForAssertion(() => Assert.NotNull(page.Find("#conflict")), Patience);
        Assert.Contains($"{Manager} changed the milestone dates on 15 Mar 2011, 09:30 (UK time)", page.Find("#conflict").TextContent, StringComparison.Ordinal);
        Assert.Equal("01/09/2011", page.Find("#pathfinder-planned").GetAttribute("value"));
        Assert.Equal(new DateOnly(2011, 6, 1), Assert.Single(await StoredAsync<Milestone>()).PlannedOn);

        await page.Find("#save-mine").ClickAsync(new());

        page.WaitForAssertion(() => Assert.Equal("Milestone dates saved", Assert.Single(Snackbars.ShownSnackbars).Message), Patience);
        Assert.Equal(new DateOnly(2011, 9, 1), Assert.Single(await StoredAsync<Milestone>()).PlannedOn);
    }

    [Fact]
    public async Task A_staff_transfer_with_a_headcount_that_is_not_a_whole_number_is_refused_with_the_value_kept_then_added()
    {
        var page = await RenderAsync<NewStaffTransferPage>("/consortia/00G/plan/staff/new", p => p.Add(x => x.Code, "00G"));
        await TypeAsync(page, StaffTransferForm.FunctionField, "Public health");
        await TypeAsync(page, StaffTransferForm.HeadcountField, "ten");
        await ChooseAsync(page, StaffTransferForm.DestinationField, "LocalAuthority");

        await page.Find("#save-plan").ClickAsync(new());

        page.WaitForAssertion(() => Assert.Equal(["Headcount must be a whole number"], Errors(page, "function-error", "headcount-error", "destination-error")), Patience);
        Assert.Equal("ten", page.Find($"#{StaffTransferForm.HeadcountField}").GetAttribute("value"));
        Assert.Equal("Public health", page.Find($"#{StaffTransferForm.FunctionField}").GetAttribute("value"));
        Assert.Equal("LocalAuthority", Choice(page, StaffTransferForm.DestinationField));
        Assert.Empty(await StoredAsync<StaffTransfer>());

        await TypeAsync(page, StaffTransferForm.HeadcountField, "1,200");
        await page.Find("#save-plan").ClickAsync(new());

        page.WaitForAssertion(() => Assert.Equal("Staff transfer added", Assert.Single(Snackbars.ShownSnackbars).Message), Patience);
        var stored = Assert.Single(await StoredAsync<StaffTransfer>());
        Assert.Equal(("00G", "Public health", 1200, ReceivingBody.LocalAuthority), (stored.ConsortiumCode, stored.Function, stored.Headcount, stored.Destination));
    }

    [Fact]
    public async Task Changing_a_staff_transfer_saves_it_and_one_changed_meanwhile_is_shown_as_a_conflict()
    {
        var id = await PlanEdits.AddTransferAsync(_factory, Manager, "00G", PlanEdits.Transfer("Finance", "12", "Consortium"));
        var page = await RenderAsync<StaffTransferPage>($"/consortia/00G/plan/staff/{id}", p => p.Add(x => x.Code, "00G").Add(x => x.Id, id));
        await TypeAsync(page, StaffTransferForm.HeadcountField, "9");
        Assert.True((await PlanEdits.ChangeTransferAsync(_factory, Manager, "00G", id, form => form.Headcount = "14")).IsSaved);

        await page.Find("#save-plan").ClickAsync(new());

        page.WaitForAssertion(() => Assert.Contains("Headcount: 12 → 14", page.Find("#conflict").TextContent, StringComparison.Ordinal), Patience);
        Assert.Equal("9", page.Find($"#{StaffTransferForm.HeadcountField}").GetAttribute("value"));
        Assert.Equal((14, 1), Single(await StoredAsync<StaffTransfer>()));

        await page.Find("#take-theirs").ClickAsync(new());
        page.WaitForAssertion(() => Assert.Equal("14", page.Find($"#{StaffTransferForm.HeadcountField}").GetAttribute("value")), Patience);
        await ChooseAsync(page, StaffTransferForm.DestinationField, "NhsCommissioningBoard");
        await page.Find("#save-plan").ClickAsync(new());

        page.WaitForAssertion(() => Assert.EndsWith("/consortia/00G/plan", Navigation.Uri, StringComparison.Ordinal), Patience);
        var stored = Assert.Single(await StoredAsync<StaffTransfer>());
        Assert.Equal((14, ReceivingBody.NhsCommissioningBoard, 2), (stored.Headcount, stored.Destination, stored.Revision));
    }

    [Fact]
    public async Task Leaving_with_unsaved_changes_asks_first_and_staying_keeps_them()
    {
        var dialogs = Render<MudDialogProvider>();
        var page = await RenderAsync<MilestonesPage>("/consortia/00G/plan/milestones", p => p.Add(x => x.Code, "00G"));
        await TypeDateAsync(page, "authorised-planned", "01/04/2013");
        var before = Navigation.Uri;

        await page.InvokeAsync(() => Navigation.NavigateTo("/consortia/00G/plan"));

        dialogs.WaitForAssertion(() => Assert.Contains("Leave without saving the milestone dates?", dialogs.Markup, StringComparison.Ordinal), Patience);
        await dialogs.FindAll("button").Single(b => b.TextContent.Trim() == "Stay on this page").ClickAsync(new());
        dialogs.WaitForAssertion(() => Assert.DoesNotContain("Leave without saving the milestone dates?", dialogs.Markup, StringComparison.Ordinal), Patience);
        Assert.Equal(before, Navigation.Uri);
        Assert.Equal("01/04/2013", page.Find("#authorised-planned").GetAttribute("value"));
    }

    [Fact]
    public async Task Leaving_a_new_staff_transfer_with_something_entered_asks_first_and_adds_nothing()
    {
        var dialogs = Render<MudDialogProvider>();
        var page = await RenderAsync<NewStaffTransferPage>("/consortia/00G/plan/staff/new", p => p.Add(x => x.Code, "00G"));
        await TypeAsync(page, StaffTransferForm.FunctionField, "Contracting");

        await page.InvokeAsync(() => Navigation.NavigateTo("/consortia/00G/plan"));

        dialogs.WaitForAssertion(() => Assert.Contains("Leave without adding the staff transfer?", dialogs.Markup, StringComparison.Ordinal), Patience);
        await dialogs.FindAll("button").Single(b => b.TextContent.Trim() == "Leave without adding").ClickAsync(new());
        dialogs.WaitForAssertion(() => Assert.DoesNotContain("Leave without adding the staff transfer?", dialogs.Markup, StringComparison.Ordinal), Patience);
        Assert.Empty(await StoredAsync<StaffTransfer>());
    }

    [Fact]
    public async Task A_user_who_may_only_read_the_consortium_changes_nothing()
    {
        var id = await PlanEdits.AddFunctionAsync(_factory, Manager, "00G", PlanEdits.Function("Exceptional treatment panels"));

        var change = await RenderAsync<FunctionPage>($"/consortia/00G/plan/functions/{id}", p => p.Add(x => x.Code, "00G").Add(x => x.Id, id), Lead);
        await TypeAsync(change, PlannedFunctionForm.NameField, "Sneaked in");
        await change.Find("#save-plan").ClickAsync(new());
        change.WaitForAssertion(() => Assert.Contains("Nothing was saved", change.Find("#plan-problem").TextContent, StringComparison.Ordinal), Patience);

        var added = await RenderAsync<NewStaffTransferPage>("/consortia/00G/plan/staff/new", p => p.Add(x => x.Code, "00G"), Lead);
        await TypeAsync(added, StaffTransferForm.FunctionField, "Sneaked in");
        await TypeAsync(added, StaffTransferForm.HeadcountField, "3");
        await ChooseAsync(added, StaffTransferForm.DestinationField, "Consortium");
        await added.Find("#save-plan").ClickAsync(new());
        added.WaitForAssertion(() => Assert.Contains("Nothing was saved", added.Find("#plan-problem").TextContent, StringComparison.Ordinal), Patience);

        var milestones = await RenderAsync<MilestonesPage>("/consortia/00G/plan/milestones", p => p.Add(x => x.Code, "00G"), Lead);
        await TypeDateAsync(milestones, "pathfinder-planned", "01/09/2011");
        await milestones.Find("#save-plan").ClickAsync(new());
        milestones.WaitForAssertion(() => Assert.Contains("Nothing was saved", milestones.Find("#plan-problem").TextContent, StringComparison.Ordinal), Patience);

        var stored = Assert.Single(await StoredAsync<PlannedFunction>());
        Assert.Equal(("Exceptional treatment panels", 0), (stored.Name, stored.Revision));
        Assert.Empty(await StoredAsync<StaffTransfer>());
        Assert.Empty(await StoredAsync<Milestone>());
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        _scope.Dispose();
        await _factory.DisposeAsync();
    }

    private ISnackbar Snackbars => Services.GetRequiredService<ISnackbar>();

    private NavigationManager Navigation => Services.GetRequiredService<NavigationManager>();

    private async Task<IRenderedComponent<T>> RenderAsync<T>(string url, Action<ComponentParameterCollectionBuilder<T>> parameters, string? user = null)
        where T : IComponent
    {
        _current.SignedIn(await DemoUsers.ActingAsync(_factory, user ?? Manager));
        Navigation.NavigateTo(url);
        var page = RenderInteractive(parameters);
        page.WaitForAssertion(() => Assert.Equal("true", page.Find(".app-plan-editor").GetAttribute("data-live")), Patience);
        return page;
    }

    private static Task TypeAsync<T>(IRenderedComponent<T> page, string id, string text)
        where T : IComponent =>
        page.Find($"#{id}").InputAsync(new ChangeEventArgs { Value = text });

    private static Task TypeDateAsync<T>(IRenderedComponent<T> page, string id, string text)
        where T : IComponent =>
        page.Find($"#{id}").ChangeAsync(new ChangeEventArgs { Value = text });

    private static async Task ChooseAsync<T>(IRenderedComponent<T> page, string choice, string value)
        where T : class, IComponent
    {
        var group = page.FindComponents<PlanChoice>().Single(c => c.Instance.Id == choice).FindComponent<MudRadioGroup<string>>();
        await page.InvokeAsync(() => group.Instance.ValueChanged.InvokeAsync(value));
    }

    private static string? Choice<T>(IRenderedComponent<T> page, string choice)
        where T : class, IComponent =>
        page.FindComponents<PlanChoice>().Single(c => c.Instance.Id == choice).FindComponent<MudRadioGroup<string>>().Instance.Value;

    private static List<string> Errors<T>(IRenderedComponent<T> page, params string[] ids)
        where T : IComponent =>
        ids.SelectMany(id => page.FindAll($"#{id}")).Select(e => e.TextContent.Trim()).Where(t => t.Length > 0).ToList();

    private static (int Headcount, int Revision) Single(List<StaffTransfer> stored) =>
        (Assert.Single(stored).Headcount, stored[0].Revision);

    // 00G's rows, all stored by the test.
    private async Task<List<TRecord>> StoredAsync<TRecord>()
        where TRecord : class
    {
        using var scope = _factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TransitionTrackerDbContext>();
        return await db.Set<TRecord>().AsNoTracking().Where(r => EF.Property<string>(r, "ConsortiumCode") == "00G").ToListAsync();
    }
}
