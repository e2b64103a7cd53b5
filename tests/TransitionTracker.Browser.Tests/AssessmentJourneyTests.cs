using System.Text.RegularExpressions;
using Microsoft.Playwright;
using TransitionTracker.Data.Seeding;
using static Microsoft.Playwright.Assertions;

namespace TransitionTracker.Browser.Tests;

/// <summary>
/// A PCT manager's readiness assessment from start to submission in the interactive checklist, clicked through in a
/// real browser: answers saved as given, the tab closed and the same draft found again, two browsers on one draft, and
/// every state on the way checked with axe at 1,280 and 375 px.
/// </summary>
/// <remarks>
/// Each journey has its own consortium, both managed by Newcastle PCT (5D7) and both never assessed in this class's
/// own app (<see cref="NeverAssessedConsortiaFixture"/>), so either journey can run first, or alone. The checklist is
/// an interactive page: without JavaScript it shows the draft read-only.
/// </remarks>
public sealed class AssessmentJourneyTests(NeverAssessedConsortiaFixture app) : IClassFixture<NeverAssessedConsortiaFixture>
{
    private const string PctCode = "5D7";
    private const string FrameworkId = "gp-consortium-readiness-2010";
    private const string FrameworkName = "GP consortium transition readiness (2010)";
    private const int CriterionCount = 32;

    // Unanswered criteria count as not started, so two domains answered give 31.8 overall:
    //   clinical leadership: four criteria met, CLE-05 in progress; weights 1, 1.5 (CLE-02), 1, 1, 1
    //     → 100 × (5.5 − 0.5) / 5.5 = 90.9;
    //   governance: GOV-05 not applicable, the rest met → 100.0;
    //   overall, by domain weight: (2 × 90.909 + 2 × 100 + 0 for the other six, weighing 8) / 12 = 31.8.
    private const string NeedsSupport = "Needs support: needs development support and more time";
    private const string OverallScore = "31.8";

    private static readonly string Manager = DemoAccountSeeder.PctManager(PctCode);

