namespace TransitionTracker.Web.Consortia;

public sealed record DomainScoreItem(string Id, double? Score);
