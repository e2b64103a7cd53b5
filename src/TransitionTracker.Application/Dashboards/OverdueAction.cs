namespace TransitionTracker.Application.Dashboards;

/// <summary>A support action past its due date and not done.</summary>
public sealed record OverdueAction(int Id, string ConsortiumCode, string ConsortiumName, string CriterionId, string Description, string Owner, DateOnly DueOn, int DaysOverdue);
