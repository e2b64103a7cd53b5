namespace TransitionTracker.Application.Administration;

/// <summary>One page of the user list; <see cref="FirstPosition"/> is the 1-based position of its first user.</summary>
public sealed record UserListing(IReadOnlyList<UserSummary> Users, int PageNumber, int PageCount, int TotalUsers)
{
    public int FirstPosition => ((PageNumber - 1) * UserDirectory.PageSize) + 1;

    public int LastPosition => FirstPosition + Users.Count - 1;
}
