using Microsoft.Playwright;
using TransitionTracker.Data.Seeding;
using static Microsoft.Playwright.Assertions;

namespace TransitionTracker.Browser.Tests;

/// <summary>The app bar on an interactive page: the drawer, the search box and the colour scheme, in a real browser.</summary>
[Collection(BrowserCollection.Name)]
public sealed class AppBarTests(BrowserAppFixture app)
{
    [BrowserFact]
    public async Task A_pct_manager_opens_the_drawer_and_finds_their_pct_with_the_search_box()
    {
        await using var browserPage = await app.NewPageAsync();
        var page = browserPage.Page;
        await SignIn.AsAsync(page, DemoAccountSeeder.PctManager("5D7"));
        await InteractiveAsync(page);

        // The drawer lists what the role opens.
        await page.GetByRole(AriaRole.Button, new() { Name = "Menu" }).ClickAsync();
        var drawer = page.Locator("#app-drawer");
        await Expect(drawer.GetByRole(AriaRole.Link, new() { Name = "PCT 5D7" })).ToBeVisibleAsync();
        await Accessibility.AssertNoViolationsAsync(page, "home page with the drawer open");
        await page.Keyboard.PressAsync("Escape");
        await page.GotoAsync("/");
        await InteractiveAsync(page);

        var search = page.GetByRole(AriaRole.Search).GetByLabel("Search by code or name");
        await search.FillAsync("Newcastle");
        var hit = page.Locator(".app-search__name", new() { HasText = "Newcastle PCT (5D7)" });
        await Expect(hit).ToBeVisibleAsync();
        // Scan once the list has faded in (MudBlazor animates its popovers' opacity).
        await page.WaitForFunctionAsync("() => [...document.querySelectorAll('.mud-popover-open')].every(p => getComputedStyle(p).opacity === '1')");
        await Accessibility.AssertNoViolationsAsync(page, "home page with search results open");
        await hit.ClickAsync();

        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/pcts/5D7$"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Newcastle PCT");
    }

    [BrowserFact]
    public async Task The_search_page_lists_only_what_the_user_may_open_and_is_accessible_at_both_widths()
    {
        await using var browserPage = await app.NewPageAsync();
        var page = browserPage.Page;
        await SignIn.AsAsync(page, DemoAccountSeeder.PctManager("5D7"));

        await page.GotoAsync("/search?q=PCT");
        await Expect(page).ToHaveTitleAsync("Search: PCT – Transition Tracker");
        var rows = page.GetByRole(AriaRole.Table, new() { Name = "Search results" }).Locator("tbody tr");
        await Expect(rows.First).ToBeVisibleAsync();
        var names = await rows.Locator("td:first-child").AllTextContentsAsync();
        Assert.Contains("Newcastle PCT", names);
        Assert.DoesNotContain("Hartlepool PCT", names);
        foreach (var width in new[] { 1280, 375 })
        {
            await page.SetViewportSizeAsync(width, 900);
            await Accessibility.AssertNoViolationsAsync(browserPage, $"search page at {width} px");
        }
    }

    [BrowserFact]
    public async Task The_colour_scheme_chosen_is_kept_with_the_account()
    {
        await using var browserPage = await app.NewPageAsync();
        var page = browserPage.Page;
        await SignIn.AsAsync(page, DemoAccountSeeder.ConsortiumLead("00G"));
        await InteractiveAsync(page);
        var light = await BackgroundAsync(page);

        await page.GetByRole(AriaRole.Button, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Colour scheme") }).ClickAsync();
        await page.GetByText("Dark", new() { Exact = true }).ClickAsync();
        await page.WaitForFunctionAsync($"c => {Background} !== c", light);
        var dark = await BackgroundAsync(page);
        await Accessibility.AssertNoViolationsAsync(page, "home page in the dark colour scheme");

        await page.ReloadAsync();
        await InteractiveAsync(page);
        await page.WaitForFunctionAsync($"c => {Background} === c", dark);

        // Back to following the device, so other tests see the default.
        await page.GetByRole(AriaRole.Button, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Colour scheme") }).ClickAsync();
        await page.GetByText("As your device is set", new() { Exact = true }).ClickAsync();
        await page.WaitForFunctionAsync($"c => {Background} === c", light);
    }

    private const string Background = "getComputedStyle(document.body).backgroundColor";

    /// <summary>Waits for the circuit: the layout marks <c>main</c> live once it renders interactively.</summary>
    private static Task InteractiveAsync(IPage page) => Expect(page.Locator("main[data-live=true]")).ToBeAttachedAsync();

    private static Task<string> BackgroundAsync(IPage page) => page.EvaluateAsync<string>($"() => {Background}");
}
