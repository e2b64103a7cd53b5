namespace TransitionTracker.Domain.Access;

/// <summary>What access rules need to know of a consortium: where it sits.</summary>
public sealed record ConsortiumRef(string Code, string RegionCode, IReadOnlyCollection<string> PctCodes);
