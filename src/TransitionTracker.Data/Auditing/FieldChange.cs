namespace TransitionTracker.Data.Auditing;

public sealed record FieldChange(string Field, string? Old, string? New);
