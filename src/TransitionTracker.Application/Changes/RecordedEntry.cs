using TransitionTracker.Data.Auditing;

namespace TransitionTracker.Application.Changes;

/// <summary>
/// One audit entry as stored: the entity's type name and key, the action ("Added", "Modified", "Deleted"), and each
/// changed field's old and new value. Putting it into words is for whoever shows it.
/// </summary>
public sealed record RecordedEntry(string EntityType, string EntityKey, string Action, IReadOnlyList<FieldChange> Changes);
