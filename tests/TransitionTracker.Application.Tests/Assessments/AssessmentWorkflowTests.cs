using Microsoft.EntityFrameworkCore;
using TransitionTracker.Application.Assessments;
using TransitionTracker.Application.Editing;
using TransitionTracker.Application.Tests.Infrastructure;
using TransitionTracker.Domain.Assessments;
using TransitionTracker.Domain.Frameworks;
using TransitionTracker.Domain.Scoring;

namespace TransitionTracker.Application.Tests.Assessments;

/// <summary>
/// A readiness assessment from draft to submission: PCT managers start, answer and submit drafts of their consortia;
/// everyone else is told "not found" and nothing changes. Saves follow the one revision rule.
/// </summary>
public sealed class AssessmentWorkflowTests : IAsyncLifetime
{
    private const string Framework = AssessmentWorkflow.DefaultFramework;

    private readonly ApplicationHost _host = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task A_pct_manager_starts_a_draft_answers_it_and_submits_it_recorded_as_theirs()
    {
        var manager = await _host.UserAsync(Demo.PctManager);
        var criterion = ShippedFrameworks.DefaultFramework.Criteria[0].Id;

        var started = await RunAsync(w => w.StartDraftAsync(manager, Demo.ManagedConsortium, Framework, CancellationToken.None));
        var draft = started.Value!;
        var saved = await RunAsync(w => w.SaveAnswersAsync(
            manager, Demo.ManagedConsortium, Framework, draft.Revision, [new AnswerInput(criterion, "met", "Signed statements held")], CancellationToken.None));
        var submitted = await RunAsync(w => w.SubmitAsync(manager, Demo.ManagedConsortium, Framework, saved.Revision, CancellationToken.None));
        var history = await _host.RunAsync<AssessmentWorkflow, IReadOnlyList<Assessment>>(w => w.HistoryAsync(manager, Demo.ManagedConsortium, CancellationToken.None));

        Assert.True(started.IsSaved);
        Assert.True(saved.IsSaved);
        Assert.Equal(draft.Revision + 1, saved.Revision);
        Assert.Equal(ResponseStatus.Met, saved.Value!.ResponseTo(criterion)!.Status);
        Assert.True(submitted.IsSaved);
        Assert.Equal(draft.Id, submitted.SavedId);
        Assert.False(submitted.Value!.IsDraft);
        Assert.Equal(draft.Id, history[0].Id);
        await using var db = _host.OpenContext();
        var stored = await db.Assessments.Include(a => a.Responses).SingleAsync(a => a.Id == draft.Id);
        Assert.Equal(AssessmentStatus.Submitted, stored.Status);
        Assert.Equal(Demo.PctManager, stored.SubmittedBy);
        Assert.Equal(Demo.PctManager, stored.ResponseTo(criterion)!.AnsweredBy);
        Assert.Equal("Signed statements held", stored.ResponseTo(criterion)!.Evidence);
        Assert.Contains(await db.AuditEntries.Where(a => a.EntityType == nameof(Assessment)).Select(a => a.Actor).ToListAsync(), a => a == Demo.PctManager);
    }

    [Fact]
    public async Task Answers_that_change_nothing_are_saved_without_a_new_revision()
    {
        var manager = await _host.UserAsync(Demo.PctManager);
        var draft = (await RunAsync(w => w.StartDraftAsync(manager, Demo.ManagedConsortium, Framework, CancellationToken.None))).Value!;
        var criterion = ShippedFrameworks.DefaultFramework.Criteria[0].Id;
        var unchanged = new AnswerInput(criterion, AnswerText.ValueOf(draft.ResponseTo(criterion)) ?? "met", draft.ResponseTo(criterion)?.Evidence);
        // The first save keeps a carried-forward answer (or gives one): that is a change. Saving it again is not.
        var kept = await RunAsync(w => w.SaveAnswersAsync(manager, Demo.ManagedConsortium, Framework, draft.Revision, [unchanged], CancellationToken.None));

        var saved = await RunAsync(w => w.SaveAnswersAsync(manager, Demo.ManagedConsortium, Framework, kept.Revision, [unchanged], CancellationToken.None));

        Assert.True(saved.IsSaved);
        Assert.Equal(kept.Revision, saved.Revision);
    }

