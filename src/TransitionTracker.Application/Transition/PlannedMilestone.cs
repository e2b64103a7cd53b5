using TransitionTracker.Domain.Transition;

namespace TransitionTracker.Application.Transition;

/// <summary>One of the four steps to authorisation, with its stored dates if any have been recorded yet.</summary>
public sealed record PlannedMilestone(MilestoneKind Kind, Milestone? Stored)
{
    public DateOnly? PlannedOn => Stored?.PlannedOn;

    public DateOnly? AchievedOn => Stored?.AchievedOn;

    /// <summary>Planned or reached after the national deadline (see <see cref="Milestone.IsLate"/>).</summary>
    public bool IsLate => Stored?.IsLate == true;
}
