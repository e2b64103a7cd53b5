namespace TransitionTracker.Application.Consortia;

public sealed record DomainScoreItem(string Id, double? Score);
