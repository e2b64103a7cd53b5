using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using TransitionTracker.Data.Seeding;
using static Microsoft.Playwright.Assertions;

namespace TransitionTracker.Browser.Tests;

/// <summary>
/// A PCT manager works on a consortium's transition plan from the plan page: adds a function (an empty form is
/// refused beside each field first), sets a milestone date from the calendar (an actual date in the future is refused
/// first) and records a staff transfer (a headcount that is not a number is refused first), each save confirmed
/// without a page load. Axe at 1,280 and 375 px on the way.
/// </summary>
/// <remarks>Its own app, as it adds a function and a staff transfer to consortium 00G that other classes' pages would list.</remarks>
public sealed class PlanJourneyTests(BrowserAppFixture app) : IClassFixture<BrowserAppFixture>
{
    private const string Function = "Continuing healthcare eligibility reviews";
    private const string Staff = "Medicines optimisation";
    private static readonly string Manager = DemoAccountSeeder.PctManager("5D7");

    [BrowserFact]
    public async Task Pct_manager_adds_a_function_sets_a_milestone_date_and_records_a_staff_transfer()
    {
        await using var browserPage = await app.NewPageAsync();
        var page = browserPage.Page;
        await page.SetViewportSizeAsync(1280, 900);
        await SignIn.AsAsync(page, Manager);

        // A function to transfer.
        await page.GotoAsync("/consortia/00G/plan");
        await page.GetByRole(AriaRole.Link, new() { Name = "Add a function" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/consortia/00G/plan/functions/new$"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Add a function to transfer");
        await Expect(page.Locator(".app-plan-editor[data-live=true]")).ToHaveCountAsync(1);
        await page.EvaluateAsync("() => { window.stillThisPage = true; }");
        await Accessibility.ScanAtEachWidthAsync(browserPage, "add a function");

        await page.Locator("#save-plan").ClickAsync();
        await Expect(page.Locator("#name-error")).ToHaveTextAsync("Enter the function");
        await Expect(page.Locator("#receiving-body-error")).ToHaveTextAsync("Select where the function goes");
        await Expect(page.Locator("#status-error")).ToHaveTextAsync("Select the function's status");
        await Expect(page).ToHaveTitleAsync(new Regex("^Error: Add a function"));
        await Accessibility.ScanAtEachWidthAsync(browserPage, "add a function with problems");

        await page.Locator("#name").FillAsync(Function);
        await Choice(page, "Receiving body").GetByText("Local authority", new() { Exact = true }).ClickAsync();
        await Choice(page, "Status").GetByText("In progress", new() { Exact = true }).ClickAsync();
        await page.Locator("#target-date").FillAsync("31/03/2013");
        await page.Locator("#target-date").PressAsync("Tab");
        await page.Locator("#save-plan").ClickAsync();

        await Expect(page).ToHaveURLAsync(new Regex("/consortia/00G/plan$"));
        await Expect(page.Locator(".mud-snackbar")).ToContainTextAsync("Function added");
        var function = page.Locator(".app-plan-functions tbody tr", new() { HasText = Function });
        await Expect(function).ToContainTextAsync("Local authority");
        await Expect(function).ToContainTextAsync("In progress");
        await Expect(function).ToContainTextAsync("31 March 2013");
        await StillThisPageAsync(page);

        // A milestone date, chosen from the calendar.
        await page.GetByRole(AriaRole.Link, new() { Name = "Change milestone dates" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/consortia/00G/plan/milestones$"));
        await Expect(page.Locator(".app-plan-editor[data-live=true]")).ToHaveCountAsync(1);
        await Expect(page.Locator(".mud-snackbar")).ToHaveCountAsync(0, new() { Timeout = 15_000 });
        await Accessibility.ScanAtEachWidthAsync(browserPage, "milestone dates");

        var actual = page.Locator("#authorised-actual");
        var storedActual = await actual.InputValueAsync();
        await actual.FillAsync("01/04/2099");
        await actual.PressAsync("Tab");
        await page.Locator("#save-plan").ClickAsync();
        await Expect(page.Locator("#authorised-actual-error")).ToHaveTextAsync("Actual date for authorisation must be today or in the past");
        await Expect(actual).ToHaveValueAsync("01/04/2099");
        await Accessibility.ScanAtEachWidthAsync(browserPage, "milestone dates with a problem");
        await actual.FillAsync(storedActual);
        await actual.PressAsync("Tab");

        var planned = page.Locator("#authorised-planned");
        await planned.FillAsync("");
        await planned.PressAsync("Tab");
        await page.GetByRole(AriaRole.Button, new() { Name = "Choose the planned date for Authorised from a calendar" }).ClickAsync();
        await page.Locator(".mud-picker-calendar-day:not(.mud-hidden):not([disabled])", new() { HasTextRegex = new Regex("^15$") }).First.ClickAsync();
        await Expect(planned).ToHaveValueAsync(new Regex("^15/\\d{2}/\\d{4}$"));
        var picked = DateOnly.ParseExact(await planned.InputValueAsync(), "dd/MM/yyyy", CultureInfo.InvariantCulture);
        await Expect(page.Locator("#unsaved")).ToHaveTextAsync("Not saved yet.");
        await page.Locator("#save-plan").ClickAsync();

        await Expect(page).ToHaveURLAsync(new Regex("/consortia/00G/plan$"));
        await Expect(page.Locator(".mud-snackbar")).ToContainTextAsync("Milestone dates saved");
        await Expect(page.Locator("table", new() { Has = page.Locator("caption", new() { HasText = "Milestones" }) }).Locator("tbody tr", new() { HasText = "Authorised" }))
            .ToContainTextAsync(picked.ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("en-GB")));
        await StillThisPageAsync(page);

        // A staff transfer.
        await page.GetByRole(AriaRole.Link, new() { Name = "Add a staff transfer" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/consortia/00G/plan/staff/new$"));
        await Expect(page.Locator(".app-plan-editor[data-live=true]")).ToHaveCountAsync(1);
        await page.Locator("#function").FillAsync(Staff);
        await page.Locator("#headcount").FillAsync("twelve");
        await Choice(page, "Destination").GetByText("Commissioning support", new() { Exact = true }).ClickAsync();
        await page.Locator("#save-plan").ClickAsync();
        await Expect(page.Locator("#headcount-error")).ToHaveTextAsync("Headcount must be a whole number");
        await Expect(page.Locator("#headcount")).ToHaveValueAsync("twelve");
        await Expect(page.Locator(".mud-snackbar")).ToHaveCountAsync(0, new() { Timeout = 15_000 });
        await Accessibility.ScanAtEachWidthAsync(browserPage, "add a staff transfer with a problem");

        await page.Locator("#headcount").FillAsync("12");
        await page.Locator("#save-plan").ClickAsync();

        await Expect(page).ToHaveURLAsync(new Regex("/consortia/00G/plan$"));
        await Expect(page.Locator(".mud-snackbar")).ToContainTextAsync("Staff transfer added");
        var transfer = page.Locator("table", new() { Has = page.Locator("caption", new() { HasText = "Staff transfers" }) }).Locator("tbody tr", new() { HasText = Staff });
        await Expect(transfer).ToContainTextAsync("12");
        await Expect(transfer).ToContainTextAsync("Commissioning support");
        await StillThisPageAsync(page);
        browserPage.AssertAllResourcesLoaded();
    }

    private static ILocator Choice(IPage page, string legend) =>
        page.Locator("fieldset", new() { Has = page.Locator("legend", new() { HasText = legend }) });

    private static async Task StillThisPageAsync(IPage page) =>
        Assert.True(await page.EvaluateAsync<bool>("() => window.stillThisPage === true"), "The editor saved and moved on without a full page load.");
}
