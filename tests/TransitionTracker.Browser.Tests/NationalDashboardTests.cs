using Microsoft.Playwright;
using TransitionTracker.Data.Seeding;
using static Microsoft.Playwright.Assertions;

namespace TransitionTracker.Browser.Tests;

/// <summary>The national viewer's dashboard: every region, the charts with their tables, and months that apply as they change.</summary>
[Collection(BrowserCollection.Name)]
public sealed class NationalDashboardTests(BrowserAppFixture app)
{
    [BrowserFact]
    public async Task The_national_dashboard_compares_other_months_without_a_page_load_and_passes_axe()
    {
        await using var browserPage = await app.NewPageAsync();
        var page = browserPage.Page;
        await page.SetViewportSizeAsync(1280, 900);
        await SignIn.AsAsync(page, DemoAccountSeeder.National);

        await page.GotoAsync("/national");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("National dashboard");
        await Expect(page.Locator("#regions-table tbody tr")).ToHaveCountAsync(10);
        browserPage.AssertAllResourcesLoaded();
        foreach (var width in new[] { 1280, 375 })
        {
            await page.SetViewportSizeAsync(width, 900);
            await Accessibility.AssertNoViolationsAsync(page, $"national dashboard at {width} px");
            Assert.True(await page.EvaluateAsync<bool>($"() => document.documentElement.scrollWidth <= {width}"), $"The national dashboard is wider than {width} px.");
        }

        await page.SetViewportSizeAsync(1280, 900);
        await page.EvaluateAsync("() => window.dashboardStayedOpen = true");

        // A month applies when the field is left; the competencies are read again.
        var from = page.GetByLabel("From month");
        // Until the circuit is live the field is plain markup, so try again until the address follows.
        for (var attempt = 0; attempt < 20 && !page.Url.Contains("from=2010-01", StringComparison.Ordinal); attempt++)
        {
            await from.FillAsync("2010-01");
            await from.PressAsync("Tab");
            await page.WaitForTimeoutAsync(500);
        }

        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("from=2010-01"));
        await Expect(page.Locator("#competency-none")).ToBeVisibleAsync();
        Assert.True(await page.EvaluateAsync<bool>("() => window.dashboardStayedOpen === true"), "Changing the month reloaded the page.");
    }
}
