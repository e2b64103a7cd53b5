using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using TransitionTracker.Data.Seeding;
using TransitionTracker.Web.Diagnostics;
using static Microsoft.Playwright.Assertions;

namespace TransitionTracker.Browser.Tests;

/// <summary>
/// A tab left in the background has its circuit paused and, shown again, carries on where it was: the region dashboard
/// sorted by score comes back sorted, live and not reloaded, and the server held no circuit for it meanwhile. A page
/// with unsaved work is never paused. The app here pauses after one second hidden instead of five minutes.
/// </summary>
public sealed partial class CircuitPauseTests : IAsyncLifetime
{
    private readonly string workFolder = Path.Combine(Path.GetTempPath(), $"transition-tracker-pause-{Guid.NewGuid():N}");
    private TransitionTrackerServer? server;
    private IPlaywright? playwright;
    private IBrowser? browser;

    // The browser's visibility as a background tab (headless Chromium never hides a page by itself).
    private const string ShowAs = """
        state => {
          Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => state });
          Object.defineProperty(document, 'hidden', { configurable: true, get: () => state === 'hidden' });
          document.dispatchEvent(new Event('visibilitychange'));
        }
        """;

    public async Task InitializeAsync()
    {
        if (Chromium.ExecutablePath is null)
        {
            return; // The fact is skipped, or fails saying what is missing under CI=true.
        }

        Directory.CreateDirectory(workFolder);
        server = new TransitionTrackerServer(Path.Combine(workFolder, "transition-tracker.db"));
        server.Settings["Circuits:PauseHiddenTabAfter"] = "00:00:01";
        server.Start();
        playwright = await Playwright.CreateAsync();
        browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = Chromium.ExecutablePath, Headless = true, Args = Chromium.Arguments });
    }

    [BrowserFact]
    public async Task A_dashboard_hidden_for_a_while_is_paused_and_comes_back_sorted_as_it_was()
    {
        await using var browserPage = await NewPageAsync();
        var page = browserPage.Page;
        await SignIn.AsAsync(page, DemoAccountSeeder.Regional("Q30"));
        await page.GotoAsync("/regions/Q30");
        await Expect(page.Locator("main[data-live=true]")).ToBeAttachedAsync();
        var table = page.Locator("#consortia-table");
        var sortByScore = table.Locator("th", new() { HasText = "Score" }).GetByRole(AriaRole.Button, new() { Name = "Sort" });
        await sortByScore.ClickAsync();
        await Expect(page).ToHaveURLAsync(SortByScoreInAddress());
        await sortByScore.ClickAsync();
        await Expect(page).ToHaveURLAsync(SortByScoreDescendingInAddress());
        await Expect(table.Locator("th[aria-sort=descending]")).ToHaveCountAsync(1);
        var names = table.Locator("tbody a[data-code]");
        await GridOrder.ReadSortedAsync(table.Locator("tbody tr:has(a[data-code]) td:nth-child(5)"), ScoreOf, Comparer<double>.Default, descending: true);
        var shownBefore = await names.AllTextContentsAsync();
        await page.EvaluateAsync("() => window.appMark = 'not reloaded'");
        var open = OpenCircuits();
        Assert.True(open >= 1);

        await page.EvaluateAsync(ShowAs, "hidden");
        await Expect(page.Locator("html[data-circuit=paused]")).ToBeAttachedAsync();
        await WaitForAsync(() => OpenCircuits() == open - 1, "the paused page's circuit to close on the server");

        await page.EvaluateAsync(ShowAs, "visible");
        await Expect(page.Locator("html[data-circuit=live]")).ToBeAttachedAsync();
        await WaitForAsync(() => OpenCircuits() == open, "a new circuit for the shown page");
        await Expect(page.Locator("main[data-live=true]")).ToBeAttachedAsync();
        await Expect(page).ToHaveURLAsync(SortByScoreDescendingInAddress());
        await Expect(table.Locator("th[aria-sort=descending]")).ToHaveCountAsync(1);
        // The new circuit reads the table's rows for the sort in the address once it is live.
        await Expect(names).ToHaveTextAsync(shownBefore.ToArray());
        Assert.Equal("not reloaded", await page.EvaluateAsync<string?>("() => window.appMark ?? null"));
        await Expect(page.Locator("#components-reconnect-modal")).ToBeHiddenAsync();

        // The resumed page is live: its table still sorts, without a page load.
        await sortByScore.ClickAsync();
        await Expect(page).Not.ToHaveURLAsync(SortByScoreDescendingInAddress());
        await Expect(table.Locator("th[aria-sort=ascending]")).ToHaveCountAsync(1);
        Assert.Equal("not reloaded", await page.EvaluateAsync<string?>("() => window.appMark ?? null"));
        await Accessibility.ScanAtEachWidthAsync(browserPage, "region dashboard after pausing and resuming");
    }

    [BrowserFact]
    public async Task A_page_with_unsaved_work_is_not_paused_while_hidden()
    {
        await using var browserPage = await NewPageAsync();
        var page = browserPage.Page;
        await SignIn.AsAsync(page, DemoAccountSeeder.PctManager("5QW"));
        await page.GotoAsync("/consortia/05P/lessons/new");
        await Expect(page.Locator(".app-lesson-editor[data-live=true]")).ToHaveCountAsync(1);
        await page.GetByLabel("Title").FillAsync("Hold the practice meetings monthly");
        await Expect(page.Locator("#unsaved")).ToBeVisibleAsync();
        await Expect(page.Locator("[data-unsaved-work]")).ToBeAttachedAsync();
        var open = OpenCircuits();

        await page.EvaluateAsync(ShowAs, "hidden");
        // Three times the delay: a pause would have happened by now.
        await Task.Delay(TimeSpan.FromSeconds(3));
        Assert.Null(await page.Locator("html").GetAttributeAsync("data-circuit"));
        Assert.Equal(open, OpenCircuits());

        await page.EvaluateAsync(ShowAs, "visible");
        await Expect(page.GetByLabel("Title")).ToHaveValueAsync("Hold the practice meetings monthly");
        await Accessibility.ScanAtEachWidthAsync(browserPage, "new lesson with unsaved work after being hidden");
    }

    private int OpenCircuits() => server!.Services.GetRequiredService<OpenCircuits>().Count;

    private static async Task WaitForAsync(Func<bool> condition, string what)
    {
        for (var i = 0; i < 150 && !condition(); i++)
        {
            await Task.Delay(100);
        }

        Assert.True(condition(), $"Waited 15 s for {what}.");
    }

    private static double ScoreOf(string text) =>
        double.TryParse(text.TrimEnd('%'), System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var score) ? score : -1;

    private async Task<BrowserPage> NewPageAsync()
    {
        Assert.True(browser is not null && server is not null, Chromium.MissingMessage);
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = server.BaseAddress.ToString(), Locale = "en-GB" });
        context.SetDefaultTimeout(15_000);
        var browserPage = await BrowserPage.OpenAsync(context, server.BaseAddress);
        await browserPage.Page.SetViewportSizeAsync(1280, 900);
        return browserPage;
    }

    public async Task DisposeAsync()
    {
        if (browser is not null)
        {
            await browser.DisposeAsync();
        }

        playwright?.Dispose();
        if (server is not null)
        {
            await server.DisposeAsync();
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Directory.Exists(workFolder))
        {
            Directory.Delete(workFolder, recursive: true);
        }
    }

    [GeneratedRegex("sort=score")]
    private static partial Regex SortByScoreInAddress();

    [GeneratedRegex("sort=score&dir=desc")]
    private static partial Regex SortByScoreDescendingInAddress();
}
