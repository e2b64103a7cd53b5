using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Extensions;
using TransitionTracker.Application.SupportActions;
using TransitionTracker.Data;
using TransitionTracker.Data.Seeding;
using TransitionTracker.Domain.SupportActions;
using TransitionTracker.Web.Access;
using TransitionTracker.Web.Components.Pages.Consortia.Actions;
using TransitionTracker.Web.Tests.Infrastructure;

namespace TransitionTracker.Web.Tests.Components.Pages.Consortia.Actions;

/// <summary>
/// The support action editors live, on the app's real use case and a database of their own (clock at 15 March 2011):
/// what the use case refuses is said beside its field with nothing saved and the entry kept; a save is confirmed; a
/// save that lost a race shows who changed what and lets the user save over it or take the stored version; leaving
/// with unsaved changes asks first; a user who may only read the consortium changes nothing.
/// </summary>
public sealed class SupportActionEditorTests : MudComponentContext, IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);
    private static readonly string Manager = DemoAccountSeeder.PctManager("5D7");
    private static readonly string[] ErrorIds = ["criterion-error", "description-error", "owner-error", "due-date-error", "status-error"];
    private readonly ClockedFactory _factory = new();
    private readonly IServiceScope _scope;
    private readonly CurrentUser _current = new();
    private readonly int _lastSeededId;

    public SupportActionEditorTests()
    {
        _scope = _factory.Services.CreateScope();
        _lastSeededId = _scope.ServiceProvider.GetRequiredService<TransitionTrackerDbContext>().SupportActions.Max(a => (int?)a.Id) ?? 0;
        Services.AddSingleton(_current);
        Services.AddFallbackServiceProvider(_scope.ServiceProvider);
    }

    [Fact]
    public async Task A_new_action_with_problems_says_each_beside_its_field_saves_nothing_and_keeps_the_entry()
    {
        var page = await RenderNewAsync();
        var before = await StoredAsync();

        await page.Find("#save-action").ClickAsync(new());
        page.WaitForAssertion(() => Assert.Equal(
            ["Select the criterion this action supports", "Enter a description of the action", "Enter who owns the action", "Enter the due date"], Errors(page)), Patience);

        await ChooseCriterionAsync(page, "GOV-02");
        await TypeAsync(page, SupportActionFields.Description, "Run a board development session");
        await TypeAsync(page, SupportActionFields.Owner, "PCT OD lead");
        await TypeDateAsync(page, "31/02/2011");
        await page.Find("#save-action").ClickAsync(new());

        page.WaitForAssertion(() => Assert.Equal(["Due date must be a real date"], Errors(page)), Patience);
        Assert.Equal("true", page.Find($"#{SupportActionFields.DueDate}").GetAttribute("aria-invalid"));
        Assert.Equal("Run a board development session", page.Find($"#{SupportActionFields.Description}").TextContent);
        Assert.Equal("PCT OD lead", page.Find($"#{SupportActionFields.Owner}").GetAttribute("value"));
        Assert.Equal("31/02/2011", page.Find($"#{SupportActionFields.DueDate}").GetAttribute("value"));
        Assert.Equal("GOV-02", page.FindComponent<MudSelect<string>>().Instance.GetState(x => x.Value));
        Assert.Equal(before.Count, (await StoredAsync()).Count);
        Assert.Empty(Snackbars.ShownSnackbars);
    }

    [Fact]
    public async Task A_new_action_is_saved_confirmed_and_listed_with_the_criterion_from_the_address_chosen_already()
    {
        var page = await RenderNewAsync("?criterion=GOV-02");
        Assert.Equal("GOV-02", page.FindComponent<MudSelect<string>>().Instance.GetState(x => x.Value));

        await TypeAsync(page, SupportActionFields.Description, "  Agree a conflicts of interest policy ");
        await TypeAsync(page, SupportActionFields.Owner, " PCT governance lead ");
        await TypeDateAsync(page, "31/03/2011");
        await page.Find("#save-action").ClickAsync(new());

        var navigation = Services.GetRequiredService<NavigationManager>();
        page.WaitForAssertion(() => Assert.EndsWith("/consortia/00G/actions", navigation.Uri, StringComparison.Ordinal), Patience);
        Assert.Equal("Support action added", Assert.Single(Snackbars.ShownSnackbars).Message);
        var stored = Assert.Single(await StoredAsync());
        Assert.Equal(("GOV-02", "Agree a conflicts of interest policy", "PCT governance lead", new DateOnly(2011, 3, 31), SupportActionStatus.NotStarted, Manager),
            (stored.CriterionId, stored.Description, stored.Owner, stored.DueOn, stored.Status, stored.CreatedBy));
    }

    [Fact]
    public async Task Changing_an_action_saves_every_field_and_closing_it_marks_it_done()
    {
        var id = await ActionForms.AddAndFindAsync(_factory, Manager, "00G", "Draft the commissioning intentions");
        var page = await RenderChangeAsync(id);
        Assert.Equal("31/03/2011", page.Find($"#{SupportActionFields.DueDate}").GetAttribute("value"));
        Assert.Equal("NotStarted", page.FindComponent<MudRadioGroup<string>>().Instance.Value);

        await ChooseCriterionAsync(page, "GOV-01");
        await TypeAsync(page, SupportActionFields.Description, "Publish the commissioning intentions");
        await TypeAsync(page, SupportActionFields.Owner, "Consortium board");
        await TypeDateAsync(page, "30/06/2011");
        await ChooseStatusAsync(page, "Done");
        Assert.NotNull(page.Find("#unsaved"));
        await page.Find("#save-action").ClickAsync(new());

        var navigation = Services.GetRequiredService<NavigationManager>();
        page.WaitForAssertion(() => Assert.EndsWith("/consortia/00G/actions", navigation.Uri, StringComparison.Ordinal), Patience);
        Assert.Equal("Support action saved and closed", Assert.Single(Snackbars.ShownSnackbars).Message);
        var stored = Assert.Single(await StoredAsync());
        Assert.Equal(("GOV-01", "Publish the commissioning intentions", "Consortium board", new DateOnly(2011, 6, 30), SupportActionStatus.Done, 1),
            (stored.CriterionId, stored.Description, stored.Owner, stored.DueOn, stored.Status, stored.Revision));
    }

    [Fact]
    public async Task A_bad_change_is_said_beside_its_field_and_changes_nothing()
    {
        var id = await ActionForms.AddAndFindAsync(_factory, Manager, "00G", "Draft the commissioning intentions");
        var page = await RenderChangeAsync(id);

        await TypeAsync(page, SupportActionFields.Description, new string('x', SupportAction.DescriptionMaxLength + 1));
        await TypeAsync(page, SupportActionFields.Owner, "   ");
        await TypeDateAsync(page, "1/4/11");
        await page.Find("#save-action").ClickAsync(new());

        page.WaitForAssertion(() => Assert.Equal(
            ["Description must be 500 characters or fewer", "Enter who owns the action", "Year must include 4 numbers"], Errors(page)), Patience);
        Assert.Equal("1/4/11", page.Find($"#{SupportActionFields.DueDate}").GetAttribute("value"));
        var stored = Assert.Single(await StoredAsync());
        Assert.Equal(("Draft the commissioning intentions", 0), (stored.Description, stored.Revision));
    }

    [Fact]
    public async Task A_save_after_someone_else_saved_shows_what_they_changed_keeps_the_entry_and_saves_over_it_only_when_asked()
    {
        var id = await ActionForms.AddAndFindAsync(_factory, Manager, "00G", "Set up shared back-office services");
        var page = await RenderChangeAsync(id);
        await TypeAsync(page, SupportActionFields.Description, "Buy back-office services from the support unit");
        await TypeAsync(page, SupportActionFields.Owner, "Finance lead");
        var theirs = await ActionForms.ChangeAsync(_factory, Manager, "00G", id, form =>
        {
            form.Description = "Agree shared back-office services with 00H";
            form.Status = "InProgress";
        });
        Assert.True(theirs.IsSaved);

        await page.Find("#save-action").ClickAsync(new());

        page.WaitForAssertion(() => Assert.NotNull(page.Find($"#{SupportActionFields.Conflict}")), Patience);
        var conflict = page.Find($"#{SupportActionFields.Conflict}");
        Assert.Contains($"{Manager} changed this support action on 15 Mar 2011, 09:30 (UK time)", conflict.TextContent, StringComparison.Ordinal);
        Assert.Equal(
            ["Description: Set up shared back-office services → Agree shared back-office services with 00H", "Status: Not started → In progress"],
            conflict.QuerySelectorAll("li").Select(li => li.TextContent.Trim()));
        Assert.Equal("Buy back-office services from the support unit", page.Find($"#{SupportActionFields.Description}").TextContent);
        Assert.Equal("Finance lead", page.Find($"#{SupportActionFields.Owner}").GetAttribute("value"));
        Assert.Equal(("Agree shared back-office services with 00H", 1), Single(await StoredAsync()));

        await page.Find("#save-mine").ClickAsync(new());

        page.WaitForAssertion(() => Assert.Equal("Support action saved", Assert.Single(Snackbars.ShownSnackbars).Message), Patience);
        var stored = Assert.Single(await StoredAsync());
        Assert.Equal(("Buy back-office services from the support unit", "Finance lead", SupportActionStatus.NotStarted, 2), (stored.Description, stored.Owner, stored.Status, stored.Revision));
    }

    [Fact]
    public async Task After_a_conflict_the_stored_version_can_be_taken_instead()
    {
        var id = await ActionForms.AddAndFindAsync(_factory, Manager, "00G", "Set up shared back-office services");
        var page = await RenderChangeAsync(id);
        await TypeAsync(page, SupportActionFields.Owner, "Finance lead");
        Assert.True((await ActionForms.ChangeAsync(_factory, Manager, "00G", id, form => form.Owner = "Consortium board")).IsSaved);
        await page.Find("#save-action").ClickAsync(new());
        page.WaitForAssertion(() => Assert.NotNull(page.Find($"#{SupportActionFields.Conflict}")), Patience);

        await page.Find("#take-theirs").ClickAsync(new());

        page.WaitForAssertion(() => Assert.Empty(page.FindAll($"#{SupportActionFields.Conflict}")), Patience);
        Assert.Equal("Consortium board", page.Find($"#{SupportActionFields.Owner}").GetAttribute("value"));
        Assert.Empty(page.FindAll("#unsaved"));
        Assert.Equal("Consortium board", Assert.Single(await StoredAsync()).Owner);

        // Based on the stored revision now, a further change saves without a conflict.
        await TypeAsync(page, SupportActionFields.Owner, "Consortium accountable officer");
        await page.Find("#save-action").ClickAsync(new());
        // Read the database outside the renderer: blocking on a query inside a render assertion can wait for ever.
        var deadline = DateTime.UtcNow + Patience;
        (string Owner, int Revision) stored;
        do
        {
            var only = Assert.Single(await StoredAsync());
            stored = (only.Owner, only.Revision);
            if (stored == ("Consortium accountable officer", 2) || DateTime.UtcNow > deadline)
            {
                break;
            }

            await Task.Delay(50);
        }
        while (true);

        Assert.Equal(("Consortium accountable officer", 2), stored);
    }

    [Fact]
    public async Task Leaving_with_unsaved_changes_asks_first_and_staying_keeps_them()
    {
        var dialogs = Render<MudDialogProvider>();
        var id = await ActionForms.AddAndFindAsync(_factory, Manager, "00G", "Draft the commissioning intentions");
        var page = await RenderChangeAsync(id);
        await TypeAsync(page, SupportActionFields.Owner, "Consortium board");
        var navigation = Services.GetRequiredService<NavigationManager>();
        var before = navigation.Uri;

        await page.InvokeAsync(() => navigation.NavigateTo("/consortia/00G/actions"));

        dialogs.WaitForAssertion(() => Assert.Contains("Leave without saving the action?", dialogs.Markup, StringComparison.Ordinal), Patience);
        await dialogs.FindAll("button").Single(b => b.TextContent.Trim() == "Stay on this page").ClickAsync(new());
        dialogs.WaitForAssertion(() => Assert.DoesNotContain("Leave without saving the action?", dialogs.Markup, StringComparison.Ordinal), Patience);
        Assert.Equal(before, navigation.Uri);
        Assert.Equal("Consortium board", page.Find($"#{SupportActionFields.Owner}").GetAttribute("value"));
    }

    [Fact]
    public async Task Leaving_a_new_action_with_something_entered_asks_first_and_adds_nothing()
    {
        var dialogs = Render<MudDialogProvider>();
        var page = await RenderNewAsync();
        await TypeAsync(page, SupportActionFields.Owner, "PCT OD lead");
        var navigation = Services.GetRequiredService<NavigationManager>();

        await page.InvokeAsync(() => navigation.NavigateTo("/consortia/00G/actions"));

        dialogs.WaitForAssertion(() => Assert.Contains("Leave without adding the action?", dialogs.Markup, StringComparison.Ordinal), Patience);
        await dialogs.FindAll("button").Single(b => b.TextContent.Trim() == "Leave without adding").ClickAsync(new());
        dialogs.WaitForAssertion(() => Assert.DoesNotContain("Leave without adding the action?", dialogs.Markup, StringComparison.Ordinal), Patience);
        Assert.Empty(await StoredAsync());
    }

    [Fact]
    public async Task A_user_who_may_only_read_the_consortium_changes_nothing()
    {
        var id = await ActionForms.AddAndFindAsync(_factory, Manager, "00G", "Hold a practice engagement event");
        var page = await RenderChangeAsync(id, DemoAccountSeeder.ConsortiumLead("00G"));

        await TypeAsync(page, SupportActionFields.Owner, "Sneaked in");
        await ChooseStatusAsync(page, "Done");
        await page.Find("#save-action").ClickAsync(new());

        page.WaitForAssertion(() => Assert.Contains("Nothing was saved", page.Find("#action-problem").TextContent, StringComparison.Ordinal), Patience);
        var stored = Assert.Single(await StoredAsync());
        Assert.Equal(("PCT development lead", SupportActionStatus.NotStarted, 0), (stored.Owner, stored.Status, stored.Revision));

        var added = await RenderNewAsync(user: DemoAccountSeeder.ConsortiumLead("00G"), query: "?criterion=GOV-02");
        await TypeAsync(added, SupportActionFields.Description, "Sneaked in");
        await TypeAsync(added, SupportActionFields.Owner, "Lead");
        await TypeDateAsync(added, "01/04/2011");
        await added.Find("#save-action").ClickAsync(new());
        added.WaitForAssertion(() => Assert.Contains("Nothing was saved", added.Find("#action-problem").TextContent, StringComparison.Ordinal), Patience);
        Assert.Single(await StoredAsync());
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        _scope.Dispose();
        await _factory.DisposeAsync();
    }

    private ISnackbar Snackbars => Services.GetRequiredService<ISnackbar>();

    private async Task<IRenderedComponent<NewSupportActionPage>> RenderNewAsync(string query = "", string? user = null)
    {
        _current.SignedIn(await DemoUsers.ActingAsync(_factory, user ?? Manager));
        Services.GetRequiredService<NavigationManager>().NavigateTo("/consortia/00G/actions/new" + query);
        var page = RenderInteractive<NewSupportActionPage>(p => p.Add(x => x.Code, "00G"));
        page.WaitForAssertion(() => Assert.Equal("true", page.Find(".app-action-editor").GetAttribute("data-live")), Patience);
        return page;
    }

    private async Task<IRenderedComponent<SupportActionPage>> RenderChangeAsync(int id, string? user = null)
    {
        _current.SignedIn(await DemoUsers.ActingAsync(_factory, user ?? Manager));
        Services.GetRequiredService<NavigationManager>().NavigateTo($"/consortia/00G/actions/{id}");
        var page = RenderInteractive<SupportActionPage>(p => p.Add(x => x.Code, "00G").Add(x => x.Id, id));
        page.WaitForAssertion(() => Assert.Equal("true", page.Find(".app-action-editor").GetAttribute("data-live")), Patience);
        return page;
    }

    private static Task TypeAsync<T>(IRenderedComponent<T> page, string id, string text)
        where T : IComponent =>
        page.Find($"#{id}").InputAsync(new ChangeEventArgs { Value = text });

    private static Task TypeDateAsync<T>(IRenderedComponent<T> page, string text)
        where T : IComponent =>
        page.Find($"#{SupportActionFields.DueDate}").ChangeAsync(new ChangeEventArgs { Value = text });

    private static async Task ChooseCriterionAsync<T>(IRenderedComponent<T> page, string criterion)
        where T : class, IComponent
    {
        var select = page.FindComponent<MudSelect<string>>();
        await page.InvokeAsync(() => select.Instance.ValueChanged.InvokeAsync(criterion));
    }

    private static async Task ChooseStatusAsync<T>(IRenderedComponent<T> page, string status)
        where T : class, IComponent
    {
        var group = page.FindComponent<MudRadioGroup<string>>();
        await page.InvokeAsync(() => group.Instance.ValueChanged.InvokeAsync(status));
    }

    private static List<string> Errors<T>(IRenderedComponent<T> page)
        where T : IComponent =>
        ErrorIds.SelectMany(id => page.FindAll($"#{id}")).Select(e => e.TextContent.Trim()).Where(t => t.Length > 0).ToList();

    private static (string Description, int Revision) Single(List<SupportAction> stored) =>
        (Assert.Single(stored).Description, stored[0].Revision);

    // The actions this test added (the demo history has others).
    private async Task<List<SupportAction>> StoredAsync()
    {
        using var scope = _factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TransitionTrackerDbContext>();
        return await db.SupportActions.AsNoTracking().Where(a => a.Id > _lastSeededId).ToListAsync();
    }
}
