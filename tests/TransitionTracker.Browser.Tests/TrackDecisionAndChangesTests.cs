using Microsoft.Playwright;
using TransitionTracker.Data.Seeding;
using static Microsoft.Playwright.Assertions;

namespace TransitionTracker.Browser.Tests;

/// <summary>A regional lead records a track decision, then reads it on the consortium's Changes page; both pages checked with axe.</summary>
[Collection(BrowserCollection.Name)]
public sealed class TrackDecisionAndChangesTests(BrowserAppFixture app)
{
    private static readonly int[] Widths = [1280, 375];

    [BrowserFact]
    public async Task A_regional_lead_records_a_decision_and_finds_it_as_one_readable_entry_on_the_changes_page()
    {
        await using var browserPage = await app.NewPageAsync();
        var page = browserPage.Page;
        await SignIn.AsAsync(page, DemoAccountSeeder.Regional("Q30"));

        // The regional lead's next step is in the status page's header, visible without scrolling at 1,280 px.
        await page.SetViewportSizeAsync(1280, 900);
        await page.GotoAsync("/consortia/00k");
        var confirm = page.GetByRole(AriaRole.Link, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Confirm or override the track") });
        await Expect(confirm).ToBeInViewportAsync();
        await confirm.ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Confirm or override the track");
        await ScanAtEachWidthAsync(browserPage, "track decision page");

        await page.Locator("#track-needs-support").CheckAsync();
        await page.Locator("#reason").FillAsync("Governance floor not yet met; agreed at the March review.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Record the decision" }).ClickAsync();

        await page.GotoAsync("/consortia/00k/changes");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Changes");
        var main = page.Locator("main");
        await Expect(main).ToContainTextAsync("agreed at the March review");
        await Expect(main).ToContainTextAsync("(UK time)");
        await Expect(main).Not.ToContainTextAsync("Json");
        await ScanAtEachWidthAsync(browserPage, "changes page");
    }

    private static async Task ScanAtEachWidthAsync(BrowserPage browserPage, string pageName)
    {
        foreach (var width in Widths)
        {
            await browserPage.Page.SetViewportSizeAsync(width, 900);
            await Accessibility.AssertNoViolationsAsync(browserPage, $"{pageName} at {width} px");
        }
    }
}
