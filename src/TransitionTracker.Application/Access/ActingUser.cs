using TransitionTracker.Domain.Access;

namespace TransitionTracker.Application.Access;

/// <summary>
/// The signed-in user a use case acts for: who they are (recorded in the audit trail as <see cref="AuditName"/>) and
/// what they may read, edit and review (<see cref="Access"/>). Built once from a <c>ClaimsPrincipal</c> by
/// <see cref="ActingUsers"/>; every use case takes it as an argument and checks scope itself.
/// </summary>
public sealed record ActingUser(string Id, string Email, string DisplayName, UserAccess Access)
{
    /// <summary>How changes this user saves are recorded in the audit trail.</summary>
    public string AuditName => Email.Length > 0 ? Email : Id;
}
