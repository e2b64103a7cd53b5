namespace TransitionTracker.Domain.Access;

public static class RoleNames
{
    public static string ToDisplay(this Role role) => role switch
    {
        Role.PctManager => "PCT manager",
        Role.ConsortiumLead => "Consortium lead",
        Role.RegionalLead => "Regional lead",
        Role.NationalViewer => "National viewer",
        Role.Administrator => "Administrator",
        _ => throw new ArgumentOutOfRangeException(nameof(role), role, null),
    };

    /// <summary>What the scope code of an assignment names, or null for roles that cover the whole country.</summary>
    public static string? ScopeKind(this Role role) => role switch
    {
        Role.PctManager => "PCT",
        Role.ConsortiumLead => "consortium",
        Role.RegionalLead => "region",
        _ => null,
    };

    public static bool NeedsScope(this Role role) => role.ScopeKind() is not null;
}