    [BrowserFact]
    public async Task Pct_manager_answers_part_closes_the_tab_comes_back_to_the_same_draft_and_submits()
    {
        const string consortiumCode = "00G";
        var checklistPath = $"/consortia/{consortiumCode}/assessments/{FrameworkId}";
        const string LeadershipEvidence = "Signed statements from all member practices, October 2010.";
        const string RegisterEvidence = "Register of interests covers every board member; declarations minuted at each meeting.";
        string consortiumName;

        await using (var browserPage = await app.NewPageAsync())
        {
            var page = browserPage.Page;
            await SignIn.AsAsync(page, Manager);

            // Home → the manager's PCT → the consortium → its readiness checklist, with nothing started yet. Each
            // page is live before its link is followed, so the click is the circuit's, not a half-started page's.
            await LiveAsync(page, "main");
            await page.GetByRole(AriaRole.Table, new() { Name = "Your PCTs" }).GetByRole(AriaRole.Link).ClickAsync();
            await Expect(page).ToHaveURLAsync(PathRegex($"/pcts/{PctCode}"), new() { Timeout = 15_000 });
            await LiveAsync(page, "main");
            var consortiumLink = page.Locator("table tbody tr", new() { HasText = $"({consortiumCode})" }).GetByRole(AriaRole.Link).First;
            consortiumName = (await consortiumLink.TextContentAsync())!.Trim();
            await consortiumLink.ClickAsync();
            await Expect(page.Locator("#track")).ToContainTextAsync("Not assessed yet");
            await LiveAsync(page, "main");
            await page.GetByRole(AriaRole.Link, new() { Name = "Readiness checklist", Exact = true }).ClickAsync();
            await Expect(page).ToHaveURLAsync(PathRegex(checklistPath), new() { Timeout = 15_000 });
            await Expect(page).ToHaveTitleAsync($"{FrameworkName} – {consortiumName} – Transition Tracker");
            await Expect(Heading(page)).ToHaveTextAsync(FrameworkName);
            await LiveAsync(page);
            await Expect(page.GetByText("There is no assessment in progress")).ToBeVisibleAsync();
            await Accessibility.ScanAtEachWidthAsync(browserPage, "readiness checklist before starting");

            // Starting opens the first section; nothing answered, nothing reviewed.
            await page.GetByRole(AriaRole.Button, new() { Name = "Start a new assessment" }).ClickAsync();
            await Expect(page.Locator("#answered-count")).ToHaveTextAsync($"0 of {CriterionCount}");
            await Expect(page.Locator(".app-section-heading")).ToHaveCountAsync(8);
            await page.EvaluateAsync("() => window.appMark = 'still here'");

            // Clinical leadership: each choice moves the live result and is saved without a button.
            var score = page.Locator("#live-score");
            await ChooseAsync(page, "CLE-01", "Met");
            await Expect(score).Not.ToHaveTextAsync("0.0");
            await ChooseAsync(page, "CLE-02", "Met");
            await ChooseAsync(page, "CLE-03", "Met");
            await ChooseAsync(page, "CLE-04", "Met");
            await ChooseAsync(page, "CLE-05", "In progress");
            await page.GetByLabel("Evidence for CLE-01 (optional)").FillAsync(LeadershipEvidence);
            await Expect(page.Locator("#save-state")).ToHaveTextAsync("Saved");
            await Expect(Section(page, "clinical-leadership")).ToContainTextAsync("reviewed 5 of 5; score 90.9, floor 50");
            await Expect(Section(page, "clinical-leadership")).ToContainTextAsync("Complete");
            await Accessibility.ScanAtEachWidthAsync(browserPage, "readiness checklist with one section answered");

            // Governance: the essential GOV-02 marked not applicable is refused beside the answer, and kept on screen.
            await Section(page, "governance").ClickAsync();
            await ChooseAsync(page, "GOV-01", "Met");
            await ChooseAsync(page, "GOV-02", "Not applicable");
            const string EssentialProblem = "Criterion GOV-02 is essential, so it cannot be marked not_applicable";
            await Expect(page.Locator("#GOV-02-error")).ToHaveTextAsync("Error: " + EssentialProblem);
            await Expect(Criterion(page, "GOV-02")).ToHaveAccessibleDescriptionAsync(new Regex(Regex.Escape(EssentialProblem) + "$"));
            await Expect(Radio(page, "GOV-02", "Not applicable")).ToBeCheckedAsync();
            await Expect(page.Locator("#save-state")).ToContainTextAsync("Not saved");
            await Accessibility.ScanAtEachWidthAsync(browserPage, "readiness checklist showing a refused answer");

            // Putting it right saves it; the other answers are saved as given.
            await ChooseAsync(page, "GOV-02", "Met");
            await ChooseAsync(page, "GOV-03", "Met");
            await ChooseAsync(page, "GOV-04", "Met");
            await ChooseAsync(page, "GOV-05", "Not applicable");
            await page.GetByLabel("Evidence for GOV-02 (optional)").FillAsync(RegisterEvidence);

            // Typing is taken once it pauses, and saved: within a second of the last key.
            await page.WaitForTimeoutAsync(1_000);
            await Expect(page.Locator("#save-state")).ToHaveTextAsync("Saved");
            await Expect(page.Locator("#GOV-02-error")).ToHaveCountAsync(0);
            await Expect(score).ToHaveTextAsync(OverallScore);
            await Expect(page.Locator("#live-result .app-track-headline")).ToHaveTextAsync(NeedsSupport);
            Assert.Equal("still here", await page.EvaluateAsync<string>("() => window.appMark"));
            browserPage.AssertAllResourcesLoaded();

            // The tab is closed.
        }

        await using (var browserPage = await app.NewPageAsync())
        {
            // Coming back: the same draft, exactly as left.
            var page = browserPage.Page;
            await SignIn.AsAsync(page, Manager);
            await page.GotoAsync(checklistPath + "?domain=governance");
            await LiveAsync(page);
            await Expect(page.Locator("#answered-count")).ToHaveTextAsync($"10 of {CriterionCount}");
            await Expect(page.Locator("#live-score")).ToHaveTextAsync(OverallScore);
            await Expect(Radio(page, "GOV-02", "Met")).ToBeCheckedAsync();
            await Expect(Radio(page, "GOV-05", "Not applicable")).ToBeCheckedAsync();
            await Expect(page.GetByLabel("Evidence for GOV-02 (optional)")).ToHaveValueAsync(RegisterEvidence);
            await Section(page, "clinical-leadership").ClickAsync();
            await Expect(Radio(page, "CLE-05", "In progress")).ToBeCheckedAsync();
            await Expect(page.GetByLabel("Evidence for CLE-01 (optional)")).ToHaveValueAsync(LeadershipEvidence);

            // Submitting shows the result that will be stored first.
            await page.GetByRole(AriaRole.Button, new() { Name = "Check and submit" }).ClickAsync();
            var dialog = page.GetByRole(AriaRole.Dialog);
            await Expect(dialog).ToContainTextAsync("Submit this assessment?");
            await Expect(dialog).ToContainTextAsync(NeedsSupport);
            await Expect(dialog).ToContainTextAsync($"Overall score {OverallScore}; a fast mover needs 75 or more.");
            await Expect(dialog).ToContainTextAsync($"The overall score {OverallScore} is below the 75 a fast mover needs.");
            await Accessibility.ScanAtEachWidthAsync(browserPage, "submit dialog");
            await dialog.GetByRole(AriaRole.Button, new() { Name = "Submit assessment" }).ClickAsync();

            await Expect(page).ToHaveURLAsync(new Regex($"/consortia/{consortiumCode}/history\\?submitted=[0-9]+$"));
            var panel = page.Locator(".app-submitted");
            await Expect(panel.Locator(".app-submitted__body")).ToHaveTextAsync($"{NeedsSupport}, with an overall score of {OverallScore}.");
            var history = page.GetByRole(AriaRole.Table, new() { Name = "Submitted assessments, newest first" });
            await Expect(history.Locator("tbody tr").First.Locator("td")).ToHaveTextAsync(
                [new Regex(@"^\d{1,2} [A-Z][a-z]{2,3} \d{4}$"), Exactly($"{FrameworkId} v1"), Exactly(OverallScore), Exactly("Needs support"), Exactly(Manager), new Regex(@"^\s*Show answers")]);
            await Accessibility.ScanAtEachWidthAsync(browserPage, "assessment history after submitting");

            // The consortium page now leads with the new track.
            await page.GotoAsync($"/consortia/{consortiumCode}");
            await Expect(page.Locator("#track")).ToContainTextAsync(NeedsSupport);
            await Expect(page.Locator("#track")).ToContainTextAsync($"Overall score {OverallScore}; a fast mover needs 75 or more.");
            browserPage.AssertAllResourcesLoaded();
        }
    }

