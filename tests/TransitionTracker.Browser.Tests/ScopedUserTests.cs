using Microsoft.Playwright;
using TransitionTracker.Data.Seeding;
using static Microsoft.Playwright.Assertions;

namespace TransitionTracker.Browser.Tests;

/// <summary>What a PCT manager and a consortium lead see after signing in through the real form.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ScopedUserTests(BrowserAppFixture app)
{
    /// <summary>Set to a folder to save screenshots of the pages (used to refresh the ones in docs/).</summary>
    private static readonly string? ScreenshotFolder = Environment.GetEnvironmentVariable("TRANSITION_TRACKER_SCREENSHOTS");

    [BrowserFact]
    public async Task A_pct_manager_signs_in_and_sees_only_their_pcts_consortia()
    {
        await using var browserPage = await app.NewPageAsync();
        var page = browserPage.Page;
        await SignIn.AsAsync(page, DemoAccountSeeder.PctManager("5D7"), () => Accessibility.AssertNoViolationsAsync(page, "sign-in page"));

        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 2, Name = "Your PCTs" })).ToBeVisibleAsync();
        var pcts = page.GetByRole(AriaRole.Table, new() { Name = "Your PCTs" }).Locator("tbody tr");
        await Expect(pcts).ToHaveCountAsync(1);
        await Expect(pcts.First).ToContainTextAsync("Newcastle PCT");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 2, Name = "Regions" })).ToHaveCountAsync(0);
        await Accessibility.AssertNoViolationsAsync(browserPage, "home page of a PCT manager");

        await pcts.First.GetByRole(AriaRole.Link).ClickAsync();
        var consortia = page.GetByRole(AriaRole.Table, new() { Name = "Consortia linked to Newcastle PCT" }).Locator("tbody tr");
        await Expect(consortia).ToHaveCountAsync(2);
        await Expect(consortia.Nth(0)).ToContainTextAsync("00G");
        await Expect(consortia.Nth(1)).ToContainTextAsync("00H");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Quality and finance indicators" })).ToHaveAttributeAsync("href", "/pcts/5D7/quality");

        // Another PCT's page does not exist for them.
        var other = await page.GotoAsync("/pcts/5D8");
        Assert.Equal(404, other!.Status);
    }

    [BrowserFact]
    public async Task A_consortium_lead_finds_the_track_a_blocker_and_the_history()
    {
        await using var browserPage = await app.NewPageAsync();
        var page = browserPage.Page;
        await SignIn.AsAsync(page, DemoAccountSeeder.ConsortiumLead("00G"));

        await page.GetByRole(AriaRole.Link, new() { Name = "Newcastle North and East GP commissioning consortium" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Newcastle North and East GP commissioning consortium");
        await Expect(page.Locator(".app-track-headline")).ToHaveTextAsync("Needs support: needs development support and more time");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 2, Name = "Why" })).ToBeVisibleAsync();
        Assert.True(await page.Locator("#blockers li").CountAsync() > 0, "No blocker is listed for a needs-support consortium.");
        var history = page.GetByRole(AriaRole.Table, new() { Name = "Overall score and track of each submitted assessment" });
        await Expect(history.Locator("tbody tr")).ToHaveCountAsync(30);
        await Expect(page.Locator(".app-chart canvas")).ToHaveCountAsync(1);
        // Milestones in the order of the steps to authorisation, whichever of them are recorded.
        string[] steps = ["Shadow consortium formed", "Pathfinder status", "Delegated budget", "Authorised"];
        var milestones = (await page.Locator("#milestones dt").AllTextContentsAsync()).Select(t => t.Trim()).Where(steps.Contains).ToList();
        Assert.Equal(steps.Where(milestones.Contains), milestones);
        browserPage.AssertAllResourcesLoaded();
        foreach (var width in new[] { 1280, 375 })
        {
            await page.SetViewportSizeAsync(width, 900);
            await Accessibility.AssertNoViolationsAsync(browserPage, $"consortium status page at {width} px");
        }

        if (ScreenshotFolder is not null)
        {
            Directory.CreateDirectory(ScreenshotFolder);
            await page.SetViewportSizeAsync(1280, 900);
            await page.ScreenshotAsync(new() { Path = Path.Combine(ScreenshotFolder, "status-page.png"), FullPage = false });
        }
    }
}
