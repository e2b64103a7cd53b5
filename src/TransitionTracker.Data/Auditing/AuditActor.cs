namespace TransitionTracker.Data.Auditing;

/// <summary>Who is making changes in this scope (one request, or one command); set once at the edge.</summary>
public sealed class AuditActor
{
    public const string System = "system";

    public string Name { get; set; } = System;
}
