namespace TransitionTracker.Application.Consortia;

/// <summary>A regional lead's decision on a consortium's track, as the API shows it.</summary>
public sealed record TrackOverride(string Track, string Reason, string By, DateTime At);
