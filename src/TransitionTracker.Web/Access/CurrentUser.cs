using TransitionTracker.Application.Access;
using TransitionTracker.Domain.Access;

namespace TransitionTracker.Web.Access;

/// <summary>
/// The signed-in user of this request or circuit and what they may do: set once per HTTP request by
/// <see cref="CurrentUserMiddleware"/>, and kept in step with a circuit's authentication state by
/// <see cref="CircuitUserHandler"/>.
/// </summary>
public sealed class CurrentUser
{
    /// <summary>The user as the application's use cases take it; null when nobody is signed in.</summary>
    public ActingUser? Acting { get; private set; }

    public string? Id => Acting?.Id;

    public string? Email => Acting?.Email;

    public string? DisplayName => Acting?.DisplayName;

    public UserAccess Access => Acting?.Access ?? UserAccess.None;

    public bool IsSignedIn => Acting is not null;

    public void SignedIn(ActingUser user) => Acting = user;

    /// <summary>The circuit's user, or nobody once the circuit's authentication state no longer holds.</summary>
    public void Set(ActingUser? user) => Acting = user;
}
