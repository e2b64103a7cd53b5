using System.Globalization;
using TransitionTracker.Application;
using TransitionTracker.Application.Assessments;
using TransitionTracker.Domain.Scoring;
using TransitionTracker.Web.Assessments;

namespace TransitionTracker.Web.Components.Shared;

/// <summary>
/// A consortium's standing as the status page shows it, in plain words and numbers only, so that the page can keep it
/// from prerendering for the interactive render (it is serialised into the page).
/// </summary>
public sealed record ReadinessView(
    Track? EffectiveTrack,
    Track? ComputedTrack,
    ReadinessView.DecisionView? Decision,
    bool Assessed,
    double? Score,
    double FastMoverThreshold,
    DateTime? AssessedAtUtc,
    string? AssessedBy,
    int FrameworkVersion,
    string FrameworkName,
    IReadOnlyList<string> Blockers,
    IReadOnlyList<string> NextSteps,
    IReadOnlyList<ReadinessView.DomainView> Domains,
    IReadOnlyList<HistoryPoint> History)
{
    /// <summary>How many next steps the page lists.</summary>
    public const int NextStepCount = 5;

    /// <summary>Whether the consortium has a track at all: a submitted assessment or a regional lead's decision.</summary>
    public bool HasTrack => EffectiveTrack is not null;

    public string NextStepsHeading => TrackWords.NextStepsHeading(ComputedTrack);

    public static ReadinessView From(ConsortiumReadiness readiness)
    {
        var framework = readiness.Framework;
        var report = readiness.Latest;
        var decision = readiness.Decision is { } d ? new DecisionView(d.Track, d.Revision, d.IsConfirmation, d.DecidedBy, d.DecidedAtUtc, d.Reason) : null;
        if (report is null)
        {
            return new ReadinessView(readiness.EffectiveTrack, readiness.ComputedTrack, decision, false, null, framework.FastMoverThreshold,
                null, null, framework.Version, framework.Name, [], [], [], readiness.History);
        }

        var gains = report.NextSteps.ToDictionary(s => s.Criterion, s => s.Gain, StringComparer.Ordinal);
        var blocking = report.Blockers.Where(b => b.Criterion is not null).Select(b => b.Criterion!).ToHashSet(StringComparer.Ordinal);
        var domains = report.Domains.Select(domain => new DomainView(
                domain.Id, domain.Name, domain.Score, domain.Floor, domain.BelowFloor,
                framework.CriteriaOf(domain.Id).Select(c => new CriterionView(
                        c.Id, c.Text, c.Essential, blocking.Contains(c.Id), gains.TryGetValue(c.Id, out var gain) ? gain : null))
                    .ToList()))
            .ToList();
        return new ReadinessView(
            readiness.EffectiveTrack,
            readiness.ComputedTrack,
            decision,
            true,
            report.Score,
            framework.FastMoverThreshold,
            readiness.AssessedAtUtc,
            readiness.AssessedBy,
            framework.Version,
            framework.Name,
            report.Blockers.Select(b => TrackWords.Explain(b, framework, report)).ToList(),
            report.NextSteps.Take(NextStepCount).Select(s => $"{TrackWords.NextStep(s, report)}: {framework.FindCriterion(s.Criterion)?.Text}").ToList(),
            domains,
            readiness.History);
    }

    /// <summary>A score as reported: one decimal, or "no score" when there is none.</summary>
    public static string FormatScore(double? score) => score is null ? "no score" : score.Value.ToString("0.0", CultureInfo.InvariantCulture);

    /// <param name="Revision">The decision's revision: a new decision made from this view is based on it.</param>
    public sealed record DecisionView(Track Track, int Revision, bool IsConfirmation, string DecidedBy, DateTime DecidedAtUtc, string Reason)
    {
        public string DecidedOn => UkCalendar.Date(DecidedAtUtc);
    }

    /// <param name="NotMetGain">For a criterion not fully met, the points meeting it alone would add; null when met or not applicable.</param>
    public sealed record CriterionView(string Id, string Text, bool Essential, bool Blocks, double? NotMetGain);

    public sealed record DomainView(string Id, string Name, double? Score, double Floor, bool BelowFloor, IReadOnlyList<CriterionView> Criteria);
}
