namespace TransitionTracker.Application.Consortia;

public sealed record MemberPractice(string Code, string Name, string PctCode, int ListSize, DateOnly JoinedOn);
