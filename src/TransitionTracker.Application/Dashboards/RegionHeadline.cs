namespace TransitionTracker.Application.Dashboards;

/// <summary>One region's headline figures on the national dashboard.</summary>
public sealed record RegionHeadline(string Code, string Name, HeadlineFigures Figures);
