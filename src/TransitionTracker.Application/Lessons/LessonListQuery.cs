using TransitionTracker.Application.Editing;

namespace TransitionTracker.Application.Lessons;

/// <summary>
/// The state of a consortium's list of lessons: quick search, a domain to show, sort, direction and page, read from
/// the values the query string carries (q, domain, sort, dir, page), so a view can be bookmarked. The date sorts
/// newest first unless dir says otherwise; text columns sort A to Z. Values that cannot be used are dropped, each
/// with a note saying so.
/// </summary>
public sealed record LessonListQuery(
    string? Search = null,
    string? Domain = null,
    string Sort = LessonListQuery.DefaultSort,
    bool Descending = true,
    int Page = 1)
{
    public const string DefaultSort = "written";
    public const int PageSize = 10;
    public const int LongestSearch = 100;

    /// <summary>Sort keys and the column heading each sorts.</summary>
    public static readonly IReadOnlyList<(string Key, string Heading)> Columns =
    [
        ("written", "Written"),
        ("title", "Lesson"),
        ("author", "Written by"),
    ];

    public bool IsFiltered => !string.IsNullOrEmpty(Search) || Domain is not null;

    /// <summary>The direction a column sorts in when dir does not say: newest first for the date, A to Z otherwise.</summary>
    public static bool DescendingByDefault(string sort) => sort == DefaultSort;

    /// <summary>Whether the direction is the column's own, so the address need not carry it.</summary>
    public bool InDefaultDirection => Descending == DescendingByDefault(Sort);

    public static (LessonListQuery Query, IReadOnlyList<string> Notes) Parse(string? search, string? domain, string? sort, string? dir, string? page)
    {
        var notes = new List<string>();
        var query = new LessonListQuery();
        if (TransitionTracker.Application.Search.SearchTerm.ForList(search, LongestSearch, "a lesson", "lesson", notes) is { } text)
        {
            query = query with { Search = text };
        }

        if (!string.IsNullOrWhiteSpace(domain))
        {
            var id = domain.Trim().ToLowerInvariant();
            if (LessonLibrary.Framework.FindDomain(id) is not null)
            {
                query = query with { Domain = id };
            }
            else
            {
                notes.Add($"“{domain}” is not a domain of the readiness framework, so lessons on every domain are shown.");
            }
        }

        var key = ListQueryValues.Sort(sort, Columns, "lessons are", "date written", notes) ?? DefaultSort;
        query = query with
        {
            Sort = key,
            Descending = string.IsNullOrWhiteSpace(dir) ? DescendingByDefault(key) : ListQueryValues.Descending(dir, "lessons are", notes),
            Page = ListQueryValues.Page(page, notes),
        };

        return (query, notes);
    }
}
