namespace TransitionTracker.Web.Dashboards;

/// <summary>Consortia on each computed track in one month (each consortium's last submission that month).</summary>
public sealed record TrackTrendPoint(DateOnly Month, int FastMovers, int NeedsSupport);
