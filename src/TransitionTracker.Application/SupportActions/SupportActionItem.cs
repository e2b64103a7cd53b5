using TransitionTracker.Domain.SupportActions;

namespace TransitionTracker.Application.SupportActions;

/// <summary>
/// A support action as pages show it: the stored action, read-only, with its criterion's text and whether that
/// criterion is met in the consortium's latest submitted assessment.
/// </summary>
public sealed class SupportActionItem(SupportAction action, string? criterionText, bool criterionMet)
{
    public int Id => action.Id;

    public string ConsortiumCode => action.ConsortiumCode;

    public string CriterionId => action.CriterionId;

    /// <summary>The criterion's wording in the default framework; null if a later version dropped it.</summary>
    public string? CriterionText => criterionText;

    public string Description => action.Description;

    public string Owner => action.Owner;

    public DateOnly DueOn => action.DueOn;

    public SupportActionStatus Status => action.Status;

    public int Revision => action.Revision;

    /// <summary>Whether the criterion is met in the consortium's latest submitted assessment.</summary>
    public bool CriterionMet => criterionMet;

    public bool IsOverdue(DateOnly today) => action.IsOverdue(today, criterionMet);

    public bool IsReadyToClose => action.IsReadyToClose(criterionMet);
}
