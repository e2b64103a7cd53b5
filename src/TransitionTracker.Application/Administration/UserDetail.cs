namespace TransitionTracker.Application.Administration;

/// <summary>
/// One user as an administrator sees them. <see cref="Revision"/> is the account's revision, which every change to it
/// (<see cref="UserAccounts"/>) is based on and moves.
/// </summary>
public sealed record UserDetail(
    string Id,
    string Email,
    string DisplayName,
    UserStatus Status,
    IReadOnlyList<AssignmentSummary> Assignments,
    int Revision);
