using TransitionTracker.Domain.SupportActions;

namespace TransitionTracker.Web.SupportActions;

/// <summary>A support action as pages show it: the stored action, read-only, with its criterion's text.</summary>
public sealed class SupportActionItem(SupportAction action, string? criterionText)
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

    public bool IsOverdue(DateOnly today) => action.IsOverdue(today);
}
