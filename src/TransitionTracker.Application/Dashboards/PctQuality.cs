using TransitionTracker.Domain.Quality;

namespace TransitionTracker.Application.Dashboards;

/// <summary>A PCT's quality and finance indicators for the month shown (null when it has not reported that month).</summary>
public sealed record PctQuality(string PctCode, string PctName, QualityIndicator? Indicator);
