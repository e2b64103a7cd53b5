using TransitionTracker.Domain.Scoring;

namespace TransitionTracker.Application.Dashboards;

/// <summary>How many consortia moved onto <paramref name="Track"/> from <paramref name="PreviousTrack"/> (null: from none) at the end of a month.</summary>
public sealed record TrackChangeCount(DateOnly Month, Track Track, Track? PreviousTrack, int Consortia);
