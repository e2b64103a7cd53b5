using TransitionTracker.Application.Exports;
using TransitionTracker.Domain.Frameworks;
using TransitionTracker.Domain.Organisations;

namespace TransitionTracker.Application.Dashboards;

/// <summary>The dashboards' tables as exports write them: the same columns and values as the tables on the page.</summary>
public static class DashboardTables
{
    public static readonly string[] ConsortiumHeadings =
        ["Code", "Consortium", "Host PCT", "Stage", "Population", "Score", "Track", "Computed track", "Regional decision", "Last assessed", "Forecast", "At risk for April 2013"];

    /// <summary>The consortia table; forecasts as at <paramref name="asAt"/>, the dashboards' reference date.</summary>
    public static ExportTable Consortia(IEnumerable<ConsortiumStanding> rows, DateOnly asAt) =>
        new("Consortia", ConsortiumHeadings, rows.Select(r => ConsortiumCells(r, asAt)).ToList());

    /// <summary>A row's cells as the export writes them (tests compare the page's table with these).</summary>
    public static IReadOnlyList<object?> ConsortiumCells(ConsortiumStanding row, DateOnly asAt) =>
    [
        row.Code,
        row.Name,
        row.HostPctCode,
        row.Stage.ToDisplay(),
        row.Population,
        ExportValues.Score(row.Score),
        ExportValues.Track(row.Track),
        row.ComputedTrack is null ? null : ExportValues.Track(row.ComputedTrack),
        row.Override is null ? null : ExportValues.Track(row.Override),
        ExportValues.Date(row.LastAssessedUtc),
        ForecastWords.InTable(row, asAt),
        row.ForecastAtRisk ? "Yes" : "No",
    ];

    public static ExportTable Heatmap(Framework framework, IEnumerable<HeatmapRow> rows) =>
        new("Domain scores",
            ["Code", "Consortium", .. framework.Domains.Select(d => d.Name)],
            rows.Select(row => (IReadOnlyList<object?>)
                [row.Code, row.Name, .. framework.Domains.Select(d => (object?)(row.Scores.TryGetValue(d.Id, out var s) ? ExportValues.Score(s) : null))]).ToList());

    /// <summary>The national dashboard's regions table: each region's headline figures, then England's.</summary>
    public static ExportTable Regions(NationalDashboardView view) =>
        new("By region",
            ["Region code", "Region", "Consortia", "Fast movers", "Needs support", "Population in fast movers (%)", "With overdue actions", $"Not assessed in {RegionDashboard.RecentMonths} months"],
            [.. view.Regions.Select(r => Figures(r.Code, r.Name, r.Figures)), Figures(null, "England", view.Total)]);

    /// <summary>Consortia on each track at the end of each month of the trend chart.</summary>
    public static ExportTable Trend(IEnumerable<TrackTrendPoint> trend) =>
        new("Track trend",
            ["Month", "Fast movers", "Needs support"],
            trend.Select(p => (IReadOnlyList<object?>)[MonthQuery.Display(p.Month), (long)p.FastMovers, (long)p.NeedsSupport]).ToList());

    /// <summary>The competency table: each domain's means in the two months and the change, then the average of the changes.</summary>
    public static ExportTable Competencies(CompetencyImprovement improvement)
    {
        var from = MonthQuery.Display(improvement.From);
        var to = MonthQuery.Display(improvement.To);
        var rows = improvement.Domains
            .Select(d => (IReadOnlyList<object?>)[d.DomainName, (long)d.Consortia, ExportValues.Score(d.FromMean), ExportValues.Score(d.ToMean), ExportValues.Score(d.Change), ExportValues.Score(d.PercentChange)])
            .ToList();
        if (improvement.Domains.Count > 0)
        {
            rows.Add(["Average of the changes", (long)improvement.Consortia, null, null, ExportValues.Score(improvement.AverageChange), ExportValues.Score(improvement.AveragePercentChange)]);
        }

        return new("Competencies", ["Competency", "Consortia", $"Mean {from}", $"Mean {to}", "Change (points)", "Change (%)"], rows);
    }

    private static IReadOnlyList<object?> Figures(string? code, string name, HeadlineFigures f) =>
        [code, name, (long)f.Consortia, (long)f.FastMovers, (long)f.NeedsSupport, Math.Round(f.FastMoverPopulationShare * 100, 1, MidpointRounding.AwayFromZero), (long)f.OverdueActions, (long)f.NotRecentlyAssessed];
}
