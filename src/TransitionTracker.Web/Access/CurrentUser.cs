using TransitionTracker.Domain.Access;

namespace TransitionTracker.Web.Access;

/// <summary>The signed-in user of this request and what they may do, loaded once per request.</summary>
public sealed class CurrentUser
{
    public string? Id { get; private set; }

    public string? Email { get; private set; }

    public string? DisplayName { get; private set; }

    public UserAccess Access { get; private set; } = UserAccess.None;

    public bool IsSignedIn => Id is not null;

    public void SignedIn(string id, string email, string displayName, UserAccess access)
    {
        Id = id;
        Email = email;
        DisplayName = displayName;
        Access = access;
    }
}
