using TransitionTracker.Application.Organisations;

namespace TransitionTracker.Application.Dashboards;

/// <summary>
/// A region's dashboard as at the reference date, over the consortia the reader may read: the region and its PCTs,
/// the table as asked for (<see cref="Query"/>, with a note for each value dropped), and every figure.
/// </summary>
public sealed record RegionDashboardView(
    RegionDetail Region,
    ConsortiumTableQuery Query,
    IReadOnlyList<string> Notes,
    HeadlineFigures Figures,
    ConsortiumTablePage Table,
    IReadOnlyList<HeatmapRow> Heatmap,
    IReadOnlyList<TrackTrendPoint> Trend,
    IReadOnlyList<OverdueAction> Overdue,
    DateOnly? QualityMonth,
    IReadOnlyList<PctQuality> Quality,
    CompetencyImprovement Competency);
