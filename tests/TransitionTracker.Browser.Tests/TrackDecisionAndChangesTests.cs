using System.Text.RegularExpressions;
using Microsoft.Playwright;
using TransitionTracker.Data.Seeding;
using static Microsoft.Playwright.Assertions;

namespace TransitionTracker.Browser.Tests;

/// <summary>
/// A regional lead records a track decision, then finds it on the consortium's Changes page by filtering, ordering and
/// searching the list in place; both pages checked with axe and for width.
/// </summary>
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
        await ScanAtEachWidthAsync(browserPage, "track decision page", checkWidth: false);

        await page.Locator("#track-needs-support").CheckAsync();
        await page.Locator("#reason").FillAsync("Governance floor not yet met; agreed at the March review.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Record the decision" }).ClickAsync();

        await page.GotoAsync("/consortia/00k/changes");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Changes");
        await Expect(page.Locator("main[data-live=true]")).ToBeAttachedAsync();
        var main = page.Locator("main");
        await Expect(main).ToContainTextAsync("agreed at the March review");
        await Expect(main).ToContainTextAsync("(UK time)");
        await Expect(main).Not.ToContainTextAsync("Json");
        await page.EvaluateAsync("() => window.appMark = 'still here'");

        // Filtering by kind replaces the address in place: the mark set on window survives.
        await page.Locator(".app-grid-filter", new() { HasText = "Kind of change" }).ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = "Track decisions" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/consortia/00k/changes\\?kind=track-decisions$"));
        await Expect(page.Locator(".app-grid-summary")).ToHaveTextAsync(new Regex(@"^\d+ of \d+ changes? match(es)?\.$"));
        var rows = page.Locator(".app-change-grid tr.app-change-row");
        await Expect(rows.First.Locator(".app-change-summary")).ToHaveTextAsync(new Regex("^Track decision "));
        Assert.Equal(await rows.CountAsync(), await rows.Locator(".app-change-summary", new() { HasText = "Track decision" }).CountAsync());

        // The folded fields open from the keyboard.
        var fields = rows.First.Locator("details.app-change-fields");
        await fields.Locator("summary").FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Expect(fields).ToHaveAttributeAsync("open", "");
        await Expect(fields.Locator("li", new() { HasText = "agreed at the March review" })).ToBeVisibleAsync();

        // Oldest first, then a search that finds nothing; still the same page.
        await page.Locator(".app-grid-filter", new() { HasText = "Order" }).ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = "Oldest first" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("kind=track-decisions&order=oldest$"));
        await page.GetByLabel("Search by who, kind of record or value").FillAsync("no such change anywhere");
        await Expect(page).ToHaveURLAsync(new Regex("q=no(%20|\\+)such(%20|\\+)change"));
        await Expect(page.Locator(".app-change-grid")).ToContainTextAsync("No change matches this search.");
        Assert.Equal("still here", await page.EvaluateAsync<string>("() => window.appMark"));

        await page.GotoAsync("/consortia/00k/changes?kind=track-decisions");
        await Expect(page.Locator("main[data-live=true]")).ToBeAttachedAsync();
        await page.Locator(".app-change-grid tr.app-change-row details.app-change-fields summary").First.ClickAsync();
        browserPage.AssertAllResourcesLoaded();
        await ScanAtEachWidthAsync(browserPage, "changes page", checkWidth: true);
    }

    // The track decision page is not rebuilt yet; the changes page must also fit the screen at each width.
    private static async Task ScanAtEachWidthAsync(BrowserPage browserPage, string pageName, bool checkWidth)
    {
        foreach (var width in Widths)
        {
            await browserPage.Page.SetViewportSizeAsync(width, 900);
            await Accessibility.AssertNoViolationsAsync(browserPage, $"{pageName} at {width} px");
            if (checkWidth)
            {
                await ScreenWidth.AssertFitsAsync(browserPage.Page, $"{pageName} at {width} px");
            }
        }
    }
}
