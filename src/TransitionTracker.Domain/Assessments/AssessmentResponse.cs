using TransitionTracker.Domain.Scoring;

namespace TransitionTracker.Domain.Assessments;

/// <summary>
/// One criterion's answer in an assessment: a status or a level, the evidence, and who gave it when. An answer copied
/// into a new draft from the last submission is <see cref="CarriedForward"/> until someone confirms or changes it, so a
/// draft shows what was reviewed this round (docs/scoring.md, "Reviewed this round").
/// </summary>
public sealed class AssessmentResponse
{
    public const int EvidenceMaxLength = 2000;

    public AssessmentResponse(string criterionId, ResponseStatus? status, int? level, string? evidence, string answeredBy, DateTime answeredAtUtc)
    {
        if (evidence is { Length: > EvidenceMaxLength })
        {
            throw new ArgumentException($"Evidence is limited to {EvidenceMaxLength} characters.", nameof(evidence));
        }

        CriterionId = criterionId;
        Status = status;
        Level = level;
        Evidence = string.IsNullOrWhiteSpace(evidence) ? null : evidence.Trim();
        AnsweredBy = answeredBy;
        AnsweredAtUtc = answeredAtUtc;
    }

    public int Id { get; private set; }

    public int AssessmentId { get; private set; }

    public string CriterionId { get; private set; }

    public ResponseStatus? Status { get; private set; }

    public int? Level { get; private set; }

    public string? Evidence { get; private set; }

    public string AnsweredBy { get; private set; }

    public DateTime AnsweredAtUtc { get; private set; }

    /// <summary>Copied from the last submitted assessment and not yet confirmed or changed in this one.</summary>
    public bool CarriedForward { get; private set; }

    /// <summary>This answer as the start of a new round: the same answer and evidence, carried forward until reviewed.</summary>
    public AssessmentResponse CarryForward() =>
        new(CriterionId, Status, Level, Evidence, AnsweredBy, AnsweredAtUtc) { CarriedForward = true };

    public CriterionResponse ToCriterionResponse() => new(CriterionId, Status, Level);

    public bool SameAnswerAs(ResponseStatus? status, int? level, string? evidence) =>
        Status == status && Level == level && string.Equals(Evidence, string.IsNullOrWhiteSpace(evidence) ? null : evidence.Trim(), StringComparison.Ordinal);

    internal void Change(ResponseStatus? status, int? level, string? evidence, string answeredBy, DateTime answeredAtUtc)
    {
        Status = status;
        Level = level;
        Evidence = string.IsNullOrWhiteSpace(evidence) ? null : evidence.Trim();
        AnsweredBy = answeredBy;
        AnsweredAtUtc = answeredAtUtc;
        CarriedForward = false;
    }

    /// <summary>Someone looked at a carried-forward answer and kept it as it is: it now counts as reviewed this round.</summary>
    internal void Confirm(string answeredBy, DateTime answeredAtUtc)
    {
        AnsweredBy = answeredBy;
        AnsweredAtUtc = answeredAtUtc;
        CarriedForward = false;
    }
}
