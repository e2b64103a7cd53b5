using System.Globalization;

namespace TransitionTracker.Domain.Assessments;

/// <summary>
/// A consortium's last submitted World Class Commissioning assessment of a UK month (latest by time, then by id), one
/// row for each month in which it submitted one, with that assessment's domain scores: what the competency comparison
/// between two months reads (two months' rows, without a lookup per domain score). Derived from the assessments and
/// rewritten with them in the same transaction (docs/architecture.md, "The monthly track snapshot").
/// </summary>
public sealed class MonthlyCompetencyAssessment
{
    public MonthlyCompetencyAssessment(string consortiumCode, DateOnly month, int assessmentId, string scores)
    {
        ConsortiumCode = consortiumCode;
        Month = month;
        AssessmentId = assessmentId;
        Scores = scores;
    }

    public string ConsortiumCode { get; private set; }

    /// <summary>The first day of the UK month.</summary>
    public DateOnly Month { get; private set; }

    public int AssessmentId { get; private set; }

    /// <summary>The assessment's domain scores that have a value, written by <see cref="FormatScores"/>.</summary>
    public string Scores { get; private set; }

    /// <summary>Domain scores as stored in <see cref="Scores"/>: <c>domain=score</c> pairs separated by <c>;</c>, in domain id order, scores without value left out.</summary>
    public static string FormatScores(IEnumerable<(string DomainId, double? Score)> scores) =>
        string.Join(';', scores
            .Where(s => s.Score is not null)
            .OrderBy(s => s.DomainId, StringComparer.Ordinal)
            .Select(s => string.Create(CultureInfo.InvariantCulture, $"{s.DomainId}={s.Score!.Value:R}")));

    /// <summary>Reads <see cref="Scores"/> back: each domain with a score.</summary>
    public static IEnumerable<(string DomainId, double Score)> ParseScores(string scores)
    {
        foreach (var pair in scores.Split(';', StringSplitOptions.RemoveEmptyEntries))
        {
            var separator = pair.IndexOf('=', StringComparison.Ordinal);
            yield return (pair[..separator], double.Parse(pair.AsSpan(separator + 1), NumberStyles.Float, CultureInfo.InvariantCulture));
        }
    }
}