    [Fact]
    public async Task Out_of_scope_every_operation_is_not_found_and_nothing_changes()
    {
        var manager = await _host.UserAsync(Demo.PctManager);
        var lead = await _host.UserAsync(Demo.ConsortiumLead);
        var criterion = ShippedFrameworks.DefaultFramework.Criteria[0].Id;
        var before = await SnapshotAsync();
        AnswerInput[] answers = [new AnswerInput(criterion, "met", null)];

        // The PCT manager's other consortium, a consortium the lead may only read, and nobody signed in.
        foreach (var (user, code) in new[] { (manager, Demo.OtherConsortium), (lead, Demo.LeadsConsortium), (null, Demo.ManagedConsortium) })
        {
            Assert.Equal(EditStatus.NotFound, (await RunAsync(w => w.StartDraftAsync(user, code, Framework, CancellationToken.None))).Status);
            Assert.Equal(EditStatus.NotFound, (await RunAsync(w => w.SaveAnswersAsync(user, code, Framework, 0, answers, CancellationToken.None))).Status);
            Assert.Equal(EditStatus.NotFound, (await RunAsync(w => w.ReplaceAnswersAsync(
                user, code, Framework, null, [CriterionResponse.WithStatus(criterion, ResponseStatus.Met)], new Dictionary<string, string?>(), CancellationToken.None))).Status);
            Assert.Equal(EditStatus.NotFound, (await RunAsync(w => w.SubmitAsync(user, code, Framework, 0, CancellationToken.None))).Status);
            Assert.Null(await _host.RunAsync<AssessmentWorkflow, Assessment?>(w => w.FindDraftAsync(user, code, Framework, CancellationToken.None)));
        }

        Assert.Equal(before, await SnapshotAsync());
        Assert.Empty(await _host.RunAsync<AssessmentWorkflow, IReadOnlyList<Assessment>>(w => w.HistoryAsync(manager, Demo.OtherConsortium, CancellationToken.None)));
        Assert.Null(await _host.RunAsync<AssessmentWorkflow, Assessment?>(w => w.LastSubmittedAsync(manager, Demo.OtherConsortium, Framework, CancellationToken.None)));
        Assert.NotEmpty(await _host.RunAsync<AssessmentWorkflow, IReadOnlyList<Assessment>>(w => w.HistoryAsync(lead, Demo.LeadsConsortium, CancellationToken.None)));
    }

    [Fact]
    public async Task A_save_or_submission_based_on_an_older_revision_is_a_conflict_with_the_draft_as_stored_and_changes_nothing()
    {
        var manager = await _host.UserAsync(Demo.PctManager);
        var criteria = ShippedFrameworks.DefaultFramework.Criteria;
        var draft = (await RunAsync(w => w.StartDraftAsync(manager, Demo.ManagedConsortium, Framework, CancellationToken.None))).Value!;
        var first = await RunAsync(w => w.SaveAnswersAsync(
            manager, Demo.ManagedConsortium, Framework, draft.Revision, [new AnswerInput(criteria[0].Id, "in_progress", null)], CancellationToken.None));
        var before = await SnapshotAsync();

        var stale = await RunAsync(w => w.SaveAnswersAsync(
            manager, Demo.ManagedConsortium, Framework, draft.Revision, [new AnswerInput(criteria[1].Id, "met", null)], CancellationToken.None));
        var staleSubmit = await RunAsync(w => w.SubmitAsync(manager, Demo.ManagedConsortium, Framework, draft.Revision, CancellationToken.None));

        Assert.True(first.IsSaved);
        Assert.Equal(EditStatus.Conflict, stale.Status);
        Assert.Equal(first.Revision, stale.Conflict!.CurrentRevision);
        Assert.Equal(Demo.PctManager, stale.Conflict.ChangedBy);
        Assert.Equal(first.Revision, stale.Value!.Revision);
        Assert.Equal(ResponseStatus.InProgress, stale.Value.ResponseTo(criteria[0].Id)!.Status);
        Assert.Equal(EditStatus.Conflict, staleSubmit.Status);
        Assert.Equal(before, await SnapshotAsync());
    }

