using TransitionTracker.Domain.Scoring;

namespace TransitionTracker.Application.Dashboards;

/// <summary>
/// The track trend: for each month, every consortium's effective track as it stood at the end of that month in the UK (its
/// latest decision up to then, otherwise its latest submitted assessment up to then), carried forward through months
/// in which it did nothing. So one new submission changes each month's counts by at most that one consortium.
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
}
