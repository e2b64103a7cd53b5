using System.Text.Json.Serialization;
using TransitionTracker.Domain.Frameworks;

namespace TransitionTracker.Domain.Scoring;

/// <summary>The outcome of scoring one set of responses against a framework (docs/scoring.md).</summary>
public sealed class ReadinessResult
{
    private readonly Framework? framework;
    private readonly double[]? values;
    private IReadOnlyList<NextStep>? nextSteps;

    /// <summary>A result whose next steps are ranked from the criterion values when first read.</summary>
    internal ReadinessResult(
        double? exactScore, Track track, IReadOnlyList<DomainResult> domains, IReadOnlyList<Blocker> blockers, Framework framework, double[] values)
        : this(exactScore, track, domains, blockers, nextSteps: null)
    {
        this.framework = framework;
        this.values = values;
    }

    internal ReadinessResult(
        double? exactScore, Track track, IReadOnlyList<DomainResult> domains, IReadOnlyList<Blocker> blockers, IReadOnlyList<NextStep>? nextSteps)
    {
        ExactScore = exactScore;
        Score = exactScore is double score ? ReadinessScorer.Round(score) : null;
        Track = track;
        Domains = domains;
        Blockers = blockers;
        this.nextSteps = nextSteps;
    }

    /// <summary>Overall score 0–100 to 1 decimal; null when no domain could be scored.</summary>
    public double? Score { get; }

    public Track Track { get; }

    /// <summary>One result per framework domain, in framework order.</summary>
    public IReadOnlyList<DomainResult> Domains { get; }

    /// <summary>Every failed fast-mover condition; empty exactly when the track is fast mover.</summary>
    public IReadOnlyList<Blocker> Blockers { get; }

    /// <summary>Criteria not yet fully met, essential first, then by gain, then by id.</summary>
    /// <remarks>
    /// Ranked on first read rather than when scoring: dashboards score every consortium in a region but show next
    /// steps only on a consortium's own page, and ranking is most of a score's cost. Two threads reading at once
    /// may both rank; they get equal lists and either may be kept.
    /// </remarks>
    public IReadOnlyList<NextStep> NextSteps => nextSteps ??= ReadinessScorer.RankNextSteps(framework!, values!);

    /// <summary>The unrounded overall score, the one compared with the threshold.</summary>
    [JsonIgnore]
    public double? ExactScore { get; }
}
