using System.Text.Json.Serialization;
using TransitionTracker.Domain.Frameworks;

namespace TransitionTracker.Domain.Scoring;

/// <summary>
/// A readiness result as the API answers it (docs/scoring.md, "In the API"), and as a submitted assessment stores it: a
/// snapshot that stays readable whatever happens to the framework later.
/// </summary>
public sealed record ReadinessReport(
    FrameworkReference Framework,
    double? Score,
    string Track,
    IReadOnlyList<ReadinessReport.DomainScore> Domains,
    IReadOnlyList<ReadinessReport.BlockerItem> Blockers,
    IReadOnlyList<ReadinessReport.NextStepItem> NextSteps)
{
    public static ReadinessReport From(Framework framework, ReadinessResult result) => new(
        new FrameworkReference(framework.Id, framework.Version),
        result.Score,
        result.Track.ToWireName(),
        result.Domains.Select(d => new DomainScore(d.Id, d.Name, d.Score, d.Floor, d.BelowFloor)).ToList(),
        result.Blockers.Select(b => new BlockerItem(b.Kind.ToWireName(), b.Domain, b.Criterion)).ToList(),
        result.NextSteps.Select(n => new NextStepItem(n.Criterion, n.Gain)).ToList());

    public sealed record DomainScore(string Id, string Name, double? Score, double Floor, bool BelowFloor);

    public sealed record BlockerItem(
        string Kind,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Domain,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Criterion);

    public sealed record NextStepItem(string Criterion, double Gain);
}
