using Microsoft.Playwright;

namespace TransitionTracker.Browser.Tests;

/// <summary>
/// Checks that nothing on the page reaches past the right edge of the screen (no sideways scrolling). A tab bar's
/// tabs and a heatmap's cells are the exceptions: each scrolls within its own box by design (the box itself must fit).
/// </summary>
public static class ScreenWidth
{
    private const string Overflowing = """
        () => [...document.querySelectorAll('body *')]
            .filter(e => e.getBoundingClientRect().right > window.innerWidth + 1 && !e.closest('.mud-tabs-tabbar-content') && !e.parentElement?.closest('.app-heatmap-scroll'))
            .slice(0, 8)
            .map(e => `${e.tagName.toLowerCase()}.${e.className} (${Math.round(e.getBoundingClientRect().right)} px)`)
        """;

    public static async Task AssertFitsAsync(IPage page, string pageName)
    {
        var wider = await page.EvaluateAsync<string[]>(Overflowing);
        var width = page.ViewportSize?.Width;
        Assert.True(wider.Length == 0, $"The {pageName} is wider than {width} px: {string.Join(", ", wider)}");
    }
}
