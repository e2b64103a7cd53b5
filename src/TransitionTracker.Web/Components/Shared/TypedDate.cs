using System.Globalization;

namespace TransitionTracker.Web.Components.Shared;

/// <summary>A date typed (or picked) as day/month/year in a date picker whose text the page reads.</summary>
public static class TypedDate
{
    /// <summary>What is said beside a date field whose text is not a date.</summary>
    public const string NotADate = "Enter the date as day/month/year, for example 01/04/2011";

    private static readonly CultureInfo Uk = CultureInfo.GetCultureInfo("en-GB");

    /// <summary>The picker's culture: dates shown and typed as day/month/year.</summary>
    public static CultureInfo Culture => Uk;

    /// <summary>
    /// Reads the text: true with null for nothing typed (the use case says a date is needed), true with the date for
    /// dd/mm/yyyy or d/m/yyyy, false for anything else.
    /// </summary>
    public static bool TryRead(string? text, out DateOnly? date)
    {
        date = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return true;
        }

        if (DateOnly.TryParseExact(text.Trim(), ["dd/MM/yyyy", "d/M/yyyy"], Uk, DateTimeStyles.None, out var parsed))
        {
            date = parsed;
            return true;
        }

        return false;
    }
}
