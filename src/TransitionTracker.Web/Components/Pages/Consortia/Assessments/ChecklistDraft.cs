using System.Globalization;
using TransitionTracker.Application.Assessments;
using TransitionTracker.Application.Editing;
using TransitionTracker.Domain.Assessments;
using TransitionTracker.Domain.Frameworks;
using TransitionTracker.Domain.Scoring;

namespace TransitionTracker.Web.Components.Pages.Consortia.Assessments;

/// <summary>
/// What the checklist editor holds between saves: every answer as entered, the draft as last stored, which answers are
/// waiting to be saved, and the answers someone else changed while this user had changed them too. It decides what to
/// save, what a save or a refusal means, and what the result would be now; the page only shows it
/// (docs/architecture.md, "The checklist editor").
/// </summary>
public sealed class ChecklistDraft
{
    private readonly Dictionary<string, Entry> _entered = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Stored> _stored = new(StringComparer.Ordinal);
    private readonly HashSet<string> _pending = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Clash> _clashes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _answerProblems = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _evidenceProblems = new(StringComparer.Ordinal);
    private ReadinessResult? _result;

    public ChecklistDraft(Framework framework, Assessment draft)
    {
        Framework = framework;
        Revision = draft.Revision;
        foreach (var criterion in framework.Criteria)
        {
            var stored = StoredOf(draft, criterion.Id);
            _stored[criterion.Id] = stored;
            _entered[criterion.Id] = new Entry(stored.Value, stored.Evidence);
        }

        UpdatedBy = draft.UpdatedBy;
        UpdatedAtUtc = draft.UpdatedAtUtc;
    }

    /// <summary>An answer as entered: a status's wire name or a level (as <see cref="AnswerText"/> writes them), and the evidence.</summary>
    public sealed record Entry(string? Value, string? Evidence)
    {
        public bool Answered => !string.IsNullOrEmpty(Value);

        public bool SameAs(Entry other) => Value.NullIfEmpty() == other.Value.NullIfEmpty() && Note(Evidence) == Note(other.Evidence);
    }

    /// <summary>An answer as stored in the draft, with whether it is still the one carried forward, and who gave it when.</summary>
    public sealed record Stored(string? Value, string? Evidence, bool CarriedForward, string? AnsweredBy, DateTime? AnsweredAtUtc)
    {
        public Entry AsEntry => new(Value, Evidence);
    }

    /// <summary>An answer this user changed that someone else changed differently and saved first.</summary>
    public sealed record Clash(string CriterionId, Entry Mine, Stored Theirs, string By, DateTime AtUtc);

    public Framework Framework { get; }

    /// <summary>The draft's revision as last read or saved: the next save is based on it.</summary>
    public int Revision { get; private set; }

    public string UpdatedBy { get; private set; }

    public DateTime UpdatedAtUtc { get; private set; }

    public bool HasUnsaved => _pending.Count > 0;

    public int UnsavedCount => _pending.Count;

    public IReadOnlyList<Clash> Clashes => Framework.Criteria.Where(c => _clashes.ContainsKey(c.Id)).Select(c => _clashes[c.Id]).ToList();

    /// <summary>Whether some answer cannot be saved as entered (a clash to settle, or a problem to put right).</summary>
    public bool IsHeldBack => _clashes.Count > 0 || _answerProblems.Count > 0 || _evidenceProblems.Count > 0;

    public Entry EnteredFor(string criterionId) => _entered[criterionId];

    public Stored StoredFor(string criterionId) => _stored[criterionId];

    public string? AnswerProblem(string criterionId) => _answerProblems.GetValueOrDefault(criterionId);

    public string? EvidenceProblem(string criterionId) => _evidenceProblems.GetValueOrDefault(criterionId);

    /// <summary>Problems the save refused that belong to no one criterion.</summary>
    public IReadOnlyList<string> GeneralProblems { get; private set; } = [];

    /// <summary>Carried forward from the last submission and not yet confirmed or changed this round.</summary>
    public bool IsCarriedForward(string criterionId) => _stored[criterionId].CarriedForward && !_pending.Contains(criterionId);

