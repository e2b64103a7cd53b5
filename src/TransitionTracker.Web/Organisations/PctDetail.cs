using TransitionTracker.Application.Consortia;

namespace TransitionTracker.Web.Organisations;

public sealed record PctDetail(
    string Code,
    string Name,
    string RegionCode,
    string RegionName,
    IReadOnlyList<ConsortiumSummary> Consortia,
    IReadOnlyList<PracticeListing> Practices);
