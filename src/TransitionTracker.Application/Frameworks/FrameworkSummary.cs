namespace TransitionTracker.Application.Frameworks;

/// <summary>The latest version of a framework, with how many versions exist.</summary>
public sealed record FrameworkSummary(
    string Id,
    string Name,
    int Version,
    string Scale,
    int DomainCount,
    int CriterionCount,
    IReadOnlyList<int> Versions,
    DateTime PublishedAtUtc,
    string PublishedBy);
