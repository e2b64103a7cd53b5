using TransitionTracker.Domain.Scoring;

namespace TransitionTracker.Application.Exports;

/// <summary>Values as the pages write them, for export tables: tracks in words, UK dates, scores to one place.</summary>
public static class ExportValues
{
    public static string Track(Track? track) => track switch
    {
        Domain.Scoring.Track.FastMover => "Fast mover",
        Domain.Scoring.Track.NeedsSupport => "Needs support",
        _ => "Not assessed",
    };

    /// <summary>A moment's UK date as tables show it ("1 Jun 2012"); null (an empty cell) for none.</summary>
    public static string? Date(DateTime? utc) => utc is { } at ? UkCalendar.ShortDate(UkCalendar.DateOf(at)) : null;

    public static string Date(DateOnly date) => UkCalendar.ShortDate(date);

    public static double? Score(double? score) => score is { } s ? Math.Round(s, 1, MidpointRounding.AwayFromZero) : null;
}
