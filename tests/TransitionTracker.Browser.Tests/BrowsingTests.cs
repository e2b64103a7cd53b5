using System.Text.RegularExpressions;
using Microsoft.Playwright;
using TransitionTracker.Data.Seeding;
using static Microsoft.Playwright.Assertions;

namespace TransitionTracker.Browser.Tests;

/// <summary>Walks the pages the way a person would, in a real browser, and checks each one with axe.</summary>
[Collection(BrowserCollection.Name)]
public sealed partial class BrowsingTests(BrowserAppFixture app)
{
    private const string NhsBlue = "rgb(0, 94, 184)";

    [BrowserFact]
    public async Task Sign_in_page_and_its_error_summary_have_no_accessibility_violations()
    {
        await using var browserPage = await app.NewPageAsync();
        var page = browserPage.Page;

        // Signed out, the home page sends people to sign in and back again afterwards.
        await page.GotoAsync("/");
        await Expect(page).ToHaveURLAsync(SignInUrl());
        await Expect(page).ToHaveTitleAsync("Sign in – Transition Tracker");
        await Expect(Heading(page)).ToHaveTextAsync("Sign in");
        await Expect(page.GetByLabel("Email address")).ToBeVisibleAsync();
        await Expect(page.GetByLabel("Password")).ToBeVisibleAsync();
        await Expect(page.Locator("header.app-header")).ToHaveCSSAsync("background-color", NhsBlue);
        browserPage.AssertAllResourcesLoaded();
        await Accessibility.AssertNoViolationsAsync(page, "sign-in page");

        // Submitting nothing shows the error summary, each problem linking to its field.
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Expect(page).ToHaveTitleAsync("Error: Sign in – Transition Tracker");
        var summary = page.Locator(".app-error-summary");
        await Expect(summary.GetByRole(AriaRole.Heading, new() { Name = "There is a problem" })).ToBeVisibleAsync();
        await Expect(summary.GetByRole(AriaRole.Link, new() { Name = "Enter your email address" })).ToHaveAttributeAsync("href", "#email");
        await Expect(summary.GetByRole(AriaRole.Link, new() { Name = "Enter your password" })).ToHaveAttributeAsync("href", "#password");
        await Expect(page.Locator("#email-error")).ToContainTextAsync("Enter your email address");
        browserPage.AssertAllResourcesLoaded();
        await Accessibility.AssertNoViolationsAsync(page, "sign-in page showing its error summary");

        // The summary has focus, so it is read first; each of its links moves focus to its field.
        await Expect(summary).ToBeFocusedAsync();
        await summary.GetByRole(AriaRole.Link, new() { Name = "Enter your password" }).ClickAsync();
        await Expect(page.Locator("#password")).ToBeFocusedAsync();
    }

