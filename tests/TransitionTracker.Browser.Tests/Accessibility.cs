using System.Text;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace TransitionTracker.Browser.Tests;

/// <summary>Runs axe-core against the page as the browser shows it, for WCAG 2.0, 2.1 and 2.2 levels A and AA.</summary>
public static class Accessibility
{
    public static readonly IReadOnlyList<string> WcagTags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

    /// <summary>A scan not finished by then is stuck (say, waiting on a timer that never fires), so it fails rather than hangs.</summary>
    private static readonly TimeSpan ScanTimeout = TimeSpan.FromSeconds(60);

    /// <summary>The widths every page is scanned at: a laptop and a small phone.</summary>
    public static readonly IReadOnlyList<int> Widths = [1280, 375];

    /// <summary>
    /// Scans the page with axe at each of <see cref="Widths"/>, checking at each that nothing is wider than the screen
    /// (unless <paramref name="checkWidth"/> is false: a dialog over a page checks its own width), then puts the window
    /// back to 1,280 px.
    /// </summary>
    public static async Task ScanAtEachWidthAsync(BrowserPage browserPage, string pageName, bool checkWidth = true)
    {
        foreach (var width in Widths)
        {
            await browserPage.Page.SetViewportSizeAsync(width, 900);
            await AssertNoViolationsAsync(browserPage, $"{pageName} at {width} px");
            if (checkWidth)
            {
                await ScreenWidth.AssertFitsAsync(browserPage.Page, $"{pageName} at {width} px");
            }
        }

        await browserPage.Page.SetViewportSizeAsync(Widths[0], 900);
    }

    public static async Task AssertNoViolationsAsync(IPage page, string pageName)
    {
        // While an interactive page becomes live its head is rendered again, and for a moment it may have no title:
        // scan once it is live (or will never be: a static page, or a copy scanned without scripts) and has its title.
        await page.WaitForFunctionAsync(
            """
            () => {
                const main = document.querySelector('main[data-interactive]');
                const settled = !window.Blazor || !main || main.dataset.interactive !== 'true' || main.dataset.live === 'true';
                return settled && document.title.trim().length > 0;
            }
            """,
            null,
            new() { Timeout = 15_000 });
        var result = await page.RunAxe(new AxeRunOptions
        {
            RunOnly = new RunOnlyOptions { Type = "tag", Values = [.. WcagTags] },
            ResultTypes = [ResultType.Violations],
        }).WaitAsync(ScanTimeout);

        Assert.True(result.Violations.Length == 0, Describe(pageName, page.Url, result.Violations));
    }

    /// <summary>
    /// Scans the page as the person using it sees it. With JavaScript off, axe cannot run in the page itself (Playwright
    /// still evaluates scripts there, but the page's timers and observers never call back, and axe waits on them), so
    /// the page's markup is scanned in a twin: a page with JavaScript on, at the same address, given the same HTML and
    /// the app's stylesheets, images and fonts, but none of its scripts.
    /// </summary>
    public static async Task AssertNoViolationsAsync(BrowserPage browserPage, string pageName)
    {
        var page = browserPage.Page;
        if (browserPage.JavaScriptEnabled)
        {
            await AssertNoViolationsAsync(page, pageName);
            return;
        }

        var address = page.Url;
        var origin = new Uri(address).GetLeftPart(UriPartial.Authority) + "/";
        var html = await page.ContentAsync();
        var browser = page.Context.Browser ?? throw new InvalidOperationException("The page has no browser to open a twin in.");
        await using var twinContext = await browser.NewContextAsync(new BrowserNewContextOptions { Locale = "en-GB" });
        await twinContext.RouteAsync("**/*", route =>
        {
            var request = route.Request;
            if (request.IsNavigationRequest && request.Url == address)
            {
                return route.FulfillAsync(new RouteFulfillOptions { Status = 200, ContentType = "text/html; charset=utf-8", Body = html });
            }

            return request.ResourceType == "script" || !request.Url.StartsWith(origin, StringComparison.Ordinal)
                ? route.AbortAsync("blockedbyclient")
                : route.ContinueAsync();
        });
        var twin = await twinContext.NewPageAsync();
        await twin.GotoAsync(address);

        // Colour contrast is only judged right with the stylesheets in place.
        var stylesheetsLoaded = await twin.EvaluateAsync<bool>(
            "() => document.styleSheets.length > 0 && [...document.styleSheets].every(sheet => sheet.cssRules.length > 0)");
        Assert.True(stylesheetsLoaded, $"The stylesheets of the {pageName} ({address}) did not load in the page scanned for it.");
        await AssertNoViolationsAsync(twin, pageName);
    }

    private static string Describe(string pageName, string url, AxeResultItem[] violations)
    {
        var text = new StringBuilder($"{violations.Length} accessibility rule(s) violated on the {pageName} ({url}):");
        foreach (var violation in violations)
        {
            text.AppendLine().Append($"- {violation.Id} [{violation.Impact}]: {violation.Help} ({violation.HelpUrl})");
            foreach (var node in violation.Nodes)
            {
                text.AppendLine().Append($"    element {node.Target}: {node.Html}");
                var fixAll = (node.All ?? []).Concat(node.None ?? []).Select(check => check.Message);
                var fixAny = (node.Any ?? []).Select(check => check.Message).ToList();
                foreach (var message in fixAll)
                {
                    text.AppendLine().Append("      fix: ").Append(message);
                }

                if (fixAny.Count > 0)
                {
                    text.AppendLine().Append("      fix one of: ").Append(string.Join(" | ", fixAny));
                }
            }
        }

        return text.ToString();
    }
}
