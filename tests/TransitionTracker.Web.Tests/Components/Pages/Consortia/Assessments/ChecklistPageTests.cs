using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using TransitionTracker.Application.Assessments;
using TransitionTracker.Domain.Scoring;
using TransitionTracker.Web.Access;
using TransitionTracker.Web.Components.Pages.Consortia.Assessments;
using TransitionTracker.Web.Tests.Infrastructure;

namespace TransitionTracker.Web.Tests.Components.Pages.Consortia.Assessments;

/// <summary>
/// The checklist editor live, on the app's real use cases and database: the result follows each answer, every change
/// is saved at once, answers carried forward count only once reviewed, someone else's saves are taken in without losing
/// anything, leaving with unsaved answers asks first, and submitting stores exactly the result shown.
/// </summary>
public sealed class ChecklistPageTests : MudComponentContext, IClassFixture<ChecklistApp>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);
    private readonly ChecklistApp _app;
    private readonly CurrentUser _user;

    public ChecklistPageTests(ChecklistApp app)
    {
        _app = app;
        _app.ResetAsync().GetAwaiter().GetResult();
        _user = UseApp(_app.Factory, _app.ManagerAsync().GetAwaiter().GetResult());
    }

    [Fact]
    public async Task Without_a_draft_the_page_offers_to_start_one_and_starting_opens_it()
    {
        var page = RenderChecklist();

        page.WaitForAssertion(() => Assert.Contains("There is no assessment in progress", page.Markup), Patience);
        await page.Find("#start-assessment").ClickAsync(new());

        page.WaitForAssertion(() => Assert.Equal($"0 of {ChecklistApp.Framework.Criteria.Count}", page.Find("#answered-count").TextContent), Patience);
        Assert.NotNull(await _app.DraftAsync());
    }

    [Fact]
    public async Task Who_else_has_the_draft_open_is_shown_and_goes_when_they_close_it()
    {
        await _app.StartAsync();
        var presence = _app.Factory.Services.GetRequiredService<Application.Live.DraftPresence>();
        var key = Application.Live.DraftPresence.Key(ChecklistApp.Code, ChecklistApp.Framework.Id);
        var page = RenderChecklist();
        page.WaitForAssertion(() => page.Find("#live-score"), Patience);
        Assert.Empty(page.FindAll("#presence"));
        page.WaitForAssertion(() => Assert.Contains(presence.Who(key), p => p.UserId == _user.Acting!.Id), Patience);

        var other = presence.Join(key, new Application.Live.PresentEditor("someone-else", "Ann Example", Guid.NewGuid()));
        var sameUserElsewhere = presence.Join(key, new Application.Live.PresentEditor(_user.Acting!.Id, _user.Acting.DisplayName, Guid.NewGuid()));

        page.WaitForAssertion(() => Assert.Equal("Also open now: Ann Example, you, in another tab", page.Find("#presence").TextContent), Patience);
        other.Dispose();
        sameUserElsewhere.Dispose();
        page.WaitForAssertion(() => Assert.Empty(page.FindAll("#presence")), Patience);
    }

    [Fact]
    public async Task Each_answer_changes_the_result_at_once_and_is_saved()
    {
        await _app.StartAsync();
        var page = RenderChecklist();
        page.WaitForAssertion(() => page.Find("#live-score"), Patience);
        var before = page.Find("#live-score").TextContent;

        await AnswerAsync(page, "GOV-01", "met");

        page.WaitForAssertion(() => Assert.Equal("Saved", page.Find("#save-state").TextContent), Patience);
        Assert.NotEqual(before, page.Find("#live-score").TextContent);
        Assert.Equal(ResponseStatus.Met, (await _app.DraftAsync())!.ResponseTo("GOV-01")!.Status);
        Assert.Contains("reviewed 1 of", page.Find("[data-domain=governance].app-section-heading").TextContent);
    }

    [Fact]
    public async Task Evidence_that_cannot_be_stored_is_refused_beside_its_field_kept_and_nothing_saved()
    {
        await _app.StartAsync();
        var page = RenderChecklist();
        page.WaitForAssertion(() => page.Find("#evidence-GOV-01"), Patience);

        await page.Find("#evidence-GOV-01").InputAsync(new ChangeEventArgs { Value = "Board minutes\u0007" });

        page.WaitForAssertion(() => Assert.Contains("Evidence for GOV-01", page.Find("[data-criterion=GOV-01] .mud-input-helper-text").TextContent), Patience);
        Assert.Equal("Board minutes\u0007", page.Find("#evidence-GOV-01").GetAttribute("value") ?? page.Find("#evidence-GOV-01").TextContent);
        Assert.StartsWith("Not saved", page.Find("#save-state").TextContent, StringComparison.Ordinal);
        Assert.Null((await _app.DraftAsync())!.ResponseTo("GOV-01"));
    }

    [Fact]
    public async Task Answers_carried_forward_count_only_once_kept_or_changed()
    {
        await _app.SubmitAllAsync("met");
        await _app.StartAsync();
        var total = ChecklistApp.Framework.Criteria.Count;
        var first = ChecklistApp.Framework.Domains[0].Id;
        var inFirst = ChecklistApp.Framework.CriteriaOf(first).Count;
        var page = RenderChecklist();

        page.WaitForAssertion(() => Assert.Equal($"0 of {total}", page.Find("#reviewed-count").TextContent), Patience);
        Assert.Equal($"{total} of {total}", page.Find("#answered-count").TextContent);
        Assert.Contains("Carried forward from the last assessment", page.Find($"[data-criterion={ChecklistApp.Framework.CriteriaOf(first)[0].Id}]").TextContent);

        await ClickAsync(page, () => page.FindAll("button").First(b => b.TextContent.StartsWith("Keep all", StringComparison.Ordinal)));

        page.WaitForAssertion(() => Assert.Equal($"{inFirst} of {total}", page.Find("#reviewed-count").TextContent), Patience);
        page.WaitForAssertion(() => Assert.Equal("Saved", page.Find("#save-state").TextContent), Patience);
        page.WaitForAssertion(() => Assert.Contains("Complete", page.Find($"[data-domain={first}].app-section-heading").TextContent), Patience);
        var draft = (await _app.DraftAsync())!;
        Assert.All(ChecklistApp.Framework.CriteriaOf(first), c => Assert.False(draft.ResponseTo(c.Id)!.CarriedForward));
        Assert.Equal(total - inFirst, draft.CarriedForwardCount);
    }

    [Fact]
    public async Task Someone_elses_save_of_an_answer_not_changed_here_is_shown_at_once()
    {
        await _app.StartAsync();
        var page = RenderChecklist(TimeSpan.FromMilliseconds(200));
        page.WaitForAssertion(() => page.Find("#live-score"), Patience);

        await _app.SaveAsync(new AnswerInput("GOV-02", "in_progress", "Scheme of delegation drafted"));

        page.WaitForAssertion(() => Assert.Contains("GOV-02", page.Find("#others-changes").TextContent), Patience);
        Assert.Contains("Scheme of delegation drafted", page.Markup);
        Assert.Equal("Saved", page.Find("#save-state").TextContent);
    }

    [Fact]
    public async Task Its_own_save_heard_back_renders_nothing_again_and_someone_elses_does()
    {
        await _app.StartAsync();
        var page = RenderChecklist();
        page.WaitForAssertion(() => page.Find("#live-score"), Patience);
        await AnswerAsync(page, "GOV-01", "met");
        // The answer's handler has ended (it counts the change once saved): nothing of this answer is left to show.
        page.WaitForAssertion(() => Assert.Equal("1", page.Find("#save-state").GetAttribute("data-changes")), Patience);
        var renders = page.RenderCount;

        // The save is heard back as a change to this consortium's assessments and read again 100 ms later: the draft
        // is the one shown, so the page is not rendered again (before, it was: about 90 renders of the page and its
        // components, each counted here).
        await Task.Delay(TimeSpan.FromSeconds(1.5));
        Assert.Equal(renders, page.RenderCount);

        await _app.SaveAsync(new AnswerInput("GOV-02", "in_progress", "Scheme of delegation drafted"));
        page.WaitForAssertion(() => Assert.Contains("GOV-02", page.Find("#others-changes").TextContent), Patience);
        Assert.True(page.RenderCount > renders);
    }

    [Fact]
    public async Task Answers_both_changed_are_settled_one_by_one_and_nothing_is_overwritten_unseen()
    {
        await _app.StartAsync();
        // The other user's saves are met when this page saves its answer, not read beforehand: on a slow machine the
        // page could otherwise read theirs before the answer lands, and there would be nothing to settle.
        var page = RenderChecklist(TimeSpan.FromHours(1), TimeSpan.FromHours(1));
        page.WaitForAssertion(() => page.Find("#live-score"), Patience);
        await _app.SaveAsync(new AnswerInput("GOV-01", "in_progress", null));

        await AnswerAsync(page, "GOV-01", "met");

        page.WaitForAssertion(() => Assert.Single(page.FindAll("#clashes .app-clash")), Patience);
        Assert.Contains("yours is Met", page.Find("#clashes [data-criterion=GOV-01]").TextContent);
        Assert.Contains("In progress", page.Find("#clashes [data-criterion=GOV-01]").TextContent);
        Assert.StartsWith("Not saved", page.Find("#save-state").TextContent, StringComparison.Ordinal);
        Assert.Equal(ResponseStatus.InProgress, (await _app.DraftAsync())!.ResponseTo("GOV-01")!.Status);
        await ClickAsync(page, () => page.FindAll("#clashes [data-criterion=GOV-01] button").First(b => b.TextContent.StartsWith("Keep mine", StringComparison.Ordinal)));
        page.WaitForAssertion(() => Assert.Empty(page.FindAll("#clashes")), Patience);
        page.WaitForAssertion(() => Assert.Equal("Saved", page.Find("#save-state").TextContent), Patience);
        Assert.Equal(ResponseStatus.Met, (await _app.DraftAsync())!.ResponseTo("GOV-01")!.Status);

        await _app.SaveAsync(new AnswerInput("GOV-02", "in_progress", "Scheme of delegation drafted"));
        await AnswerAsync(page, "GOV-02", "met");
        page.WaitForAssertion(() => Assert.Single(page.FindAll("#clashes .app-clash")), Patience);
        await ClickAsync(page, () => page.FindAll("#clashes [data-criterion=GOV-02] button").First(b => b.TextContent.StartsWith("Take theirs", StringComparison.Ordinal)));

        page.WaitForAssertion(() => Assert.Empty(page.FindAll("#clashes")), Patience);
        page.WaitForAssertion(() => Assert.Equal("Saved", page.Find("#save-state").TextContent), Patience);
        var draft = (await _app.DraftAsync())!;
        Assert.Equal(ResponseStatus.Met, draft.ResponseTo("GOV-01")!.Status);
        Assert.Equal(ResponseStatus.InProgress, draft.ResponseTo("GOV-02")!.Status);
        Assert.Equal("in_progress", CheckedValue(page, "GOV-02"));
    }

    [Fact]
    public async Task Leaving_with_an_answer_not_saved_asks_first_and_staying_keeps_it()
    {
        await _app.StartAsync();
        var dialogs = Render<MudDialogProvider>();
        var page = RenderChecklist(TimeSpan.FromHours(1), TimeSpan.FromHours(1));
        page.WaitForAssertion(() => page.Find("#live-score"), Patience);
        await _app.SaveAsync(new AnswerInput("GOV-01", "in_progress", null));
        await AnswerAsync(page, "GOV-01", "met");
        page.WaitForAssertion(() => Assert.Single(page.FindAll("#clashes .app-clash")), Patience);
        var navigation = Services.GetRequiredService<NavigationManager>();
        var before = navigation.Uri;

        await page.InvokeAsync(() => navigation.NavigateTo("/consortia/00G"));

        dialogs.WaitForAssertion(() => Assert.Contains("Leave the checklist?", dialogs.Markup), Patience);
        await dialogs.FindAll("button").First(b => b.TextContent.Contains("Stay on this page", StringComparison.Ordinal)).ClickAsync(new());
        dialogs.WaitForAssertion(() => Assert.DoesNotContain("Leave the checklist?", dialogs.Markup), Patience);
        Assert.Equal(before, navigation.Uri);
        Assert.Equal("met", CheckedValue(page, "GOV-01"));
    }

    [Fact]
    public async Task Submitting_shows_the_result_to_be_stored_and_then_stores_exactly_that()
    {
        await _app.StartAsync();
        var dialogs = Render<MudDialogProvider>();
        var page = RenderChecklist(TimeSpan.FromHours(1));
        page.WaitForAssertion(() => page.Find("#live-score"), Patience);
        foreach (var criterion in ChecklistApp.Framework.CriteriaOf("governance"))
        {
            await AnswerAsync(page, criterion.Id, "met");
        }

        page.WaitForAssertion(() => Assert.Equal("Saved", page.Find("#save-state").TextContent), Patience);
        var shownScore = page.Find("#live-score").TextContent;
        await ClickAsync(page, () => page.Find("#check-and-submit"));
        dialogs.WaitForAssertion(() => Assert.Contains("Submit this assessment?", dialogs.Markup), Patience);
        Assert.Contains($"Overall score {shownScore}", dialogs.Find("#submit-dialog").TextContent);
        Assert.Contains("Needs support", dialogs.Find("#submit-dialog").TextContent);

        await dialogs.Find("#submit-assessment").ClickAsync(new());

        var navigation = Services.GetRequiredService<NavigationManager>();
        dialogs.WaitForAssertion(() => Assert.Contains("/consortia/00G/history?submitted=", navigation.Uri), Patience);
        var stored = await _app.LastSubmittedAsync();
        Assert.Equal(shownScore, TransitionTracker.Web.Components.Shared.ReadinessView.FormatScore(stored.Score));
        Assert.Equal(Track.NeedsSupport, stored.Track);
        Assert.Null(await _app.DraftAsync());
    }

    private IRenderedComponent<ChecklistPage> RenderChecklist(TimeSpan? watchEvery = null, TimeSpan? gatherOthersSavesFor = null) =>
        RenderInteractive<ChecklistPage>(p => p
            .Add(x => x.Code, ChecklistApp.Code)
            .Add(x => x.FrameworkId, ChecklistApp.Framework.Id)
            .Add(x => x.WatchEvery, watchEvery ?? TimeSpan.FromHours(1))
            .Add(x => x.GatherOthersSavesFor, gatherOthersSavesFor ?? TimeSpan.FromMilliseconds(200)));

    // Finds the element again if the page re-rendered between finding and clicking it.
    private static async Task ClickAsync(IRenderedComponent<ChecklistPage> page, Func<AngleSharp.Dom.IElement> find)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await find().ClickAsync(new());
                return;
            }
            catch (Bunit.Rendering.UnknownEventHandlerIdException) when (attempt < 5)
            {
                await Task.Delay(50);
            }
        }
    }

    private static Task AnswerAsync(IRenderedComponent<ChecklistPage> page, string criterion, string value)
    {
        var radio = page.Find($"[data-criterion={criterion}] input[type=radio][value={value}]");
        return radio.ChangeAsync(new ChangeEventArgs { Value = value });
    }

    private static string? CheckedValue(IRenderedComponent<ChecklistPage> page, string criterion)
    {
        var options = new[] { "not_started", "in_progress", "met", "not_applicable" };
        var radios = page.FindAll($"[data-criterion={criterion}] input[type=radio]");
        var index = radios.ToList().FindIndex(r => r.HasAttribute("checked"));
        return index < 0 ? null : options[index];
    }
}
