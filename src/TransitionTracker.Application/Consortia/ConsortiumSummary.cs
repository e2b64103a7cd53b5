namespace TransitionTracker.Application.Consortia;

/// <summary>A consortium as lists and the API show it, with where it stands.</summary>
/// <param name="Track">The effective track: the regional lead's decision when there is one, otherwise the computed track.</param>
/// <param name="ComputedTrack">The track of the latest submitted assessment, or null if none.</param>
/// <param name="Override">The regional lead's latest decision, or null.</param>
/// <param name="Score">The overall score of the latest submitted assessment.</param>
/// <param name="MergedInto">The consortium it merged into, once it has (docs/architecture.md, "Consortia as they formed").</param>
public sealed record ConsortiumSummary(
    string Code,
    string Name,
    string RegionCode,
    string? HostPctCode,
    IReadOnlyList<string> PctCodes,
    string Stage,
    int PracticeCount,
    long Population,
    string? Track = null,
    string? ComputedTrack = null,
    TrackOverride? Override = null,
    double? Score = null,
    IReadOnlyList<DomainScoreItem>? DomainScores = null,
    string? MergedInto = null);
