namespace TransitionTracker.Web.Components.Pages.Admin;

public sealed class CreateUserForm
{
    public string? Email { get; set; }

    public string? DisplayName { get; set; }

    public string? Password { get; set; }
}
