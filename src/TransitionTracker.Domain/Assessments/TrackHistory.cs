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

    /// <summary>The first day of the UK month a moment falls in.</summary>
    public static DateOnly UkMonthOf(DateTime utc)
    {
        var local = TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), UkTime);
        return new DateOnly(local.Year, local.Month, 1);
    }

    /// <summary>The rows of <see cref="MonthlyTrack"/> for one consortium: one per month whose track differs from the month before's.</summary>
    public static IReadOnlyList<MonthlyTrack> MonthlyTracks(string consortiumCode, IEnumerable<Entry> entries)
    {
        var rows = new List<MonthlyTrack>();
        Track? decided = null, computed = null, previous = null;
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
