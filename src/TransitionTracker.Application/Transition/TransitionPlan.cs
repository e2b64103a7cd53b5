using TransitionTracker.Domain.Transition;

namespace TransitionTracker.Application.Transition;

/// <summary>
/// A consortium's transitional plan as read from the database (not tracked, so changing these objects saves
/// nothing): functions to transfer, the four milestones in order, and staff transfers.
/// </summary>
public sealed record TransitionPlan(
    IReadOnlyList<PlannedFunction> Functions,
    IReadOnlyList<PlannedMilestone> Milestones,
    IReadOnlyList<StaffTransfer> StaffTransfers)
{
    public int TotalHeadcount => StaffTransfers.Sum(t => t.Headcount);
}
