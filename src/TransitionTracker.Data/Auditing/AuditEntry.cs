namespace TransitionTracker.Data.Auditing;

/// <summary>One change to one entity: who, when, what, and each changed field's old and new value (JSON).</summary>
public sealed class AuditEntry
{
    public long Id { get; set; }

    public DateTime AtUtc { get; set; }

    /// <summary>The signed-in user's e-mail, or "system" for start-up and commands.</summary>
    public string Actor { get; set; } = "";

    public string EntityType { get; set; } = "";

    public string EntityKey { get; set; } = "";

    public string Action { get; set; } = "";

    /// <summary>The consortium this change belongs to, when it belongs to one, for its "Changes" page.</summary>
    public string? ConsortiumCode { get; set; }

    /// <summary>JSON array of { "field", "old", "new" }.</summary>
    public string Changes { get; set; } = "[]";
}
