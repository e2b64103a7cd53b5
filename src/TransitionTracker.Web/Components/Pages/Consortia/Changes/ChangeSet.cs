namespace TransitionTracker.Web.Components.Pages.Consortia.Changes;

/// <summary>Everything one person saved at one moment (one save), as the items people read.</summary>
public sealed record ChangeSet(DateTime AtUtc, string Actor, IReadOnlyList<ChangeItem> Items);
