namespace TransitionTracker.Application.Dashboards;

/// <summary>
/// World Class Commissioning competencies between two months: per domain the change in mean score over the
/// consortia assessed in both months, and the average of those changes (the statistic the PCT Network reported).
/// </summary>
public sealed record CompetencyImprovement(DateOnly From, DateOnly To, int Consortia, IReadOnlyList<CompetencyChange> Domains)
{
    public double? AverageChange => Domains.Count == 0 ? null : Domains.Average(d => d.Change);

    public double? AveragePercentChange => Domains.Any(d => d.PercentChange is null) || Domains.Count == 0 ? null : Domains.Average(d => d.PercentChange!.Value);
}
