namespace TransitionTracker.Web.Consortia;

/// <summary>A consortium as lists and the API show it.</summary>
public sealed record ConsortiumSummary(
    string Code,
    string Name,
    string RegionCode,
    string? HostPctCode,
    IReadOnlyList<string> PctCodes,
    string Stage,
    int PracticeCount,
    long Population);
