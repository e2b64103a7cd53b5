using System.Text.RegularExpressions;
using Microsoft.Playwright;
using TransitionTracker.Data.Seeding;
using static Microsoft.Playwright.Assertions;

namespace TransitionTracker.Browser.Tests;

/// <summary>
/// A PCT manager's readiness assessment from start to submission, clicked through in a real browser, with and
/// without JavaScript, and every page on the way checked with axe.
/// </summary>
/// <remarks>
/// Each journey has its own consortium, both managed by Newcastle PCT (5D7) and both never assessed in this class's
/// own app (<see cref="NeverAssessedConsortiaFixture"/>), so either journey can run first, or alone.
/// </remarks>
public sealed class AssessmentJourneyTests(NeverAssessedConsortiaFixture app) : IClassFixture<NeverAssessedConsortiaFixture>
{
    private const string PctCode = "5D7";
    private const string FrameworkId = "gp-consortium-readiness-2010";
    private const string FrameworkName = "GP consortium transition readiness (2010)";
    private const string ClinicalLeadership = "Clinical leadership and member engagement";
    private const string Governance = "Governance and accountability";
    private const int DomainCount = 8;
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
    public Task Pct_manager_answers_two_domains_checks_and_submits_and_sees_the_new_track() =>
        WalkTheJourneyAsync("00G", javaScript: true);

    [BrowserFact]
    public Task Pct_manager_answers_two_domains_checks_and_submits_and_sees_the_new_track_without_javascript() =>
        WalkTheJourneyAsync("00H", javaScript: false);

