using System.Text.RegularExpressions;
using Microsoft.Playwright;
using TransitionTracker.Data.Seeding;
using static Microsoft.Playwright.Assertions;

namespace TransitionTracker.Browser.Tests;

/// <summary>
/// An administrator creates a user, gives them a PCT chosen from the autocomplete, and the new user signs in to that
/// PCT; axe at 1,280 and 375 px on the create and user pages.
/// </summary>
/// <remarks>Its own app, as it adds a user that the user list in <see cref="AdministrationTests"/> would count.</remarks>
public sealed partial class UserAdministrationJourneyTests(BrowserAppFixture app) : IClassFixture<BrowserAppFixture>
{
    private const string Email = "jo.bloggs@newcastle-pct.demo.test";
    private const string Password = "Quiet-Harbour-Lantern-47";

    [BrowserFact]
    public async Task An_administrator_creates_a_user_gives_them_a_pct_and_they_sign_in_to_it()
    {
        await using var adminPage = await app.NewPageAsync();
        var page = adminPage.Page;
        await page.SetViewportSizeAsync(1280, 900);
        await SignIn.AsAsync(page, DemoAccountSeeder.Administrator);

        await page.GotoAsync("/admin/users");
        await page.GetByRole(AriaRole.Link, new() { Name = "Create a user" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/admin/users/new$"));
        await Expect(page.Locator(".app-user-editor[data-live=true]")).ToHaveCountAsync(1);
        await Accessibility.ScanAtEachWidthAsync(adminPage, "create a user");

        // A password on the common list is refused beside its field; what was typed stays.
        await page.GetByLabel("Email address").FillAsync(Email);
        await page.GetByLabel("Name", new() { Exact = true }).FillAsync("Jo Bloggs");
        await page.GetByLabel("Password").FillAsync("Password123!");
        await page.Locator("#create-user").ClickAsync();
        await Expect(page.Locator("#password-error")).ToContainTextAsync("common");
        await Expect(page).ToHaveTitleAsync(new Regex("^Error: "));
        await Expect(page.GetByLabel("Email address")).ToHaveValueAsync(Email);
        await Accessibility.ScanAtEachWidthAsync(adminPage, "create a user with a refused password");

        await page.GetByLabel("Password").FillAsync(Password);
        await page.Locator("#create-user").ClickAsync();
        await Expect(page).ToHaveURLAsync(UserPageUrl());
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Jo Bloggs");
        await Expect(page.Locator("#no-roles")).ToBeVisibleAsync();
        await Expect(page.Locator(".app-user-editor[data-live=true]")).ToHaveCountAsync(1);

        await page.Locator(".app-user-form .mud-select").First.ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item", new() { HasText = "PCT manager" }).ClickAsync();
        var scope = page.GetByLabel("PCT they manage");
        await scope.FillAsync("Newcastle");
        await page.Locator(".mud-popover-open .mud-list-item", new() { HasText = "(5D7)" }).ClickAsync();
        await Expect(scope).ToHaveValueAsync(new Regex(@"\(5D7\)$"));
        await page.Locator("#give-role").ClickAsync();

        var roles = page.Locator(".app-user-roles td[data-label=Role]");
        await Expect(roles).ToHaveCountAsync(1);
        await Expect(roles).ToContainTextAsync("PCT manager – 5D7");
        await Expect(page.Locator(".mud-snackbar", new() { HasText = "Role given" })).ToBeVisibleAsync();
        // Scanned once the confirmation has faded away (axe reads a fading colour as too faint).
        await Expect(page.Locator(".mud-snackbar")).ToHaveCountAsync(0, new() { Timeout = 15_000 });
        await Accessibility.ScanAtEachWidthAsync(adminPage, "a user's page with a role");
        adminPage.AssertAllResourcesLoaded();

        await using var newUserPage = await app.NewPageAsync();
        var newcomer = newUserPage.Page;
        await newcomer.GotoAsync("/sign-in");
        await newcomer.GetByLabel("Email address").FillAsync(Email);
        await newcomer.GetByLabel("Password").FillAsync(Password);
        await newcomer.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Expect(newcomer).ToHaveURLAsync(SignIn.HomeUrl());
        await newcomer.GetByRole(AriaRole.Table, new() { Name = "Your PCTs" }).GetByRole(AriaRole.Link).ClickAsync();
        await Expect(newcomer).ToHaveURLAsync(new Regex("/pcts/5D7$"));
    }

    [GeneratedRegex(@"/admin/users/[^/]+$")]
    private static partial Regex UserPageUrl();
}
