namespace TransitionTracker.Application.Administration;

/// <summary>
/// One page of the user list; <see cref="FirstPosition"/> is the 1-based position of its first user among those that
/// match. <see cref="MatchingUsers"/> counts the users the search and filters match, <see cref="TotalUsers"/> every user.
/// </summary>
public sealed record UserListing(IReadOnlyList<UserSummary> Users, int PageNumber, int PageCount, int MatchingUsers, int TotalUsers)
{
    public int FirstPosition => ((PageNumber - 1) * UserDirectory.PageSize) + 1;

    public int LastPosition => FirstPosition + Users.Count - 1;
}
