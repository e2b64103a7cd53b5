using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TransitionTracker.Application.Access;
using TransitionTracker.Application.Assessments;
using TransitionTracker.Application.Editing;
using TransitionTracker.Data;
using TransitionTracker.Data.Seeding;
using TransitionTracker.Data.Versioning;
using TransitionTracker.Domain.Assessments;
using TransitionTracker.Domain.Frameworks;
using TransitionTracker.Web.Tests.Infrastructure;

namespace TransitionTracker.Web.Tests.Infrastructure.Telemetry;

/// <summary>
/// The app's own counters move when a user does the thing they count (docs/operations.md, "Telemetry"). Each test
/// listens to its own app's meter only and compares totals before and after, so other tests' apps do not interfere.
/// </summary>
public sealed class AppCountersTests : IDisposable
{
    private const string Framework = AssessmentWorkflow.DefaultFramework;
    private readonly TransitionTrackerFactory _factory = new();

    // The assessment journeys start from a consortium that has never been assessed: its demo history is removed first.
    public AppCountersTests()
    {
        using var scope = _factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TransitionTrackerDbContext>();
        db.Assessments.Where(a => a.ConsortiumCode == "00G" && a.FrameworkId == ShippedFrameworks.DefaultFramework.Id).ExecuteDelete();
    }

    [Fact]
    public async Task Submitting_an_assessment_counts_one_submission()
    {
        using var counters = new AppCounters(_factory.Services);
        var draft = await StartAsync();
        var saved = await SaveAsync(draft.Revision, "met");
        Assert.Equal(0, counters.Total("transition_tracker.assessments.submitted"));

        var submitted = await RunAsync((w, user) => w.SubmitAsync(user, "00G", Framework, saved.Revision, CancellationToken.None));

        Assert.True(submitted.IsSaved);
        Assert.Equal(1, counters.Total("transition_tracker.assessments.submitted"));
    }

    [Fact]
    public async Task A_save_based_on_an_old_revision_counts_one_conflict_for_assessments()
    {
        using var counters = new AppCounters(_factory.Services);
        var draft = await StartAsync();

        Assert.True((await SaveAsync(draft.Revision, "met")).IsSaved);
        Assert.Equal(0, counters.Total("transition_tracker.edits.conflicts", "Assessment"));

        var refused = await SaveAsync(draft.Revision, "not_started");

        Assert.Equal(EditStatus.Conflict, refused.Status);
        Assert.Equal(1, counters.Total("transition_tracker.edits.conflicts", "Assessment"));
    }

    [Fact]
    public async Task A_read_asked_for_twice_with_no_change_between_is_a_miss_then_a_hit()
    {
        await using (var db = _factory.Database.OpenContext())
        {
            await DataVersion.RestampAsync(db, CancellationToken.None);
        }

        using var counters = new AppCounters(_factory.Services);
        using var client = _factory.CreateClientFor(DemoAccountSeeder.National);
        const string read = "ReadinessAsync";

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/consortia/00H/readiness")).StatusCode);
        Assert.Equal((1, 0), (counters.Total("transition_tracker.read_cache.misses", read), counters.Total("transition_tracker.read_cache.hits", read)));

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/consortia/00H/readiness")).StatusCode);
        Assert.Equal((1, 1), (counters.Total("transition_tracker.read_cache.misses", read), counters.Total("transition_tracker.read_cache.hits", read)));
    }

    public void Dispose() => _factory.Dispose();

    private async Task<Assessment> StartAsync() =>
        (await RunAsync((w, user) => w.StartDraftAsync(user, "00G", Framework, CancellationToken.None))).Value!;

    private Task<EditOutcome<Assessment>> SaveAsync(int basedOn, string value) =>
        RunAsync((w, user) => w.SaveAnswersAsync(user, "00G", Framework, basedOn, [new AnswerInput("GOV-01", value, null)], CancellationToken.None));

    private async Task<T> RunAsync<T>(Func<AssessmentWorkflow, ActingUser, Task<T>> step)
    {
        var user = await DemoUsers.ActingAsync(_factory, DemoAccountSeeder.PctManager("5D7"));
        await using var scope = _factory.Services.CreateAsyncScope();
        return await step(scope.ServiceProvider.GetRequiredService<AssessmentWorkflow>(), user);
    }
}
