namespace TransitionTracker.Application.Consortia;

/// <summary>A consortium with its region, linked PCTs and current member practices.</summary>
public sealed record ConsortiumDetail(
    ConsortiumSummary Summary,
    string RegionName,
    IReadOnlyList<LinkedPct> Pcts,
    IReadOnlyList<MemberPractice> Members);
