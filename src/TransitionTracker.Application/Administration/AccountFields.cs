namespace TransitionTracker.Application.Administration;

/// <summary>The form fields a problem with an account change belongs to; also the fields' element ids on the pages.</summary>
public static class AccountFields
{
    public const string Email = "email";
    public const string DisplayName = "display-name";
    public const string Password = "password";
    public const string Role = "role";
    public const string ScopeCode = "scope-code";
    public const string Assignments = "roles";
    public const string Status = "access";
}
