using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using TransitionTracker.Application.Administration;
using TransitionTracker.Data;
using TransitionTracker.Data.Seeding;
using TransitionTracker.Web.Access;
using TransitionTracker.Web.Components.Pages.Admin;
using TransitionTracker.Web.Tests.Infrastructure;

namespace TransitionTracker.Web.Tests.Components.Pages.Admin;

/// <summary>
/// Creating a user live, on the app's real use case and a database of its own: every problem is said beside its
/// field with nothing created and what was typed kept; a user created opens their page with a snackbar; leaving with
/// something typed asks first.
/// </summary>
public sealed class CreateUserPageTests : MudComponentContext, IAsyncLifetime
{
    private const string NewEmail = "jo.bloggs@example.nhs.uk";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);
    private readonly TransitionTrackerFactory _factory = new();
    private readonly IServiceScope _scope;
    private readonly CurrentUser _current = new();

    public CreateUserPageTests()
    {
        _scope = _factory.Services.CreateScope();
        _current.SignedIn(DemoUsers.ActingAsync(_factory, DemoAccountSeeder.Administrator).GetAwaiter().GetResult());
        Services.AddSingleton(_current);
        Services.AddFallbackServiceProvider(_scope.ServiceProvider);
    }

    [Fact]
    public async Task Every_problem_is_said_beside_its_field_nothing_is_created_and_what_was_typed_stays()
    {
        var page = RenderPage();
        var before = await UserCountAsync();

        await page.Find("#create-user").ClickAsync(new());
        page.WaitForAssertion(() => Assert.Equal(["Enter an email address", "Enter the user's name", "Enter a password"], Errors(page)), Patience);

        await TypeAsync(page, AccountFields.Email, "jo.bloggs at nhs");
        await TypeAsync(page, AccountFields.DisplayName, "Jo Bloggs");
        await TypeAsync(page, AccountFields.Password, "short");
        await page.Find("#create-user").ClickAsync(new());

        page.WaitForAssertion(() => Assert.Equal(["Enter an email address in the correct format, like name@example.nhs.uk", "Password must be 12 characters or more"], Errors(page)), Patience);
        Assert.Equal("true", page.Find($"#{AccountFields.Email}").GetAttribute("aria-invalid"));
        Assert.Contains("email-error", page.Find($"#{AccountFields.Email}").GetAttribute("aria-describedby"), StringComparison.Ordinal);
        Assert.Equal("jo.bloggs at nhs", page.Find($"#{AccountFields.Email}").GetAttribute("value"));
        Assert.Equal("Jo Bloggs", page.Find($"#{AccountFields.DisplayName}").GetAttribute("value"));

        await TypeAsync(page, AccountFields.Email, "PCT.5D7@demo.test");
        await TypeAsync(page, AccountFields.Password, "Commissioning-2011");
        await page.Find("#create-user").ClickAsync(new());
        page.WaitForAssertion(() => Assert.Equal(["A user with the email address PCT.5D7@demo.test already exists"], Errors(page)), Patience);

        Assert.Equal(before, await UserCountAsync());
        Assert.Empty(Snackbars.ShownSnackbars);
    }

    [Fact]
    public async Task A_user_created_opens_their_page_and_is_confirmed()
    {
        var page = RenderPage();

        await TypeAsync(page, AccountFields.Email, $"  {NewEmail} ");
        await TypeAsync(page, AccountFields.DisplayName, "Jo Bloggs");
        await TypeAsync(page, AccountFields.Password, "Commissioning-2011");
        await page.Find("#create-user").ClickAsync(new());

        var navigation = Services.GetRequiredService<NavigationManager>();
        page.WaitForAssertion(() => Assert.Contains("/admin/users/", navigation.Uri, StringComparison.Ordinal), Patience);
        Assert.Equal($"/admin/users/{await UserIdAsync()}", new Uri(navigation.Uri).AbsolutePath);
        Assert.Equal("User created: Jo Bloggs. Now give them a role.", Assert.Single(Snackbars.ShownSnackbars).Message);
    }

    [Fact]
    public async Task Leaving_with_something_typed_asks_first_and_staying_keeps_it()
    {
        var dialogs = Render<MudDialogProvider>();
        var page = RenderPage();
        await TypeAsync(page, AccountFields.DisplayName, "Jo Bloggs");
        var navigation = Services.GetRequiredService<NavigationManager>();
        var before = navigation.Uri;

        await page.InvokeAsync(() => navigation.NavigateTo("/admin/users"));

        dialogs.WaitForAssertion(() => Assert.Contains("Leave without creating the user?", dialogs.Markup, StringComparison.Ordinal), Patience);
        await dialogs.FindAll("button").Single(b => b.TextContent.Trim() == "Stay on this page").ClickAsync(new());
        dialogs.WaitForAssertion(() => Assert.DoesNotContain("Leave without creating the user?", dialogs.Markup, StringComparison.Ordinal), Patience);
        Assert.Equal(before, navigation.Uri);
        Assert.Equal("Jo Bloggs", page.Find($"#{AccountFields.DisplayName}").GetAttribute("value"));
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        _scope.Dispose();
        await _factory.DisposeAsync();
    }

    private ISnackbar Snackbars => Services.GetRequiredService<ISnackbar>();

    private IRenderedComponent<CreateUserPage> RenderPage()
    {
        var page = RenderInteractive<CreateUserPage>();
        page.WaitForAssertion(() => Assert.Equal("true", page.Find(".app-user-editor").GetAttribute("data-live")), Patience);
        return page;
    }

    private static Task TypeAsync(IRenderedComponent<CreateUserPage> page, string id, string text) =>
        page.Find($"#{id}").InputAsync(new ChangeEventArgs { Value = text });

    private static List<string> Errors(IRenderedComponent<CreateUserPage> page) =>
        new[] { "email-error", "display-name-error", "password-error" }.SelectMany(id => page.FindAll($"#{id}")).Select(e => e.TextContent.Trim()).ToList();

    private async Task<int> UserCountAsync()
    {
        using var scope = _factory.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<TransitionTrackerDbContext>().Users.CountAsync();
    }

    private async Task<string> UserIdAsync()
    {
        using var scope = _factory.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<TransitionTrackerDbContext>().Users.Where(u => u.Email == NewEmail).Select(u => u.Id).SingleAsync();
    }
}