    [Fact]
    public async Task Answers_that_cannot_be_read_are_refused_with_every_problem_by_input_and_criterion_and_change_nothing()
    {
        var manager = await _host.UserAsync(Demo.PctManager);
        var criteria = ShippedFrameworks.DefaultFramework.Criteria;
        var draft = (await RunAsync(w => w.StartDraftAsync(manager, Demo.ManagedConsortium, Framework, CancellationToken.None))).Value!;
        var before = await SnapshotAsync();

        var outcome = await RunAsync(w => w.SaveAnswersAsync(manager, Demo.ManagedConsortium, Framework, draft.Revision,
        [
            new AnswerInput(criteria[0].Id, "bogus", null),
            new AnswerInput(criteria[1].Id, "met", new string('e', AssessmentResponse.EvidenceMaxLength + 1)),
            new AnswerInput("NOT-A-CRITERION", "met", null),
        ], CancellationToken.None));

        Assert.Equal(EditStatus.Invalid, outcome.Status);
        Assert.Contains(outcome.Problems, p => p is { Field: AssessmentWorkflow.AnswerField } && p.Item == criteria[0].Id);
        Assert.Contains(outcome.Problems, p => p is { Field: AssessmentWorkflow.EvidenceField } && p.Item == criteria[1].Id);
        Assert.Contains(outcome.Problems, p => p is { Field: AssessmentWorkflow.AnswerField, Item: "NOT-A-CRITERION" });
        Assert.Equal(before, await SnapshotAsync());
    }

    [Fact]
    public async Task Replacing_the_answers_of_an_existing_draft_without_its_revision_is_refused_with_the_draft()
    {
        var manager = await _host.UserAsync(Demo.PctManager);
        var criterion = ShippedFrameworks.DefaultFramework.Criteria[0].Id;
        var responses = new[] { CriterionResponse.WithStatus(criterion, ResponseStatus.Met) };
        var evidence = new Dictionary<string, string?>();

        var started = await RunAsync(w => w.ReplaceAnswersAsync(manager, Demo.ManagedConsortium, Framework, null, responses, evidence, CancellationToken.None));
        var before = await SnapshotAsync();
        var blind = await RunAsync(w => w.ReplaceAnswersAsync(manager, Demo.ManagedConsortium, Framework, null, responses, evidence, CancellationToken.None));

        Assert.True(started.IsSaved);
        Assert.True(blind.RevisionMissing);
        Assert.Equal(started.Revision, blind.Value!.Revision);
        Assert.Equal(before, await SnapshotAsync());
    }

    [Fact]
    public async Task A_new_round_carries_the_last_answers_forward_until_kept_or_changed()
    {
        var manager = await _host.UserAsync(Demo.PctManager);
        var criteria = ShippedFrameworks.DefaultFramework.Criteria;
        var first = (await RunAsync(w => w.StartDraftAsync(manager, Demo.ManagedConsortium, Framework, CancellationToken.None))).Value!;
        var answered = await RunAsync(w => w.SaveAnswersAsync(
            manager, Demo.ManagedConsortium, Framework, first.Revision, [.. criteria.Select(c => new AnswerInput(c.Id, "met", null))], CancellationToken.None));
        Assert.True((await RunAsync(w => w.SubmitAsync(manager, Demo.ManagedConsortium, Framework, answered.Revision, CancellationToken.None))).IsSaved);

        var next = (await RunAsync(w => w.StartDraftAsync(manager, Demo.ManagedConsortium, Framework, CancellationToken.None))).Value!;
        var kept = await RunAsync(w => w.SaveAnswersAsync(
            manager, Demo.ManagedConsortium, Framework, next.Revision, [new AnswerInput(criteria[0].Id, "met", null), new AnswerInput(criteria[1].Id, "in_progress", null)], CancellationToken.None));

        Assert.Equal(criteria.Count, next.CarriedForwardCount);
        Assert.Equal(next.Revision + 1, kept.Revision);
        Assert.Equal(criteria.Count - 2, kept.Value!.CarriedForwardCount);
        Assert.False(kept.Value.ResponseTo(criteria[0].Id)!.CarriedForward);
        Assert.Equal(ResponseStatus.Met, kept.Value.ResponseTo(criteria[0].Id)!.Status);
        Assert.False(kept.Value.ResponseTo(criteria[1].Id)!.CarriedForward);
        await using var db = _host.OpenContext();
        Assert.Equal(criteria.Count - 2, await db.Set<AssessmentResponse>().CountAsync(r => r.AssessmentId == next.Id && r.CarriedForward));
    }

