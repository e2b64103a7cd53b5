using System.Collections.Concurrent;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using TransitionTracker.Application.Telemetry;

namespace TransitionTracker.Application.Caching;

/// <summary>
/// Results of read queries, kept in this instance's memory with the data stamp (<see cref="DataStamp"/>) and the UK
/// date they were read under, and reused only while both are still current. Every save gives the data a new stamp in
/// its own transaction, so a result is never served after a change any instance committed: each request reads the
/// stamp (one primary-key read) before it trusts anything here. Nothing here is shared between instances, and nothing
/// needs to be. Results must be immutable: they are handed to many requests at once. Requests that miss the same
/// result under the same stamp at the same time share one load, so the first requests after a change do not all run
/// the same queries.
/// </summary>
public sealed class ReadCache : IDisposable
{
    private readonly MemoryCache _entries;
    private readonly ReadCacheOptions _options;
    private readonly ConcurrentDictionary<Loading, Task> _loading = new();
    private readonly TransitionTrackerMetrics _metrics;

    public ReadCache(IOptions<ReadCacheOptions> options, TransitionTrackerMetrics metrics)
    {
        _options = options.Value;
        _metrics = metrics;
        _entries = new MemoryCache(new MemoryCacheOptions { SizeLimit = Math.Max(1, _options.MaxEntries) });
    }

    public bool Enabled => _options.Enabled;

    /// <summary>How many results are held now.</summary>
    public int Count => _entries.Count;

    public bool TryGet<T>(object key, long stamp, DateOnly day, out T value)
    {
        if (_entries.TryGetValue(new Key(typeof(T), key), out var found) && found is Entry entry && entry.Stamp == stamp && entry.Day == day)
        {
            value = (T)entry.Value!;
            return true;
        }

        value = default!;
        return false;
    }

    public void Set<T>(object key, long stamp, DateOnly day, T value) =>
        _entries.Set(new Key(typeof(T), key), new Entry(stamp, day, value), new MemoryCacheEntryOptions
        {
            Size = 1,
            SlidingExpiration = _options.IdleExpiry,
        });

    /// <summary>
    /// The result kept for <paramref name="key"/> under this stamp and day, or the one another request is loading under
    /// them now, or else runs <paramref name="load"/> and keeps what it returns. A request that was waiting on another's
    /// load which failed or was cancelled (the other client went away) runs the load itself.
    /// </summary>
    public async Task<T> GetOrLoadAsync<T>(object key, long stamp, DateOnly day, Func<CancellationToken, Task<T>> load, CancellationToken cancellationToken)
    {
        if (TryGet<T>(key, stamp, day, out var kept))
        {
            _metrics.ReadCacheHit(key);
            return kept;
        }

        _metrics.ReadCacheMiss(key);

        var loading = new Loading(new Key(typeof(T), key), stamp, day);
        var mine = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
        var running = _loading.GetOrAdd(loading, mine.Task);
        if (running != mine.Task)
        {
            try
            {
                return await ((Task<T>)running).WaitAsync(cancellationToken);
            }
            catch (Exception) when (!cancellationToken.IsCancellationRequested && running.IsCompleted && !running.IsCompletedSuccessfully)
            {
                return await load(cancellationToken);
            }
        }

        try
        {
            var value = await load(cancellationToken);
            Set(key, stamp, day, value);
            mine.SetResult(value);
            return value;
        }
        catch (OperationCanceledException)
        {
            mine.SetCanceled(CancellationToken.None);
            throw;
        }
        catch (Exception exception)
        {
            mine.SetException(exception);
            throw;
        }
        finally
        {
            _loading.TryRemove(new KeyValuePair<Loading, Task>(loading, mine.Task));
        }
    }

    public void Dispose() => _entries.Dispose();

    private sealed record Key(Type Type, object Value);

    private sealed record Loading(Key Key, long Stamp, DateOnly Day);

    private sealed record Entry(long Stamp, DateOnly Day, object? Value);
}
