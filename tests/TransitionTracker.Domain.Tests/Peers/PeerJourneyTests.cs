using TransitionTracker.Domain.Frameworks;
using TransitionTracker.Domain.Peers;
using TransitionTracker.Domain.Scoring;
using TransitionTracker.Domain.Tests.Scoring;
using static TransitionTracker.Domain.Tests.Scoring.Answers;

namespace TransitionTracker.Domain.Tests.Peers;

/// <summary>
/// Peers on constructed histories whose answers are worked out by hand (docs/scoring.md, "Peers"): the bands, the
/// journey from needs support to fast mover, the criteria closed in order, and which consortia are chosen.
/// </summary>
public sealed class PeerJourneyTests
{
    private static readonly Framework Framework = new FrameworkBuilder()
        .Domain("A").Domain("B")
        .Criterion("a1", "A", essential: true).Criterion("a2", "A").Criterion("b1", "B").Criterion("b2", "B")
        .Build();

    private static readonly DateOnly AsAt = Date("2013-03-31");

    [Theory]
    [InlineData(0, PopulationBand.Under100Thousand)]
    [InlineData(99_999, PopulationBand.Under100Thousand)]
    [InlineData(100_000, PopulationBand.From100To250Thousand)]
    [InlineData(249_999, PopulationBand.From100To250Thousand)]
    [InlineData(250_000, PopulationBand.From250To500Thousand)]
    [InlineData(499_999, PopulationBand.From250To500Thousand)]
    [InlineData(500_000, PopulationBand.From500Thousand)]
    [InlineData(1_200_000, PopulationBand.From500Thousand)]
    public void A_bound_starts_the_band_above_it(long population, PopulationBand band) =>
        Assert.Equal(band, PopulationBands.Of(population));

    [Fact]
    public void The_journey_runs_from_the_first_needs_support_to_the_first_fast_mover_after_it()
    {
        // Fast mover on 1 Feb 2011, needs support from 1 Mar 2011, fast mover again on 15 Dec 2011: 289 days.
        var journey = PeerJourney.Of(
        [
            Tracked(3, "2011-03-01", Track.NeedsSupport), Tracked(1, "2011-02-01", Track.FastMover),
            Tracked(4, "2011-12-15", Track.FastMover), Tracked(5, "2012-01-15", Track.NeedsSupport),
        ], AsAt);

        Assert.Equal(Track.FastMover, journey.StartedAs);
        Assert.Equal(Date("2011-03-01"), journey.NeedsSupportOn);
        Assert.Equal(Date("2011-12-15"), journey.FastMoverOn);
        Assert.Equal(289, journey.DaysToFastMover);
        Assert.Null(journey.DaysSoFar);
        Assert.True(journey.EverFastMover);
    }

    [Fact]
    public void One_still_needing_support_has_the_time_so_far_to_the_reference_date_and_later_submissions_are_not_seen()
    {
        // Needs support from 1 Jan 2013; its fast mover on 1 Apr 2013 is after the reference date: 89 days so far.
        var journey = PeerJourney.Of([Tracked(1, "2013-01-01", Track.NeedsSupport), Tracked(2, "2013-04-01", Track.FastMover)], AsAt);

        Assert.Equal(Track.NeedsSupport, journey.StartedAs);
        Assert.Null(journey.FastMoverOn);
        Assert.Null(journey.DaysToFastMover);
        Assert.Equal(89, journey.DaysSoFar);
        Assert.False(journey.EverFastMover);
    }

    [Fact]
    public void One_never_assessed_or_never_needing_support_has_no_journey()
    {
        var none = PeerJourney.Of([], AsAt);
        var always = PeerJourney.Of([Tracked(1, "2011-01-01", Track.FastMover)], AsAt);

        Assert.Null(none.StartedAs);
        Assert.Null(none.NeedsSupportOn);
        Assert.Equal(Track.FastMover, always.StartedAs);
        Assert.Null(always.NeedsSupportOn);
        Assert.Null(always.DaysToFastMover);
        Assert.Null(always.DaysSoFar);
    }