    [Fact]
    public async Task The_draft_revision_is_read_for_those_who_may_edit_and_is_nothing_once_submitted()
    {
        var manager = await _host.UserAsync(Demo.PctManager);
        var lead = await _host.UserAsync(Demo.ConsortiumLead);
        Assert.Null(await _host.RunAsync<AssessmentWorkflow, int?>(w => w.DraftRevisionAsync(manager, Demo.ManagedConsortium, Framework, CancellationToken.None)));
        var draft = (await RunAsync(w => w.StartDraftAsync(manager, Demo.ManagedConsortium, Framework, CancellationToken.None))).Value!;
        var saved = await RunAsync(w => w.SaveAnswersAsync(
            manager, Demo.ManagedConsortium, Framework, draft.Revision, [new AnswerInput(ShippedFrameworks.DefaultFramework.Criteria[0].Id, "met", null)], CancellationToken.None));

        Assert.Equal(saved.Revision, await _host.RunAsync<AssessmentWorkflow, int?>(w => w.DraftRevisionAsync(manager, Demo.ManagedConsortium, Framework, CancellationToken.None)));
        Assert.Null(await _host.RunAsync<AssessmentWorkflow, int?>(w => w.DraftRevisionAsync(lead, Demo.ManagedConsortium, Framework, CancellationToken.None)));
        Assert.Null(await _host.RunAsync<AssessmentWorkflow, int?>(w => w.DraftRevisionAsync(null, Demo.ManagedConsortium, Framework, CancellationToken.None)));

        Assert.True((await RunAsync(w => w.SubmitAsync(manager, Demo.ManagedConsortium, Framework, saved.Revision, CancellationToken.None))).IsSaved);
        Assert.Null(await _host.RunAsync<AssessmentWorkflow, int?>(w => w.DraftRevisionAsync(manager, Demo.ManagedConsortium, Framework, CancellationToken.None)));
    }

    [Fact]
    public async Task The_preview_of_a_draft_is_exactly_the_result_submitting_stores()
    {
        var manager = await _host.UserAsync(Demo.PctManager);
        var criteria = ShippedFrameworks.DefaultFramework.Criteria;
        var draft = (await RunAsync(w => w.StartDraftAsync(manager, Demo.ManagedConsortium, Framework, CancellationToken.None))).Value!;
        string[] values = ["met", "in_progress", "not_started", "not_applicable", "met"];
        var saved = await RunAsync(w => w.SaveAnswersAsync(
            manager, Demo.ManagedConsortium, Framework, draft.Revision, [.. criteria.Select((c, i) => new AnswerInput(c.Id, values[i % values.Length], null))], CancellationToken.None));

        var preview = (await _host.RunAsync<AssessmentWorkflow, ReadinessResult?>(w => w.PreviewAsync(manager, saved.Value!, CancellationToken.None)))!;
        var submitted = (await RunAsync(w => w.SubmitAsync(manager, Demo.ManagedConsortium, Framework, saved.Revision, CancellationToken.None))).Value!;

        Assert.Equal(preview.Score, submitted.Score);
        Assert.Equal(preview.Track, submitted.Track);
        Assert.Equal(preview.Domains.Select(d => (d.Id, d.Score, d.BelowFloor)), submitted.DomainScores.Select(d => (d.DomainId, d.Score, d.BelowFloor)));
    }

    private Task<EditOutcome<Assessment>> RunAsync(Func<AssessmentWorkflow, Task<EditOutcome<Assessment>>> use) => _host.RunAsync(use);

    // Every assessment's revision and status, and the number of answers stored.
    private async Task<string> SnapshotAsync()
    {
        await using var db = _host.OpenContext();
        var assessments = await db.Assessments.OrderBy(a => a.Id).Select(a => $"{a.Id}:{a.Revision}:{a.Status}").ToListAsync();
        return $"{string.Join(",", assessments)}; answers {await db.Set<AssessmentResponse>().CountAsync()}";
    }
}
