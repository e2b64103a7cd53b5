namespace TransitionTracker.Web.Scoring;

public sealed record FrameworkReference(string Id, int Version);
