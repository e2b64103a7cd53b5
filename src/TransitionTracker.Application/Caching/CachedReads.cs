using TransitionTracker.Data;

namespace TransitionTracker.Application.Caching;

/// <summary>
/// A unit of work's way into <see cref="ReadCache"/>: <see cref="GetAsync{T}(object, Func{CancellationToken, Task{T}}, CancellationToken)"/>
/// returns the result kept for a key if the data has not changed since (same stamp, same UK date), and otherwise runs
/// the load and keeps what it returns. Keys are value tuples or records naming what was read and every argument that
/// shapes it (codes, page, sort, and the reader's scope where the result depends on who asks). Reads through a context
/// with a transaction open go to the database and nothing is kept.
/// </summary>
public sealed class CachedReads(ReadCache cache, DataStamp stamp, TimeProvider clock)
{
    public async Task<T> GetAsync<T>(object key, Func<CancellationToken, Task<T>> load, CancellationToken cancellationToken)
    {
        if (!cache.Enabled)
        {
            return await load(cancellationToken);
        }

        var current = await stamp.CurrentAsync(cancellationToken);
        return await cache.GetOrLoadAsync(key, current.Global, UkCalendar.Today(clock), load, cancellationToken);
    }

    /// <summary>
    /// As <see cref="GetAsync{T}(object, Func{CancellationToken, Task{T}}, CancellationToken)"/>, for a read of one
    /// region's data only (its consortia, the PCTs they work with, their practices, and reference data): kept under
    /// the region's stamp instead of the whole data's, so saves in other regions leave it valid
    /// (docs/architecture.md, "The read cache", lists which saves count for a region). A read that shows anything of
    /// another region (lessons from others, national figures) or a draft checklist (whose edits replace no region's
    /// stamp) must not use this.
    /// </summary>
    public Task<T> GetForRegionAsync<T>(string regionCode, object key, Func<CancellationToken, Task<T>> load, CancellationToken cancellationToken) =>
        GetAsync(stamps => stamps.Region(regionCode), key, load, cancellationToken);

    /// <summary>
    /// As <see cref="GetForRegionAsync{T}(string, object, Func{CancellationToken, Task{T}}, CancellationToken)"/>, for a
    /// read whose region is looked up (<paramref name="regionOf"/>, itself a kept read) only when the cache is on, since
    /// it serves only to choose the stamp; kept under the whole data's stamp when there is no such region.
    /// </summary>
    public async Task<T> GetForRegionAsync<T>(Func<CancellationToken, Task<string?>> regionOf, object key, Func<CancellationToken, Task<T>> load, CancellationToken cancellationToken)
    {
        if (!cache.Enabled)
        {
            return await load(cancellationToken);
        }

        return await regionOf(cancellationToken) is { } region
            ? await GetForRegionAsync(region, key, load, cancellationToken)
            : await GetAsync(key, load, cancellationToken);
    }

    /// <summary>
    /// As <see cref="GetAsync{T}(object, Func{CancellationToken, Task{T}}, CancellationToken)"/>, for a read of
    /// reference data only (regions and PCTs: whether one exists, which region a PCT is in), which changes only with
    /// saves too wide to place in a region: kept under the wide stamp.
    /// </summary>
    public Task<T> GetReferenceAsync<T>(object key, Func<CancellationToken, Task<T>> load, CancellationToken cancellationToken) =>
        GetAsync(stamps => stamps.Reference, key, load, cancellationToken);

    private async Task<T> GetAsync<T>(Func<DataStamps, StampToken> token, object key, Func<CancellationToken, Task<T>> load, CancellationToken cancellationToken)
    {
        if (!cache.Enabled)
        {
            return await load(cancellationToken);
        }

        var current = await stamp.CurrentAsync(cancellationToken);
        return await cache.GetOrLoadAsync(key, token(current), UkCalendar.Today(clock), load, cancellationToken);
    }

    /// <summary>
    /// As <see cref="GetAsync{T}(object, Func{CancellationToken, Task{T}}, CancellationToken)"/>, for a load that reads
    /// through <paramref name="db"/>: while it has a transaction open, what it reads may not be committed (and may be
    /// rolled back), so it is read afresh and not kept.
    /// </summary>
    public Task<T> GetAsync<T>(TransitionTrackerDbContext db, object key, Func<CancellationToken, Task<T>> load, CancellationToken cancellationToken) =>
        db.Database.CurrentTransaction is not null ? load(cancellationToken) : GetAsync(key, load, cancellationToken);
}
