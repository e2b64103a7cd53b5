using System.Text.RegularExpressions;
using Microsoft.Playwright;
using TransitionTracker.Data.Seeding;
using static Microsoft.Playwright.Assertions;

namespace TransitionTracker.Browser.Tests;

/// <summary>
/// A regional lead opens how a consortium formed from its status page and records a stage change, a date in the
/// future refused beside its field first; axe at 1,280 and 375 px on the way.
/// </summary>
/// <remarks>Its own app, as the stage it records shows on other classes' dashboards.</remarks>
public sealed class ConsortiumFormationJourneyTests(BrowserAppFixture app) : IClassFixture<BrowserAppFixture>
{
    [BrowserFact]
    public async Task A_regional_lead_records_a_stage_change_with_its_date()
    {
        await using var browserPage = await app.NewPageAsync();
        var page = browserPage.Page;
        await page.SetViewportSizeAsync(1280, 900);
        await SignIn.AsAsync(page, DemoAccountSeeder.Regional("Q30"));
        await page.GotoAsync("/consortia/00G");
        await page.Locator("a.app-formation-link").ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/consortia/00G/formation$"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("How it formed");
        await Expect(page.Locator(".app-formation[data-live=true]")).ToHaveCountAsync(1);
        await Accessibility.ScanAtEachWidthAsync(browserPage, "how a consortium formed");

        await page.Locator(".app-formation-form .mud-select").First.ClickAsync();
        var option = page.Locator(".mud-popover-open .mud-list-item").First;
        var stage = (await option.InnerTextAsync()).Trim();
        await option.ClickAsync();
        // The choice is the server's once the select shows it; a date typed before that render would be wiped by it.
        await Expect(page.Locator(".app-formation-form .mud-select").First).ToContainTextAsync(stage);
        var date = page.GetByLabel("Date it moved");
        await date.FillAsync("01/01/2099");
        await date.PressAsync("Tab");
        await Expect(date).ToHaveValueAsync("01/01/2099");
        await page.Locator("#record-stage").ClickAsync();
        await Expect(page.Locator("#stage-date-error")).ToContainTextAsync("today or in the past");
        await Expect(page).ToHaveTitleAsync(new Regex("^Error: "));
        await Accessibility.ScanAtEachWidthAsync(browserPage, "how a consortium formed with a refused date");

        await date.FillAsync("14/01/2011");
        await date.PressAsync("Tab");
        await Expect(date).ToHaveValueAsync("14/01/2011");
        await page.Locator("#record-stage").ClickAsync();
        await Expect(page.Locator("#stage-changes li").First).ToContainTextAsync($"14 January 2011");
        await Expect(page.Locator("#current-stage")).ToContainTextAsync(stage);
        await Expect(page.Locator(".mud-snackbar", new() { HasText = "Recorded:" })).ToBeVisibleAsync();
        browserPage.AssertAllResourcesLoaded();
    }
}
