namespace TransitionTracker.Domain.Access;

/// <summary>What a person does in the transition; each assignment of a role carries its scope (see <see cref="RoleAssignment"/>).</summary>
public enum Role
{
    /// <summary>Scoped to one PCT per assignment; a manager may hold several.</summary>
    PctManager,

    /// <summary>Scoped to one consortium.</summary>
    ConsortiumLead,

    /// <summary>Scoped to one SHA region.</summary>
    RegionalLead,

    /// <summary>Reads everything, changes nothing.</summary>
    NationalViewer,

    /// <summary>Users and role scopes, frameworks, reference data.</summary>
    Administrator,
}