    [BrowserFact]
    public async Task Two_browsers_on_one_draft_see_each_others_saves_and_settle_a_clash_answer_by_answer()
    {
        const string consortiumCode = "00H";
        var checklistPath = $"/consortia/{consortiumCode}/assessments/{FrameworkId}?domain=governance";
        await using var first = await app.NewPageAsync();
        await using var second = await app.NewPageAsync();
        await SignIn.AsAsync(first.Page, Manager);
        await SignIn.AsAsync(second.Page, Manager);
        await first.Page.GotoAsync(checklistPath);
        await LiveAsync(first.Page);
        await first.Page.GetByRole(AriaRole.Button, new() { Name = "Start a new assessment" }).ClickAsync();
        await Expect(first.Page.Locator("#answered-count")).ToHaveTextAsync($"0 of {CriterionCount}");
        await second.Page.GotoAsync(checklistPath);
        await LiveAsync(second.Page);

        // A save in one browser is shown in the other at once, naming what changed.
        await ChooseAsync(second.Page, "GOV-01", "In progress");
        await Expect(second.Page.Locator("#save-state")).ToHaveTextAsync("Saved");
        await Expect(first.Page.Locator("#others-changes")).ToContainTextAsync("GOV-01");
        await Expect(Radio(first.Page, "GOV-01", "In progress")).ToBeCheckedAsync();

        // Both change the same answer differently at the same moment: whichever save lands second is held back as a
        // clash in that browser. (If one browser happened to read the other's save first, it saved over it knowingly:
        // try the next.)
        var clashed = false;
        foreach (var criterion in new[] { "GOV-02", "GOV-03", "GOV-04" })
        {
            await Task.WhenAll(ChooseAsync(second.Page, criterion, "In progress"), ChooseAsync(first.Page, criterion, "Met"));
            var held = await ClashShownAsync(first, criterion) ?? await ClashShownAsync(second, criterion);
            if (held is null)
            {
                continue;
            }

            clashed = true;
            var (mine, other) = held == first ? ("Met", second) : ("In progress", first);
            var clashes = held.Page.Locator("#clashes");
            await Expect(clashes).ToContainTextAsync($"yours is {mine}");
            await Expect(held.Page.Locator("#save-state")).ToContainTextAsync("Not saved");
            await Accessibility.ScanAtEachWidthAsync(held, "readiness checklist showing a clash");
            await clashes.GetByRole(AriaRole.Button, new() { Name = $"Keep mine for {criterion}" }).ClickAsync();
            await Expect(held.Page.Locator("#clashes")).ToHaveCountAsync(0);
            await Expect(held.Page.Locator("#save-state")).ToHaveTextAsync("Saved");
            await Expect(Radio(other.Page, criterion, mine)).ToBeCheckedAsync();
            break;
        }

        Assert.True(clashed, "The two browsers never changed the same answer between two looks for the other's saves.");
        first.AssertAllResourcesLoaded();
        second.AssertAllResourcesLoaded();
    }

