namespace TransitionTracker.Data.Identity;

/// <summary>
/// One sign-in: a cookie, or a bearer token and its refresh token. Its <see cref="Id"/> travels in the cookie or token
/// as a claim, and every request checks that the session has not ended, so signing out (or using a refresh token)
/// ends it on the server and a copy of the cookie or token stops working too.
/// </summary>
public sealed class UserSession
{
    public const int IdLength = 32;

    public string Id { get; set; } = "";

    public string UserId { get; set; } = "";

    public DateTime CreatedAtUtc { get; set; }

    /// <summary>Set when the user signs out or the session's refresh token is used; an ended session is never valid again.</summary>
    public DateTime? EndedAtUtc { get; set; }
}