    private async Task WalkTheJourneyAsync(string consortiumCode, bool javaScript)
    {
        await using var browserPage = await app.NewPageAsync(javaScriptEnabled: javaScript);
        var page = browserPage.Page;
        var checklistPath = $"/consortia/{consortiumCode}/assessments/{FrameworkId}";

        // Checks that the page ran its scripts or not, as the browser is set, then scans it with axe.
        async Task ScanAsync(string pageName)
        {
            // The NHS.UK frontend's script marks the page when it runs.
            var body = Expect(page.Locator("body"));
            await (javaScript ? body.ToHaveClassAsync(JsEnabled()) : body.Not.ToHaveClassAsync(JsEnabled()));
            await Accessibility.AssertNoViolationsAsync(browserPage, pageName + (javaScript ? "" : " (JavaScript off)"));
        }

        // Sign in through the form.
        await SignIn.AsAsync(page, Manager, () => ScanAsync("sign-in page"));

        // Home → the manager's PCT → the consortium.
        await page.GetByRole(AriaRole.Table, new() { Name = "Your PCTs" }).GetByRole(AriaRole.Link).ClickAsync();
        await Expect(page).ToHaveURLAsync(PathRegex($"/pcts/{PctCode}"));
        var consortiumRow = page.Locator("table tbody tr", new() { HasText = $"({consortiumCode})" });
        var consortiumLink = consortiumRow.GetByRole(AriaRole.Link).First;
        var consortiumName = (await consortiumLink.TextContentAsync())!.Trim();
        await consortiumLink.ClickAsync();
        await Expect(page).ToHaveURLAsync(PathRegex($"/consortia/{consortiumCode}"));
        await Expect(Heading(page)).ToHaveTextAsync(consortiumName);
        await Expect(page.Locator("#track")).ToContainTextAsync("Not assessed yet");
        await ScanAsync("consortium page");

        // The readiness checklist, with nothing started yet.
        await page.GetByRole(AriaRole.Link, new() { Name = "Readiness checklist", Exact = true }).ClickAsync();
        await Expect(page).ToHaveURLAsync(PathRegex(checklistPath));
        await Expect(page).ToHaveTitleAsync($"Readiness checklist – {consortiumName} – Transition Tracker");
        await Expect(Heading(page)).ToHaveTextAsync(FrameworkName);
        await Expect(page.GetByText("There is no assessment in progress for this consortium.")).ToBeVisibleAsync();

        // Starting one shows the NHS task list: one row per domain, none started.
        await page.GetByRole(AriaRole.Button, new() { Name = "Start a new assessment" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(PathRegex(checklistPath));
        await Expect(page.Locator(".nhsuk-task-list__item")).ToHaveCountAsync(DomainCount);
        await Expect(page.GetByText($"Answered 0 of {CriterionCount} criteria.")).ToBeVisibleAsync();
        await Expect(TaskStatus(page, ClinicalLeadership)).ToHaveTextAsync("Not started");
        await Expect(TaskStatus(page, Governance)).ToHaveTextAsync("Not started");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Start a new assessment" })).ToHaveCountAsync(0);
        await ScanAsync("readiness checklist task list");

        // Clinical leadership: radios chosen by their labels, evidence typed in, then saved.
        await page.GetByRole(AriaRole.Link, new() { Name = ClinicalLeadership, Exact = true }).ClickAsync();
        await Expect(page).ToHaveURLAsync(PathRegex($"{checklistPath}/domains/clinical-leadership"));
        await Expect(Heading(page)).ToHaveTextAsync(ClinicalLeadership);
        await Expect(page.GetByRole(AriaRole.Group)).ToHaveCountAsync(5);
        await ScanAsync("clinical leadership domain page");
        await ChooseAsync(page, "CLE-01", "Met");
        await ChooseAsync(page, "CLE-02", "Met");
        await ChooseAsync(page, "CLE-03", "Met");
        await ChooseAsync(page, "CLE-04", "Met");
        await ChooseAsync(page, "CLE-05", "In progress");
        await page.GetByLabel("Evidence for CLE-01 (optional)").FillAsync("Signed statements from all member practices, October 2010.");
        await page.GetByLabel("Evidence for CLE-05 (optional)").FillAsync("Two leads booked on the SHA leadership programme.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save and return" }).ClickAsync();

        await Expect(page).ToHaveURLAsync(PathRegex(checklistPath, "?saved=true"));
        await Expect(page.GetByText("Your answers have been saved.")).ToBeVisibleAsync();
        await Expect(TaskStatus(page, ClinicalLeadership)).ToHaveTextAsync("Completed");
        await Expect(TaskHint(page, ClinicalLeadership)).ToHaveTextAsync("5 criteria; score 90.9 (floor 50)");
        await Expect(TaskStatus(page, Governance)).ToHaveTextAsync("Not started");

        // Governance: marking the essential GOV-02 not applicable is refused with the NHS error summary.
        await page.GetByRole(AriaRole.Link, new() { Name = Governance, Exact = true }).ClickAsync();
        await Expect(page).ToHaveURLAsync(PathRegex($"{checklistPath}/domains/governance"));
        await Expect(Heading(page)).ToHaveTextAsync(Governance);
        await ChooseAsync(page, "GOV-01", "Met");
        await ChooseAsync(page, "GOV-02", "Not applicable");
        await ChooseAsync(page, "GOV-03", "Met");
        await ChooseAsync(page, "GOV-04", "Met");
        await ChooseAsync(page, "GOV-05", "Not applicable");
        const string RegisterEvidence = "Register of interests covers every board member; declarations minuted at each meeting.";
        await page.GetByLabel("Evidence for GOV-02 (optional)").FillAsync(RegisterEvidence);
        await page.GetByRole(AriaRole.Button, new() { Name = "Save and return" }).ClickAsync();

        const string EssentialProblem = "Criterion GOV-02 is essential, so it cannot be marked not_applicable";
        await Expect(page).ToHaveTitleAsync($"Error: {Governance} – {consortiumName} – Transition Tracker");
        var summary = page.Locator(".nhsuk-error-summary");
        await Expect(summary.GetByRole(AriaRole.Heading, new() { Name = "There is a problem" })).ToBeVisibleAsync();
        var summaryLink = summary.GetByRole(AriaRole.Link, new() { Name = EssentialProblem });
        await Expect(summaryLink).ToHaveAttributeAsync("href", "#GOV-02");
        await Expect(page.Locator("#GOV-02-error")).ToHaveTextAsync("Error: " + EssentialProblem);
        await Expect(Criterion(page, "GOV-02")).ToHaveAccessibleDescriptionAsync(new Regex(@"Error:\s+" + Regex.Escape(EssentialProblem) + "$"));
        await Expect(Radio(page, "GOV-02", "Not applicable")).ToBeCheckedAsync();
        await Expect(Radio(page, "GOV-05", "Not applicable")).ToBeCheckedAsync();
        await Expect(page.GetByLabel("Evidence for GOV-02 (optional)")).ToHaveValueAsync(RegisterEvidence);
        if (javaScript)
        {
            // The NHS.UK frontend moves focus to the summary, and its links to the field in question.
            await Expect(summary).ToBeFocusedAsync();
            await summaryLink.ClickAsync();
            await Expect(page.Locator("#GOV-02")).ToBeFocusedAsync();
        }

        await ScanAsync("governance domain page showing its error summary");

        // Putting it right saves the section.
        await ChooseAsync(page, "GOV-02", "Met");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save and return" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(PathRegex(checklistPath, "?saved=true"));
        await Expect(TaskStatus(page, ClinicalLeadership)).ToHaveTextAsync("Completed");
        await Expect(TaskStatus(page, Governance)).ToHaveTextAsync("Completed");
        await Expect(TaskHint(page, Governance)).ToHaveTextAsync("5 criteria; score 100.0 (floor 60)");
        await Expect(page.Locator(".nhsuk-task-list__status", new() { HasText = "Not started" })).ToHaveCountAsync(DomainCount - 2);
        await Expect(page.GetByText($"Answered 10 of {CriterionCount} criteria.")).ToBeVisibleAsync();

        // Check answers: the result it would give, and every answer with its evidence.
        await page.GetByRole(AriaRole.Button, new() { Name = "Check answers and submit" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(PathRegex($"{checklistPath}/check"));
        await Expect(page).ToHaveTitleAsync($"Check your answers – {consortiumName} – Transition Tracker");
        await Expect(Heading(page)).ToHaveTextAsync("Check your answers before submitting");
        var card = page.Locator(".nhsuk-card");
        await Expect(card).ToContainTextAsync(NeedsSupport);
        await Expect(card).ToContainTextAsync($"Overall score: {OverallScore} (a fast mover needs 75 or more).");
        await Expect(card).ToContainTextAsync($"The overall score {OverallScore} is below the 75 a fast mover needs.");
        await Expect(AnswerRow(page, "CLE-05")).ToContainTextAsync("In progress");
        await Expect(AnswerRow(page, "CLE-05")).ToContainTextAsync("Two leads booked on the SHA leadership programme.");
        await Expect(AnswerRow(page, "GOV-02")).ToContainTextAsync("Met");
        await Expect(AnswerRow(page, "GOV-02")).ToContainTextAsync(RegisterEvidence);
        await Expect(AnswerRow(page, "GOV-05")).ToContainTextAsync("Not applicable");
        await Expect(AnswerRow(page, "FIN-01")).ToContainTextAsync("Not answered");
        await ScanAsync("check answers page");

        // Submitting shows the new track in words and the assessment at the top of the history.
        await page.GetByRole(AriaRole.Button, new() { Name = "Submit assessment" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex($"/consortia/{consortiumCode}/history\\?submitted=[0-9]+$"));
        await Expect(page).ToHaveTitleAsync($"Assessment history – {consortiumName} – Transition Tracker");
        var panel = page.Locator(".app-submitted");
        await Expect(panel.GetByRole(AriaRole.Heading, new() { Name = "Assessment submitted" })).ToBeVisibleAsync();
        await Expect(panel.Locator(".app-submitted__body")).ToHaveTextAsync($"{NeedsSupport}, with an overall score of {OverallScore}.");
        var history = page.GetByRole(AriaRole.Table, new() { Name = "Submitted assessments, newest first" });
        await Expect(history.Locator("tbody tr", new() { HasText = FrameworkId })).ToHaveCountAsync(1);
        await Expect(history.Locator("tbody tr").First.Locator("td")).ToHaveTextAsync(
            [new Regex(@"^\d{1,2} [A-Z][a-z]{2,3} \d{4}$"), Exactly($"{FrameworkId} v1"), Exactly(OverallScore), Exactly("Needs support"), Exactly(Manager), new Regex(@"^\s*Show answers")]);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Plan support for what stands in the way" })).ToBeVisibleAsync();
        await ScanAsync("assessment history page showing the submitted result");

        // The consortium page now leads with the new track.
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Breadcrumb" }).GetByRole(AriaRole.Link, new() { Name = consortiumName }).ClickAsync();
        await Expect(page).ToHaveURLAsync(PathRegex($"/consortia/{consortiumCode}"));
        var track = page.Locator("#track");
        await Expect(track).ToContainTextAsync(NeedsSupport);
        await Expect(track).ToContainTextAsync($"Overall score {OverallScore}; a fast mover needs 75 or more.");
        await Expect(track).ToContainTextAsync($"by {Manager}");

        browserPage.AssertAllResourcesLoaded();
    }

    /// <summary>Chooses an answer to a criterion by clicking the radio labelled with it, in that criterion's fieldset.</summary>
    private static Task ChooseAsync(IPage page, string criterionId, string answer) => Radio(page, criterionId, answer).CheckAsync();

    private static ILocator Radio(IPage page, string criterionId, string answer) =>
        Criterion(page, criterionId).GetByLabel(answer, new() { Exact = true });

    /// <summary>A criterion's fieldset, named by its legend, which starts with the criterion's id.</summary>
    private static ILocator Criterion(IPage page, string criterionId) =>
        page.GetByRole(AriaRole.Group, new() { NameRegex = new Regex($"^{Regex.Escape(criterionId)} ") });

    private static ILocator TaskRow(IPage page, string domainName) =>
        page.Locator(".nhsuk-task-list__item").Filter(new() { Has = page.GetByRole(AriaRole.Link, new() { Name = domainName, Exact = true }) });

    private static ILocator TaskStatus(IPage page, string domainName) => TaskRow(page, domainName).Locator(".nhsuk-task-list__status");

    private static ILocator TaskHint(IPage page, string domainName) => TaskRow(page, domainName).Locator(".nhsuk-task-list__hint");

    /// <summary>A row of the check-answers summary list, whose key starts with the criterion's id.</summary>
    private static ILocator AnswerRow(IPage page, string criterionId) =>
        page.Locator(".nhsuk-summary-list__row").Filter(new() { Has = page.Locator(".nhsuk-summary-list__key", new() { HasTextRegex = new Regex($"^\\s*{Regex.Escape(criterionId)} ") }) });

    private static ILocator Heading(IPage page) => page.GetByRole(AriaRole.Heading, new() { Level = 1 });

    /// <summary>The whole address after the host: this path, then exactly this query (or none).</summary>
    private static Regex PathRegex(string path, string query = "") => new($"^https?://[^/]+{Regex.Escape(path + query)}$");

    private static Regex Exactly(string text) => new($"^{Regex.Escape(text)}$");

    private static Regex JsEnabled() => new(@"(^|\s)js-enabled(\s|$)");
}
