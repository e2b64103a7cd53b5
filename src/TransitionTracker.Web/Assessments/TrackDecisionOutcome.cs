using TransitionTracker.Domain.Assessments;

namespace TransitionTracker.Web.Assessments;

/// <summary>
/// A regional lead's decision: saved, or refused because someone decided after the decision the lead saw
/// (<see cref="DecidedMeanwhile"/> is that later decision).
/// </summary>
public sealed record TrackDecisionOutcome(TrackDecision? Saved, TrackDecision? DecidedMeanwhile)
{
    public bool IsSaved => Saved is not null;
}
