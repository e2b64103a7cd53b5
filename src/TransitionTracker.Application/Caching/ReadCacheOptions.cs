namespace TransitionTracker.Application.Caching;

/// <summary>Configuration section <c>ReadCache</c>: whether read results are kept in memory, and how many.</summary>
public sealed class ReadCacheOptions
{
    public const string Section = "ReadCache";

    /// <summary>Off, every read goes to the database (the round-trip tests measure that way).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>The most results kept at once; the least recently used go first.</summary>
    public int MaxEntries { get; set; } = 2_000;

    /// <summary>A result not asked for in this long is dropped.</summary>
    public TimeSpan IdleExpiry { get; set; } = TimeSpan.FromMinutes(10);
}
