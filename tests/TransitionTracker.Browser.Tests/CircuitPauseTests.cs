using System.Text.RegularExpressions;
using Microsoft.Playwright;
using TransitionTracker.Data.Seeding;
using static Microsoft.Playwright.Assertions;

namespace TransitionTracker.Browser.Tests;

/// <summary>
/// A tab left in the background has its circuit paused and, shown again, carries on where it was: the region dashboard
/// sorted by score comes back sorted, live and not reloaded, and the server held no circuit for it meanwhile. A page
/// with unsaved work is never paused. The app here pauses after one second hidden instead of five minutes.
/// </summary>
public sealed partial class CircuitPauseTests(CircuitPauseTests.App app) : IClassFixture<CircuitPauseTests.App>
{
    // The browser's visibility as a background tab (headless Chromium never hides a page by itself).
    private const string ShowAs = """
        state => {
          Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => state });
          Object.defineProperty(document, 'hidden', { configurable: true, get: () => state === 'hidden' });
          document.dispatchEvent(new Event('visibilitychange'));
        }
        """;

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
        var open = app.OpenCircuits;
        Assert.True(open >= 1);

        await page.EvaluateAsync(ShowAs, "hidden");
        await Expect(page.Locator("html[data-circuit=paused]")).ToBeAttachedAsync();
        await Eventually.WaitForAsync(() => app.OpenCircuits == open - 1, "the paused page's circuit to close on the server");

        await page.EvaluateAsync(ShowAs, "visible");
        await Expect(page.Locator("html[data-circuit=live]")).ToBeAttachedAsync();
        await Eventually.WaitForAsync(() => app.OpenCircuits == open, "a new circuit for the shown page");
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
        var open = app.OpenCircuits;

        await page.EvaluateAsync(ShowAs, "hidden");
        // Three times the delay: a pause would have happened by now.
        await Task.Delay(TimeSpan.FromSeconds(3));
        Assert.Null(await page.Locator("html").GetAttributeAsync("data-circuit"));
        Assert.Equal(open, app.OpenCircuits);

        await page.EvaluateAsync(ShowAs, "visible");
        await Expect(page.GetByLabel("Title")).ToHaveValueAsync("Hold the practice meetings monthly");
        await Accessibility.ScanAtEachWidthAsync(browserPage, "new lesson with unsaved work after being hidden");
    }

    private static double ScoreOf(string text) =>
        double.TryParse(text.TrimEnd('%'), System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var score) ? score : -1;

    private async Task<BrowserPage> NewPageAsync()
    {
        var browserPage = await app.NewPageAsync();
        await browserPage.Page.SetViewportSizeAsync(1280, 900);
        return browserPage;
    }

    [GeneratedRegex("sort=score")]
    private static partial Regex SortByScoreInAddress();

    [GeneratedRegex("sort=score&dir=desc")]
    private static partial Regex SortByScoreDescendingInAddress();

    /// <summary>The app, pausing a tab hidden for one second instead of five minutes.</summary>
    public sealed class App : BrowserAppFixture
    {
        protected override void Configure(IDictionary<string, string> settings) => settings["Circuits:PauseHiddenTabAfter"] = "00:00:01";
    }
}
