namespace TransitionTracker.Application.Administration;

public enum UserStatus
{
    Active,

    /// <summary>Switched off by an administrator: refused on their next request, cannot sign in.</summary>
    Disabled,
}
