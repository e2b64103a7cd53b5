using System.Text.RegularExpressions;
using Microsoft.Playwright;
using TransitionTracker.Data.Seeding;
using static Microsoft.Playwright.Assertions;

namespace TransitionTracker.Browser.Tests;

/// <summary>
/// A PCT manager records a support action for a consortium from its actions page: an empty form is refused beside
/// each field, then filled in and saved; later they open the action and close it by marking it done. Axe at 1,280 and
/// 375 px on the way.
/// </summary>
/// <remarks>Its own app, as it adds an action to consortium 00G that other classes' pages would list.</remarks>
public sealed class SupportActionJourneyTests(BrowserAppFixture app) : IClassFixture<BrowserAppFixture>
{
    private const string Description = "Run a board development session on commissioning";
    private static readonly string Manager = DemoAccountSeeder.PctManager("5D7");

    [BrowserFact]
    public async Task Pct_manager_records_a_support_action_and_later_closes_it()
    {
        await using var browserPage = await app.NewPageAsync();
        var page = browserPage.Page;
        await page.SetViewportSizeAsync(1280, 900);
        await SignIn.AsAsync(page, Manager);

        await page.GotoAsync("/consortia/00G/actions");
        await Expect(page.Locator(".app-actions[data-live=true]")).ToHaveCountAsync(1);
        await page.GetByRole(AriaRole.Link, new() { Name = "Add a support action" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/consortia/00G/actions/new$"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Add a support action");
        await Expect(page.Locator(".app-action-editor[data-live=true]")).ToHaveCountAsync(1);
        await page.EvaluateAsync("() => { window.stillThisPage = true; }");
        await Accessibility.ScanAtEachWidthAsync(browserPage, "add a support action");

        var save = page.Locator("#save-action");
        await save.ClickAsync();
        await Expect(page.Locator("#description-error")).ToHaveTextAsync("Enter a description of the action");
        await Expect(page.Locator("#due-date-error")).ToHaveTextAsync("Enter the due date");
        await Accessibility.ScanAtEachWidthAsync(browserPage, "add a support action with problems");

        await page.Locator(".mud-select", new() { HasText = "Criterion" }).First.ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item", new() { HasText = "GOV-02" }).ClickAsync();
        await page.Locator("#description").FillAsync(Description);
        await page.Locator("#owner").FillAsync("PCT organisational development lead");
        await page.Locator("#due-date").FillAsync("30/06/2030");
        await page.Locator("#due-date").PressAsync("Tab");
        await save.ClickAsync();

        await Expect(page).ToHaveURLAsync(new Regex("/consortia/00G/actions$"));
        await Expect(page.Locator(".mud-snackbar")).ToContainTextAsync("Support action added");
        var row = page.Locator("tbody tr", new() { HasText = Description });
        await Expect(row).ToContainTextAsync("30 June 2030");
        await Expect(row).ToContainTextAsync("Not started");
        Assert.True(await page.EvaluateAsync<bool>("() => window.stillThisPage === true"), "The editor saved and moved on without a full page load.");

        // Later: open the action and close it.
        await row.GetByRole(AriaRole.Link).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/consortia/00G/actions/\\d+$"));
        await Expect(page.Locator(".app-action-editor[data-live=true]")).ToHaveCountAsync(1);
        await Expect(page.Locator("#description")).ToHaveValueAsync(Description);
        await Expect(page.Locator("#due-date")).ToHaveValueAsync("30/06/2030");
        await page.GetByText("Done", new() { Exact = true }).ClickAsync();
        await Expect(page.Locator("#unsaved")).ToHaveTextAsync("Not saved yet.");
        // Scanned once the confirmation has faded away (axe reads a fading colour as too faint).
        await Expect(page.Locator(".mud-snackbar")).ToHaveCountAsync(0, new() { Timeout = 15_000 });
        await Accessibility.ScanAtEachWidthAsync(browserPage, "change a support action");
        await page.Locator("#save-action").ClickAsync();

        await Expect(page).ToHaveURLAsync(new Regex("/consortia/00G/actions$"));
        await Expect(page.Locator(".mud-snackbar")).ToContainTextAsync("Support action saved and closed");
        await Expect(page.Locator("tbody tr", new() { HasText = Description })).ToContainTextAsync("Done");
        browserPage.AssertAllResourcesLoaded();
    }
}
