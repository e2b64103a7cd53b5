using TransitionTracker.Application.Editing;

namespace TransitionTracker.Application.Transition;

/// <summary>
/// The state of a consortium's register table: quick search, sort, direction and page, read from the values the query
/// string carries (q, sort, dir, page), so a view can be bookmarked. The date sorts newest first unless dir says
/// otherwise; text columns sort A to Z. Values that cannot be used are dropped, each with a note saying so.
/// </summary>
public sealed record InterestRegisterQuery(
    string? Search = null,
    string Sort = InterestRegisterQuery.DefaultSort,
    bool Descending = true,
    int Page = 1)
{
    public const string DefaultSort = "declared";
    public const int PageSize = 20;
    public const int LongestSearch = 100;

    /// <summary>Sort keys and the column heading each sorts.</summary>
    public static readonly IReadOnlyList<(string Key, string Heading)> Columns =
    [
        ("declared", "Date declared"),
        ("person", "Person"),
    ];

    /// <summary>The direction a column sorts in when dir does not say: newest first for the date, A to Z otherwise.</summary>
    public static bool DescendingByDefault(string sort) => sort == DefaultSort;

    /// <summary>Whether the direction is the column's own, so the address need not carry it.</summary>
    public bool InDefaultDirection => Descending == DescendingByDefault(Sort);

    public static (InterestRegisterQuery Query, IReadOnlyList<string> Notes) Parse(string? search, string? sort, string? dir, string? page)
    {
        var notes = new List<string>();
        var query = new InterestRegisterQuery();
        if (TransitionTracker.Application.Search.SearchTerm.ForList(search, LongestSearch, "an entry", "entry", notes) is { } text)
        {
            query = query with { Search = text };
        }

        var key = ListQueryValues.Sort(sort, Columns, "the register is", "date declared", notes) ?? DefaultSort;
        query = query with
        {
            Sort = key,
            Descending = string.IsNullOrWhiteSpace(dir) ? DescendingByDefault(key) : ListQueryValues.Descending(dir, "the register is", notes),
            Page = ListQueryValues.Page(page, notes),
        };

        return (query, notes);
    }
}
