using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using TransitionTracker.Data.Seeding;
using static Microsoft.Playwright.Assertions;

namespace TransitionTracker.Browser.Tests;

/// <summary>
/// A regional lead working the live region dashboard: filter, sort and export the consortia grid without a page load,
/// read a chart's data as a table, open a heatmap cell; each state checked with axe at 1,280 and 375 px.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed partial class RegionalLeadTests(BrowserAppFixture app)
{
    private static readonly string? ScreenshotFolder = Environment.GetEnvironmentVariable("TRANSITION_TRACKER_SCREENSHOTS");

    [BrowserFact]
    public async Task A_regional_lead_filters_sorts_and_exports_the_consortia_of_their_region_without_a_page_load()
    {
        await using var browserPage = await app.NewPageAsync();
        var page = browserPage.Page;
        await page.SetViewportSizeAsync(1280, 900);
        await SignIn.AsAsync(page, DemoAccountSeeder.Regional("Q30"));

        // The home page live first, so that the click is the router's (a click while the circuit starts can be lost).
        await Expect(page.Locator("main[data-live=true]")).ToBeAttachedAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "North East" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("North East");
        var table = page.Locator("#consortia-table");
        var rows = table.Locator("tbody tr:has(a[data-code])");
        await Expect(rows).ToHaveCountAsync(12);
        await Expect(table.Locator("a.app-review-link")).ToHaveCountAsync(12);
        await WaitUntilLiveAsync(page);
        browserPage.AssertAllResourcesLoaded();
        await ScanAtBothWidthsAsync(page, "region dashboard");
        if (ScreenshotFolder is not null)
        {
            Directory.CreateDirectory(ScreenshotFolder);
            await page.ScreenshotAsync(new() { Path = Path.Combine(ScreenshotFolder, "region-dashboard.png") });
        }

        // A marker on the window survives only if nothing below reloads the page.
        await page.EvaluateAsync("() => window.dashboardStayedOpen = true");

        // Filter by track: it applies as it is chosen, and the state goes into the address.
        await page.GetByRole(AriaRole.Combobox, new() { Name = "Track" }).SelectOptionAsync(new SelectOptionValue { Label = "Needs support" });
        await Expect(page).ToHaveURLAsync(TrackInAddress());
        await Expect(page.Locator("#table-count")).Not.ToContainTextAsync("12 consortia");
        var count = await rows.CountAsync();
        Assert.InRange(count, 1, 11);
        foreach (var row in await rows.AllAsync())
        {
            await Expect(row.Locator("td").Nth(5)).ToContainTextAsync("Needs support");
        }

        // Sort by score, highest first, with the column's sort button twice.
        var sortByScore = table.Locator("th", new() { HasText = "Score" }).GetByRole(AriaRole.Button, new() { Name = "Sort" });
        await sortByScore.ClickAsync();
        await Expect(page).ToHaveURLAsync(SortByScoreInAddress());
        await sortByScore.ClickAsync();
        await Expect(page).ToHaveURLAsync(SortByScoreDescendingInAddress());
        await Expect(table.Locator("th[aria-sort=descending]")).ToHaveCountAsync(1);
        var scores = new List<double>();
        foreach (var row in await rows.AllAsync())
        {
            scores.Add(double.Parse((await row.Locator("td").Nth(4).TextContentAsync())!.Trim(), CultureInfo.InvariantCulture));
        }

        Assert.Equal(scores.OrderByDescending(s => s), scores);
        Assert.Equal(count, scores.Count);
        Assert.True(await page.EvaluateAsync<bool>("() => window.dashboardStayedOpen === true"), "Filtering or sorting reloaded the page.");
        await ScanAtBothWidthsAsync(page, "region dashboard filtered and sorted");

        // The CSV link carries the grid's state and the file holds exactly the rows shown.
        var exportHref = await page.Locator("#export-consortia").GetAttributeAsync("href");
        Assert.Equal("/regions/Q30/consortia.csv?sort=score&dir=desc&track=needs-support", exportHref);
        var download = await page.RunAndWaitForDownloadAsync(() => page.Locator("#export-consortia").ClickAsync());
        var csv = await File.ReadAllLinesAsync((await download.PathAsync())!);
        var codes = await table.Locator("tbody a[data-code]").EvaluateAllAsync<string[]>("links => links.map(a => a.dataset.code)");
        Assert.Equal(codes, csv.Skip(1).Where(l => l.Length > 0).Select(l => l.Split(',')[0]));
    }

    [BrowserFact]
    public async Task A_regional_lead_sees_each_consortiums_forecast_and_keeps_those_at_risk_for_April_2013()
    {
        await using var browserPage = await app.NewPageAsync();
        var page = browserPage.Page;
        await page.SetViewportSizeAsync(1280, 900);
        await SignIn.AsAsync(page, DemoAccountSeeder.Regional("Q30"));
        await page.GotoAsync("/regions/Q30");
        var table = page.Locator("#consortia-table");
        var rows = table.Locator("tbody tr:has(a[data-code])");
        await Expect(rows).ToHaveCountAsync(12);
        await WaitUntilLiveAsync(page);
        await Expect(table.Locator("th", new() { HasText = "Forecast" })).ToHaveCountAsync(1);

        // Each filter applies as it is chosen; the count above the grid changes with the address, then the grid's rows.
        await page.GetByRole(AriaRole.Combobox, new() { Name = "Forecast" }).SelectOptionAsync(new SelectOptionValue { Label = "At risk for April 2013" });
        await Expect(page).ToHaveURLAsync(new Regex("forecast=at-risk"));
        var atRisk = await MatchingAsync(page, "at-risk");
        Assert.InRange(atRisk, 1, 12);
        await Expect(rows).ToHaveCountAsync(atRisk);
        await Expect(table.Locator("tbody .app-at-risk")).ToHaveCountAsync(atRisk);
        Assert.Equal("/regions/Q30/consortia.csv?forecast=at-risk", await page.Locator("#export-consortia").GetAttributeAsync("href"));
        await ScanAtBothWidthsAsync(page, "region dashboard, consortia at risk");

        await page.GetByRole(AriaRole.Combobox, new() { Name = "Forecast" }).SelectOptionAsync(new SelectOptionValue { Label = "On course for April 2013" });
        await Expect(page).ToHaveURLAsync(new Regex("forecast=on-course"));
        var onCourse = await MatchingAsync(page, "on-course");
        Assert.Equal(12, atRisk + onCourse);
        await Expect(rows).ToHaveCountAsync(onCourse);
        await Expect(table.Locator("tbody .app-at-risk")).ToHaveCountAsync(0);
    }

    // The number of consortia the count above the grid says match, once it is drawn for the filter (the export link
    // beside it, drawn with it, carries the filter).
    private static async Task<int> MatchingAsync(IPage page, string forecast)
    {
        await Expect(page.Locator($"#export-consortia[href*='forecast={forecast}']")).ToHaveCountAsync(1);
        var text = await page.Locator("#table-count").TextContentAsync();
        return int.Parse(Regex.Match(text!, @"(\d+) (consortium matches|consortia match)").Groups[1].Value, CultureInfo.InvariantCulture);
    }

    [BrowserFact]
    public async Task The_heatmap_shows_every_domain_and_a_cell_opens_that_consortiums_domain()
    {
        await using var browserPage = await app.NewPageAsync();
        var page = browserPage.Page;
        await SignIn.AsAsync(page, DemoAccountSeeder.Regional("Q30"));
        await page.GotoAsync("/regions/Q30");
        await WaitUntilLiveAsync(page);

        // 1,280 px: all eight domains in view, nothing to scroll. 375 px: the heatmap scrolls in its own box, the page does not.
        await page.SetViewportSizeAsync(1280, 900);
        var heatmap = page.Locator(".app-heatmap-scroll");
        await Expect(page.Locator("#heatmap-table thead th")).ToHaveCountAsync(9);
        Assert.True(await heatmap.EvaluateAsync<bool>("box => box.scrollWidth <= box.clientWidth"), "The heatmap does not fit at 1,280 px.");
        await page.SetViewportSizeAsync(375, 800);
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= 375"), "The region dashboard is wider than 375 px.");
        await page.SetViewportSizeAsync(1280, 900);

        // The trend chart's data as a table, behind its toggle.
        await Expect(page.Locator("#trend-table")).ToBeHiddenAsync();
        await page.Locator("#trend-chart").GetByRole(AriaRole.Button, new() { Name = "Show the data as a table" }).ClickAsync();
        await Expect(page.Locator("#trend-table")).ToBeVisibleAsync();
        await Expect(page.Locator("#trend-chart").GetByRole(AriaRole.Button, new() { Name = "Show as a chart" })).ToHaveAttributeAsync("aria-expanded", "true");

        var cell = page.Locator("#heatmap-table tbody td a").First;
        var href = (await cell.GetAttributeAsync("href"))!;
        Assert.Matches(HeatmapCellLink(), href);
        await cell.ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex(Regex.Escape(href) + "$"));
    }

    /// <summary>The grid's pager is drawn only once the circuit is live.</summary>
    private static Task WaitUntilLiveAsync(IPage page) =>
        Expect(page.Locator("#consortia-table .mud-table-pagination")).ToBeVisibleAsync();

    private static async Task ScanAtBothWidthsAsync(IPage page, string name)
    {
        foreach (var width in new[] { 1280, 375 })
        {
            await page.SetViewportSizeAsync(width, 900);
            await Accessibility.AssertNoViolationsAsync(page, $"{name} at {width} px");
        }

        await page.SetViewportSizeAsync(1280, 900);
    }

    [GeneratedRegex("track=needs-support")]
    private static partial Regex TrackInAddress();

    [GeneratedRegex("sort=score")]
    private static partial Regex SortByScoreInAddress();

    [GeneratedRegex("sort=score.*dir=desc|dir=desc.*sort=score")]
    private static partial Regex SortByScoreDescendingInAddress();

    [GeneratedRegex(@"^/consortia/[A-Z0-9]{3}\?tab=readiness&domain=[a-z-]+$")]
    private static partial Regex HeatmapCellLink();
}
