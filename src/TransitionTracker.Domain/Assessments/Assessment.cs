using TransitionTracker.Domain.Evidence;
using TransitionTracker.Domain.Frameworks;
using TransitionTracker.Domain.Organisations;
using TransitionTracker.Domain.Scoring;

namespace TransitionTracker.Domain.Assessments;

/// <summary>
/// One consortium against one framework version: a draft that PCT managers fill in, then submit. Submitting stores
/// the computed result (score, track, and the whole result as JSON) so history never changes when a framework does.
/// <see cref="Revision"/> goes up with every save, so a save based on an older revision can be refused.
/// </summary>
public sealed class Assessment : IRevisioned
{
    /// <summary>The revision of a draft nobody has saved answers to yet.</summary>
    public const int FirstRevision = 0;

    private readonly List<AssessmentResponse> _responses = [];
    private readonly List<DomainScore> _domainScores = [];
    private readonly List<EvidenceAttachment> _attachments = [];

    public Assessment(string consortiumCode, string frameworkId, int frameworkVersion, string createdBy, DateTime createdAtUtc)
    {
        ConsortiumCode = OrganisationCode.Normalise(consortiumCode);
        FrameworkId = frameworkId;
        FrameworkVersion = frameworkVersion;
        Status = AssessmentStatus.Draft;
        CreatedBy = createdBy;
        CreatedAtUtc = createdAtUtc;
        UpdatedBy = createdBy;
        UpdatedAtUtc = createdAtUtc;
    }

    public int Id { get; private set; }

    public string ConsortiumCode { get; private set; }

    public string FrameworkId { get; private set; }

    public int FrameworkVersion { get; private set; }

    public AssessmentStatus Status { get; private set; }

    public int Revision { get; private set; } = FirstRevision;

    public string CreatedBy { get; private set; }

    public DateTime CreatedAtUtc { get; private set; }

    public string UpdatedBy { get; private set; }

    public DateTime UpdatedAtUtc { get; private set; }

    public string? SubmittedBy { get; private set; }

    public DateTime? SubmittedAtUtc { get; private set; }

    /// <summary>The overall score when submitted (rounded as reported); null for drafts and for no-applicable results.</summary>
    public double? Score { get; private set; }

    public Track? Track { get; private set; }

    /// <summary>The full result as the API reports it, frozen at submission.</summary>
    public string? ResultJson { get; private set; }

    public IReadOnlyList<AssessmentResponse> Responses => _responses;

    public IReadOnlyList<DomainScore> DomainScores => _domainScores;

    /// <summary>The files attached to answers, when read with them (only the carry-forward into a new draft adds to it).</summary>
    public IReadOnlyList<EvidenceAttachment> Attachments => _attachments;

    public bool IsDraft => Status == AssessmentStatus.Draft;

    public AssessmentResponse? ResponseTo(string criterionId) => _responses.FirstOrDefault(r => r.CriterionId == criterionId);

    /// <summary>The answered criteria, for scoring: an evidence note saved without an answer is not a response yet.</summary>
    public IReadOnlyList<CriterionResponse> CriterionResponses() =>
        _responses.Where(r => r.Status is not null || r.Level is not null).Select(r => r.ToCriterionResponse()).ToList();

    /// <summary>A new draft that starts from the answers of the last submitted assessment.</summary>
    public static Assessment StartFrom(Assessment? previous, string consortiumCode, Framework framework, string by, DateTime atUtc)
    {
        var draft = new Assessment(consortiumCode, framework.Id, framework.Version, by, atUtc);
        if (previous is not null)
        {
            foreach (var response in previous.Responses.Where(r => framework.FindCriterion(r.CriterionId) is not null))
            {
                draft._responses.Add(response.CarryForward());
            }
        }

        return draft;
    }

    /// <summary>The files attached to the previous assessment's answers, carried forward with them (for criteria this draft's framework still has).</summary>
    public void CarryForwardAttachments(IEnumerable<EvidenceAttachment> previous, Framework framework)
    {
        EnsureDraft();
        _attachments.AddRange(previous.Where(a => framework.FindCriterion(a.CriterionId) is not null).Select(a => a.CarryForward()));
    }

    /// <summary>Attaches a file to a criterion's answer; only a draft takes new files (a submitted assessment keeps the ones it has).</summary>
    public void Attach(EvidenceAttachment attachment)
    {
        EnsureDraft();
        _attachments.Add(attachment);
    }

    /// <summary>
    /// Sets, changes or (with neither status nor level nor evidence) clears one criterion's answer; giving a carried-forward
    /// answer again unchanged confirms it as reviewed this round. Returns whether anything changed.
    /// </summary>
    public bool Answer(string criterionId, ResponseStatus? status, int? level, string? evidence, string by, DateTime atUtc)
    {
        EnsureDraft();
        var existing = ResponseTo(criterionId);
        if (status is null && level is null && string.IsNullOrWhiteSpace(evidence))
        {
            if (existing is null)
            {
                return false;
            }

            _responses.Remove(existing);
            return true;
        }

        if (existing is null)
        {
            _responses.Add(new AssessmentResponse(criterionId, status, level, evidence, by, atUtc));
            return true;
        }

        if (existing.SameAnswerAs(status, level, evidence))
        {
            if (!existing.CarriedForward)
            {
                return false;
            }

            existing.Confirm(by, atUtc);
            return true;
        }

        existing.Change(status, level, evidence, by, atUtc);
        return true;
    }

    /// <summary>
    /// Replaces every answer at once (the API's bulk update). Evidence is never dropped silently: a criterion's
    /// evidence changes only when <paramref name="evidence"/> gives a note for it (an empty note clears it), and a criterion
    /// left out loses its answer but keeps its evidence note.
    /// </summary>
    public void ReplaceResponses(IReadOnlyList<CriterionResponse> responses, IReadOnlyDictionary<string, string?> evidence, string by, DateTime atUtc)
    {
        EnsureDraft();
        var keep = responses.Select(r => r.CriterionId).ToHashSet(StringComparer.Ordinal);
        foreach (var left in _responses.Where(r => !keep.Contains(r.CriterionId)).ToList())
        {
            Answer(left.CriterionId, null, null, left.Evidence, by, atUtc);
        }

        foreach (var response in responses)
        {
            var note = evidence.TryGetValue(response.CriterionId, out var given) ? given : ResponseTo(response.CriterionId)?.Evidence;
            Answer(response.CriterionId, response.Status, response.Level, note, by, atUtc);
        }
    }

    /// <summary>Answers copied from the last submission that nobody has confirmed or changed in this draft yet.</summary>
    public int CarriedForwardCount => _responses.Count(r => r.CarriedForward);

    /// <summary>Marks the draft as saved by someone: bumps the revision that concurrent editors are checked against.</summary>
    public void Touch(string by, DateTime atUtc)
    {
        EnsureDraft();
        UpdatedBy = by;
        UpdatedAtUtc = atUtc;
        Revision++;
    }

    public void Submit(ReadinessResult result, string resultJson, string by, DateTime atUtc)
    {
        Touch(by, atUtc);
        Status = AssessmentStatus.Submitted;
        SubmittedBy = by;
        SubmittedAtUtc = atUtc;
        Score = result.Score;
        Track = result.Track;
        ResultJson = resultJson;
        _domainScores.AddRange(result.Domains.Select(d => new DomainScore(d.Id, d.Score, d.BelowFloor)));
    }

    private void EnsureDraft()
    {
        if (Status != AssessmentStatus.Draft)
        {
            throw new InvalidOperationException("A submitted assessment never changes; start a new draft.");
        }
    }
}
