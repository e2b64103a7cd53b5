namespace TransitionTracker.Data.Frameworks;

/// <summary>
/// One published version of a readiness framework: its JSON document exactly as published. Versions are never
/// changed or deleted, so results submitted against one can always be explained by it.
/// </summary>
public sealed class StoredFramework
{
    public int Id { get; set; }

    public string FrameworkId { get; set; } = "";

    public int Version { get; set; }

    public string Name { get; set; } = "";

    /// <summary>
    /// The framework JSON (docs/scoring.md, "Framework documents"), with <c>version</c> equal to <see cref="Version"/>.
    /// </summary>
    public string Definition { get; set; } = "";

    public DateTime PublishedAtUtc { get; set; }

    public string PublishedBy { get; set; } = "";
}
