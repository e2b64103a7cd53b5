using System.Text.Json.Serialization;

namespace TransitionTracker.Domain.Scoring;

/// <summary>The outcome of scoring one set of responses against a framework (PRODUCT §5).</summary>
/// <param name="Score">Overall score 0–100 to 1 decimal; null when no domain could be scored.</param>
/// <param name="Domains">One result per framework domain, in framework order.</param>
/// <param name="Blockers">Every failed fast-mover condition; empty exactly when the track is fast mover.</param>
/// <param name="NextSteps">Criteria not yet fully met, essential first, then by gain, then by id.</param>
public sealed record ReadinessResult(
    double? Score,
    Track Track,
    IReadOnlyList<DomainResult> Domains,
    IReadOnlyList<Blocker> Blockers,
    IReadOnlyList<NextStep> NextSteps)
{
    /// <summary>The unrounded overall score, the one compared with the threshold.</summary>
    [JsonIgnore]
    public double? ExactScore { get; init; }
}
