using System.Text.Json.Serialization;

namespace TransitionTracker.Application.Dashboards;

/// <summary>
/// Headline figures as the summary API answers them, as at the dashboards' reference date; the national answer also
/// lists every region.
/// </summary>
public sealed record HeadlineSummaryResponse(
    string? Code,
    string Name,
    DateOnly AsAt,
    int Consortia,
    int FastMovers,
    int NeedsSupport,
    int NotAssessed,
    double FastMoverPopulationShare,
    int OverdueActions,
    int NotRecentlyAssessed,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<HeadlineSummaryResponse>? Regions = null)
{
    public static HeadlineSummaryResponse From(string? code, string name, DateOnly asAt, HeadlineFigures f, IReadOnlyList<HeadlineSummaryResponse>? regions = null) =>
        new(code, name, asAt, f.Consortia, f.FastMovers, f.NeedsSupport, f.NotAssessed, f.FastMoverPopulationShare, f.OverdueActions, f.NotRecentlyAssessed, regions);
}
