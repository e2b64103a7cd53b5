using TransitionTracker.Domain.Organisations;

namespace TransitionTracker.Domain.Access;

/// <summary>A role given to a user, with its scope: a PCT, consortium or region code, or none for national roles.</summary>
public sealed class RoleAssignment
{
    public RoleAssignment(string userId, Role role, string? scopeCode)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(userId);
        if (role.NeedsScope() && string.IsNullOrWhiteSpace(scopeCode))
        {
            throw new ArgumentException($"A {role.ToDisplay()} needs a {role.ScopeKind()} code.", nameof(scopeCode));
        }

        if (!role.NeedsScope() && scopeCode is not null)
        {
            throw new ArgumentException($"A {role.ToDisplay()} has no scope.", nameof(scopeCode));
        }

        UserId = userId;
        Role = role;
        ScopeCode = scopeCode is null ? null : OrganisationCode.Normalise(scopeCode);
    }

    public int Id { get; private set; }

    public string UserId { get; private set; }

    public Role Role { get; private set; }

    public string? ScopeCode { get; private set; }
}
