namespace TransitionTracker.Application.Organisations;

public sealed record RegionSummary(string Code, string Name, int PctCount, int ConsortiumCount, int PracticeCount, long Population);