    /// <summary>Answered, and not merely carried forward: it counts towards its section being complete.</summary>
    public bool IsReviewed(string criterionId) => _entered[criterionId].Answered && !IsCarriedForward(criterionId);

    public int AnsweredCount => Framework.Criteria.Count(c => _entered[c.Id].Answered);

    public int ReviewedCount => Framework.Criteria.Count(c => IsReviewed(c.Id));

    public int CarriedForwardCount => Framework.Criteria.Count(c => IsCarriedForward(c.Id));

    public (int Reviewed, int Total) ProgressOf(string domainId)
    {
        var criteria = Framework.CriteriaOf(domainId);
        return (criteria.Count(c => IsReviewed(c.Id)), criteria.Count);
    }

    /// <summary>A section is complete only when every one of its answers was reviewed this round.</summary>
    public bool IsComplete(string domainId) => ProgressOf(domainId) is var (reviewed, total) && reviewed == total;

    /// <summary>The options a criterion is answered with: the framework's levels or the four statuses.</summary>
    public IReadOnlyList<string> OptionsFor(Criterion criterion) => Framework.Scale == FrameworkScale.Levels
        ? Enumerable.Range(Framework.MinLevel!.Value, Framework.MaxLevel!.Value - Framework.MinLevel.Value + 1)
            .Select(l => l.ToString(CultureInfo.InvariantCulture)).Append("not_applicable").ToList()
        : ["not_started", "in_progress", "met", "not_applicable"];

    public void Enter(string criterionId, string? value) => Change(criterionId, _entered[criterionId] with { Value = value.NullIfEmpty() });

    public void EnterEvidence(string criterionId, string? evidence) => Change(criterionId, _entered[criterionId] with { Evidence = evidence });

    /// <summary>Keeps a carried-forward answer as it is: saved unchanged, it counts as reviewed this round.</summary>
    public void Confirm(string criterionId)
    {
        if (_stored[criterionId].CarriedForward && _entered[criterionId].Answered)
        {
            _pending.Add(criterionId);
            _result = null;
        }
    }

    /// <summary>Confirms every carried-forward answer of a section.</summary>
    public void ConfirmSection(string domainId)
    {
        foreach (var criterion in Framework.CriteriaOf(domainId))
        {
            Confirm(criterion.Id);
        }
    }

    /// <summary>What to save now: every waiting answer that is not held back by a clash or a problem.</summary>
    public IReadOnlyList<AnswerInput> ToSave() => Framework.Criteria
        .Where(c => _pending.Contains(c.Id) && !_clashes.ContainsKey(c.Id) && !_answerProblems.ContainsKey(c.Id) && !_evidenceProblems.ContainsKey(c.Id))
        .Select(c => new AnswerInput(c.Id, _entered[c.Id].Value ?? "", _entered[c.Id].Evidence))
        .ToList();

    /// <summary>The save of <paramref name="sent"/> was stored as <paramref name="now"/>: what was entered since stays waiting.</summary>
    public void Saved(IReadOnlyList<AnswerInput> sent, Assessment now)
    {
        Revision = now.Revision;
        UpdatedBy = now.UpdatedBy;
        UpdatedAtUtc = now.UpdatedAtUtc;
        foreach (var criterion in Framework.Criteria)
        {
            _stored[criterion.Id] = StoredOf(now, criterion.Id);
        }

        foreach (var answer in sent)
        {
            if (_entered[answer.CriterionId].SameAs(new Entry(answer.Value, answer.Evidence)))
            {
                _pending.Remove(answer.CriterionId);
            }
        }

        GeneralProblems = [];
        _result = null;
    }

    /// <summary>The save was refused for these problems: each stays beside its answer, which is kept as entered and not sent again until changed.</summary>
    public void Refused(IReadOnlyList<FieldProblem> problems)
    {
        foreach (var problem in problems)
        {
            if (problem.Item is not { } criterionId || !_entered.ContainsKey(criterionId))
            {
                continue;
            }

            (problem.Field == AssessmentWorkflow.EvidenceField ? _evidenceProblems : _answerProblems)[criterionId] = problem.Message;
        }

        GeneralProblems = problems.Where(p => p.Item is null || !_entered.ContainsKey(p.Item)).Select(p => p.Message).ToList();
    }

