namespace TransitionTracker.Application.Organisations;

public sealed record PctSummary(string Code, string Name, int ConsortiumCount, int PracticeCount, long Population);
