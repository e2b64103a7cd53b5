using System.Globalization;
using TransitionTracker.Domain.Frameworks;
using TransitionTracker.Domain.Scoring;

namespace TransitionTracker.Web.Assessments;

/// <summary>Tracks and blockers in the plain English a consortium lead reads.</summary>
public static class TrackWords
{
    public static string Headline(Track track) => track == Track.FastMover
        ? "Fast mover: ready for full budgetary responsibility"
        : "Needs support: needs development support and more time";

    public static string Name(Track track) => track == Track.FastMover ? "Fast mover" : "Needs support";

    /// <summary>
    /// The heading over the next steps: a needs-support consortium is told what would move it to fast mover; a fast
    /// mover is already there, so its next steps only raise its score.
    /// </summary>
    public static string NextStepsHeading(Track? computedTrack) =>
        computedTrack == Track.FastMover ? "What would raise the score further" : "What would move it";

    public static string Explain(Blocker blocker, Framework framework, ReadinessResult result) => blocker.Kind switch
    {
        BlockerKind.NotAssessed => "Nothing has been assessed yet.",
        BlockerKind.NoApplicableCriteria => "Every answered criterion is marked not applicable, so there is nothing to score.",
        BlockerKind.OverallThreshold => string.Create(CultureInfo.InvariantCulture,
            $"The overall score {result.Score:0.0} is below the {framework.FastMoverThreshold:0} a fast mover needs."),
        BlockerKind.DomainFloor => DomainFloor(blocker.Domain!, framework, result),
        BlockerKind.EssentialCriterion => $"Essential criterion {blocker.Criterion} ({framework.FindCriterion(blocker.Criterion!)?.Text}) is not met.",
        _ => blocker.Kind.ToWireName(),
    };

    /// <summary>A stored blocker in plain English, using the stored scores.</summary>
    public static string Explain(ReadinessReport.BlockerItem blocker, Framework framework, ReadinessReport report) => blocker.Kind switch
    {
        "not-assessed" => "Nothing has been assessed yet.",
        "no-applicable-criteria" => "Every answered criterion is marked not applicable, so there is nothing to score.",
        "overall-threshold" => string.Create(CultureInfo.InvariantCulture,
            $"The overall score of {report.Score:0.0} is below the {framework.FastMoverThreshold:0} a fast mover needs."),
        "domain-floor" => string.Create(CultureInfo.InvariantCulture,
            $"{framework.FindDomain(blocker.Domain!)?.Name ?? blocker.Domain} scores {report.Domains.FirstOrDefault(d => d.Id == blocker.Domain)?.Score:0.0}, below its floor of {framework.FindDomain(blocker.Domain!)?.Floor:0}."),
        "essential-criterion" => $"Essential criterion {blocker.Criterion} is not met: {framework.FindCriterion(blocker.Criterion!)?.Text}",
        _ => blocker.Kind,
    };

    /// <summary>"Meeting GOV-02 would remove a blocker and add 2.3 points", "meeting FIN-04 adds 3.1 points".</summary>
    public static string NextStep(ReadinessReport.NextStepItem step, ReadinessReport report)
    {
        var removesBlocker = report.Blockers.Any(b => b.Criterion == step.Criterion);
        var points = string.Create(CultureInfo.InvariantCulture, $"{step.Gain:0.0} point{(step.Gain == 1 ? "" : "s")}");
        return removesBlocker
            ? $"Meeting {step.Criterion} would remove a blocker and add {points}"
            : $"Meeting {step.Criterion} adds {points}";
    }

    private static string DomainFloor(string domainId, Framework framework, ReadinessResult result)
    {
        var domain = framework.FindDomain(domainId);
        var score = result.Domains.FirstOrDefault(d => d.Id == domainId).Score;
        return string.Create(CultureInfo.InvariantCulture,
            $"{domain?.Name ?? domainId} scores {score:0.0}, below its floor of {domain?.Floor:0}.");
    }
}
