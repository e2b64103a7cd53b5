using System.Text.RegularExpressions;
using Microsoft.Playwright;
using TransitionTracker.Data.Seeding;
using static Microsoft.Playwright.Assertions;

namespace TransitionTracker.Browser.Tests;

/// <summary>
/// The transition plan, the conflicts-of-interest register and the lessons of one consortium (Solihull, 05P: three
/// declared interests and four lessons in the demo data): read by its PCT manager, the register and lessons searched
/// and sorted without a page load; each page checked with axe and for width at 1,280 and 375 px, and read by the
/// consortium's lead and its regional lead too.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed partial class PlanRegisterLessonsTests(BrowserAppFixture app)
{
    private const string Code = "05P";
    private const string ConsortiumName = "Solihull GP commissioning consortium";

    [BrowserFact]
    public async Task A_pct_manager_reads_the_plan_and_searches_and_sorts_the_register_and_lessons_without_a_page_load()
    {
        await using var browserPage = await app.NewPageAsync();
        var page = browserPage.Page;
        await page.SetViewportSizeAsync(1280, 900);
        await SignIn.AsAsync(page, DemoAccountSeeder.PctManager("5QW"));

        await OpenAsync(page, "plan", "Transition plan");
        browserPage.AssertAllResourcesLoaded();
        await Accessibility.ScanAtEachWidthAsync(browserPage, "transition plan");

        // The register: search, then sort by person, in place.
        await OpenAsync(page, "register", "Conflicts of interest register");
        var interests = page.Locator(".app-register-grid tbody tr");
        await Expect(interests).ToHaveCountAsync(3);
        await Expect(page.Locator(".app-register-grid a", new() { HasText = "Change" })).ToHaveCountAsync(3);
        await Accessibility.ScanAtEachWidthAsync(browserPage, "register");
        await page.EvaluateAsync("() => window.appMark = 'still here'");

        await SearchAsync(page, "Search by person, interest or how it is managed", "Singh");
        await Expect(interests).ToHaveCountAsync(2);
        await Expect(page.Locator(".app-grid-summary")).ToContainTextAsync("2 of 3 entries match");
        await SortAsync(page, ".app-register-grid", "Person");
        await Expect(page).ToHaveURLAsync(new Regex("q=Singh.*sort=person|sort=person.*q=Singh"));
        await Expect(interests).ToHaveCountAsync(2);
        Assert.Equal("still here", await page.EvaluateAsync<string>("() => window.appMark"));
        await Accessibility.ScanAtEachWidthAsync(browserPage, "register searched and sorted");

        // The lessons: search, then sort by title, in place.
        await OpenAsync(page, "lessons", "Lessons");
        var lessons = page.Locator(".app-lesson-grid tbody tr");
        await Expect(lessons).ToHaveCountAsync(4);
        await Accessibility.ScanAtEachWidthAsync(browserPage, "lessons");
        await page.EvaluateAsync("() => window.appMark = 'still here'");

        await SearchAsync(page, "Search lessons by title, text, writer or domain", "the");
        await SortAsync(page, ".app-lesson-grid", "Lesson");
        await Expect(page).ToHaveURLAsync(new Regex("q=the.*sort=title|sort=title.*q=the"));
        var titles = await GridOrder.ReadSortedAsync(lessons.Locator(".app-lesson-title"));
        Assert.NotEmpty(titles);
        Assert.Equal(titles.Order(StringComparer.OrdinalIgnoreCase), titles);
        Assert.Equal("still here", await page.EvaluateAsync<string>("() => window.appMark"));
        browserPage.AssertAllResourcesLoaded();
        await Accessibility.ScanAtEachWidthAsync(browserPage, "lessons searched and sorted");
    }

    [BrowserFact]
    public async Task The_consortium_lead_and_the_regional_lead_read_the_three_pages()
    {
        foreach (var (email, who) in new[] { (DemoAccountSeeder.ConsortiumLead(Code), "consortium lead"), (DemoAccountSeeder.Regional("Q34"), "regional lead") })
        {
            await using var browserPage = await app.NewPageAsync();
            var page = browserPage.Page;
            await page.SetViewportSizeAsync(1280, 900);
            await SignIn.AsAsync(page, email);

            await OpenAsync(page, "plan", "Transition plan");
            await Accessibility.ScanAtEachWidthAsync(browserPage, $"transition plan for a {who}");
            await OpenAsync(page, "register", "Conflicts of interest register");
            await Expect(page.Locator(".app-register-grid tbody tr")).ToHaveCountAsync(3);
            await Accessibility.ScanAtEachWidthAsync(browserPage, $"register for a {who}");
            await OpenAsync(page, "lessons", "Lessons");
            await Expect(page.Locator(".app-lesson-grid tbody tr")).ToHaveCountAsync(4);
            await Accessibility.ScanAtEachWidthAsync(browserPage, $"lessons for a {who}");
            browserPage.AssertAllResourcesLoaded();
        }
    }

    /// <summary>Opens one of the consortium's pages and waits until its circuit is live.</summary>
    private static async Task OpenAsync(IPage page, string path, string heading)
    {
        await page.GotoAsync($"/consortia/{Code}/{path}");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(heading);
        await Expect(page.Locator(".app-caption")).ToContainTextAsync(ConsortiumName);
        await Expect(page.Locator("main[data-live=true]")).ToHaveCountAsync(1);
    }

    private static async Task SearchAsync(IPage page, string label, string text)
    {
        await page.GetByLabel(label).FillAsync(text);
        await Expect(page).ToHaveURLAsync(new Regex($"q={text}"));
    }

    private static Task SortAsync(IPage page, string grid, string column) =>
        page.Locator($"{grid} th", new() { HasText = column }).GetByRole(AriaRole.Button, new() { Name = "Sort" }).ClickAsync();
}

