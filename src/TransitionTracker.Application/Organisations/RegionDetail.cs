namespace TransitionTracker.Application.Organisations;

public sealed record RegionDetail(string Code, string Name, IReadOnlyList<PctSummary> Pcts);
