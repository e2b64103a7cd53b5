using TransitionTracker.Domain.Scoring;

namespace TransitionTracker.Application.Dashboards;

/// <summary>A dated change to a consortium's track: a submitted readiness assessment or a regional decision.</summary>
public sealed record TrackEvent(string ConsortiumCode, DateTime AtUtc, int Id, Track Track, bool IsDecision);
