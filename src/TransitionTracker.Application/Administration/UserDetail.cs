namespace TransitionTracker.Application.Administration;

public sealed record UserDetail(
    string Id,
    string Email,
    string DisplayName,
    UserStatus Status,
    IReadOnlyList<AssignmentSummary> Assignments);
