namespace TransitionTracker.Application.Dashboards;

/// <summary>A consortium's latest domain scores, keyed by domain id; a missing key is a domain with no score.</summary>
public sealed record HeatmapRow(string Code, string Name, IReadOnlyDictionary<string, double> Scores);
