using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Extensions;
using TransitionTracker.Application.Access;
using TransitionTracker.Application.Administration;
using TransitionTracker.Data;
using TransitionTracker.Data.Auditing;
using TransitionTracker.Data.Seeding;
using TransitionTracker.Web.Access;
using TransitionTracker.Web.Components.Pages.Admin;
using TransitionTracker.Web.Tests.Infrastructure;

namespace TransitionTracker.Web.Tests.Components.Pages.Admin;

/// <summary>
/// One user's page live, on the app's real use cases and a database of its own: a scoped role is given through the
/// organisation autocomplete, what the use case refuses is said beside the field with nothing stored and the choices
/// kept, removing a role and disabling or enabling a user ask first, a change another administrator made meanwhile is
/// shown at once as a conflict with the choices kept, and a circuit whose user is no administrator changes nothing.
/// </summary>
public sealed class UserPageTests : MudComponentContext, IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);
    private readonly TransitionTrackerFactory _factory = new();
    private readonly IServiceScope _scope;
    private readonly CurrentUser _current = new();
    private readonly string _userId;

    public UserPageTests()
    {
        _scope = _factory.Services.CreateScope();
        _current.SignedIn(DemoUsers.ActingAsync(_factory, DemoAccountSeeder.Administrator).GetAwaiter().GetResult());
        _userId = UserIdAsync(DemoAccountSeeder.National).GetAwaiter().GetResult();
        Services.AddSingleton(_current);
        Services.AddFallbackServiceProvider(_scope.ServiceProvider);
    }

    [Fact]
    public async Task A_scoped_role_is_given_by_choosing_the_organisation_from_the_autocomplete()
    {
        Render<MudPopoverProvider>();
        var page = RenderPage();

        await ChooseRoleAsync(page, "PctManager");
        var autocomplete = page.FindComponent<MudAutocomplete<ScopeOption>>();
        Assert.Equal("PCT they manage", autocomplete.Instance.Label);
        var found = await SearchAsync(page, autocomplete, "newcastle");
        var newcastle = Assert.Single(found, o => o.Code == "5D7");
        Assert.Equal($"{newcastle.Name} (5D7)", autocomplete.Instance.ToStringFunc!(newcastle));
        Assert.DoesNotContain(await SearchAsync(page, autocomplete, "Q30"), o => o.Code == "Q30");
        await page.InvokeAsync(() => autocomplete.Instance.ValueChanged.InvokeAsync(newcastle));
        await page.InvokeAsync(() => autocomplete.Instance.TextChanged.InvokeAsync(newcastle.ToString()));

        await page.Find("#give-role").ClickAsync(new());

        page.WaitForAssertion(() => Assert.Contains(page.FindAll(".app-user-roles td[data-label=Role]"), td => td.TextContent == $"PCT manager – 5D7 {newcastle.Name}"), Patience);
        Assert.Contains(("PctManager", "5D7"), await RolesAsync());
        Assert.Equal($"Role given: PCT manager – {newcastle.Name} (5D7).", Assert.Single(Snackbars.ShownSnackbars).Message);
        Assert.Empty(page.FindComponents<MudAutocomplete<ScopeOption>>());
    }

    [Fact]
    public async Task A_refused_role_is_explained_beside_its_field_nothing_is_stored_and_the_choices_stay()
    {
        var page = RenderPage();
        var before = await RolesAsync();

        await page.Find("#give-role").ClickAsync(new());
        page.WaitForAssertion(() => Assert.Equal("Select a role", page.Find("#role-error").TextContent.Trim()), Patience);

        await ChooseRoleAsync(page, "RegionalLead");
        var autocomplete = page.FindComponent<MudAutocomplete<ScopeOption>>();
        await page.InvokeAsync(() => autocomplete.Instance.TextChanged.InvokeAsync("ZZ9"));
        await page.Find("#give-role").ClickAsync(new());

        page.WaitForAssertion(() => Assert.Equal("There is no region with the code ZZ9", page.Find("#scope-code-error").TextContent.Trim()), Patience);
        Assert.Equal("true", page.Find($"#{AccountFields.ScopeCode}").GetAttribute("aria-invalid"));
        Assert.Equal("RegionalLead", page.FindComponent<MudSelect<string>>().Instance.GetState(x => x.Value));
        Assert.Equal("ZZ9", page.FindComponent<MudAutocomplete<ScopeOption>>().Instance.GetState(x => x.Text));
        Assert.Equal(before, await RolesAsync());
        Assert.Empty(Snackbars.ShownSnackbars);
    }

    [Fact]
    public async Task Disabling_asks_first_cancelling_changes_nothing_and_confirming_signs_them_out()
    {
        var dialogs = Render<MudDialogProvider>();
        var page = RenderPage();

        // The handler waits for the answer, so the click completes once the dialog is closed.
        var asking = page.Find("#disable-user").ClickAsync(new());
        dialogs.WaitForAssertion(() => Assert.Contains("signed out everywhere", dialogs.Markup, StringComparison.Ordinal), Patience);
        Assert.Contains("Disable this user?", dialogs.Markup, StringComparison.Ordinal);
        await dialogs.FindAll("button").Single(b => b.TextContent.Trim() == "Cancel").ClickAsync(new());
        await asking.WaitAsync(Patience);

        dialogs.WaitForAssertion(() => Assert.DoesNotContain("Disable this user?", dialogs.Markup, StringComparison.Ordinal), Patience);
        Assert.False(await IsDisabledAsync());
        Assert.Equal("Active", page.Find("#user-status").TextContent.Trim());
        Assert.Empty(Snackbars.ShownSnackbars);

        asking = page.Find("#disable-user").ClickAsync(new());
        dialogs.WaitForAssertion(() => Assert.Contains("Disable this user?", dialogs.Markup, StringComparison.Ordinal), Patience);
        await dialogs.FindAll("button").Single(b => b.TextContent.Trim() == "Disable user").ClickAsync(new());
        await asking.WaitAsync(Patience);

        page.WaitForAssertion(() => Assert.Equal("Disabled", page.Find("#user-status").TextContent.Trim()), Patience);
        Assert.True(await IsDisabledAsync());
        Assert.StartsWith("User disabled", Assert.Single(Snackbars.ShownSnackbars).Message, StringComparison.Ordinal);

        asking = page.Find("#enable-user").ClickAsync(new());
        dialogs.WaitForAssertion(() => Assert.Contains("Enable this user?", dialogs.Markup, StringComparison.Ordinal), Patience);
        await dialogs.FindAll("button").Single(b => b.TextContent.Trim() == "Enable user").ClickAsync(new());
        await asking.WaitAsync(Patience);
        page.WaitForAssertion(() => Assert.Equal("Active", page.Find("#user-status").TextContent.Trim()), Patience);
        Assert.False(await IsDisabledAsync());
    }

    [Fact]
    public async Task Removing_a_role_asks_first_and_keeping_it_changes_nothing()
    {
        var dialogs = Render<MudDialogProvider>();
        var page = RenderPage();
        var remove = page.Find(".app-user-roles button");
        Assert.Equal("Remove National viewer", remove.GetAttribute("aria-label"));

        // The handler waits for the answer, so the click completes once the dialog is closed.
        var asking = remove.ClickAsync(new());
        dialogs.WaitForAssertion(() => Assert.Contains("Remove this role?", dialogs.Markup, StringComparison.Ordinal), Patience);
        await dialogs.FindAll("button").Single(b => b.TextContent.Trim() == "Keep the role").ClickAsync(new());
        await asking.WaitAsync(Patience);
        dialogs.WaitForAssertion(() => Assert.DoesNotContain("Remove this role?", dialogs.Markup, StringComparison.Ordinal), Patience);
        Assert.Equal([("NationalViewer", (string?)null)], await RolesAsync());

        asking = page.Find(".app-user-roles button").ClickAsync(new());
        dialogs.WaitForAssertion(() => Assert.Contains("Remove this role?", dialogs.Markup, StringComparison.Ordinal), Patience);
        await dialogs.FindAll("button").Single(b => b.TextContent.Trim() == "Remove the role").ClickAsync(new());
        await asking.WaitAsync(Patience);

        page.WaitForAssertion(() => Assert.NotNull(page.Find("#no-roles")), Patience);
        Assert.Empty(await RolesAsync());
        Assert.Equal("Role removed: National viewer.", Assert.Single(Snackbars.ShownSnackbars).Message);
    }

    [Fact]
    public async Task A_role_given_after_another_administrator_changed_the_user_is_a_conflict_that_keeps_the_choice_until_reloaded()
    {
        Render<MudPopoverProvider>();
        var page = RenderPage();
        await ChooseRoleAsync(page, "RegionalLead");
        var autocomplete = page.FindComponent<MudAutocomplete<ScopeOption>>();
        await page.InvokeAsync(() => autocomplete.Instance.TextChanged.InvokeAsync("Q30"));
        var before = await RolesAsync();

        // Another administrator disables the user after this page read them.
        var other = await SecondAdministratorAsync();
        using (var scope = _factory.Services.CreateScope())
        {
            Assert.True((await scope.ServiceProvider.GetRequiredService<UserAccounts>().DisableAsync(other, _userId, 0, CancellationToken.None)).IsSaved);
        }

        await page.Find("#give-role").ClickAsync(new());

        page.WaitForAssertion(() => Assert.NotNull(page.Find("#user-conflict")), Patience);
        var conflict = page.Find("#user-conflict");
        Assert.Equal("alert", conflict.GetAttribute("role"));
        Assert.Contains("Your change has not been made.", conflict.TextContent, StringComparison.Ordinal);
        Assert.Contains($"{SecondAdministrator} changed this user on ", conflict.TextContent, StringComparison.Ordinal);
        Assert.Equal(["Status: Active → Disabled"], conflict.QuerySelectorAll(".app-conflict-changes li").Select(li => li.TextContent.Trim()));
        Assert.Equal(before, await RolesAsync());
        Assert.Equal("RegionalLead", page.FindComponent<MudSelect<string>>().Instance.GetState(x => x.Value));
        Assert.Equal("Q30", page.FindComponent<MudAutocomplete<ScopeOption>>().Instance.GetState(x => x.Text));
        Assert.True(page.Find("#give-role").HasAttribute("disabled"));
        Assert.Equal("Active", page.Find("#user-status").TextContent.Trim());
        Assert.Empty(Snackbars.ShownSnackbars);

        await page.Find("#reload-user").ClickAsync(new());

        page.WaitForAssertion(() => Assert.Equal("Disabled", page.Find("#user-status").TextContent.Trim()), Patience);
        Assert.Empty(page.FindAll("#user-conflict"));
        Assert.Equal("RegionalLead", page.FindComponent<MudSelect<string>>().Instance.GetState(x => x.Value));
        Assert.Equal("Q30", page.FindComponent<MudAutocomplete<ScopeOption>>().Instance.GetState(x => x.Text));
        Assert.Equal("Showing the user as stored now", Assert.Single(Snackbars.ShownSnackbars).Message);

        // Made again from the stored version, the change is saved.
        await page.Find("#give-role").ClickAsync(new());
        page.WaitForAssertion(() => Assert.Contains(page.FindAll(".app-user-roles td[data-label=Role]"), td => td.TextContent.StartsWith("Regional lead – Q30", StringComparison.Ordinal)), Patience);
        Assert.Contains(("RegionalLead", "Q30"), await RolesAsync());
    }

    [Fact]
    public async Task A_circuit_whose_user_is_no_administrator_changes_nothing_whatever_the_page_shows()
    {
        var dialogs = Render<MudDialogProvider>();
        var page = RenderPage();
        await ChooseRoleAsync(page, "Administrator");
        var before = await RolesAsync();

        // As if the page had been reached without the right (a circuit accepts any event its client sends).
        _current.Set(await DemoUsers.ActingAsync(_factory, DemoAccountSeeder.PctManager("5D7")));
        await page.Find("#give-role").ClickAsync(new());
        page.WaitForAssertion(() => Assert.Equal("You can no longer change this user. Nothing was changed.", page.Find("#user-problem").TextContent), Patience);

        // The handler waits for the answer, so the click completes once the dialog is closed.
        var asking = page.Find("#disable-user").ClickAsync(new());
        dialogs.WaitForAssertion(() => Assert.Contains("Disable this user?", dialogs.Markup, StringComparison.Ordinal), Patience);
        await dialogs.FindAll("button").Single(b => b.TextContent.Trim() == "Disable user").ClickAsync(new());
        await asking.WaitAsync(Patience);
        dialogs.WaitForAssertion(() => Assert.DoesNotContain("Disable this user?", dialogs.Markup, StringComparison.Ordinal), Patience);

        Assert.Equal(before, await RolesAsync());
        Assert.False(await IsDisabledAsync());
        Assert.Empty(Snackbars.ShownSnackbars);
    }

    // The components first (the page's use cases come from the app's scope), then the app and its database.
    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        _scope.Dispose();
        await _factory.DisposeAsync();
    }

    private const string SecondAdministrator = "second.admin@example.nhs.uk";

    private ISnackbar Snackbars => Services.GetRequiredService<ISnackbar>();

    private async Task<ActingUser> SecondAdministratorAsync()
    {
        using (var scope = _factory.Services.CreateScope())
        {
            var created = await scope.ServiceProvider.GetRequiredService<UserAccounts>().CreateAdministratorAsync(
                new AuditActor { Name = "a command" }, SecondAdministrator, "Second Administrator", "Commissioning-2011", CancellationToken.None);
            Assert.True(created.IsSaved);
        }

        return await DemoUsers.ActingAsync(_factory, SecondAdministrator);
    }

    private IRenderedComponent<UserPage> RenderPage()
    {
        var page = RenderInteractive<UserPage>(p => p.Add(x => x.Id, _userId));
        page.WaitForAssertion(() => Assert.Equal("true", page.Find(".app-user-editor").GetAttribute("data-live")), Patience);
        return page;
    }

    // What the autocomplete offers for typed text: the page's own search, as the list would show it.
    private static async Task<List<ScopeOption>> SearchAsync(IRenderedComponent<UserPage> page, IRenderedComponent<MudAutocomplete<ScopeOption>> autocomplete, string text)
    {
        var search = autocomplete.Instance.SearchFunc ?? throw new InvalidOperationException("The autocomplete has no search.");
        IEnumerable<ScopeOption>? found = null;
        await page.InvokeAsync(async () => found = await search(text, CancellationToken.None)!);
        return [.. found ?? []];
    }

    private static Task ChooseRoleAsync(IRenderedComponent<UserPage> page, string role)
    {
        var select = page.FindComponent<MudSelect<string>>();
        return page.InvokeAsync(() => select.Instance.ValueChanged.InvokeAsync(role));
    }

    private async Task<List<(string Role, string? Scope)>> RolesAsync()
    {
        using var scope = _factory.Services.CreateScope();
        var rows = await scope.ServiceProvider.GetRequiredService<TransitionTrackerDbContext>().RoleAssignments
            .Where(a => a.UserId == _userId).Select(a => new { a.Role, a.ScopeCode }).ToListAsync();
        return rows.Select(r => (r.Role.ToString(), r.ScopeCode)).OrderBy(r => r.Item1, StringComparer.Ordinal).ToList();
    }

    private async Task<bool> IsDisabledAsync()
    {
        using var scope = _factory.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<TransitionTrackerDbContext>().Users.Where(u => u.Id == _userId).Select(u => u.IsDisabled).SingleAsync();
    }

    private async Task<string> UserIdAsync(string email)
    {
        using var scope = _factory.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<TransitionTrackerDbContext>().Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync();
    }
}