    [Fact]
    public void Criteria_closed_are_those_answered_not_met_then_met_in_the_order_closed_each_once()
    {
        // a1 met from its first answer: never closed. b1 unanswered, then met: not answered as not met. b2 not met,
        // met on 1 Mar (first); a2 not met, then met on 1 Apr, reopened on 1 May and met again on 1 Jun (counted once,
        // on 1 Apr). b1 not applicable then met: not counted.
        var closed = PeerJourney.ClosedCriteria(Framework,
        [
            Answered(3, "2011-03-01", Met("a1"), InProgress("a2"), Met("b1"), Met("b2")),
            Answered(1, "2011-01-01", Met("a1"), NotStarted("a2"), InProgress("b2")),
            Answered(4, "2011-04-01", Met("a1"), Met("a2"), Met("b1"), Met("b2")),
            Answered(5, "2011-05-01", Met("a1"), InProgress("a2"), Met("b1"), Met("b2")),
            Answered(6, "2011-06-01", Met("a1"), Met("a2"), Met("b1"), Met("b2")),
        ], AsAt);

        Assert.Equal([new ClosedCriterion("b2", Date("2011-03-01")), new ClosedCriterion("a2", Date("2011-04-01"))], closed);
    }

    [Fact]
    public void Criteria_closed_on_the_same_day_follow_the_framework_and_not_applicable_never_counts_as_not_met()
    {
        var closed = PeerJourney.ClosedCriteria(Framework,
        [
            Answered(1, "2011-01-01", NotStarted("b1"), InProgress("a2"), NotApplicable("b2")),
            Answered(2, "2011-02-01", Met("b1"), Met("a2"), Met("b2")),
            Answered(3, "2013-04-02", NotStarted("a1")),
            Answered(4, "2013-05-02", Met("a1")),
        ], AsAt);

        Assert.Equal(["a2", "b1"], closed.Select(c => c.CriterionId));
        Assert.True(PeerJourney.IsOpen(Framework, [NotStarted("a1")], "a1"));
        Assert.True(PeerJourney.IsOpen(Framework, [], "a1"));
        Assert.False(PeerJourney.IsOpen(Framework, [Met("a1")], "a1"));
        Assert.False(PeerJourney.IsOpen(Framework, [NotApplicable("a1")], "a1"));
    }

    [Fact]
    public void Peers_share_the_band_and_starting_track_with_the_region_first_then_fast_movers_then_the_nearest_in_size()
    {
        var self = new PeerCandidate("00G", "Q30", 156_013, Track.NeedsSupport, false);
        PeerCandidate[] others =
        [
            new("01A", "Q31", 150_000, Track.NeedsSupport, true),   // other region, fast mover, 6,013 away
            new("01B", "Q31", 156_000, Track.NeedsSupport, false),  // other region, never fast mover, 13 away
            new("00H", "Q30", 132_408, Track.NeedsSupport, true),   // same region, fast mover
            new("00C", "Q30", 105_876, Track.NeedsSupport, true),   // same region, fast mover, further
            new("00J", "Q30", 157_000, Track.NeedsSupport, false),  // same region, not a fast mover
            new("00K", "Q30", 160_000, Track.FastMover, true),      // started as a fast mover
            new("00D", "Q30", 287_858, Track.NeedsSupport, true),   // another band
            new("00L", "Q30", 155_000, null, false),                // never assessed
            new("01C", "Q32", 150_000, Track.NeedsSupport, true),   // ties 01A on everything but the code
            self,
        ];

        Assert.Equal(["00H", "00C", "00J", "01A", "01C"], PeerRule.Choose(self, others).Select(p => p.Code));
        Assert.Equal(["00H", "00C"], PeerRule.Choose(self, others, limit: 2).Select(p => p.Code));
    }

    [Fact]
    public void A_consortium_never_assessed_is_compared_with_its_band_whatever_their_start()
    {
        var self = new PeerCandidate("00Z", "Q30", 90_000, null, false);
        PeerCandidate[] others =
        [
            new("00A", "Q30", 80_000, Track.FastMover, true),
            new("00B", "Q30", 95_000, Track.NeedsSupport, false),
            new("00C", "Q30", 120_000, Track.NeedsSupport, true),
        ];

        Assert.Equal(["00A", "00B"], PeerRule.Choose(self, others).Select(p => p.Code));
    }

    private static TrackedSubmission Tracked(int id, string date, Track track) => new(id, Date(date), track);

    private static AnsweredSubmission Answered(int id, string date, params CriterionResponse[] responses) => new(id, Date(date), responses);

    private static DateOnly Date(string text) => DateOnly.Parse(text, System.Globalization.CultureInfo.InvariantCulture);
}
