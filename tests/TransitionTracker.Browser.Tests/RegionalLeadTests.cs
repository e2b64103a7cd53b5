using System.Globalization;
using Microsoft.Playwright;
using TransitionTracker.Data.Seeding;
using static Microsoft.Playwright.Assertions;

namespace TransitionTracker.Browser.Tests;

/// <summary>A regional lead working the region dashboard: filter, sort, export, each page checked with axe.</summary>
[Collection(BrowserCollection.Name)]
public sealed class RegionalLeadTests(BrowserAppFixture app)
{
    private static readonly string? ScreenshotFolder = Environment.GetEnvironmentVariable("TRANSITION_TRACKER_SCREENSHOTS");

    [BrowserFact]
    public async Task A_regional_lead_filters_sorts_and_exports_the_consortia_of_their_region()
    {
        await using var browserPage = await app.NewPageAsync();
        var page = browserPage.Page;
        await SignIn.AsAsync(page, DemoAccountSeeder.Regional("Q30"));

        await page.GetByRole(AriaRole.Link, new() { Name = "North East" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("North East");
        var table = page.Locator("#consortia-table");
        await Expect(table.Locator("tbody tr")).ToHaveCountAsync(12);
        browserPage.AssertAllResourcesLoaded();
        await Accessibility.AssertNoViolationsAsync(browserPage, "region dashboard");
        if (ScreenshotFolder is not null)
        {
            Directory.CreateDirectory(ScreenshotFolder);
            await page.SetViewportSizeAsync(1280, 900);
            await page.ScreenshotAsync(new() { Path = Path.Combine(ScreenshotFolder, "region-dashboard.png") });
        }

        // Filter by track with the plain form; the state goes into the address.
        await page.Locator("#track").SelectOptionAsync("needs-support");
        await page.GetByRole(AriaRole.Button, new() { Name = "Apply filters" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("track=needs-support"));
        var rows = table.Locator("tbody tr");
        var count = await rows.CountAsync();
        Assert.InRange(count, 1, 11);
        foreach (var row in await rows.AllAsync())
        {
            await Expect(row.Locator("td").Nth(5)).ToContainTextAsync("Needs support");
        }

        // Sort by score, highest first, by following the column heading twice.
        await table.GetByRole(AriaRole.Link, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Score") }).ClickAsync();
        await table.GetByRole(AriaRole.Link, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Score") }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("sort=score.*dir=desc|dir=desc.*sort=score"));
        await Expect(page.Locator("#consortia-table th[aria-sort=descending]")).ToHaveCountAsync(1);
        var scores = new List<double>();
        foreach (var row in await table.Locator("tbody tr").AllAsync())
        {
            scores.Add(double.Parse((await row.Locator("td").Nth(4).TextContentAsync())!.Trim(), CultureInfo.InvariantCulture));
        }

        Assert.Equal(scores.OrderByDescending(s => s), scores);
        Assert.Equal(count, scores.Count);
        await Accessibility.AssertNoViolationsAsync(browserPage, "region dashboard filtered and sorted");

        // Export exactly the rows shown.
        var download = await page.RunAndWaitForDownloadAsync(() => page.Locator("#export-consortia").ClickAsync());
        var csv = await File.ReadAllLinesAsync((await download.PathAsync())!);
        var dataRows = csv.Skip(1).Where(l => l.Length > 0).ToList();
        Assert.Equal(count, dataRows.Count);
        foreach (var code in await table.Locator("tbody tr").EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.code)"))
        {
            Assert.Contains(dataRows, line => line.Contains(code, StringComparison.Ordinal));
        }
    }
}
