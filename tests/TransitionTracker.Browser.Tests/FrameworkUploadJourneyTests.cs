using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using TransitionTracker.Data.Seeding;
using TransitionTracker.Domain.Frameworks;
using static Microsoft.Playwright.Assertions;

namespace TransitionTracker.Browser.Tests;

/// <summary>
/// An administrator uploads a framework file with a mistake, reads where it is, uploads the corrected file, checks
/// what it changes and publishes it; axe at 1,280 and 375 px on the way.
/// </summary>
/// <remarks>Its own app, as publishing a new version changes the framework that other classes' pages score against.</remarks>
public sealed class FrameworkUploadJourneyTests(BrowserAppFixture app) : IClassFixture<BrowserAppFixture>
{
    private const string Id = "gp-consortium-readiness-2010";

    [BrowserFact]
    public async Task An_administrator_corrects_a_bad_file_checks_the_changes_and_publishes_it()
    {
        await using var browserPage = await app.NewPageAsync();
        var page = browserPage.Page;
        await page.SetViewportSizeAsync(1280, 900);
        await SignIn.AsAsync(page, DemoAccountSeeder.Administrator);
        await page.GotoAsync("/admin/frameworks");

        // A link clicked while the page is still becoming live can be lost: click once it is.
        await Expect(page.Locator("main[data-live=true]")).ToBeAttachedAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Upload a framework" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/admin/frameworks/upload$"));
        await Expect(page.Locator(".app-framework-upload[data-live=true]")).ToHaveCountAsync(1);
        await Accessibility.ScanAtEachWidthAsync(browserPage, "upload a framework");

        var edited = JsonNode.Parse(ShippedFrameworks.ReadJson(Id))!.AsObject();
        edited["fastMoverThreshold"] = 120;
        await ChooseAsync(page, edited.ToJsonString());
        await Expect(page.Locator("#file-problems li")).ToHaveCountAsync(1);
        await Expect(page.Locator("#file-problems li")).ToContainTextAsync("$.fastMoverThreshold");
        await Accessibility.ScanAtEachWidthAsync(browserPage, "upload a framework with a problem");

        edited["fastMoverThreshold"] = 80;
        await ChooseAsync(page, edited.ToJsonString());
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Check the framework before publishing");
        await Expect(page.Locator("#framework-changes tbody tr")).ToHaveCountAsync(1);
        await Expect(page.Locator("#framework-changes tbody tr")).ToContainTextAsync("75 → 80");
        await Accessibility.ScanAtEachWidthAsync(browserPage, "a framework's changes before publishing");

        await page.Locator("#publish").ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex($"/admin/frameworks/{Id}\\?version=2$"));
        await Expect(page.Locator(".mud-snackbar", new() { HasText = "Published version 2" })).ToBeVisibleAsync();
        await Expect(page.Locator(".app-framework-settings")).ToContainTextAsync("80");
        browserPage.AssertAllResourcesLoaded();
    }

    private static async Task ChooseAsync(IPage page, string json) =>
        await page.Locator(".app-framework-upload input[type=file]").Last.SetInputFilesAsync(new FilePayload
        {
            Name = "framework.json",
            MimeType = "application/json",
            Buffer = Encoding.UTF8.GetBytes(json),
        });
}
