namespace TransitionTracker.Domain.Assessments;

/// <summary>
/// A consortium's last submitted World Class Commissioning assessment of a UK month (latest by time, then by id), one
/// row for each month in which it submitted one: what the competency comparison between two months reads. Derived
/// from the assessments and rewritten with them in the same transaction (docs/architecture.md, "The monthly track
/// snapshot").
/// </summary>
public sealed class MonthlyCompetencyAssessment
{
    public MonthlyCompetencyAssessment(string consortiumCode, DateOnly month, int assessmentId)
    {
        ConsortiumCode = consortiumCode;
        Month = month;
        AssessmentId = assessmentId;
    }

    public string ConsortiumCode { get; private set; }

    /// <summary>The first day of the UK month.</summary>
    public DateOnly Month { get; private set; }

    public int AssessmentId { get; private set; }
}
