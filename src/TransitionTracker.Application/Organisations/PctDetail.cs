using TransitionTracker.Application.Consortia;

namespace TransitionTracker.Application.Organisations;

public sealed record PctDetail(
    string Code,
    string Name,
    string RegionCode,
    string RegionName,
    IReadOnlyList<ConsortiumSummary> Consortia,
    IReadOnlyList<PracticeListing> Practices);
