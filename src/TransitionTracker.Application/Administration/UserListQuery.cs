using TransitionTracker.Application.Editing;
using TransitionTracker.Domain.Access;

namespace TransitionTracker.Application.Administration;

/// <summary>
/// What the user list shows: a quick search of e-mail address and name, a role and a status to filter by, the sort and
/// the page, read from the values the query string carries (q, role, status, sort, dir; the page is read apart, as a
/// page that does not exist is "not found"). Values that cannot be used are dropped, each with a note saying so.
/// </summary>
public sealed record UserListQuery(
    string? Search = null,
    Role? Role = null,
    UserStatus? Status = null,
    string Sort = UserListQuery.DefaultSort,
    bool Descending = false,
    int Page = 1)
{
    public const string DefaultSort = "email";
    public const int LongestSearch = 100;

    /// <summary>Sort keys and the column heading each sorts.</summary>
    public static readonly IReadOnlyList<(string Key, string Heading)> Columns =
    [
        ("email", "Email address"),
        ("name", "Name"),
        ("status", "Status"),
    ];

    /// <summary>Roles as the query string names them.</summary>
    public static readonly IReadOnlyList<(string Key, Role Role)> Roles =
    [
        ("pct-manager", Domain.Access.Role.PctManager),
        ("consortium-lead", Domain.Access.Role.ConsortiumLead),
        ("regional-lead", Domain.Access.Role.RegionalLead),
        ("national-viewer", Domain.Access.Role.NationalViewer),
        ("administrator", Domain.Access.Role.Administrator),
    ];

    public bool IsFiltered => !string.IsNullOrEmpty(Search) || Role is not null || Status is not null;

    public static string KeyOf(Role role) => Roles.Single(r => r.Role == role).Key;

    public static string KeyOf(UserStatus status) => status.ToString().ToLowerInvariant();

    public static (UserListQuery Query, IReadOnlyList<string> Notes) Parse(string? search, string? role, string? status, string? sort, string? dir)
    {
        var notes = new List<string>();
        var query = new UserListQuery();
        if (TransitionTracker.Application.Search.SearchTerm.ForList(search, LongestSearch, "a user", "user", notes) is { } text)
        {
            query = query with { Search = text };
        }

        if (!string.IsNullOrWhiteSpace(role))
        {
            var key = role.Trim().ToLowerInvariant();
            if (Roles.Where(r => r.Key == key).Select(r => (Role?)r.Role).FirstOrDefault() is { } found)
            {
                query = query with { Role = found };
            }
            else
            {
                notes.Add($"“{role}” is not a role ({string.Join(", ", Roles.Select(r => r.Key))}), so users of every role are shown.");
            }
        }

        if (!string.IsNullOrWhiteSpace(status))
        {
            var key = status.Trim().ToLowerInvariant();
            if (Enum.GetValues<UserStatus>().Where(s => KeyOf(s) == key).Cast<UserStatus?>().FirstOrDefault() is { } found)
            {
                query = query with { Status = found };
            }
            else
            {
                notes.Add($"“{status}” is not a status (active or disabled), so users of every status are shown.");
            }
        }

        query = query with
        {
            Sort = ListQueryValues.Sort(sort, Columns, "users are", "email address", notes) ?? DefaultSort,
            Descending = ListQueryValues.Descending(dir, "users are", notes),
        };

        return (query, notes);
    }
}
