namespace TransitionTracker.Application.Administration;

/// <summary>One user in the user list; <see cref="Revision"/> as in <see cref="UserDetail"/>.</summary>
public sealed record UserSummary(string Id, string Email, string DisplayName, IReadOnlyList<AssignmentSummary> Assignments, UserStatus Status, int Revision);