    /// <summary>The browser if it shows a clash on this criterion within a few seconds; null if it does not.</summary>
    private static async Task<BrowserPage?> ClashShownAsync(BrowserPage browser, string criterionId)
    {
        try
        {
            await Expect(browser.Page.Locator("#clashes")).ToContainTextAsync(criterionId, new() { Timeout = 3_000 });
            return browser;
        }
        catch (PlaywrightException)
        {
            return null;
        }
    }

    /// <summary>Waits until the checklist's circuit is live: only then do its controls act.</summary>
    private static Task LiveAsync(IPage page, string what = ".app-checklist") =>
        Expect(page.Locator($"{what}[data-live=true]")).ToHaveCountAsync(1, new() { Timeout = 15_000 });

    /// <summary>Chooses an answer to a criterion by clicking the radio labelled with it, in that criterion's fieldset.</summary>
    // A click, then a wait until it shows checked: the server's render of an earlier answer may briefly show the radio
    // as it was, which a check (that asserts the state at once) would report as a failed click. A click that has not
    // taken after 5 s is made once more, as a user would: on a machine at full load it can land while the render of
    // the answer before it (its save state, its section's progress) moves the layout under the pointer.
    private static async Task ChooseAsync(IPage page, string criterionId, string answer)
    {
        var radio = Radio(page, criterionId, answer);
        await radio.ClickAsync();
        try
        {
            await Expect(radio).ToBeCheckedAsync(new() { Timeout = 5_000 });
            return;
        }
        catch (PlaywrightException)
        {
        }

        await radio.ClickAsync();
        await Expect(radio).ToBeCheckedAsync();
    }

    private static ILocator Radio(IPage page, string criterionId, string answer) =>
        Criterion(page, criterionId).GetByLabel(answer, new() { Exact = true });

    /// <summary>A criterion's fieldset, named by its legend, which starts with the criterion's id.</summary>
    private static ILocator Criterion(IPage page, string criterionId) =>
        page.GetByRole(AriaRole.Group, new() { NameRegex = new Regex($"^{Regex.Escape(criterionId)} ") });

    /// <summary>A section's heading, which opens or closes it.</summary>
    private static ILocator Section(IPage page, string domainId) => page.Locator($".app-section-heading[data-domain={domainId}]");

    private static ILocator Heading(IPage page) => page.GetByRole(AriaRole.Heading, new() { Level = 1 });

    /// <summary>The whole address after the host: this path, then exactly this query (or none).</summary>
    private static Regex PathRegex(string path, string query = "") => new($"^https?://[^/]+{Regex.Escape(path + query)}$");

    private static Regex Exactly(string text) => new($"^{Regex.Escape(text)}$");
}
