namespace TransitionTracker.Application.Dashboards;

/// <summary>
/// What a region's dashboard was asked to show, as typed or bookmarked (values that cannot be used are dropped, each
/// with a note): the consortia table's sort, direction (asc or desc), PCT, track, stage and page, and the two months
/// of the competency comparison (yyyy-MM), and the table's quick search (a consortium's name or code, or part of it).
/// </summary>
public sealed record RegionDashboardRequest(
    string? Sort = null,
    string? Dir = null,
    string? Pct = null,
    string? Track = null,
    string? Stage = null,
    string? Page = null,
    string? From = null,
    string? To = null,
    string? Search = null,
    string? Forecast = null);
