using TransitionTracker.Web.Transition;

namespace TransitionTracker.Web.Infrastructure.Caching;

/// <summary>
/// A request's way into <see cref="ReadCache"/>: <see cref="GetAsync{T}"/> returns the result kept for a key if the
/// data has not changed since (same stamp, same UK date), and otherwise runs the load and keeps what it returns.
/// Keys are value tuples or records naming what was read and every argument that shapes it (codes, page, sort, and
/// the reader's scope where the result depends on who asks). Inside a transaction of the request's own, reads go to the
/// database and nothing is kept.
/// </summary>
public sealed class CachedReads(ReadCache cache, DataStamp stamp, TimeProvider clock)
{
    public async Task<T> GetAsync<T>(object key, Func<CancellationToken, Task<T>> load, CancellationToken cancellationToken)
    {
        if (!cache.Enabled || stamp.InTransaction)
        {
            return await load(cancellationToken);
        }

        var current = await stamp.CurrentAsync(cancellationToken);
        return await cache.GetOrLoadAsync(key, current, UkCalendar.Today(clock), load, cancellationToken);
    }
}
