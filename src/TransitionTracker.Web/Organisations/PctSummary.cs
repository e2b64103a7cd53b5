namespace TransitionTracker.Web.Organisations;

public sealed record PctSummary(string Code, string Name, int ConsortiumCount, int PracticeCount, long Population);
