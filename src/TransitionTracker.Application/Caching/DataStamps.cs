using TransitionTracker.Data.Versioning;

namespace TransitionTracker.Application.Caching;

/// <summary>
/// The stamps read at one moment (<see cref="DataVersion"/>, <see cref="ScopeStamps"/>): <see cref="Global"/> changes
/// with every save; a region's token changes with every save that can change what a read of that region shows, and
/// with every save too wide to place. A region's row not made yet reads as 0.
/// </summary>
public sealed class DataStamps(IReadOnlyDictionary<int, long> rows)
{
    /// <summary>The whole data's stamp: what reads of everything (national figures, users, scope checks) are kept under.</summary>
    public StampToken Global => new(null, rows.GetValueOrDefault(DataVersion.RowId), 0);

    /// <summary>
    /// What a read of reference data only (regions, PCTs and which region each is in) is kept under: the wide stamp,
    /// which every change to them replaces (they are not placed in a region).
    /// </summary>
    public StampToken Reference => new("*", Wide, 0);

    /// <summary>What a read of one region only is kept under: the wide stamp and the region's own.</summary>
    public StampToken Region(string regionCode) =>
        new(regionCode, Wide, rows.GetValueOrDefault(DataVersion.RegionRowId(regionCode)));

    // The wide row is made by the migration that added population to consortia, so it is there from the start.
    private long Wide => rows.GetValueOrDefault(DataVersion.WideRowId);
}

/// <summary>
/// The stamps a kept result was read under, and whose they are (null for the whole data's, or a region code); it is
/// served again only while they are the same.
/// </summary>
public readonly record struct StampToken(string? Scope, long First, long Second);
