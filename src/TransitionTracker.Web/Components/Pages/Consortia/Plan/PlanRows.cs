using TransitionTracker.Application.Transition;
using TransitionTracker.Domain.Transition;

namespace TransitionTracker.Web.Components.Pages.Consortia.Plan;

/// <summary>
/// A consortium's transition plan as the plan page shows it: plain values, so the page can persist it for the live
/// render (see <see cref="TransitionPlan"/>).
/// </summary>
public sealed record PlanRows(IReadOnlyList<FunctionRow> Functions, IReadOnlyList<MilestoneRow> Milestones, IReadOnlyList<TransferRow> StaffTransfers)
{
    public int TotalHeadcount => StaffTransfers.Sum(t => t.Headcount);

    public static PlanRows From(TransitionPlan plan) => new(
        plan.Functions.Select(f => new FunctionRow(f.Id, f.Name, f.ReceivingBody, f.Status, f.TargetOn)).ToList(),
        plan.Milestones.Select(m => new MilestoneRow(m.Kind, m.PlannedOn, m.AchievedOn, m.IsLate)).ToList(),
        plan.StaffTransfers.Select(t => new TransferRow(t.Id, t.Function, t.Headcount, t.Destination)).ToList());
}

public sealed record FunctionRow(int Id, string Name, ReceivingBody ReceivingBody, FunctionStatus Status, DateOnly? TargetOn);

public sealed record MilestoneRow(MilestoneKind Kind, DateOnly? PlannedOn, DateOnly? AchievedOn, bool IsLate);

public sealed record TransferRow(int Id, string Function, int Headcount, ReceivingBody Destination);
