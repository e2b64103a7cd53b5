using System.Text.RegularExpressions;
using Microsoft.Playwright;
using TransitionTracker.Application.Quality;
using TransitionTracker.Data.Seeding;
using static Microsoft.Playwright.Assertions;

namespace TransitionTracker.Browser.Tests;

/// <summary>
/// A PCT manager enters a month of quality and finance indicators from their PCT's page: an implausible figure is
/// refused beside its field with its range explained, corrected, and saved; axe at 1,280 and 375 px on the way.
/// </summary>
/// <remarks>Its own app, as it saves a month of Newcastle PCT (5D7) that other classes' dashboards would show.</remarks>
public sealed class QualityJourneyTests(BrowserAppFixture app) : IClassFixture<BrowserAppFixture>
{
    private static readonly string Manager = DemoAccountSeeder.PctManager("5D7");

    [BrowserFact]
    public async Task Pct_manager_enters_an_implausible_figure_sees_why_corrects_it_and_saves()
    {
        await using var browserPage = await app.NewPageAsync();
        var page = browserPage.Page;
        await page.SetViewportSizeAsync(1280, 900);
        await SignIn.AsAsync(page, Manager);

        // Home → the manager's PCT → its quality and finance indicators, a button on the PCT page.
        await page.GetByRole(AriaRole.Table, new() { Name = "Your PCTs" }).GetByRole(AriaRole.Link).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/pcts/5D7$"));
        await page.GetByRole(AriaRole.Link, new() { Name = "Quality and finance indicators" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/pcts/5D7/quality$"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Quality and finance indicators");
        await Expect(page.Locator(".app-quality[data-live=true]")).ToHaveCountAsync(1);
        var emergency = page.Locator("[data-field=emergency-change]");
        await Expect(emergency).ToContainTextAsync(QualityIndicatorRules.EmergencyChange.Hint);
        await Accessibility.ScanAtEachWidthAsync(browserPage, "quality and finance indicators");

        await Field(page, QualityIndicatorRules.QippPlanned).FillAsync("1200");
        await Field(page, QualityIndicatorRules.QippDelivered).FillAsync("1150.5");
        await Field(page, QualityIndicatorRules.EmergencyChange).FillAsync("999");
        await Field(page, QualityIndicatorRules.RttAdmitted).FillAsync("91.2");
        await Field(page, QualityIndicatorRules.RttNonAdmitted).FillAsync("96");
        await page.Locator(".mud-select", new() { HasText = "Winter plan" }).First.ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item", new() { HasText = "Agreed" }).ClickAsync();
        var save = page.Locator("#save-month");
        await save.ClickAsync();

        await Expect(emergency.Locator(".mud-input-helper-text")).ToHaveTextAsync(QualityIndicatorRules.EmergencyChange.OutOfRange);
        await Expect(page.Locator("#quality-problem")).ToContainTextAsync("was not saved");
        await Expect(Field(page, QualityIndicatorRules.EmergencyChange)).ToHaveValueAsync("999");
        await Accessibility.ScanAtEachWidthAsync(browserPage, "quality and finance indicators with an implausible figure");

        await Field(page, QualityIndicatorRules.EmergencyChange).FillAsync("2.5");
        await Expect(emergency.Locator(".mud-input-helper-text")).ToHaveTextAsync(QualityIndicatorRules.EmergencyChange.Hint);
        await save.ClickAsync();

        await Expect(page.Locator(".mud-snackbar")).ToContainTextAsync("Saved the indicators for");
        await Expect(page.Locator("#quality-problem")).ToHaveCountAsync(0);
        await Expect(page.Locator("#recent-months tbody tr").First).ToContainTextAsync("1,150.5 of 1,200.0");
        await Expect(page.Locator("#recent-months tbody tr").First).ToContainTextAsync("+2.5%");
        // Scanned once the confirmation has faded away (axe reads a fading colour as too faint).
        await Expect(page.Locator(".mud-snackbar")).ToHaveCountAsync(0, new() { Timeout = 15_000 });
        await Accessibility.ScanAtEachWidthAsync(browserPage, "quality and finance indicators saved");
        browserPage.AssertAllResourcesLoaded();
    }

    private static ILocator Field(IPage page, QualityIndicatorRule rule) => page.GetByLabel(rule.Label, new() { Exact = true });
}
