using Microsoft.EntityFrameworkCore;
using TransitionTracker.Application.Assessments;
using TransitionTracker.Application.Editing;
using TransitionTracker.Application.Tests.Infrastructure;
using TransitionTracker.Domain.Assessments;
using TransitionTracker.Domain.Frameworks;

namespace TransitionTracker.Application.Tests.Assessments;

/// <summary>
/// One submitted assessment's answers and evidence, as the history page opens them: for anyone who may read the
/// consortium; a draft, another consortium's assessment, an unknown id or an out-of-scope reader is "not found".
/// </summary>
public sealed class SubmittedAnswersTests : IAsyncLifetime
{
    private const string Framework = AssessmentWorkflow.DefaultFramework;

    private readonly ApplicationHost _host = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task A_submitted_assessment_reads_back_every_criterion_by_domain_with_its_answer_and_evidence()
    {
        var manager = await _host.UserAsync(Demo.PctManager);
        var national = await _host.UserAsync(Demo.National);
        var framework = ShippedFrameworks.DefaultFramework;
        var criterion = framework.Criteria[0];
        var draft = (await EditAsync(w => w.StartDraftAsync(manager, Demo.ManagedConsortium, Framework, CancellationToken.None))).Value!;
        var saved = await EditAsync(w => w.SaveAnswersAsync(
            manager, Demo.ManagedConsortium, Framework, draft.Revision, [new AnswerInput(criterion.Id, "in_progress", "Two of five practices signed")], CancellationToken.None));
        var submitted = (await EditAsync(w => w.SubmitAsync(manager, Demo.ManagedConsortium, Framework, saved.Revision, CancellationToken.None))).Value!;

        var answers = await ReadAsync(national, Demo.ManagedConsortium, submitted.Id);

        Assert.NotNull(answers);
        Assert.Equal((submitted.Id, Framework, framework.Version, framework.Name, Demo.PctManager), (answers.Id, answers.FrameworkId, answers.FrameworkVersion, answers.FrameworkName, answers.SubmittedBy));
        Assert.Equal((submitted.Score, submitted.Track), (answers.Score, answers.Track));
        Assert.Equal(framework.Domains.Select(d => d.Id), answers.Domains.Select(d => d.Id));
        Assert.Equal(framework.Criteria.Select(c => c.Id).Order(StringComparer.Ordinal), answers.Domains.SelectMany(d => d.Answers).Select(a => a.CriterionId).Order(StringComparer.Ordinal));
        var first = answers.Domains.SelectMany(d => d.Answers).Single(a => a.CriterionId == criterion.Id);
        Assert.Equal((criterion.Text, criterion.Essential, "In progress", "Two of five practices signed", Demo.PctManager),
            (first.CriterionText, first.Essential, first.Value, first.Evidence, first.AnsweredBy));
        Assert.All(answers.Domains.SelectMany(d => d.Answers), a => Assert.False(string.IsNullOrEmpty(a.Value)));
    }

    [Fact]
    public async Task A_draft_another_consortiums_assessment_an_unknown_id_or_a_reader_out_of_scope_is_not_found()
    {
        var manager = await _host.UserAsync(Demo.PctManager);
        var lead = await _host.UserAsync(Demo.ConsortiumLead);
        var draft = (await EditAsync(w => w.StartDraftAsync(manager, Demo.ManagedConsortium, Framework, CancellationToken.None))).Value!;
        await using var db = _host.OpenContext();
        var ofLeads = await SubmittedIdAsync(db, Demo.LeadsConsortium);
        var ofOther = await SubmittedIdAsync(db, Demo.OtherConsortium);
        var ofManaged = await SubmittedIdAsync(db, Demo.ManagedConsortium);

        Assert.NotNull(await ReadAsync(lead, Demo.LeadsConsortium, ofLeads));
        Assert.NotNull(await ReadAsync(manager, Demo.ManagedConsortium, ofManaged));
        Assert.Null(await ReadAsync(manager, Demo.ManagedConsortium, draft.Id));
        Assert.Null(await ReadAsync(lead, Demo.LeadsConsortium, ofManaged));
        Assert.Null(await ReadAsync(manager, Demo.OtherConsortium, ofOther));
        Assert.Null(await ReadAsync(lead, Demo.ManagedConsortium, ofManaged));
        Assert.Null(await ReadAsync(null, Demo.ManagedConsortium, ofManaged));
        Assert.Null(await ReadAsync(manager, Demo.ManagedConsortium, int.MaxValue));
        Assert.Null(await ReadAsync(manager, "not a code", ofManaged));
    }

    private Task<SubmittedAnswers?> ReadAsync(TransitionTracker.Application.Access.ActingUser? user, string code, int id) =>
        _host.RunAsync<AssessmentWorkflow, SubmittedAnswers?>(w => w.SubmittedAnswersAsync(user, code, id, CancellationToken.None));

    private Task<EditOutcome<Assessment>> EditAsync(Func<AssessmentWorkflow, Task<EditOutcome<Assessment>>> use) => _host.RunAsync(use);

    private static Task<int> SubmittedIdAsync(Data.TransitionTrackerDbContext db, string code) =>
        db.Assessments.Where(a => a.ConsortiumCode == code && a.Status == AssessmentStatus.Submitted).OrderBy(a => a.Id).Select(a => a.Id).FirstAsync();
}
