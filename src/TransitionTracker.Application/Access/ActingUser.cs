using TransitionTracker.Data.Identity;
using TransitionTracker.Domain.Access;

namespace TransitionTracker.Application.Access;

/// <summary>
/// The signed-in user a use case acts for: who they are (recorded in the audit trail as <see cref="AuditName"/>) and
/// what they may read, edit and review (<see cref="Access"/>). Built once from a <c>ClaimsPrincipal</c> by
/// <see cref="ActingUsers"/>; every use case takes it as an argument and checks scope itself. It also carries the
/// user's <see cref="ColourScheme"/> as stored when it was built, read in the same query, so the layout of every
/// page has it without a round trip of its own (to read it as stored now: <c>Preferences/DisplayPreferences</c>).
/// </summary>
public sealed record ActingUser(string Id, string Email, string DisplayName, UserAccess Access, ColourScheme ColourScheme = ColourScheme.System)
{
    /// <summary>How changes this user saves are recorded in the audit trail.</summary>
    public string AuditName => Email.Length > 0 ? Email : Id;
}
