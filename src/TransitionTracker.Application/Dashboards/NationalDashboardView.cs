namespace TransitionTracker.Application.Dashboards;

/// <summary>
/// The national dashboard as at the reference date: each region's headline figures (in code order) and the country's,
/// the track trend, and competencies between two months (<see cref="Notes"/> says which month values were dropped).
/// </summary>
public sealed record NationalDashboardView(
    IReadOnlyList<RegionHeadline> Regions,
    HeadlineFigures Total,
    IReadOnlyList<TrackTrendPoint> Trend,
    CompetencyImprovement Competency,
    IReadOnlyList<string> Notes);
