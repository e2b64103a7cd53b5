using System.Globalization;

namespace TransitionTracker.Application.Editing;

/// <summary>
/// Reads the state of a list view from its query string values (sort, dir, page) the same way for every list: a value
/// that cannot be used is dropped with a note saying what is shown instead, rather than failing the page.
/// </summary>
public static class ListQueryValues
{
    /// <summary>The sort key when it names one of <paramref name="columns"/>, else null with a note.</summary>
    /// <param name="sorted">What is sorted, starting the note's second half: "the table is", "users are".</param>
    /// <param name="byDefault">What it is sorted by instead: "consortium name".</param>
    public static string? Sort(string? sort, IReadOnlyList<(string Key, string Heading)> columns, string sorted, string byDefault, List<string> notes)
    {
        if (string.IsNullOrWhiteSpace(sort))
        {
            return null;
        }

        var key = sort.Trim().ToLowerInvariant();
        if (columns.Any(c => c.Key == key))
        {
            return key;
        }

        notes.Add($"“{sort}” is not a column to sort by, so {sorted} sorted by {byDefault}.");
        return null;
    }

    /// <summary>True for "desc", false for "asc" or nothing; anything else is ascending, with a note.</summary>
    public static bool Descending(string? dir, string sorted, List<string> notes)
    {
        if (string.IsNullOrWhiteSpace(dir))
        {
            return false;
        }

        switch (dir.Trim().ToLowerInvariant())
        {
            case "asc":
                return false;
            case "desc":
                return true;
            default:
                notes.Add($"“{dir}” is not a sort direction (asc or desc), so {sorted} sorted in ascending order.");
                return false;
        }
    }

    /// <summary>A page number of 1 or more, else the first page, with a note when something else was given.</summary>
    public static int Page(string? page, List<string> notes)
    {
        if (string.IsNullOrWhiteSpace(page))
        {
            return 1;
        }

        if (int.TryParse(page, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number >= 1)
        {
            return number;
        }

        notes.Add($"“{page}” is not a page number, so the first page is shown.");
        return 1;
    }
}
