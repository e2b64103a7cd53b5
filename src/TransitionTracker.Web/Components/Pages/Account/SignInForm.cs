namespace TransitionTracker.Web.Components.Pages.Account;

public sealed class SignInForm
{
    public string? Email { get; set; }

    public string? Password { get; set; }
}
