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
        return await cache.GetOrLoadAsync(key, current, UkCalendar.Today(clock), load, cancellationToken);
    }

    /// <summary>
    /// As <see cref="GetAsync{T}(object, Func{CancellationToken, Task{T}}, CancellationToken)"/>, for a load that reads
    /// through <paramref name="db"/>: while it has a transaction open, what it reads may not be committed (and may be
    /// rolled back), so it is read afresh and not kept.
    /// </summary>
    public Task<T> GetAsync<T>(TransitionTrackerDbContext db, object key, Func<CancellationToken, Task<T>> load, CancellationToken cancellationToken) =>
        db.Database.CurrentTransaction is not null ? load(cancellationToken) : GetAsync(key, load, cancellationToken);
}
