namespace TransitionTracker.Application.Dashboards;

/// <summary>Consortia on each effective track at the end of one month (see <see cref="TrackTrend"/>).</summary>
public sealed record TrackTrendPoint(DateOnly Month, int FastMovers, int NeedsSupport);
