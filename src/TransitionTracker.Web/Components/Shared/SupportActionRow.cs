using TransitionTracker.Application.SupportActions;
using TransitionTracker.Domain.SupportActions;

namespace TransitionTracker.Web.Components.Shared;

/// <summary>A support action as its list shows it, judged against today (UK date); plain data, so a page can keep it.</summary>
public sealed record SupportActionRow(
    int Id,
    string ConsortiumCode,
    string CriterionId,
    string? CriterionText,
    string Description,
    string Owner,
    DateOnly DueOn,
    string StatusText,
    bool Done,
    bool Overdue,
    bool ReadyToClose)
{
    public static SupportActionRow From(SupportActionItem action, DateOnly today) => new(
        action.Id, action.ConsortiumCode, action.CriterionId, action.CriterionText, action.Description, action.Owner, action.DueOn,
        action.Status.ToDisplay(), action.Status == SupportActionStatus.Done, action.IsOverdue(today), action.IsReadyToClose);

    public static IReadOnlyList<SupportActionRow> From(IEnumerable<SupportActionItem> actions, DateOnly today) =>
        actions.Select(a => From(a, today)).ToList();
}