/// <summary>
/// Solihull's PCT manager declares an interest, changes it, and records a lesson through the interactive editors: an
/// incomplete entry is refused beside each field, then completed and saved, with a confirmation and the row listed; axe
/// at 1,280 and 375 px on the way.
/// </summary>
/// <remarks>Its own app, as it adds a row to 05P's register and lessons, which the class above counts.</remarks>
public sealed class RegisterAndLessonEditorTests(BrowserAppFixture app) : IClassFixture<BrowserAppFixture>
{
    private const string Code = "05P";

    [BrowserFact]
    public async Task A_pct_manager_declares_an_interest_and_records_a_lesson()
    {
        await using var browserPage = await app.NewPageAsync();
        var page = browserPage.Page;
        await page.SetViewportSizeAsync(1280, 900);
        await SignIn.AsAsync(page, DemoAccountSeeder.PctManager("5QW"));

        // The register → its editor, live before anything is typed.
        await page.GotoAsync($"/consortia/{Code}/register");
        await Expect(page.Locator("main[data-live=true]")).ToHaveCountAsync(1);
        await page.GetByRole(AriaRole.Link, new() { Name = "Add a declared interest" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex($"/consortia/{Code}/register/new$"));
        await Expect(page.Locator(".app-interest-editor[data-live=true]")).ToHaveCountAsync(1);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Add a declared interest");
        await Accessibility.ScanAtEachWidthAsync(browserPage, "new declared interest");

        // Only the name typed: every other field says what it needs, and the name stays.
        await page.GetByLabel("Name", new() { Exact = true }).FillAsync("Dr K Browser, board GP");
        await page.Locator("#save-interest").ClickAsync();
        await Expect(page.Locator("#interest-error")).ToContainTextAsync("Enter the interest declared");
        await Expect(page.Locator("#declared-date-error")).ToContainTextAsync("Enter the date declared");
        await Expect(page.Locator("#management-error")).ToContainTextAsync("Enter how the conflict is managed");
        await Expect(page.GetByLabel("Name", new() { Exact = true })).ToHaveValueAsync("Dr K Browser, board GP");
        await Accessibility.ScanAtEachWidthAsync(browserPage, "declared interest with problems");

        await page.GetByLabel("Interest", new() { Exact = true }).FillAsync("Shareholder in a community physiotherapy provider");
        var date = page.GetByLabel("Date declared");
        await date.FillAsync("14/02/2011");
        await date.PressAsync("Tab");
        await page.GetByLabel("How it is managed").FillAsync("Withdraws from physiotherapy decisions");
        await page.Locator("#save-interest").ClickAsync();

        await Expect(page.Locator(".mud-snackbar")).ToContainTextAsync("Declared interest added: Dr K Browser, board GP");
        await Expect(page).ToHaveURLAsync(new Regex($"/consortia/{Code}/register$"));
        var row = page.Locator(".app-register-grid tbody tr", new() { HasText = "Dr K Browser, board GP" });
        await Expect(row).ToContainTextAsync("14 February 2011");
        await Expect(row).ToContainTextAsync("Withdraws from physiotherapy decisions");

        // The entry changed through its own editor, which opens with it as stored.
        await row.GetByRole(AriaRole.Link).ClickAsync();
        await Expect(page.Locator(".app-interest-editor[data-live=true]")).ToHaveCountAsync(1);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Change a declared interest");
        await Expect(page.GetByLabel("Date declared")).ToHaveValueAsync("14/02/2011");
        // Scanned once the confirmation has faded away (axe reads a fading colour as too faint).
        await Expect(page.Locator(".mud-snackbar")).ToHaveCountAsync(0, new() { Timeout = 15_000 });
        await Accessibility.ScanAtEachWidthAsync(browserPage, "declared interest to change");
        await page.GetByLabel("How it is managed").FillAsync("Leaves the room for physiotherapy decisions");
        await page.Locator("#save-interest").ClickAsync();
        await Expect(page.Locator(".mud-snackbar", new() { HasText = "Declared interest changed" })).ToHaveCountAsync(1);
        await Expect(row).ToContainTextAsync("Leaves the room for physiotherapy decisions");

        // The lessons → the lesson editor.
        await page.GotoAsync($"/consortia/{Code}/lessons");
        await Expect(page.Locator("main[data-live=true]")).ToHaveCountAsync(1);
        await page.GetByRole(AriaRole.Link, new() { Name = "Write a lesson" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex($"/consortia/{Code}/lessons/new$"));
        await Expect(page.Locator(".app-lesson-editor[data-live=true]")).ToHaveCountAsync(1);
        await Accessibility.ScanAtEachWidthAsync(browserPage, "new lesson");

        await page.Locator("#add-lesson").ClickAsync();
        await Expect(page.Locator("#domain-error")).ToContainTextAsync("Select the domain the lesson is about");
        await Expect(page.Locator("#title-error")).ToContainTextAsync("Enter a title for the lesson");
        await Accessibility.ScanAtEachWidthAsync(browserPage, "lesson with problems");

        await page.GetByRole(AriaRole.Radio, new() { Name = "Workforce and skills transfer" }).CheckAsync();
        await page.GetByLabel("Title", new() { Exact = true }).FillAsync("Browser lesson on keeping the practice managers");
        await page.GetByLabel("What you learned").FillAsync("Meet the practice managers monthly from the start.");
        await page.Locator("#add-lesson").ClickAsync();

        await Expect(page.Locator(".mud-snackbar")).ToContainTextAsync("Lesson added: Browser lesson on keeping the practice managers");
        await Expect(page).ToHaveURLAsync(new Regex($"/consortia/{Code}/lessons$"));
        await Expect(page.Locator(".app-lesson-grid .app-lesson-title", new() { HasText = "Browser lesson on keeping the practice managers" })).ToHaveCountAsync(1);
        browserPage.AssertAllResourcesLoaded();
    }
}
