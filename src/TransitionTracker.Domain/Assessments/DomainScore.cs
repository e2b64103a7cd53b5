namespace TransitionTracker.Domain.Assessments;

/// <summary>A submitted assessment's score in one domain, stored so dashboards can aggregate without re-scoring.</summary>
public sealed class DomainScore
{
    public DomainScore(string domainId, double? score, bool belowFloor)
    {
        DomainId = domainId;
        Score = score;
        BelowFloor = belowFloor;
    }

    public int AssessmentId { get; private set; }

    public string DomainId { get; private set; }

    public double? Score { get; private set; }

    public bool BelowFloor { get; private set; }
}
