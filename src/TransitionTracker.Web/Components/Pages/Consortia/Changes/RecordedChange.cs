namespace TransitionTracker.Web.Components.Pages.Consortia.Changes;

/// <summary>One audit entry as people read it: when, who, what was changed, and each field's old and new value.</summary>
public sealed record RecordedChange(
    DateTime AtUtc,
    string Actor,
    string What,
    string Action,
    string EntityKey,
    IReadOnlyList<ChangedField> Fields);
