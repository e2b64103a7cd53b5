using TransitionTracker.Application.Editing;

namespace TransitionTracker.Application.Organisations;

/// <summary>
/// The state of a PCT's practice table: quick search, sort, direction and page, read from the values the query string
/// carries (q, sort, dir, page), so a view can be bookmarked. Values that cannot be used are dropped, each with a note
/// saying so, rather than failing the page.
/// </summary>
public sealed record PracticeTableQuery(
    string? Search = null,
    string Sort = PracticeTableQuery.DefaultSort,
    bool Descending = false,
    int Page = 1)
{
    public const string DefaultSort = "name";
    public const int PageSize = 25;
    public const int LongestSearch = 100;

    /// <summary>Sort keys and the column heading each sorts.</summary>
    public static readonly IReadOnlyList<(string Key, string Heading)> Columns =
    [
        ("name", "Practice"),
        ("code", "Code"),
        ("consortium", "Consortium"),
        ("list-size", "List size"),
    ];

    public static (PracticeTableQuery Query, IReadOnlyList<string> Notes) Parse(string? search, string? sort, string? dir, string? page)
    {
        var notes = new List<string>();
        var query = new PracticeTableQuery();
        if (TransitionTracker.Application.Search.SearchTerm.ForList(search, LongestSearch, "a practice", "practice", notes) is { } text)
        {
            query = query with { Search = text };
        }

        query = query with
        {
            Sort = ListQueryValues.Sort(sort, Columns, "the practices are", "name", notes) ?? DefaultSort,
            Descending = ListQueryValues.Descending(dir, "the practices are", notes),
            Page = ListQueryValues.Page(page, notes),
        };

        return (query, notes);
    }

    /// <summary>
    /// The page of <paramref name="practices"/> this query shows: those whose name, code or consortium code contains the
    /// search (ignoring case), in order, with ties broken by name and code. A page past the last shows the last.
    /// </summary>
    public PracticeTablePage Apply(IReadOnlyList<PracticeListing> practices) => Apply(practices, allRows: false);

    /// <summary>As <see cref="Apply(IReadOnlyList{PracticeListing})"/>, or with <paramref name="allRows"/> every match on one page (an export).</summary>
    public PracticeTablePage Apply(IReadOnlyList<PracticeListing> practices, bool allRows)
    {
        var matching = string.IsNullOrEmpty(Search)
            ? practices
            : practices.Where(p => Contains(p.Name) || Contains(p.Code) || Contains(p.ConsortiumCode)).ToList();

        IOrderedEnumerable<PracticeListing> ordered = Sort switch
        {
            "code" => Order(matching, p => p.Code, StringComparer.OrdinalIgnoreCase),
            "consortium" => Order(matching, p => p.ConsortiumCode ?? "", StringComparer.OrdinalIgnoreCase),
            "list-size" => Order(matching, p => p.ListSize, Comparer<int>.Default),
            _ => Order(matching, p => p.Name, StringComparer.OrdinalIgnoreCase),
        };
        var rows = ordered.ThenBy(p => p.Name, StringComparer.OrdinalIgnoreCase).ThenBy(p => p.Code, StringComparer.Ordinal).ToList();

        var pageSize = allRows ? Math.Max(1, rows.Count) : PageSize;
        var pageCount = Math.Max(1, (rows.Count + pageSize - 1) / pageSize);
        var page = Math.Min(Page, pageCount);
        return new PracticeTablePage(
            rows.Skip((page - 1) * pageSize).Take(pageSize).ToList(),
            page,
            pageCount,
            rows.Count,
            practices.Count,
            practices.Sum(p => (long)p.ListSize));
    }

    private bool Contains(string? value) => value is not null && value.Contains(Search!, StringComparison.OrdinalIgnoreCase);

    private IOrderedEnumerable<PracticeListing> Order<TKey>(IReadOnlyList<PracticeListing> practices, Func<PracticeListing, TKey> key, IComparer<TKey> comparer) =>
        Descending ? practices.OrderByDescending(key, comparer) : practices.OrderBy(key, comparer);
}
