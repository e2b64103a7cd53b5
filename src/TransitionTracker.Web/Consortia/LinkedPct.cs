namespace TransitionTracker.Web.Consortia;

public sealed record LinkedPct(string Code, string Name, bool IsHost, int MemberPractices, long MemberPopulation);
