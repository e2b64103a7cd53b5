namespace TransitionTracker.Web.Components.Pages.Admin;

public sealed class AssignRoleForm
{
    /// <summary>The <see cref="TransitionTracker.Domain.Access.Role"/> name, as the radios post it.</summary>
    public string? Role { get; set; }

    public string? ScopeCode { get; set; }
}
