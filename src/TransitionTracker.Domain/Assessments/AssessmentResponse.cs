using TransitionTracker.Domain.Scoring;

namespace TransitionTracker.Domain.Assessments;

/// <summary>One criterion's answer in an assessment: a status or a level, the evidence, and who gave it when.</summary>
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
    }
}