    /// <summary>
    /// Someone else saved the draft (found by a refused save or by watching): takes in their revision. Their answers
    /// replace those this user has not changed; an answer both changed differently becomes a <see cref="Clash"/> to
    /// settle, and is not saved until settled. Returns the criteria whose shown answer changed to theirs.
    /// </summary>
    public IReadOnlyList<string> TakeIn(Assessment theirs)
    {
        var replaced = new List<string>();
        foreach (var criterion in Framework.Criteria)
        {
            var id = criterion.Id;
            var before = _stored[id];
            var now = StoredOf(theirs, id);
            _stored[id] = now;
            if (now == before)
            {
                continue;
            }

            var mine = _entered[id];
            if (!_pending.Contains(id))
            {
                if (!mine.SameAs(now.AsEntry))
                {
                    replaced.Add(id);
                }

                _entered[id] = now.AsEntry;
            }
            else if (mine.SameAs(now.AsEntry))
            {
                // They saved what this user entered: nothing to settle (a carried-forward answer still needs confirming).
                _clashes.Remove(id);
                if (!now.CarriedForward)
                {
                    _pending.Remove(id);
                }
            }
            else
            {
                _clashes[id] = new Clash(id, mine, now, now.AnsweredBy ?? theirs.UpdatedBy, now.AnsweredAtUtc ?? theirs.UpdatedAtUtc);
            }
        }

        Revision = theirs.Revision;
        UpdatedBy = theirs.UpdatedBy;
        UpdatedAtUtc = theirs.UpdatedAtUtc;
        _result = null;
        return replaced;
    }

    /// <summary>Settles a clash: keep this user's answer (saved over theirs) or take theirs.</summary>
    public void Settle(string criterionId, bool keepMine)
    {
        if (!_clashes.Remove(criterionId))
        {
            return;
        }

        if (!keepMine)
        {
            _entered[criterionId] = _stored[criterionId].AsEntry;
            _pending.Remove(criterionId);
            _answerProblems.Remove(criterionId);
            _evidenceProblems.Remove(criterionId);
        }

        _result = null;
    }

    /// <summary>
    /// The result the answers as entered would get: the same validation and the same scorer as submitting
    /// (<see cref="ResponseSetValidator"/>, <see cref="ReadinessScorer"/>), so once saved, the preview is what is stored.
    /// </summary>
    public ReadinessResult Result => _result ??= Score();

    private ReadinessResult Score()
    {
        var raws = Framework.Criteria
            .Select(c => (c.Id, _entered[c.Id].Value))
            .Where(a => a.Value is not null)
            .Select(a => int.TryParse(a.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var level)
                ? new RawResponse(a.Id, null, level)
                : new RawResponse(a.Id, a.Value, null))
            .ToList();
        return ReadinessScorer.Score(Framework, ResponseSetValidator.Validate(Framework, raws).Responses);
    }

    private void Change(string criterionId, Entry entry)
    {
        var was = _entered[criterionId];
        _entered[criterionId] = entry;
        if (was.SameAs(entry))
        {
            return;
        }

        // Back to what is stored: nothing to save, unless it still needs confirming this round.
        var stored = _stored[criterionId];
        if (entry.SameAs(stored.AsEntry) && !stored.CarriedForward && !_clashes.ContainsKey(criterionId))
        {
            _pending.Remove(criterionId);
        }
        else
        {
            _pending.Add(criterionId);
        }

        _answerProblems.Remove(criterionId);
        _evidenceProblems.Remove(criterionId);
        _result = null;
    }

    private static Stored StoredOf(Assessment draft, string criterionId)
    {
        var response = draft.ResponseTo(criterionId);
        return new Stored(AnswerText.ValueOf(response), response?.Evidence, response?.CarriedForward ?? false, response?.AnsweredBy, response?.AnsweredAtUtc);
    }

    private static string? Note(string? evidence) => string.IsNullOrWhiteSpace(evidence) ? null : evidence.Trim();
}

internal static class EntryText
{
    public static string? NullIfEmpty(this string? value) => string.IsNullOrEmpty(value) ? null : value;
}
