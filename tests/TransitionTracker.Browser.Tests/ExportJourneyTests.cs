using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using MiniExcelLibs;
using TransitionTracker.Application.Access;
using TransitionTracker.Application.SupportActions;
using TransitionTracker.Data;
using TransitionTracker.Data.Seeding;
using TransitionTracker.Domain.Access;
using static Microsoft.Playwright.Assertions;

namespace TransitionTracker.Browser.Tests;

/// <summary>
/// A regional lead takes the region's grid away as an Excel workbook, with the filter they chose, and prints a
/// consortium's status as one page (docs/architecture.md, "Exports"), and a consortium's member practices and change
/// history; each page checked with axe at 1,280 and 375 px.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed partial class ExportJourneyTests(BrowserAppFixture app)
{
    [BrowserFact]
    public async Task A_regional_lead_exports_the_region_grid_as_excel_and_prints_a_consortiums_status()
    {
        await using var browserPage = await app.NewPageAsync();
        var page = browserPage.Page;
        await page.SetViewportSizeAsync(1280, 900);
        await SignIn.AsAsync(page, DemoAccountSeeder.Regional("Q30"));
        await page.GotoAsync("/regions/Q30");
        var table = page.Locator("#consortia-table");
        await Expect(table.Locator(".mud-table-pagination")).ToBeVisibleAsync();

        // Filter as the lead would; the Excel link follows the grid's state and the workbook holds the rows shown.
        await page.GetByRole(AriaRole.Combobox, new() { Name = "Track" }).SelectOptionAsync(new SelectOptionValue { Label = "Fast mover" });
        await Expect(page).ToHaveURLAsync(FastMoversInAddress());
        await Expect(page.Locator("#export-consortia-xlsx")).ToHaveAttributeAsync("href", "/regions/Q30/consortia.xlsx?track=fast-mover");
        await ScanAtBothWidthsAsync(page, "region dashboard with its exports");
        var download = await page.RunAndWaitForDownloadAsync(() => page.Locator("#export-consortia-xlsx").ClickAsync());
        Assert.Equal("consortia-Q30.xlsx", download.SuggestedFilename);
        var codes = await table.Locator("tbody a[data-code]").EvaluateAllAsync<string[]>("links => links.map(a => a.dataset.code)");
        await using (var workbook = File.OpenRead((await download.PathAsync())!))
        {
            var rows = workbook.Query(useHeaderRow: true).Cast<IDictionary<string, object>>().ToList();
            Assert.Equal(codes, rows.Select(r => (string)r["Code"]));
            Assert.All(rows, r => Assert.Equal("Fast mover", r["Track"]));
        }

        // The status page: a Print button that asks the browser to print (counted here instead of opening the dialog).
        var code = codes[0];
        await page.GotoAsync($"/consortia/{code}");
        var print = page.Locator("#print-page");
        await Expect(print).ToBeEnabledAsync();
        await ScanAtBothWidthsAsync(page, "status page with its Print button");
        await page.EvaluateAsync("() => { window.printed = 0; window.print = () => { window.printed++; }; }");
        await print.ClickAsync();
        await page.WaitForFunctionAsync("() => window.printed === 1");

        // As printed: no app bar, breadcrumbs, buttons or tab bar; every tab's contents one after the other.
        await page.EmulateMediaAsync(new() { Media = Media.Print });
        await Expect(page.Locator("header.app-header")).ToBeHiddenAsync();
        await Expect(page.Locator(".app-breadcrumbs")).ToBeHiddenAsync();
        await Expect(print).ToBeHiddenAsync();
        await Expect(page.Locator(".app-status-tabs .mud-tabs-tabbar")).ToBeHiddenAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToBeVisibleAsync();
        await Expect(page.Locator("#members-heading")).ToBeVisibleAsync();
        await Expect(page.Locator(".app-status-tabs .mud-tabs-panels > *").Nth(1)).ToBeVisibleAsync();
        if (Environment.GetEnvironmentVariable("TRANSITION_TRACKER_SCREENSHOTS") is { } folder)
        {
            Directory.CreateDirectory(folder);
            await page.ScreenshotAsync(new() { Path = Path.Combine(folder, "status-page-printed.png"), FullPage = true });
        }

        await page.EmulateMediaAsync(new() { Media = Media.Screen });
        await Expect(page.Locator("header.app-header")).ToBeVisibleAsync();
    }

    [BrowserFact]
    public async Task A_regional_lead_exports_a_consortiums_member_practices_and_change_history()
    {
        // A change to record: a support action of 99C (used by no other browser test), as its PCT manager adds one.
        await AddSupportActionAsync("99C", "5D8");
        await using var browserPage = await app.NewPageAsync();
        var page = browserPage.Page;
        await page.SetViewportSizeAsync(1280, 900);
        await SignIn.AsAsync(page, DemoAccountSeeder.Regional("Q30"));
        await page.GotoAsync("/consortia/99C");
        await Expect(page.Locator("main[data-live=true]")).ToBeAttachedAsync();
        var members = page.Locator("#export-members");
        await Expect(members).ToBeVisibleAsync();
        await ScanAtBothWidthsAsync(page, "status page with its member practices export");
        var download = await page.RunAndWaitForDownloadAsync(() => members.ClickAsync());
        Assert.Equal("member-practices-99C.csv", download.SuggestedFilename);
        var lines = (await File.ReadAllLinesAsync((await download.PathAsync())!)).Where(l => l.Length > 0).ToList();
        Assert.Equal("Practice,Code,PCT,Joined,List size", lines[0].TrimStart('\uFEFF'));
        Assert.True(lines.Count > 1, "The member practices export has no rows.");

        await page.GotoAsync("/consortia/99C/changes");
        await Expect(page.Locator("main[data-live=true]")).ToBeAttachedAsync();
        var changes = page.Locator("#export-changes-xlsx");
        await Expect(changes).ToBeVisibleAsync();
        await ScanAtBothWidthsAsync(page, "change history with its export");
        download = await page.RunAndWaitForDownloadAsync(() => changes.ClickAsync());
        Assert.EndsWith(".xlsx", download.SuggestedFilename, StringComparison.Ordinal);
        await using var workbook = File.OpenRead((await download.PathAsync())!);
        var rows = workbook.Query(useHeaderRow: true).Cast<IDictionary<string, object>>().ToList();
        Assert.Contains(rows, row => row.Values.OfType<string>().Any(value => value.Contains("Agree a conflicts of interest policy", StringComparison.Ordinal)));
    }

    // Through the use case, as the PCT's manager's circuit would.
    private async Task AddSupportActionAsync(string consortium, string pct)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TransitionTrackerDbContext>();
        var email = DemoAccountSeeder.PctManager(pct);
        var id = await db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync();
        var manager = new ActingUser(id, email, email, new UserAccess([new RoleAssignment(id, Role.PctManager, pct)], new Dictionary<string, string> { [pct] = "Q30" }));
        var form = new SupportActionForm
        {
            Criterion = "GOV-02",
            Description = "Agree a conflicts of interest policy",
            Owner = "PCT development lead",
            DueDay = "31",
            DueMonth = "3",
            DueYear = "2031",
        };
        var outcome = await scope.ServiceProvider.GetRequiredService<SupportActionBoard>().AddAsync(manager, consortium, form, CancellationToken.None);
        Assert.True(outcome.IsSaved, string.Join("; ", outcome.Problems.Select(p => p.Message)));
    }

    private static async Task ScanAtBothWidthsAsync(IPage page, string name)
    {
        foreach (var width in new[] { 1280, 375 })
        {
            await page.SetViewportSizeAsync(width, 900);
            await Accessibility.AssertNoViolationsAsync(page, $"{name} at {width} px");
        }

        await page.SetViewportSizeAsync(1280, 900);
    }

    [GeneratedRegex("track=fast-mover")]
    private static partial Regex FastMoversInAddress();
}
