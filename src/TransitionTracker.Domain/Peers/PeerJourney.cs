using TransitionTracker.Domain.Forecasting;
using TransitionTracker.Domain.Frameworks;
using TransitionTracker.Domain.Scoring;

namespace TransitionTracker.Domain.Peers;

/// <summary>One submitted assessment's computed track, on its UK date (<paramref name="Id"/> breaks ties on a day).</summary>
public readonly record struct TrackedSubmission(int Id, DateOnly SubmittedOn, Track? Track);

/// <summary>One submitted assessment's answers, on its UK date.</summary>
public sealed record AnsweredSubmission(int Id, DateOnly SubmittedOn, IReadOnlyList<CriterionResponse> Responses);

/// <summary>A criterion answered as not met in one submission and met (or at the top level) in a later one, and when.</summary>
public readonly record struct ClosedCriterion(string CriterionId, DateOnly ClosedOn);

/// <summary>
/// How a consortium moved between the tracks, from its submitted assessments' computed tracks (docs/scoring.md,
/// "Peers"): the track it started from (its first submission's), its first "needs support", and its first "fast mover"
/// after that. Submissions after <see cref="AsAt"/> are not seen.
/// </summary>
public sealed record PeerJourney(Track? StartedAs, DateOnly? NeedsSupportOn, DateOnly? FastMoverOn, DateOnly AsAt)
{
    /// <summary>Whether it has been a fast mover at any submission by <see cref="AsAt"/>.</summary>
    public bool EverFastMover { get; init; }

    /// <summary>Days from its first "needs support" to its first "fast mover" after it; null when it has not made that move.</summary>
    public int? DaysToFastMover => NeedsSupportOn is { } from && FastMoverOn is { } to ? to.DayNumber - from.DayNumber : null;

    /// <summary>Days since its first "needs support" for one that is not yet a fast mover after it; null otherwise.</summary>
    public int? DaysSoFar => NeedsSupportOn is { } from && FastMoverOn is null ? Math.Max(0, AsAt.DayNumber - from.DayNumber) : null;

    public static PeerJourney Of(IEnumerable<TrackedSubmission> submissions, DateOnly asAt)
    {
        ArgumentNullException.ThrowIfNull(submissions);
        var history = submissions.Where(s => s.SubmittedOn <= asAt && s.Track is not null)
            .OrderBy(s => s.SubmittedOn).ThenBy(s => s.Id).ToList();
        if (history.Count == 0)
        {
            return new PeerJourney(null, null, null, asAt);
        }

        var needsSupport = history.FirstOrDefault(s => s.Track == Track.NeedsSupport);
        DateOnly? needsSupportOn = needsSupport.Track is null ? null : needsSupport.SubmittedOn;
        var fastMover = needsSupportOn is null
            ? default
            : history.SkipWhile(s => s != needsSupport).FirstOrDefault(s => s.Track == Track.FastMover);
        return new PeerJourney(history[0].Track, needsSupportOn, fastMover.Track is null ? null : fastMover.SubmittedOn, asAt)
        {
            EverFastMover = history.Any(s => s.Track == Track.FastMover),
        };
    }

    /// <summary>
    /// The criteria closed over the submissions, in the order closed (by date, then by the framework's order): each
    /// answered as not met (not "not applicable") in a submission and met, or at the top level, in a later one, counted once, at its first
    /// closing. A criterion met from its first answer was never closed; one unanswered before it was met was not
    /// answered as not met.
    /// </summary>
    public static IReadOnlyList<ClosedCriterion> ClosedCriteria(Framework framework, IEnumerable<AnsweredSubmission> submissions, DateOnly asAt)
    {
        ArgumentNullException.ThrowIfNull(framework);
        ArgumentNullException.ThrowIfNull(submissions);
        var answeredOpen = new HashSet<string>(StringComparer.Ordinal);
        var closed = new List<ClosedCriterion>();
        var done = new HashSet<string>(StringComparer.Ordinal);
        foreach (var submission in submissions.Where(s => s.SubmittedOn <= asAt).OrderBy(s => s.SubmittedOn).ThenBy(s => s.Id))
        {
            var answers = submission.Responses.ToDictionary(r => r.CriterionId, StringComparer.Ordinal);
            foreach (var criterion in framework.Criteria)
            {
                if (!answers.TryGetValue(criterion.Id, out var answer) || done.Contains(criterion.Id))
                {
                    continue;
                }

                if (ReadinessForecast.IsClosed(framework, answer))
                {
                    if (answeredOpen.Contains(criterion.Id))
                    {
                        closed.Add(new ClosedCriterion(criterion.Id, submission.SubmittedOn));
                        done.Add(criterion.Id);
                    }
                }
                else if (answer.Status != ResponseStatus.NotApplicable)
                {
                    answeredOpen.Add(criterion.Id);
                }
            }
        }

        return closed;
    }

    /// <summary>Whether the criterion is still to close in these answers: unanswered, or answered as not met (not "not applicable").</summary>
    public static bool IsOpen(Framework framework, IReadOnlyList<CriterionResponse> responses, string criterionId) =>
        responses.FirstOrDefault(r => r.CriterionId == criterionId) is not { } answer
        || (answer.Status != ResponseStatus.NotApplicable && !ReadinessForecast.IsClosed(framework, answer));
}
