using System.Text.RegularExpressions;
using Microsoft.Playwright;
using TransitionTracker.Data.Seeding;
using TransitionTracker.TestSupport;
using static Microsoft.Playwright.Assertions;

namespace TransitionTracker.Browser.Tests;

/// <summary>
/// A PCT manager attaches a PDF to an answer in the checklist, sees it listed with its download link (which downloads
/// it, as an attachment), and is told why a PNG named .pdf is refused; axe at 1,280 and 375 px on the way.
/// </summary>
/// <remarks>Its own app, as the journey starts a draft and stores a file.</remarks>
public sealed class EvidenceJourneyTests(BrowserAppFixture app) : IClassFixture<BrowserAppFixture>
{
    private const string Checklist = "/consortia/00H/assessments/gp-consortium-readiness-2010";

    [BrowserFact]
    public async Task Pct_manager_attaches_a_pdf_to_an_answer_and_sees_it_listed_with_a_download_link()
    {
        await using var browserPage = await app.NewPageAsync();
        var page = browserPage.Page;
        await page.SetViewportSizeAsync(1280, 900);
        await SignIn.AsAsync(page, DemoAccountSeeder.PctManager("5D7"));
        await page.GotoAsync(Checklist);
        await Expect(page.Locator(".app-checklist[data-live=true]")).ToHaveCountAsync(1, new() { Timeout = 15_000 });
        var start = page.GetByRole(AriaRole.Button, new() { Name = "Start a new assessment" });
        if (await start.CountAsync() > 0)
        {
            await start.ClickAsync();
        }

        // The first criterion of the section the checklist opens.
        var files = page.Locator(".app-evidence-files:visible").First;
        await Expect(files).ToBeVisibleAsync(new() { Timeout = 15_000 });
        var criterion = (await files.GetAttributeAsync("data-criterion"))!;
        var attach = files.GetByRole(AriaRole.Button, new() { Name = $"Attach a file to {criterion}" });
        await Expect(attach).ToBeEnabledAsync();
        await Expect(files.Locator(".app-evidence-files__none")).ToHaveTextAsync("No files attached.");

        await ChooseAsync(files, EvidenceSamples.Pdf("Board minutes, March 2011"), "Board minutes.pdf");

        var link = files.GetByRole(AriaRole.Link, new() { Name = "Board minutes.pdf" });
        await Expect(link).ToBeVisibleAsync();
        await Expect(link).ToHaveAttributeAsync("href", new Regex($"^/api/assessments/[0-9]+/answers/{Regex.Escape(criterion)}/attachments/[0-9]+$"));
        await Expect(files.Locator(".app-evidence-files__list li")).ToContainTextAsync("PDF document");
        await Expect(page.Locator(".mud-snackbar", new() { HasText = $"Attached Board minutes.pdf to {criterion}" })).ToBeVisibleAsync();
        // The scan waits for the snackbar to go: axe reads its text mid-fade as too faint.
        await Expect(page.Locator(".mud-snackbar")).ToHaveCountAsync(0, new() { Timeout = 15_000 });
        await Accessibility.ScanAtEachWidthAsync(browserPage, "checklist with an evidence file attached");

        // The link downloads the file itself, as an attachment the browser never shows in the app's origin.
        var download = await page.Context.APIRequest.GetAsync((await link.GetAttributeAsync("href"))!);
        Assert.Equal(200, download.Status);
        Assert.StartsWith("attachment", download.Headers["content-disposition"], StringComparison.Ordinal);
        Assert.Equal("nosniff", download.Headers["x-content-type-options"]);
        Assert.Equal("application/pdf", download.Headers["content-type"]);
        Assert.Equal(EvidenceSamples.Pdf("Board minutes, March 2011"), await download.BodyAsync());

        // A PNG named .pdf is refused by its content, with the reason beside the files, and nothing is added.
        await ChooseAsync(files, EvidenceSamples.Png(), "scan.pdf");
        await Expect(files.Locator(".app-evidence-files__problem")).ToContainTextAsync("“scan.pdf” is a PNG image, but its name says it is a PDF document");
        await Expect(files.Locator(".app-evidence-files__list li")).ToHaveCountAsync(1);
        await Accessibility.ScanAtEachWidthAsync(browserPage, "checklist with a refused evidence file");
        browserPage.AssertAllResourcesLoaded();
    }

    // MudFileUpload adds a fresh input after each choice: the last is the one in use.
    private static async Task ChooseAsync(ILocator files, byte[] content, string name) =>
        await files.Locator("input[type=file]").Last.SetInputFilesAsync(new FilePayload { Name = name, MimeType = "application/octet-stream", Buffer = content });
}
