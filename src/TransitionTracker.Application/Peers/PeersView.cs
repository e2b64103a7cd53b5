using System.Globalization;
using TransitionTracker.Domain.Forecasting;
using TransitionTracker.Domain.Peers;
using TransitionTracker.Domain.Scoring;

namespace TransitionTracker.Application.Peers;

/// <summary>
/// A consortium's peers as at <paramref name="AsAt"/> (docs/scoring.md, "Peers"): the band, region and starting track
/// they were chosen by, and each peer's journey.
/// </summary>
/// <param name="StartedAs">The track of its first submitted assessment; null when it has none.</param>
public sealed record PeersView(
    string ConsortiumCode,
    DateOnly AsAt,
    PopulationBand Band,
    long Population,
    string RegionCode,
    string RegionName,
    Track? StartedAs,
    IReadOnlyList<PeerItem> Peers)
{
    /// <summary>The rule in one sentence, as the page and the API give it.</summary>
    public string Rule =>
        $"Up to {PeerRule.Limit} consortia with {Band.Describe()} (this one has {Population.ToString("N0", CultureInfo.GetCultureInfo("en-GB"))})"
        + (StartedAs is { } track ? $" that also started as {TrackWords(track)} at their first assessment" : ", assessed at least once")
        + $": those in {RegionName} first, then those that have been a fast mover, then the nearest in size.";

    internal static string TrackWords(Track track) => track == Track.FastMover ? "a fast mover" : "needing support";
}

/// <summary>
/// One peer: who, how far it has come (first "needs support" to first "fast mover", from its submitted assessments),
/// the criteria it closed first, and its lessons on the criteria this consortium has still to close.
/// </summary>
/// <param name="Readable">Whether the reader may open the peer's pages; its lessons are given only then.</param>
/// <param name="ClosedFirst">The first criteria it closed, in the order closed (at most <see cref="ConsortiumPeers.ClosedShown"/>).</param>
/// <param name="ClosedCount">How many criteria it closed in all.</param>
public sealed record PeerItem(
    string Code,
    string Name,
    string RegionCode,
    string RegionName,
    long Population,
    Track? StartedAs,
    DateOnly? NeedsSupportOn,
    DateOnly? FastMoverOn,
    int? Days,
    int? DaysSoFar,
    bool Readable,
    IReadOnlyList<PeerCriterion> ClosedFirst,
    int ClosedCount,
    IReadOnlyList<PeerLesson> Lessons)
{
    /// <summary>The time from "needs support" to "fast mover", in words: "304 days (about 10 months)", "not yet (…so far)".</summary>
    public string Took => (Days, DaysSoFar, NeedsSupportOn) switch
    {
        ({ } days, _, _) => Span(days),
        (_, { } soFar, _) => $"Not yet ({Span(soFar)} so far)",
        _ => StartedAs is null ? "Not assessed" : "Never needed support",
    };

    internal static string Span(int days)
    {
        var months = (int)Math.Round(days / ReadinessForecast.DaysPerMonth, MidpointRounding.AwayFromZero);
        var dayText = days == 1 ? "1 day" : $"{days.ToString("N0", CultureInfo.GetCultureInfo("en-GB"))} days";
        return months switch
        {
            0 => dayText,
            1 => $"{dayText} (about 1 month)",
            _ => $"{dayText} (about {months} months)",
        };
    }
}

/// <summary>A criterion a peer closed, and whether the consortium being compared has still to close it.</summary>
public sealed record PeerCriterion(string Id, string Text, string DomainId, string Domain, DateOnly ClosedOn, bool OpenHere);

/// <summary>A lesson a peer recorded on the domain of a criterion it closed that is still open here.</summary>
public sealed record PeerLesson(int Id, string DomainId, string Domain, string Title, DateTime WrittenAtUtc);
