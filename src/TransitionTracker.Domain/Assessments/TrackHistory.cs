using TransitionTracker.Domain.Scoring;

namespace TransitionTracker.Domain.Assessments;

/// <summary>
/// One consortium's track month by month, from its submitted readiness assessments and regional decisions: the rule
/// behind <see cref="MonthlyTrack"/>. At the end of each UK month its effective track is its latest decision up to
/// then, otherwise its latest submitted assessment up to then (latest by time, then by id).
/// </summary>
public static class TrackHistory
{
    private static readonly TimeZoneInfo UkTime = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");

    /// <summary>A dated change to the track: a submitted assessment's computed track, or a regional decision.</summary>
    public readonly record struct Entry(DateTime AtUtc, int Id, Track Track, bool IsDecision);

    /// <summary>The UK calendar date of a moment.</summary>
    public static DateOnly UkDateOf(DateTime utc) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), UkTime));

    /// <summary>The first day of the UK month a moment falls in.</summary>
    public static DateOnly UkMonthOf(DateTime utc)
    {
        var date = UkDateOf(utc);
        return new DateOnly(date.Year, date.Month, 1);
    }

    /// <summary>The first moment (UTC) of a UK month (<paramref name="month"/> is its first day).</summary>
    public static DateTime UkMonthStartUtc(DateOnly month) =>
        TimeZoneInfo.ConvertTimeToUtc(new DateOnly(month.Year, month.Month, 1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified), UkTime);

    /// <summary>The rows of <see cref="MonthlyTrack"/> for one consortium: one per month whose track differs from the month before's.</summary>
    public static IReadOnlyList<MonthlyTrack> MonthlyTracks(string consortiumCode, IEnumerable<Entry> entries) =>
        MonthlyTracks(consortiumCode, entries, decidedBefore: null, computedBefore: null);

    /// <summary>
    /// The rows of <see cref="MonthlyTrack"/> for one consortium from a month onwards: <paramref name="entries"/> are
    /// every entry from the start of that month, <paramref name="decidedBefore"/> and <paramref name="computedBefore"/>
    /// the tracks of its latest decision and latest submitted assessment before it (null when none). Gives the same
    /// rows, for those months, as the whole history would.
    /// </summary>
    public static IReadOnlyList<MonthlyTrack> MonthlyTracks(string consortiumCode, IEnumerable<Entry> entries, Track? decidedBefore, Track? computedBefore)
    {
        var rows = new List<MonthlyTrack>();
        Track? decided = decidedBefore, computed = computedBefore, previous = decidedBefore ?? computedBefore;
        DateOnly? month = null;
        foreach (var entry in entries.OrderBy(e => e.AtUtc).ThenBy(e => e.IsDecision).ThenBy(e => e.Id))
        {
            var entryMonth = UkMonthOf(entry.AtUtc);
            if (month is { } open && entryMonth != open)
            {
                previous = Close(consortiumCode, open, decided ?? computed, previous, rows);
            }

            month = entryMonth;
            if (entry.IsDecision)
            {
                decided = entry.Track;
            }
            else
            {
                computed = entry.Track;
            }
        }

        if (month is { } last)
        {
            Close(consortiumCode, last, decided ?? computed, previous, rows);
        }

        return rows;
    }

    private static Track? Close(string consortiumCode, DateOnly month, Track? track, Track? previous, List<MonthlyTrack> rows)
    {
        if (track is { } now && now != previous)
        {
            rows.Add(new MonthlyTrack(consortiumCode, month, now, previous));
        }

        return track;
    }
}
