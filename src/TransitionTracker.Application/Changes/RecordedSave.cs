namespace TransitionTracker.Application.Changes;

/// <summary>Everything one person saved at one moment (one save): the audit entries it wrote, in the order they were written.</summary>
public sealed record RecordedSave(DateTime AtUtc, string Actor, IReadOnlyList<RecordedEntry> Entries);
