namespace TransitionTracker.Domain.Scoring;

public sealed record FrameworkReference(string Id, int Version);
