namespace TransitionTracker.Application.Consortia;

public sealed record LinkedPct(string Code, string Name, string RegionCode, bool IsHost, int MemberPractices, long MemberPopulation);