    [BrowserFact]
    public async Task Home_region_and_pct_pages_have_no_accessibility_violations()
    {
        await using var browserPage = await app.NewPageAsync();
        var page = browserPage.Page;
        await SignIn.AsAsync(page, DemoAccountSeeder.National);

        // Home: a national viewer sees all ten strategic health authority regions.
        await Expect(page).ToHaveTitleAsync("Home – Transition Tracker");
        await Expect(Heading(page)).ToHaveTextAsync("GP commissioning transition");
        await Expect(page.Locator("header.app-header .app-header__account")).ToContainTextAsync(DemoAccountSeeder.National);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 2, Name = "Regions" })).ToBeVisibleAsync();
        var regions = page.GetByRole(AriaRole.Table, new() { Name = "Strategic health authority regions" });
        await Expect(regions.Locator("tbody tr")).ToHaveCountAsync(10);
        await Expect(page.Locator("header.app-header")).ToHaveCSSAsync("background-color", NhsBlue);
        browserPage.AssertAllResourcesLoaded();
        await Accessibility.AssertNoViolationsAsync(page, "home page");

        // Region: the first region's PCTs.
        var regionLink = regions.Locator("tbody tr").First.GetByRole(AriaRole.Link);
        var regionName = (await regionLink.TextContentAsync())!.Trim();
        await regionLink.ClickAsync();
        await Expect(page).ToHaveURLAsync(RegionUrl());
        await Expect(Heading(page)).ToHaveTextAsync(regionName);
        await Expect(page.GetByRole(AriaRole.Navigation, new() { Name = "Breadcrumb" }).GetByRole(AriaRole.Link, new() { Name = "Home" })).ToBeVisibleAsync();
        var pctRows = page.GetByRole(AriaRole.Table, new() { Name = $"Primary Care Trusts in {regionName}" }).Locator("tbody tr");
        Assert.True(await pctRows.CountAsync() > 0, $"The {regionName} region page lists no PCTs.");
        browserPage.AssertAllResourcesLoaded();
        await Accessibility.AssertNoViolationsAsync(page, $"region page for {regionName}");

        // PCT: the first one with consortia, so their table is scanned too.
        var pctRow = pctRows.Filter(new() { HasNot = page.Locator("td:nth-child(2)", new() { HasTextRegex = ZeroRegex() }) }).First;
        var pctLink = pctRow.GetByRole(AriaRole.Link);
        var pctName = (await pctLink.TextContentAsync())!.Trim();
        await pctLink.ClickAsync();
        await Expect(page).ToHaveURLAsync(PctUrl());
        await Expect(Heading(page)).ToHaveTextAsync(pctName);
        await Expect(page.Locator("main")).ToContainTextAsync(regionName);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 2, Name = "Consortia" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 2, Name = "GP practices" })).ToBeVisibleAsync();
        var consortia = page.GetByRole(AriaRole.Table, new() { Name = $"Consortia linked to {pctName}" });
        Assert.True(await consortia.Locator("tbody tr").CountAsync() > 0, $"The {pctName} PCT page lists no consortia.");
        browserPage.AssertAllResourcesLoaded();
        await AssertPracticeGridWorksInPlaceAsync(page, pctName);
        foreach (var width in new[] { 1280, 375 })
        {
            await page.SetViewportSizeAsync(width, 900);
            await Accessibility.AssertNoViolationsAsync(page, $"PCT page for {pctName} at {width} px");
            await ScreenWidth.AssertFitsAsync(page, $"PCT page for {pctName} at {width} px");
        }
    }

    /// <summary>
    /// Searches and sorts the practices without a page load: a mark left on <c>window</c> before is still there after,
    /// while the address carries the grid's state.
    /// </summary>
    private static async Task AssertPracticeGridWorksInPlaceAsync(IPage page, string pctName)
    {
        var rows = page.Locator("#practices table tbody tr");
        var code = (await rows.First.Locator("td").Nth(1).TextContentAsync())!.Trim();
        await page.EvaluateAsync("() => window.appMark = 'still here'");

        // Typing before the circuit is live does nothing, so type until the search reaches the address.
        var search = page.GetByLabel("Search practices by name, code or consortium");
        for (var attempt = 0; attempt < 30 && !page.Url.Contains($"q={code}", StringComparison.Ordinal); attempt++)
        {
            await search.FillAsync("");
            await search.FillAsync(code);
            await page.WaitForTimeoutAsync(500);
        }

        await Expect(page).ToHaveURLAsync(new Regex($"q={code}$"));
        await Expect(rows).ToHaveCountAsync(1);
        await Expect(rows.First).ToContainTextAsync(code);

        await search.FillAsync("");
        await Expect(page).ToHaveURLAsync(PctUrl());
        await page.Locator("#practices th", new() { HasText = "List size" }).GetByRole(AriaRole.Button, new() { Name = "Sort" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("sort=list-size$"));
        await Expect(page.Locator("#practices th[aria-sort=ascending]")).ToContainTextAsync("List size");
        var sizes = await GridOrder.ReadSortedAsync(
            rows.Locator("td:nth-child(4)"),
            t => int.Parse(t, System.Globalization.NumberStyles.AllowThousands, System.Globalization.CultureInfo.GetCultureInfo("en-GB")),
            Comparer<int>.Default);
        Assert.True(sizes.Count > 1, $"The {pctName} PCT page lists fewer than two practices.");
        Assert.Equal(sizes.Order(), sizes);
        Assert.Equal("still here", await page.EvaluateAsync<string>("() => window.appMark"));
    }

    [BrowserFact]
    public async Task Unknown_codes_show_the_nhs_styled_page_not_found_with_status_404()
    {
        await using var browserPage = await app.NewPageAsync();
        var page = browserPage.Page;
        await SignIn.AsAsync(page, DemoAccountSeeder.National);

        foreach (var path in new[] { "/pcts/ZZZ", "/regions/Z99" })
        {
            var response = await page.GotoAsync(path);
            Assert.Equal(404, response!.Status);
            await Expect(page).ToHaveTitleAsync("Page not found – Transition Tracker");
            await Expect(Heading(page)).ToHaveTextAsync("Page not found");
            await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Go to the list of regions" })).ToHaveAttributeAsync("href", "/");
            await Expect(page.Locator("header.app-header")).ToHaveCSSAsync("background-color", NhsBlue);
            browserPage.AssertAllResourcesLoaded();
        }

        // Both unknown codes render the same not-found component, so one scan (of the page now shown) covers it.
        await Accessibility.AssertNoViolationsAsync(page, "not-found page for /regions/Z99");
    }

    private static ILocator Heading(IPage page) => page.GetByRole(AriaRole.Heading, new() { Level = 1 });

    [GeneratedRegex(@"/sign-in\?ReturnUrl=%2F$", RegexOptions.IgnoreCase)]
    private static partial Regex SignInUrl();

    [GeneratedRegex(@"/regions/[A-Z0-9]+$")]
    private static partial Regex RegionUrl();

    [GeneratedRegex(@"/pcts/[A-Z0-9]+$", RegexOptions.IgnoreCase)]
    private static partial Regex PctUrl();

    [GeneratedRegex(@"^\s*0\s*$")]
    private static partial Regex ZeroRegex();
}
