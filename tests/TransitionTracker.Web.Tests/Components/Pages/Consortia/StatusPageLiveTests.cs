using Bunit;
using Microsoft.Extensions.DependencyInjection;
using TransitionTracker.Application.Assessments;
using TransitionTracker.Web.Access;
using TransitionTracker.Web.Components.Pages.Consortia;
using TransitionTracker.Web.Tests.Components.Pages.Consortia.Assessments;
using TransitionTracker.Web.Tests.Infrastructure;

namespace TransitionTracker.Web.Tests.Components.Pages.Consortia;

/// <summary>
/// The consortium's status page live: it shows submitted assessments only, so a draft checklist's edits (saved at every
/// answer) do not make it read or render again, and a submission shows at once.
/// </summary>
public sealed class StatusPageLiveTests : MudComponentContext, IClassFixture<ChecklistApp>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);
    private readonly ChecklistApp _app;
    private readonly CurrentUser _user;

    public StatusPageLiveTests(ChecklistApp app)
    {
        _app = app;
        _app.ResetAsync().GetAwaiter().GetResult();
        _user = UseApp(_app.Factory, _app.ManagerAsync().GetAwaiter().GetResult());
    }

    [Fact]
    public async Task A_draft_checklists_edits_render_nothing_again_and_a_submission_shows_at_once()
    {
        await _app.StartAsync();
        var page = RenderInteractive<ConsortiumPage>(p => p.Add(x => x.Code, ChecklistApp.Code));
        page.WaitForAssertion(() => page.Find("#track"), Patience);
        var renders = await SettledAsync(page);

        // Read again 100 ms after a change it shows; a draft's answers are none.
        await _app.SaveAsync(new AnswerInput("GOV-01", "met", "Board minutes"));
        await Task.Delay(TimeSpan.FromSeconds(1.5));
        Assert.Equal(renders, page.RenderCount);

        var submitted = await _app.AnswerAllAndSubmitAsync("met");
        page.WaitForAssertion(() => Assert.Contains($"Overall score {submitted.Score:0.0}", page.Find("#track").TextContent), Patience);
        Assert.True(page.RenderCount > renders);
    }

    // The render count once the page and its components have stopped rendering after opening (charts and tabs render
    // again once they have been placed).
    private static async Task<int> SettledAsync(IRenderedComponent<ConsortiumPage> page)
    {
        var count = page.RenderCount;
        for (var quiet = 0; quiet < 5;)
        {
            await Task.Delay(100);
            quiet = page.RenderCount == count ? quiet + 1 : 0;
            count = page.RenderCount;
        }

        return count;
    }
}
