using System.Text.RegularExpressions;
using Microsoft.Playwright;
using TransitionTracker.Data.Seeding;
using static Microsoft.Playwright.Assertions;

namespace TransitionTracker.Browser.Tests;

/// <summary>
/// A PCT manager (Newcastle PCT, 5D7: consortia 00G and 00H) turns to the Peers tab of 00G in the circuit, reads how
/// long consortia like it took from needs support to fast mover, and follows a lesson of 00H, the peer in the same
/// region it may also read, to that consortium's lessons; the tab checked with axe and for width at 1,280 and 375 px,
/// and opened again from its address.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class PeersJourneyTests(BrowserAppFixture app)
{
    [BrowserFact]
    public async Task A_pct_manager_sees_the_peers_of_a_consortium_and_follows_a_lesson_of_one()
    {
        await using var browserPage = await app.NewPageAsync();
        var page = browserPage.Page;
        await page.SetViewportSizeAsync(1280, 900);
        await SignIn.AsAsync(page, DemoAccountSeeder.PctManager("5D7"));

        await page.GotoAsync("/consortia/00G");
        await Expect(page.Locator(".app-status[data-live=true]")).ToHaveCountAsync(1);
        await page.EvaluateAsync("() => { window.statusPageMarker = 'still here'; }");
        await page.GetByRole(AriaRole.Tab, new() { Name = "Peers" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/consortia/00G\\?tab=peers$"));

        var peers = page.Locator("#peers");
        await Expect(peers.GetByRole(AriaRole.Heading, new() { Level = 2, Name = "Similar consortia" })).ToBeVisibleAsync();
        await Expect(page.Locator("#peers-rule")).ToContainTextAsync("100,000 to 250,000 patients");
        var table = page.GetByRole(AriaRole.Table, new() { NameRegex = new Regex("^Consortia like Newcastle North and East") });
        await Expect(table.GetByRole(AriaRole.Columnheader, new() { Name = "Needs support to fast mover" })).ToBeVisibleAsync();
        var row = table.Locator("tr[data-peer=\"00H\"]");
        await Expect(row.Locator(".app-peer-took")).ToHaveTextAsync(new Regex("^(\\d[\\d,]* days?( \\(about \\d+ months?\\))?|Not yet .* so far\\))$"));
        await Expect(row.Locator(".app-peer-closed li").First).ToBeVisibleAsync();
        Assert.Equal("still here", await page.EvaluateAsync<string>("() => window.statusPageMarker"));
        browserPage.AssertAllResourcesLoaded();
        await Accessibility.ScanAtEachWidthAsync(browserPage, "consortium status page, peers tab");

        // A lesson link names the lesson and whose it is, and opens that consortium's lessons on the lesson's domain.
        var lesson = row.Locator(".app-peer-lessons a").First;
        await Expect(lesson).ToHaveAccessibleNameAsync(new Regex(": a lesson of .+$"));
        var title = (await lesson.TextContentAsync())!.Split(": a lesson of ")[0];
        await lesson.ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/consortia/00H/lessons\\?domain=[a-z-]+$"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Lessons");
        await Expect(page.GetByText(title, new() { Exact = true }).First).ToBeVisibleAsync();

        // Opened from the address, the prerendered peers carry over into the live page.
        await page.GotoAsync("/consortia/00G?tab=peers");
        await Expect(page.Locator(".app-status[data-live=true]")).ToHaveCountAsync(1);
        await Expect(page.GetByRole(AriaRole.Tab, new() { Name = "Peers" })).ToHaveAttributeAsync("aria-selected", "true");
        await Expect(page.Locator("#peers tr[data-peer=\"00H\"] .app-peer-lessons a").First).ToHaveAttributeAsync("href", new Regex("^/consortia/00H/lessons\\?domain="));
    }
}
