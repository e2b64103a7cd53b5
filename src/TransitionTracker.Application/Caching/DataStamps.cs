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

    // Until the first wide save or bulk load makes the wide row, the whole data's stamp stands in for it: every save
    // then counts for every region, and SQL run by hand that replaces every row's stamp (docs/operations.md) is seen
    // before the wide row exists as well as after.
    private long Wide => rows.TryGetValue(DataVersion.WideRowId, out var wide) ? wide : rows.GetValueOrDefault(DataVersion.RowId);
}

/// <summary>
/// The stamps a kept result was read under, and whose they are (null for the whole data's, or a region code); it is
/// served again only while they are the same.
/// </summary>
public readonly record struct StampToken(string? Scope, long First, long Second);
