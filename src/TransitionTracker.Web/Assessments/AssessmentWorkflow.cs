using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using TransitionTracker.Data;
using TransitionTracker.Domain.Assessments;
using TransitionTracker.Domain.Frameworks;
using TransitionTracker.Domain.Scoring;
using TransitionTracker.Domain.Text;
using TransitionTracker.Web.Access;
using TransitionTracker.Application.Frameworks;
using TransitionTracker.Application.Telemetry;

namespace TransitionTracker.Web.Assessments;

/// <summary>
/// A consortium's readiness assessment from draft to submission: one draft at a time per framework, answers saved
/// with optimistic concurrency (a save based on an older revision is refused, never merged silently), and a
/// submission that freezes the computed result in one transaction.
/// </summary>
public sealed class AssessmentWorkflow(TransitionTrackerDbContext db, FrameworkLibrary frameworks, TimeProvider clock, CurrentUser user, TransitionTrackerMetrics metrics)
{
    public const string DefaultFramework = "gp-consortium-readiness-2010";

    private string Actor => user.Email ?? "unknown";

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    public Task<Framework?> FrameworkOfAsync(Assessment assessment, CancellationToken cancellationToken) =>
        frameworks.FindAsync(assessment.FrameworkId, assessment.FrameworkVersion, cancellationToken);

    public Task<Assessment?> FindDraftAsync(string consortiumCode, string frameworkId, CancellationToken cancellationToken) =>
        db.Assessments.Include(a => a.Responses)
            .SingleOrDefaultAsync(a => a.ConsortiumCode == consortiumCode && a.FrameworkId == frameworkId && a.Status == AssessmentStatus.Draft, cancellationToken);

    public Task<Assessment?> LastSubmittedAsync(string consortiumCode, string frameworkId, CancellationToken cancellationToken) =>
        db.Assessments.AsNoTracking().Include(a => a.Responses)
            .Where(a => a.ConsortiumCode == consortiumCode && a.FrameworkId == frameworkId && a.Status == AssessmentStatus.Submitted)
            .OrderByDescending(a => a.SubmittedAtUtc).ThenByDescending(a => a.Id)
            .FirstOrDefaultAsync(cancellationToken);

    public async Task<IReadOnlyList<Assessment>> HistoryAsync(string consortiumCode, CancellationToken cancellationToken) =>
        await db.Assessments.AsNoTracking().Include(a => a.Responses)
            .Where(a => a.ConsortiumCode == consortiumCode && a.Status == AssessmentStatus.Submitted)
            .OrderByDescending(a => a.SubmittedAtUtc).ThenByDescending(a => a.Id)
            .AsSplitQuery()
            .ToListAsync(cancellationToken);

