using System.Text.RegularExpressions;
using Microsoft.Playwright;
using TransitionTracker.Data.Seeding;
using static Microsoft.Playwright.Assertions;

namespace TransitionTracker.Browser.Tests;

/// <summary>
/// A regional lead records a track decision in the consortium page's dialog, sees it confirmed and the track card
/// updated in place, then finds it on the consortium's Changes page by filtering, ordering and searching the list in
/// place; the dialog and the changes page checked with axe and for width.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class TrackDecisionAndChangesTests(BrowserAppFixture app)
{
    private const string DialogOverflowing = """
        () => [...document.querySelectorAll('[role=dialog], [role=dialog] *')]
            .filter(e => e.getBoundingClientRect().right > window.innerWidth + 1 || e.getBoundingClientRect().left < -1)
            .slice(0, 8)
            .map(e => `${e.tagName.toLowerCase()}.${e.className} (${Math.round(e.getBoundingClientRect().right)} px)`)
        """;

    [BrowserFact]
    public async Task A_regional_lead_records_a_decision_and_finds_it_as_one_readable_entry_on_the_changes_page()
    {
        await using var browserPage = await app.NewPageAsync();
        var page = browserPage.Page;
        await SignIn.AsAsync(page, DemoAccountSeeder.Regional("Q30"));

        // The regional lead's next step is in the status page's header, visible without scrolling at 1,280 px.
        await page.SetViewportSizeAsync(1280, 900);
        await page.GotoAsync("/consortia/00k");
        await Expect(page.Locator("main[data-live=true]")).ToBeAttachedAsync();
        await page.EvaluateAsync("() => window.appMark = 'still here'");
        var confirm = page.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Confirm or override the track") });
        await Expect(confirm).ToBeInViewportAsync();
        await confirm.ClickAsync();

        // The decision is a dialog over the page, scanned while open.
        var dialog = page.GetByRole(AriaRole.Dialog);
        await Expect(dialog.GetByRole(AriaRole.Heading, new() { Level = 2 })).ToHaveTextAsync("Confirm or override the track");
        await Expect(dialog).ToContainTextAsync("Computed from the latest assessment:");
        await Accessibility.ScanAtEachWidthAsync(browserPage, "track decision dialog", checkWidth: false);
        foreach (var width in Accessibility.Widths)
        {
            // The dialog fits; the status page's own tab bar scrolls in its box and is not the dialog's to check.
            await page.SetViewportSizeAsync(width, 900);
            var wider = await page.EvaluateAsync<string[]>(DialogOverflowing);
            Assert.True(wider.Length == 0, $"The track decision dialog at {width} px is wider than the screen: {string.Join(", ", wider)}");
        }

        await page.SetViewportSizeAsync(1280, 900);

        // Nothing entered: the use case's messages beside the fields; the dialog stays open.
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Record the decision" }).ClickAsync();
        await Expect(dialog).ToContainTextAsync("Select the track this consortium should be on");
        await Expect(dialog).ToContainTextAsync("Enter the reason for your decision");

        await dialog.GetByLabel("Needs support: needs development support and more time").CheckAsync();
        await dialog.GetByLabel("Reason").FillAsync("Governance floor not yet met; agreed at the March review.");
        await Expect(dialog).ToContainTextAsync("57 / 1000");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Record the decision" }).ClickAsync();

        // Closed; a snackbar says what was recorded, and the track card shows it, all without a page load.
        await Expect(dialog).ToHaveCountAsync(0);
        await Expect(page.Locator(".mud-snackbar")).ToContainTextAsync("Decision recorded:");
        await Expect(page.Locator(".mud-snackbar")).ToContainTextAsync("is needs support");
        var card = page.Locator("#track");
        await Expect(card).ToContainTextAsync("by the regional lead, regional.q30@demo.test");
        await Expect(card).ToContainTextAsync("agreed at the March review");
        await Expect(card.Locator(".app-track-headline")).ToHaveTextAsync("Needs support: needs development support and more time");
        Assert.Equal("still here", await page.EvaluateAsync<string>("() => window.appMark"));

        // From the region dashboard, a row's link opens the consortium with the dialog open at once.
        await page.GotoAsync("/regions/Q30?q=00k");
        await Expect(page.Locator("main[data-live=true]")).ToBeAttachedAsync();
        await page.Locator("a.app-review-link").First.ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/consortia/00K\\?decide=track$", RegexOptions.IgnoreCase));
        await Expect(dialog).ToContainTextAsync("Current decision: Needs support, by regional.q30@demo.test");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Cancel" }).ClickAsync();
        await Expect(dialog).ToHaveCountAsync(0);
        await Expect(page).ToHaveURLAsync(new Regex("/consortia/00K$", RegexOptions.IgnoreCase));

        await page.GotoAsync("/consortia/00k/changes");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Changes");
        await Expect(page.Locator("main[data-live=true]")).ToBeAttachedAsync();
        var main = page.Locator("main");
        await Expect(main).ToContainTextAsync("agreed at the March review");
        await Expect(main).ToContainTextAsync("(UK time)");
        await Expect(main).Not.ToContainTextAsync("Json");
        await page.EvaluateAsync("() => window.appMark = 'still here'");

        // Filtering by kind replaces the address in place: the mark set on window survives.
        await page.GetByRole(AriaRole.Combobox, new() { Name = "Kind of change" }).SelectOptionAsync(new SelectOptionValue { Label = "Track decisions" });
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
        await page.GetByRole(AriaRole.Combobox, new() { Name = "Order", Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Oldest first" });
        await Expect(page).ToHaveURLAsync(new Regex("kind=track-decisions&order=oldest$"));
        await page.GetByLabel("Search by who, kind of record or value").FillAsync("no such change anywhere");
        await Expect(page).ToHaveURLAsync(new Regex("q=no(%20|\\+)such(%20|\\+)change"));
        await Expect(page.Locator(".app-change-grid")).ToContainTextAsync("No change matches this search.");
        Assert.Equal("still here", await page.EvaluateAsync<string>("() => window.appMark"));

        await page.GotoAsync("/consortia/00k/changes?kind=track-decisions");
        await Expect(page.Locator("main[data-live=true]")).ToBeAttachedAsync();
        await page.Locator(".app-change-grid tr.app-change-row details.app-change-fields summary").First.ClickAsync();
        browserPage.AssertAllResourcesLoaded();
        await Accessibility.ScanAtEachWidthAsync(browserPage, "changes page", checkWidth: true);
    }
}
