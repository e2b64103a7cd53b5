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
        await page.SetViewportSizeAsync(1280, 900);
        await SignIn.AsAsync(page, DemoAccountSeeder.ConsortiumLead("00G"));

        await page.GetByRole(AriaRole.Link, new() { Name = "Newcastle North and East GP commissioning consortium" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Newcastle North and East GP commissioning consortium");
        await Expect(page.Locator(".app-track-headline")).ToHaveTextAsync("Needs support: needs development support and more time");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 2, Name = "Why" })).ToBeVisibleAsync();
        Assert.True(await page.Locator("#blockers li").CountAsync() > 0, "No blocker is listed for a needs-support consortium.");

        // The track, its blockers and the reader's next step are all visible without scrolling at 1,280 px.
        await Expect(page.Locator(".app-status[data-live=true]")).ToHaveCountAsync(1);
        foreach (var part in new[] { "#track", "#blockers", "#next-action" })
        {
            var box = await page.Locator(part).BoundingBoxAsync();
            Assert.True(box is not null && box.Y + box.Height <= 900, $"{part} is not visible without scrolling at 1,280 px (ends at {box?.Y + box?.Height}).");
        }

        // The overview opens with the forecast: when, at its pace, it reaches fast mover, and what is left to close.
        var forecast = page.Locator("#forecast");
        await Expect(forecast.GetByRole(AriaRole.Heading, new() { Level = 2, Name = "Forecast" })).ToBeVisibleAsync();
        await Expect(page.Locator("#forecast-summary")).ToContainTextAsync("fast mover");
        await forecast.Locator("summary", new() { HasText = "What is left to close" }).ClickAsync();
        await Expect(page.Locator("#forecast-to-close li").First).ToBeVisibleAsync();
        await Accessibility.ScanAtEachWidthAsync(browserPage, "consortium status page with the forecast's list open");
        await page.SetViewportSizeAsync(1280, 900);

        // Tabs switch in the circuit: the address names the tab, and the page is never loaded again.
        await page.EvaluateAsync("() => { window.statusPageMarker = 'still here'; }");
        await page.GetByRole(AriaRole.Tab, new() { Name = "History" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/consortia/00G\\?tab=history$"));
        await Expect(page.Locator(".app-chart svg").First).ToBeVisibleAsync();
        var history = page.GetByRole(AriaRole.Table, new() { Name = "Overall score and track of each submitted assessment" });
        await Expect(history).ToHaveCountAsync(0);
        await page.GetByRole(AriaRole.Button, new() { Name = "Show the data as a table" }).ClickAsync();
        await Expect(history.Locator("tbody tr")).ToHaveCountAsync(30);

        // Milestones in the order of the steps to authorisation, whichever of them are recorded.
        await page.GetByRole(AriaRole.Tab, new() { Name = "Plan" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/consortia/00G\\?tab=plan$"));
        await Expect(page.Locator("#milestones")).ToBeVisibleAsync();
        string[] steps = ["Shadow consortium formed", "Pathfinder status", "Delegated budget", "Authorised"];
        var milestones = (await page.Locator("#milestones dt").AllTextContentsAsync()).Select(t => t.Trim()).Where(steps.Contains).ToList();
        Assert.Equal(steps.Where(milestones.Contains), milestones);
        Assert.Equal("still here", await page.EvaluateAsync<string>("() => window.statusPageMarker"));
        browserPage.AssertAllResourcesLoaded();
        await Accessibility.ScanAtEachWidthAsync(browserPage, "consortium status page");

        // The heatmap's link opens the readiness tab with that domain expanded and scrolled to.
        await page.GotoAsync("/consortia/00G?tab=readiness&domain=governance");
        await Expect(page.Locator(".app-status[data-live=true]")).ToHaveCountAsync(1);
        await Expect(page.GetByRole(AriaRole.Tab, new() { Name = "Readiness" })).ToHaveAttributeAsync("aria-selected", "true");
        await Expect(page.Locator("#domain-governance ul[data-domain=governance]")).ToBeVisibleAsync();
        await Expect(page.Locator("#domain-governance")).ToBeInViewportAsync();
        await Accessibility.ScanAtEachWidthAsync(browserPage, "consortium status page, readiness tab");

        // The history page: a row opens that assessment's answers and evidence, in the circuit.
        await page.SetViewportSizeAsync(1280, 900);
        await page.GotoAsync("/consortia/00G/history");
        await Expect(page.Locator(".app-history[data-live=true]")).ToHaveCountAsync(1);
        await page.EvaluateAsync("() => { window.historyPageMarker = 'still here'; }");
        var rows = page.GetByRole(AriaRole.Table, new() { Name = "Submitted assessments, newest first" }).Locator("tbody tr");
        await rows.First.GetByRole(AriaRole.Link, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Show answers") }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/consortia/00G/history\\?assessment=[0-9]+$"));
        var answers = page.Locator(".app-answers");
        await Expect(answers).ToBeVisibleAsync();
        Assert.True(await answers.Locator(".app-answer").CountAsync() >= 30, "The open assessment does not list its criteria.");

        // What changed since the assessment before it: the changed criteria, counted; a switch shows every answer.
        var changes = answers.Locator("section.app-changes");
        var date = @"\d{1,2} [A-Z][a-z]+ \d{4}";
        await Expect(changes.GetByRole(AriaRole.Heading, new() { Level = 2, NameRegex = new System.Text.RegularExpressions.Regex($"^What changed since {date}$") })).ToBeVisibleAsync();
        await Expect(changes.GetByRole(AriaRole.Table, new() { NameRegex = new System.Text.RegularExpressions.Regex($"^Domain scores on {date} and in this assessment$") }).Locator("tbody tr")).ToHaveCountAsync(8);
        var count = changes.Locator(".app-changes__count");
        await Expect(count).ToHaveTextAsync(new System.Text.RegularExpressions.Regex($@"^\s*\d+ criteri(on|a) of \d+ changed since {date}\.\s*$"));
        var changed = int.Parse(await count.GetAttributeAsync("data-changed") ?? "", System.Globalization.CultureInfo.InvariantCulture);
        var changedOnly = changes.GetByRole(AriaRole.Table, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Answers changed since") });
        await Expect(changedOnly.Locator("tbody tr")).ToHaveCountAsync(changed);
        await changes.GetByText("Show every answer, not only the changes").ClickAsync();
        var every = changes.GetByRole(AriaRole.Table, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Every answer, compared with") });
        await Expect(every.Locator("tbody tr")).ToHaveCountAsync(await answers.Locator(".app-answer").CountAsync());
        await Expect(every.Locator("tbody tr.app-change--changed")).ToHaveCountAsync(changed);
        Assert.Equal("still here", await page.EvaluateAsync<string>("() => window.historyPageMarker"));
        await Accessibility.ScanAtEachWidthAsync(browserPage, "assessment history page with an assessment open and every answer compared");

        // Opened from the address (a bookmark), the prerendered changes carry over into the live page and still switch.
        await page.ReloadAsync();
        await Expect(page.Locator(".app-history[data-live=true]")).ToHaveCountAsync(1);
        await Expect(count).ToHaveAttributeAsync("data-changed", changed.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await Expect(every).ToHaveCountAsync(0);
        await changes.GetByText("Show every answer, not only the changes").ClickAsync();
        await Expect(every.Locator("tbody tr")).ToHaveCountAsync(await answers.Locator(".app-answer").CountAsync());

        await page.GotoAsync("/consortia/00G/actions");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Support actions");
        await Expect(page.Locator(".app-actions[data-live=true]")).ToHaveCountAsync(1);
        await Accessibility.ScanAtEachWidthAsync(browserPage, "support actions page");
        browserPage.AssertAllResourcesLoaded();

        if (ScreenshotFolder is not null)
        {
            Directory.CreateDirectory(ScreenshotFolder);
            await page.SetViewportSizeAsync(1280, 900);
            await page.GotoAsync("/consortia/00G");
            await page.ScreenshotAsync(new() { Path = Path.Combine(ScreenshotFolder, "status-page.png"), FullPage = false });
            await page.GotoAsync("/consortia/00G?tab=history");
            await Expect(page.Locator(".app-status[data-live=true]")).ToHaveCountAsync(1);
            await page.Locator(".app-chart").ScreenshotAsync(new() { Path = Path.Combine(ScreenshotFolder, "status-page-history.png") });
            await page.SetViewportSizeAsync(375, 800);
            await page.GotoAsync("/consortia/00G");
            await page.ScreenshotAsync(new() { Path = Path.Combine(ScreenshotFolder, "status-page-375.png"), FullPage = true });
        }
    }

    // axe at 1,280 and 375 px; at 375 px nothing may be wider than the screen.
}
