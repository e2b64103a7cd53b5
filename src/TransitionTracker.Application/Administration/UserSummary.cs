namespace TransitionTracker.Application.Administration;

public sealed record UserSummary(string Id, string Email, string DisplayName, IReadOnlyList<AssignmentSummary> Assignments, UserStatus Status);