    /// <summary>The draft, started from the last submitted answers if there is none yet. Null for an unknown framework.</summary>
    public async Task<Assessment?> StartDraftAsync(string consortiumCode, string frameworkId, CancellationToken cancellationToken)
    {
        if (await FindDraftAsync(consortiumCode, frameworkId, cancellationToken) is { } existing)
        {
            return existing;
        }

        var framework = await frameworks.FindAsync(frameworkId, null, cancellationToken);
        if (framework is null)
        {
            return null;
        }

        var previous = await LastSubmittedAsync(consortiumCode, frameworkId, cancellationToken);
        var draft = Assessment.StartFrom(previous, consortiumCode, framework, Actor, Now);
        db.Assessments.Add(draft);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return draft;
        }
        catch (DbUpdateException)
        {
            // Someone else started it at the same moment (one draft per consortium and framework): use theirs.
            db.ChangeTracker.Clear();
            return await FindDraftAsync(consortiumCode, frameworkId, cancellationToken);
        }
    }

    /// <summary>Saves answers to some criteria of the draft, if the draft is still at <paramref name="baseRevision"/>.</summary>
    public async Task<SaveOutcome> SaveAnswersAsync(
        string consortiumCode, string frameworkId, int baseRevision, IReadOnlyList<AnswerInput> answers, CancellationToken cancellationToken)
    {
        var draft = await FindDraftAsync(consortiumCode, frameworkId, cancellationToken);
        if (draft is null)
        {
            return SaveOutcome.NoDraft();
        }

        var framework = await FrameworkOfAsync(draft, cancellationToken) ?? throw new InvalidOperationException("The draft's framework version is missing.");
        var (parsed, problems) = Parse(framework, answers);
        if (problems.Count > 0)
        {
            return SaveOutcome.Invalid(problems);
        }

        if (draft.Revision != baseRevision)
        {
            return Conflict(draft);
        }

        var changed = false;
        foreach (var (input, response) in parsed)
        {
            changed |= draft.Answer(input.CriterionId, response?.Status, response?.Level, input.Evidence, Actor, Now);
        }

        if (!changed)
        {
            return SaveOutcome.Saved(draft);
        }

        return await SaveRevisionAsync(draft, baseRevision, cancellationToken);
    }

    /// <summary>
    /// Replaces every answer of the draft, as the API's bulk update does. Without a draft it starts one and
    /// <paramref name="baseRevision"/> may be left out; once a draft exists its revision is required, so nobody
    /// replaces answers they have not seen.
    /// </summary>
    public async Task<SaveOutcome> ReplaceAnswersAsync(
        string consortiumCode, string frameworkId, int? baseRevision, IReadOnlyList<CriterionResponse> responses,
        IReadOnlyDictionary<string, string?> evidence, CancellationToken cancellationToken)
    {
        var draft = await FindDraftAsync(consortiumCode, frameworkId, cancellationToken);
        if (draft is not null && baseRevision is null)
        {
            return SaveOutcome.RevisionRequired(draft);
        }

        if (draft is null)
        {
            draft = await StartDraftAsync(consortiumCode, frameworkId, cancellationToken);
            if (draft is null)
            {
                return SaveOutcome.NoDraft();
            }

            // A draft someone else started (and perhaps saved) at the same moment is theirs: it needs its revision.
            baseRevision ??= Assessment.FirstRevision;
        }

        if (draft.Revision != baseRevision)
        {
            return Conflict(draft);
        }

        draft.ReplaceResponses(responses, evidence, Actor, Now);
        return await SaveRevisionAsync(draft, baseRevision.Value, cancellationToken);
    }

    /// <summary>The result the draft would get if submitted now.</summary>
    public async Task<ReadinessResult> PreviewAsync(Assessment draft, CancellationToken cancellationToken)
    {
        var framework = await FrameworkOfAsync(draft, cancellationToken) ?? throw new InvalidOperationException("The draft's framework version is missing.");
        return ReadinessScorer.Score(framework, draft.CriterionResponses());
    }

    /// <summary>Submits the draft at <paramref name="baseRevision"/>: scores it and stores the result with it.</summary>
    public async Task<SaveOutcome> SubmitAsync(string consortiumCode, string frameworkId, int baseRevision, CancellationToken cancellationToken)
    {
        var draft = await FindDraftAsync(consortiumCode, frameworkId, cancellationToken);
        if (draft is null)
        {
            return SaveOutcome.NoDraft();
        }

        if (draft.Revision != baseRevision)
        {
            return Conflict(draft);
        }

        var framework = await FrameworkOfAsync(draft, cancellationToken) ?? throw new InvalidOperationException("The draft's framework version is missing.");
        var check = ResponseSetValidator.Validate(
            framework,
            draft.Responses.Select(r => new RawResponse(r.CriterionId, r.Status?.ToWireName(), r.Level)).ToList());
        if (!check.IsValid)
        {
            return SaveOutcome.Invalid(check.Problems.Select(p => new AnswerProblem(null, "answers", p.Message)).ToList());
        }

        var result = ReadinessScorer.Score(framework, check.Responses);
        draft.Submit(result, JsonSerializer.Serialize(ReadinessReport.From(framework, result), JsonSerializerOptions.Web), Actor, Now);
        var outcome = await SaveRevisionAsync(draft, baseRevision, cancellationToken);
        if (outcome.Result == SaveResult.Saved)
        {
            metrics.AssessmentSubmitted();
        }

        return outcome;
    }

    /// <summary>Reads a status or level as typed on a form or sent by a script, with every problem named.</summary>
    public static (IReadOnlyList<(AnswerInput Input, CriterionResponse? Response)> Parsed, IReadOnlyList<AnswerProblem> Problems) Parse(
        Framework framework, IReadOnlyList<AnswerInput> answers)
    {
        var problems = new List<AnswerProblem>();
        var parsed = new List<(AnswerInput, CriterionResponse?)>();
        var raws = new List<RawResponse>();
        var rawFor = new List<AnswerInput>();
        foreach (var answer in answers)
        {
            var criterion = framework.FindCriterion(answer.CriterionId);
            if (criterion is null)
            {
                problems.Add(new AnswerProblem(answer.CriterionId, "value", $"{answer.CriterionId} is not a criterion of {framework.Name}."));
                continue;
            }

            if (answer.Evidence is { Length: > AssessmentResponse.EvidenceMaxLength })
            {
                problems.Add(new AnswerProblem(answer.CriterionId, "evidence",
                    $"Evidence for {criterion.Id} must be {AssessmentResponse.EvidenceMaxLength:N0} characters or fewer (it has {answer.Evidence.Length:N0})"));
            }
            else if (PlainText.HasForbiddenCharacter(answer.Evidence))
            {
                problems.Add(new AnswerProblem(answer.CriterionId, "evidence", PlainText.ForbiddenMessage($"Evidence for {criterion.Id}")));
            }

            if (string.IsNullOrWhiteSpace(answer.Value))
            {
                parsed.Add((answer, null));
                continue;
            }

            var isLevel = int.TryParse(answer.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var level);
            raws.Add(isLevel ? new RawResponse(criterion.Id, null, level) : new RawResponse(criterion.Id, answer.Value, null));
            rawFor.Add(answer);
        }

        var validated = ResponseSetValidator.Validate(framework, raws);
        foreach (var problem in validated.Problems)
        {
            var index = IndexIn(problem.Path);
            var criterionId = index is { } i && i < rawFor.Count ? rawFor[i].CriterionId : null;
            problems.Add(new AnswerProblem(criterionId, "value", Sentence(criterionId, problem.Message)));
        }

        var accepted = validated.Responses.ToDictionary(r => r.CriterionId, StringComparer.Ordinal);
        parsed.AddRange(rawFor.Select(a => (a, accepted.TryGetValue(a.CriterionId, out var r) ? r : null)));
        return (parsed, problems);
    }

    private async Task<SaveOutcome> SaveRevisionAsync(Assessment draft, int baseRevision, CancellationToken cancellationToken)
    {
        if (draft.IsDraft)
        {
            draft.Touch(Actor, Now);
        }

        // The revision the user's page was based on: a save by anyone else since makes this one fail, not overwrite.
        db.Entry(draft).Property(a => a.Revision).OriginalValue = baseRevision;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return SaveOutcome.Saved(draft);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            var current = await db.Assessments.AsNoTracking().Include(a => a.Responses).SingleOrDefaultAsync(a => a.Id == draft.Id, cancellationToken);
            return current is null ? SaveOutcome.NoDraft() : Conflict(current);
        }
    }

    private SaveOutcome Conflict(Assessment current)
    {
        metrics.EditConflict(nameof(Assessment));
        return SaveOutcome.Conflict(current);
    }

    private static int? IndexIn(string path)
    {
        var open = path.IndexOf('[', StringComparison.Ordinal);
        var close = path.IndexOf(']', StringComparison.Ordinal);
        return open >= 0 && close > open && int.TryParse(path[(open + 1)..close], NumberStyles.None, CultureInfo.InvariantCulture, out var index) ? index : null;
    }

    private static string Sentence(string? criterionId, string message) =>
        criterionId is null || message.Contains(criterionId, StringComparison.Ordinal) ? message.TrimEnd('.') : $"{criterionId}: {message.TrimEnd('.')}";
}
