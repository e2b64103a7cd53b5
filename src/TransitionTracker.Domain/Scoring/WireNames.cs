using TransitionTracker.Domain.Frameworks;

namespace TransitionTracker.Domain.Scoring;

/// <summary>
/// The strings docs/scoring.md uses for these values on the wire and in stored documents. The enums carry the
/// same names for System.Text.Json; these are for everything else (forms, CSV, query strings).
/// </summary>
public static class WireNames
{
    public static string ToWireName(this ResponseStatus status) => status switch
    {
        ResponseStatus.NotStarted => "not_started",
        ResponseStatus.InProgress => "in_progress",
        ResponseStatus.Met => "met",
        ResponseStatus.NotApplicable => "not_applicable",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };

    public static string ToWireName(this Track track) => track switch
    {
        Track.FastMover => "fast-mover",
        Track.NeedsSupport => "needs-support",
        _ => throw new ArgumentOutOfRangeException(nameof(track), track, null),
    };

    public static string ToWireName(this BlockerKind kind) => kind switch
    {
        BlockerKind.OverallThreshold => "overall-threshold",
        BlockerKind.DomainFloor => "domain-floor",
        BlockerKind.EssentialCriterion => "essential-criterion",
        BlockerKind.NotAssessed => "not-assessed",
        BlockerKind.NoApplicableCriteria => "no-applicable-criteria",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    public static string ToWireName(this FrameworkScale scale) => scale switch
    {
        FrameworkScale.Status => "status",
        FrameworkScale.Levels => "levels",
        _ => throw new ArgumentOutOfRangeException(nameof(scale), scale, null),
    };

    /// <summary>Parses exactly the wire names: case and spacing matter, as they do in the JSON API.</summary>
    public static bool TryParseResponseStatus(string? text, out ResponseStatus status)
    {
        ResponseStatus? parsed = text switch
        {
            "not_started" => ResponseStatus.NotStarted,
            "in_progress" => ResponseStatus.InProgress,
            "met" => ResponseStatus.Met,
            "not_applicable" => ResponseStatus.NotApplicable,
            _ => null,
        };
        status = parsed.GetValueOrDefault();
        return parsed.HasValue;
    }

    public static bool TryParseTrack(string? text, out Track track)
    {
        Track? parsed = text switch
        {
            "fast-mover" => Track.FastMover,
            "needs-support" => Track.NeedsSupport,
            _ => null,
        };
        track = parsed.GetValueOrDefault();
        return parsed.HasValue;
    }
}
