using TransitionTracker.Domain.Scoring;
using TransitionTracker.Application.Dashboards;

namespace TransitionTracker.Application.Tests.Dashboards;

public sealed class TrackTrendTests
{
    private static readonly DateOnly January = new(2012, 1, 1);
    private static readonly DateOnly February = new(2012, 2, 1);
    private static readonly DateOnly March = new(2012, 3, 1);

    [Fact]
    public void Each_month_counts_every_consortium_as_it_last_stood_not_only_those_that_submitted_that_month()
    {
        TrackEvent[] events =
        [
            Submitted("AAA", new DateTime(2012, 1, 10, 9, 0, 0, DateTimeKind.Utc), Track.FastMover),
            Submitted("BBB", new DateTime(2012, 1, 11, 9, 0, 0, DateTimeKind.Utc), Track.NeedsSupport),
            Submitted("CCC", new DateTime(2012, 1, 12, 9, 0, 0, DateTimeKind.Utc), Track.FastMover),
            Submitted("AAA", new DateTime(2012, 2, 10, 9, 0, 0, DateTimeKind.Utc), Track.NeedsSupport),
        ];

        var trend = TrackTrend.Build(events, March);

        Assert.Equal(
            [new TrackTrendPoint(January, 2, 1), new TrackTrendPoint(February, 1, 2), new TrackTrendPoint(March, 1, 2)],
            trend);
    }

    [Fact]
    public void One_new_submission_changes_each_month_by_at_most_that_one_consortium()
    {
        var history = Enumerable.Range(0, 12)
            .SelectMany(i => new[] { Submitted($"C{i:00}", new DateTime(2012, 1, 5 + i, 9, 0, 0, DateTimeKind.Utc), i % 3 == 0 ? Track.NeedsSupport : Track.FastMover) })
            .ToList();
        var before = TrackTrend.Build(history, March);

        var after = TrackTrend.Build([.. history, Submitted("C01", new DateTime(2012, 3, 2, 9, 0, 0, DateTimeKind.Utc), Track.NeedsSupport)], March);

        Assert.Equal(before.Select(p => p.Month), after.Select(p => p.Month));
        Assert.Equal(new TrackTrendPoint(March, 7, 5), after[^1]);
        Assert.Equal(before.Take(2), after.Take(2));
    }

    [Fact]
    public void A_regional_decision_sets_the_track_from_its_month_on_and_a_later_submission_does_not_replace_it()
    {
        TrackEvent[] events =
        [
            Submitted("AAA", new DateTime(2012, 1, 10, 9, 0, 0, DateTimeKind.Utc), Track.NeedsSupport),
            new("AAA", new DateTime(2012, 2, 1, 9, 0, 0, DateTimeKind.Utc), 7, Track.FastMover, IsDecision: true),
            Submitted("AAA", new DateTime(2012, 3, 10, 9, 0, 0, DateTimeKind.Utc), Track.NeedsSupport),
        ];

        var trend = TrackTrend.Build(events, March);

        Assert.Equal([(0, 1), (1, 0), (1, 0)], trend.Select(p => (p.FastMovers, p.NeedsSupport)));
    }

    [Fact]
    public void Months_run_to_the_reference_month_even_when_nothing_was_submitted_in_them()
    {
        var trend = TrackTrend.Build([Submitted("AAA", new DateTime(2011, 11, 30, 12, 0, 0, DateTimeKind.Utc), Track.FastMover)], March);

        Assert.Equal(5, trend.Count);
        Assert.All(trend, p => Assert.Equal(1, p.FastMovers));
    }

    [Fact]
    public void A_submission_just_after_midnight_in_british_summer_time_counts_in_the_uk_month()
    {
        // 00:30 on 1 April 2012 in the UK is 23:30 on 31 March UTC.
        var trend = TrackTrend.Build([Submitted("AAA", new DateTime(2012, 3, 31, 23, 30, 0, DateTimeKind.Utc), Track.FastMover)], new DateOnly(2012, 4, 1));

        // The trend starts in the UK month of the first submission, not with an empty March.
        Assert.Equal([new TrackTrendPoint(new DateOnly(2012, 4, 1), 1, 0)], trend);
    }

    private static TrackEvent Submitted(string code, DateTime atUtc, Track track) =>
        new(code, atUtc, (int)(atUtc.Ticks / TimeSpan.TicksPerMinute % int.MaxValue), track, IsDecision: false);
}
