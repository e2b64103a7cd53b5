using System.Globalization;

namespace TransitionTracker.Application.Dashboards;

/// <summary>Reads months written as yyyy-MM in query strings (for example 2011-03).</summary>
public static class MonthQuery
{
    /// <summary>The default comparison: the two World Class Commissioning rounds in the demo data.</summary>
    public static readonly DateOnly DefaultFrom = new(2011, 3, 1);
    public static readonly DateOnly DefaultTo = new(2012, 3, 1);

    public static DateOnly? TryParse(string? text) =>
        DateOnly.TryParseExact(text?.Trim(), "yyyy-MM", CultureInfo.InvariantCulture, DateTimeStyles.None, out var month) ? month : null;

    public static string Format(DateOnly month) => month.ToString("yyyy-MM", CultureInfo.InvariantCulture);

    public static string Display(DateOnly month) => month.ToString("MMMM yyyy", CultureInfo.GetCultureInfo("en-GB"));

    /// <summary>The two months to compare, defaults where missing or unreadable, with a note for each value dropped.</summary>
    public static (DateOnly From, DateOnly To, IReadOnlyList<string> Notes) Parse(string? from, string? to)
    {
        var notes = new List<string>();
        var f = Read(from, DefaultFrom, "from", notes);
        var t = Read(to, DefaultTo, "to", notes);
        return (f, t, notes);
    }

    private static DateOnly Read(string? text, DateOnly fallback, string name, List<string> notes)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return fallback;
        }

        if (TryParse(text) is { } month)
        {
            return month;
        }

        notes.Add($"“{text}” is not a month written like 2011-03, so the comparison uses {Display(fallback)} as the “{name}” month.");
        return fallback;
    }
}
