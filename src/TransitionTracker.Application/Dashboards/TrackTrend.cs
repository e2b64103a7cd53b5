using TransitionTracker.Domain.Scoring;

namespace TransitionTracker.Application.Dashboards;

/// <summary>
/// The track trend: for each month, every consortium's effective track as it stood at the end of that month in the UK (its
/// latest decision up to then, otherwise its latest submitted assessment up to then), carried forward through months
/// in which it did nothing. So one new submission changes each month's counts by at most that one consortium.
/// <see cref="Build"/> works it out from the assessments and decisions themselves; <see cref="FromChanges"/> from the
/// monthly track snapshot (<see cref="Domain.Assessments.MonthlyTrack"/>), which holds the same months already worked out.
/// </summary>
public static class TrackTrend
{
    /// <summary>One point per month from the month of the first event to <paramref name="lastMonth"/>.</summary>
    public static IReadOnlyList<TrackTrendPoint> Build(IEnumerable<TrackEvent> events, DateOnly lastMonth)
    {
        var byConsortium = events
            .GroupBy(e => e.ConsortiumCode, StringComparer.Ordinal)
            .Select(g => g.OrderBy(e => e.AtUtc).ThenBy(e => e.Id).ToList())
            .ToList();
        if (byConsortium.Count == 0)
        {
            return [];
        }

        var first = UkCalendar.DateOf(byConsortium.Min(e => e[0].AtUtc));
        var month = new DateOnly(first.Year, first.Month, 1);
        var end = new DateOnly(lastMonth.Year, lastMonth.Month, 1);
        var points = new List<TrackTrendPoint>();
        var next = new int[byConsortium.Count];
        var computed = new Track?[byConsortium.Count];
        var decided = new Track?[byConsortium.Count];
        for (; month <= end; month = month.AddMonths(1))
        {
            var monthEndUtc = DashboardReferenceDate.EndOfUkDayUtc(month.AddMonths(1).AddDays(-1));
            int fast = 0, support = 0;
            for (var i = 0; i < byConsortium.Count; i++)
            {
                var history = byConsortium[i];
                for (; next[i] < history.Count && history[next[i]].AtUtc < monthEndUtc; next[i]++)
                {
                    var e = history[next[i]];
                    if (e.IsDecision)
                    {
                        decided[i] = e.Track;
                    }
                    else
                    {
                        computed[i] = e.Track;
                    }
                }

                switch (decided[i] ?? computed[i])
                {
                    case Track.FastMover:
                        fast++;
                        break;
                    case Track.NeedsSupport:
                        support++;
                        break;
                }
            }

            points.Add(new TrackTrendPoint(month, fast, support));
        }

        return points;
    }

    /// <summary>
    /// The same points from the snapshot's rows counted by month, track and the track before (each row moves one
    /// consortium onto its track from the one before): one point per month from the first row's to <paramref name="lastMonth"/>.
    /// </summary>
    public static IReadOnlyList<TrackTrendPoint> FromChanges(IEnumerable<TrackChangeCount> changes, DateOnly lastMonth)
    {
        var end = new DateOnly(lastMonth.Year, lastMonth.Month, 1);
        var byMonth = changes.Where(c => c.Month <= end).ToLookup(c => c.Month);
        if (byMonth.Count == 0)
        {
            return [];
        }

        var points = new List<TrackTrendPoint>();
        int fast = 0, support = 0;
        for (var month = byMonth.Min(g => g.Key); month <= end; month = month.AddMonths(1))
        {
            foreach (var change in byMonth[month])
            {
                Count(change.Track, change.Consortia);
                if (change.PreviousTrack is { } previous)
                {
                    Count(previous, -change.Consortia);
                }
            }

            points.Add(new TrackTrendPoint(month, fast, support));
        }

        return points;

        void Count(Track track, int by)
        {
            switch (track)
            {
                case Track.FastMover:
                    fast += by;
                    break;
                case Track.NeedsSupport:
                    support += by;
                    break;
            }
        }
    }
}
