using TransitionTracker.Domain.Assessments;
using TransitionTracker.Domain.Frameworks;
using TransitionTracker.Domain.Scoring;

namespace TransitionTracker.Application.Assessments;

/// <summary>
/// Where a consortium stands: the result of its latest submitted assessment (as stored, never re-scored), the
/// framework version it was scored against, the regional lead's decision if any, and the history of results.
/// </summary>
public sealed record ConsortiumReadiness(
    Framework Framework,
    ReadinessReport? Latest,
    DateTime? AssessedAtUtc,
    string? AssessedBy,
    TrackDecision? Decision,
    IReadOnlyList<HistoryPoint> History)
{
    public Track? ComputedTrack => Latest is null ? null : WireNames.TryParseTrack(Latest.Track, out var track) ? track : null;

    /// <summary>The regional lead's decision when there is one, otherwise the computed track.</summary>
    public Track? EffectiveTrack => Decision?.Track ?? ComputedTrack;
}
