using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using TransitionTracker.Application.Access;
using TransitionTracker.Application.Editing;
using TransitionTracker.Application.Frameworks;
using TransitionTracker.Application.Persistence;
using TransitionTracker.Application.Telemetry;
using TransitionTracker.Data;
using TransitionTracker.Domain.Assessments;
using TransitionTracker.Domain.Frameworks;
using TransitionTracker.Domain.Organisations;
using TransitionTracker.Domain.Scoring;
using TransitionTracker.Domain.Text;

namespace TransitionTracker.Application.Assessments;

/// <summary>
/// A consortium's readiness assessment from draft to submission: one draft at a time per framework, answers saved
/// with optimistic concurrency (a save based on an older revision is refused, never merged silently: docs/architecture.md,
/// "Editing: one outcome, one revision rule"), and a submission that freezes the computed result in one transaction.
/// Submitted assessments are read by anyone who may read the consortium; drafts are read and changed by those who may
/// edit it (PCT managers).
/// </summary>
public sealed class AssessmentWorkflow(
    DbContexts contexts, OrganisationScope scope, FrameworkLibrary frameworks, RevisionCheckedSave save, TimeProvider clock, TransitionTrackerMetrics metrics)
{
    public const string DefaultFramework = "gp-consortium-readiness-2010";

    /// <summary>The input name of an answer's status or level; a problem with it names the criterion as its <see cref="FieldProblem.Item"/>.</summary>
    public const string AnswerField = "answer";

    /// <summary>The input name of an answer's evidence note; a problem with it names the criterion as its <see cref="FieldProblem.Item"/>.</summary>
    public const string EvidenceField = "evidence";

    /// <summary>The name of the answers as a whole, for a problem that is about no one criterion.</summary>
    public const string AnswersField = "answers";

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// <summary>The framework version the assessment is made against; null when the user may not read its consortium.</summary>
    public async Task<Framework?> FrameworkOfAsync(ActingUser? user, Assessment assessment, CancellationToken cancellationToken) =>
        await scope.CanReadConsortiumAsync(user, assessment.ConsortiumCode, cancellationToken)
            ? await frameworks.FindAsync(assessment.FrameworkId, assessment.FrameworkVersion, cancellationToken)
            : null;

    /// <summary>The draft for the framework, with its answers; null when there is none or the user may not edit the consortium.</summary>
    public async Task<Assessment?> FindDraftAsync(ActingUser? user, string consortiumCode, string frameworkId, CancellationToken cancellationToken)
    {
        if (!await scope.CanEditConsortiumAsync(user, consortiumCode, cancellationToken))
        {
            return null;
        }

        await using var db = contexts.OpenForReading();
        return await DraftAsync(db, OrganisationCode.Normalise(consortiumCode), frameworkId, cancellationToken);
    }

    /// <summary>
    /// The revision of the draft for the framework, for an open editor to notice at once that someone else saved it: one
    /// small query. Null when there is no draft (it was submitted meanwhile, or never started) or the user may not edit
    /// the consortium.
    /// </summary>
    public async Task<int?> DraftRevisionAsync(ActingUser? user, string consortiumCode, string frameworkId, CancellationToken cancellationToken)
    {
        if (!await scope.CanEditConsortiumAsync(user, consortiumCode, cancellationToken))
        {
            return null;
        }

        var code = OrganisationCode.Normalise(consortiumCode);
        await using var db = contexts.OpenForReading();
        return await db.Assessments.AsNoTracking()
            .Where(a => a.ConsortiumCode == code && a.FrameworkId == frameworkId && a.Status == AssessmentStatus.Draft)
            .Select(a => (int?)a.Revision)
            .SingleOrDefaultAsync(cancellationToken);
    }

    /// <summary>The latest submitted assessment for the framework; null when there is none or the user may not read the consortium.</summary>
    public async Task<Assessment?> LastSubmittedAsync(ActingUser? user, string consortiumCode, string frameworkId, CancellationToken cancellationToken)
    {
        if (!await scope.CanReadConsortiumAsync(user, consortiumCode, cancellationToken))
        {
            return null;
        }

        await using var db = contexts.OpenForReading();
        return await LastSubmittedAsync(db, OrganisationCode.Normalise(consortiumCode), frameworkId, cancellationToken);
    }

    /// <summary>Every submitted assessment, newest first, with its answers; empty when the user may not read the consortium.</summary>
    public async Task<IReadOnlyList<Assessment>> HistoryAsync(ActingUser? user, string consortiumCode, CancellationToken cancellationToken)
    {
        if (!await scope.CanReadConsortiumAsync(user, consortiumCode, cancellationToken))
        {
            return [];
        }

        var code = OrganisationCode.Normalise(consortiumCode);
        await using var db = contexts.OpenForReading();
        return await db.Assessments.AsNoTracking().Include(a => a.Responses)
            .Where(a => a.ConsortiumCode == code && a.Status == AssessmentStatus.Submitted)
            .OrderByDescending(a => a.SubmittedAtUtc).ThenByDescending(a => a.Id)
            .AsSplitQuery()
            .ToListAsync(cancellationToken);
    }

    /// <summary>
    /// One submitted assessment of the consortium with every answer and evidence note, by domain of the framework
    /// version it was made against, and what changed since the previous one (<see cref="AnswerChanges"/>: the two are
    /// read in one query); null when there is no submitted assessment with that id for the consortium (a draft,
    /// another consortium's) or the user may not read the consortium.
    /// </summary>
    public async Task<SubmittedAnswers?> SubmittedAnswersAsync(ActingUser? user, string consortiumCode, int assessmentId, CancellationToken cancellationToken)
    {
        if (!await scope.CanReadConsortiumAsync(user, consortiumCode, cancellationToken))
        {
            return null;
        }

        var code = OrganisationCode.Normalise(consortiumCode);
        await using var db = contexts.OpenForReading();
        var pair = await AnswerChanges.WithPreviousAsync(db, code, assessmentId, cancellationToken);
        if (pair is not [var assessment, ..] || assessment.Id != assessmentId)
        {
            return null;
        }

        var framework = await VersionOfAsync(assessment, cancellationToken);
        var changes = pair is [_, var previous] ? AnswerChanges.Between(previous, await VersionOfAsync(previous, cancellationToken), assessment, framework) : null;
        var domains = framework.Domains
            .Select(d => new SubmittedAnswers.DomainAnswers(d.Id, d.Name, framework.CriteriaOf(d.Id)
                .Select(c => (Criterion: c, Response: assessment.ResponseTo(c.Id)))
                .Select(x => new SubmittedAnswers.Answer(
                    x.Criterion.Id, x.Criterion.Text, x.Criterion.Essential, AnswerText.Describe(AnswerText.ValueOf(x.Response)),
                    x.Response?.Evidence, x.Response?.AnsweredBy, x.Response?.AnsweredAtUtc))
                .ToList()))
            .ToList();
        return new SubmittedAnswers(
            assessment.Id, assessment.ConsortiumCode, framework.Id, framework.Version, framework.Name, assessment.SubmittedAtUtc!.Value,
            assessment.SubmittedBy, assessment.Score, assessment.Track, domains, changes);
    }

    /// <summary>
    /// The draft (the outcome's value), started from the last submitted answers if there is none yet. Not found for an
    /// unknown framework, or when the user may not edit the consortium.
    /// </summary>
    public async Task<EditOutcome<Assessment>> StartDraftAsync(ActingUser? user, string consortiumCode, string frameworkId, CancellationToken cancellationToken)
    {
        if (!await scope.CanEditConsortiumAsync(user, consortiumCode, cancellationToken))
        {
            return EditOutcome<Assessment>.From(EditOutcome.NotFound());
        }

        await using var db = contexts.Open(user);
        var draft = await StartDraftAsync(db, user!.AuditName, OrganisationCode.Normalise(consortiumCode), frameworkId, cancellationToken);
        return draft is null
            ? EditOutcome<Assessment>.From(EditOutcome.NotFound())
            : EditOutcome<Assessment>.From(EditOutcome.Saved(draft.Id, draft.Revision), draft);
    }

    /// <summary>
    /// Saves answers to some criteria of the draft, if the draft is still at <paramref name="basedOn"/>. Every problem
    /// with the answers is reported first (by input name, <see cref="AnswerField"/> or <see cref="EvidenceField"/>, with
    /// the criterion as the item); a conflict carries the draft as now stored.
    /// </summary>
    public async Task<EditOutcome<Assessment>> SaveAnswersAsync(
        ActingUser? user, string consortiumCode, string frameworkId, int? basedOn, IReadOnlyList<AnswerInput> answers, CancellationToken cancellationToken)
    {
        if (!await scope.CanEditConsortiumAsync(user, consortiumCode, cancellationToken))
        {
            return EditOutcome<Assessment>.From(EditOutcome.NotFound());
        }

        var code = OrganisationCode.Normalise(consortiumCode);
        var by = user!.AuditName;
        await using var db = contexts.Open(user);
        var draft = await DraftAsync(db, code, frameworkId, cancellationToken);
        if (draft is null)
        {
            return EditOutcome<Assessment>.From(EditOutcome.NotFound());
        }

        var framework = await VersionOfAsync(draft, cancellationToken);
        var (parsed, problems) = Parse(framework, answers);
        if (problems.Count > 0)
        {
            return EditOutcome<Assessment>.From(EditOutcome.Invalid(problems), draft);
        }

        return await SaveAsync(db, draft, basedOn, d =>
        {
            var changed = false;
            foreach (var (input, response) in parsed)
            {
                changed |= d.Answer(input.CriterionId, response?.Status, response?.Level, input.Evidence, by, Now);
            }

            if (changed)
            {
                d.Touch(by, Now);
            }

            return [];
        }, cancellationToken);
    }

    /// <summary>
    /// Replaces every answer of the draft, as the API's bulk update does. Without a draft it starts one and
    /// <paramref name="basedOn"/> may be left out; once a draft exists its revision is required, so nobody replaces
    /// answers they have not seen (refused as <see cref="EditOutcome.RevisionRequired"/>, with the draft as the value).
    /// </summary>
    public async Task<EditOutcome<Assessment>> ReplaceAnswersAsync(
        ActingUser? user, string consortiumCode, string frameworkId, int? basedOn, IReadOnlyList<CriterionResponse> responses,
        IReadOnlyDictionary<string, string?> evidence, CancellationToken cancellationToken)
    {
        if (!await scope.CanEditConsortiumAsync(user, consortiumCode, cancellationToken))
        {
            return EditOutcome<Assessment>.From(EditOutcome.NotFound());
        }

        var code = OrganisationCode.Normalise(consortiumCode);
        var by = user!.AuditName;
        await using var db = contexts.Open(user);
        var draft = await DraftAsync(db, code, frameworkId, cancellationToken);
        if (draft is not null && basedOn is null)
        {
            return EditOutcome<Assessment>.From(EditOutcome.RevisionRequired(), draft);
        }

        if (draft is null)
        {
            draft = await StartDraftAsync(db, by, code, frameworkId, cancellationToken);
            if (draft is null)
            {
                return EditOutcome<Assessment>.From(EditOutcome.NotFound());
            }

            // A draft someone else started (and perhaps saved) at the same moment is theirs: it needs its revision.
            basedOn ??= Assessment.FirstRevision;
        }

        return await SaveAsync(db, draft, basedOn, d =>
        {
            d.ReplaceResponses(responses, evidence, by, Now);
            d.Touch(by, Now);
            return [];
        }, cancellationToken);
    }

    /// <summary>The result the draft would get if submitted now; null when the user may not edit its consortium.</summary>
    public async Task<ReadinessResult?> PreviewAsync(ActingUser? user, Assessment draft, CancellationToken cancellationToken)
    {
        if (!await scope.CanEditConsortiumAsync(user, draft.ConsortiumCode, cancellationToken))
        {
            return null;
        }

        var framework = await VersionOfAsync(draft, cancellationToken);
        return ReadinessScorer.Score(framework, draft.CriterionResponses());
    }

    /// <summary>
    /// Submits the draft at <paramref name="basedOn"/>: scores it and stores the result with it (the outcome's value).
    /// Answers that cannot be scored are refused, each problem named for <see cref="AnswersField"/>.
    /// </summary>
    public async Task<EditOutcome<Assessment>> SubmitAsync(ActingUser? user, string consortiumCode, string frameworkId, int? basedOn, CancellationToken cancellationToken)
    {
        if (!await scope.CanEditConsortiumAsync(user, consortiumCode, cancellationToken))
        {
            return EditOutcome<Assessment>.From(EditOutcome.NotFound());
        }

        var code = OrganisationCode.Normalise(consortiumCode);
        var by = user!.AuditName;
        await using var db = contexts.Open(user);
        var draft = await DraftAsync(db, code, frameworkId, cancellationToken);
        if (draft is null)
        {
            return EditOutcome<Assessment>.From(EditOutcome.NotFound());
        }

        var framework = await VersionOfAsync(draft, cancellationToken);
        var outcome = await SaveAsync(db, draft, basedOn, d =>
        {
            var check = ResponseSetValidator.Validate(
                framework,
                d.Responses.Select(r => new RawResponse(r.CriterionId, r.Status?.ToWireName(), r.Level)).ToList());
            if (!check.IsValid)
            {
                return check.Problems.Select(p => new FieldProblem(AnswersField, p.Message)).ToList();
            }

            var result = ReadinessScorer.Score(framework, check.Responses);
            d.Submit(result, JsonSerializer.Serialize(ReadinessReport.From(framework, result), JsonSerializerOptions.Web), by, Now);
            return [];
        }, cancellationToken);
        if (outcome.IsSaved)
        {
            metrics.AssessmentSubmitted();
        }

        return outcome;
    }

    /// <summary>Reads a status or level as typed on a form or sent by a script, with every problem named.</summary>
    internal static (IReadOnlyList<(AnswerInput Input, CriterionResponse? Response)> Parsed, IReadOnlyList<FieldProblem> Problems) Parse(
        Framework framework, IReadOnlyList<AnswerInput> answers)
    {
        var problems = new List<FieldProblem>();
        var parsed = new List<(AnswerInput, CriterionResponse?)>();
        var raws = new List<RawResponse>();
        var rawFor = new List<AnswerInput>();
        foreach (var answer in answers)
        {
            var criterion = framework.FindCriterion(answer.CriterionId);
            if (criterion is null)
            {
                problems.Add(new FieldProblem(AnswerField, $"{answer.CriterionId} is not a criterion of {framework.Name}.", answer.CriterionId));
                continue;
            }

            if (answer.Evidence is { Length: > AssessmentResponse.EvidenceMaxLength })
            {
                problems.Add(new FieldProblem(EvidenceField,
                    $"Evidence for {criterion.Id} must be {AssessmentResponse.EvidenceMaxLength:N0} characters or fewer (it has {answer.Evidence.Length:N0})",
                    answer.CriterionId));
            }
            else if (PlainText.HasForbiddenCharacter(answer.Evidence))
            {
                problems.Add(new FieldProblem(EvidenceField, PlainText.ForbiddenMessage($"Evidence for {criterion.Id}"), answer.CriterionId));
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
            problems.Add(new FieldProblem(AnswerField, Sentence(criterionId, problem.Message), criterionId));
        }

        var accepted = validated.Responses.ToDictionary(r => r.CriterionId, StringComparer.Ordinal);
        parsed.AddRange(rawFor.Select(a => (a, accepted.TryGetValue(a.CriterionId, out var r) ? r : null)));
        return (parsed, problems);
    }

    private static Task<Assessment?> DraftAsync(TransitionTrackerDbContext db, string consortiumCode, string frameworkId, CancellationToken cancellationToken) =>
        db.Assessments.Include(a => a.Responses)
            .SingleOrDefaultAsync(a => a.ConsortiumCode == consortiumCode && a.FrameworkId == frameworkId && a.Status == AssessmentStatus.Draft, cancellationToken);

    private static Task<Assessment?> LastSubmittedAsync(TransitionTrackerDbContext db, string consortiumCode, string frameworkId, CancellationToken cancellationToken) =>
        db.Assessments.AsNoTracking().Include(a => a.Responses)
            .Where(a => a.ConsortiumCode == consortiumCode && a.FrameworkId == frameworkId && a.Status == AssessmentStatus.Submitted)
            .OrderByDescending(a => a.SubmittedAtUtc).ThenByDescending(a => a.Id)
            .FirstOrDefaultAsync(cancellationToken);

    private async Task<Framework> VersionOfAsync(Assessment assessment, CancellationToken cancellationToken) =>
        await frameworks.FindAsync(assessment.FrameworkId, assessment.FrameworkVersion, cancellationToken)
            ?? throw new InvalidOperationException("The draft's framework version is missing.");

    // The draft, tracked by db, started from the last submitted answers if there is none yet; null for an unknown framework.
    private async Task<Assessment?> StartDraftAsync(TransitionTrackerDbContext db, string by, string consortiumCode, string frameworkId, CancellationToken cancellationToken)
    {
        if (await DraftAsync(db, consortiumCode, frameworkId, cancellationToken) is { } existing)
        {
            return existing;
        }

        var framework = await frameworks.FindAsync(frameworkId, null, cancellationToken);
        if (framework is null)
        {
            return null;
        }

        var previous = await LastSubmittedAsync(db, consortiumCode, frameworkId, cancellationToken);
        var draft = Assessment.StartFrom(previous, consortiumCode, framework, by, Now);
        if (previous is not null)
        {
            // Evidence files go with the answers they support (their bytes are stored once, by SHA-256).
            draft.CarryForwardAttachments(
                await db.EvidenceAttachments.AsNoTracking().Where(a => a.AssessmentId == previous.Id).OrderBy(a => a.Id).ToListAsync(cancellationToken), framework);
        }

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
            return await DraftAsync(db, consortiumCode, frameworkId, cancellationToken);
        }
    }

    // The revision rule (docs/architecture.md, "Editing: one outcome, one revision rule"); a refusal carries the
    // assessment as now stored (perhaps submitted meanwhile), which the API returns and the pages compare with.
    private async Task<EditOutcome<Assessment>> SaveAsync(
        TransitionTrackerDbContext db, Assessment draft, int? basedOn, Func<Assessment, IReadOnlyList<FieldProblem>> change, CancellationToken cancellationToken)
    {
        Assessment? current = null;
        var outcome = await save.SaveAsync(db, draft, basedOn, change, async (stale, ct) =>
        {
            current = await db.Assessments.AsNoTracking().Include(a => a.Responses).SingleOrDefaultAsync(a => a.Id == stale.Id, ct);
            return await EditConflict.LatestAsync(
                db, nameof(Assessment), stale.ConsortiumCode, stale.Id.ToString(CultureInfo.InvariantCulture), current?.Revision, ct);
        }, d => d.Id, cancellationToken);
        return outcome.Status switch
        {
            EditStatus.Conflict when current is null => EditOutcome<Assessment>.From(EditOutcome.NotFound()),
            EditStatus.Conflict => EditOutcome<Assessment>.From(outcome, current),
            _ => EditOutcome<Assessment>.From(outcome, draft),
        };
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
