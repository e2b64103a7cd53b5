using System.ComponentModel;
using Microsoft.Extensions.Caching.Hybrid;
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
/// result under the same stamp at the same time share one load (<see cref="HybridCache"/>'s stampede protection, which
/// stores nothing here: the results are kept in a size-limited <see cref="MemoryCache"/> whose least recently used
/// results go first), so the first requests after a change do not all run the same queries.
/// </summary>
public sealed class ReadCache : IDisposable
{
    // HybridCache only coalesces the loads: what it would keep is kept in _entries instead, bounded and stamp-checked.
    private static readonly HybridCacheEntryOptions LoadOnly = new()
    {
        Flags = HybridCacheEntryFlags.DisableLocalCache | HybridCacheEntryFlags.DisableDistributedCache,
    };

    private readonly MemoryCache _entries;
    private readonly ReadCacheOptions _options;
    private readonly HybridCache _loads;
    private readonly TransitionTrackerMetrics _metrics;

    public ReadCache(IOptions<ReadCacheOptions> options, HybridCache loads, TransitionTrackerMetrics metrics)
    {
        _options = options.Value;
        _loads = loads;
        _metrics = metrics;
        _entries = new MemoryCache(new MemoryCacheOptions { SizeLimit = Math.Max(1, _options.MaxEntries) });
    }

    public bool Enabled => _options.Enabled;

    /// <summary>How many results are held now.</summary>
    public int Count => _entries.Count;

    public bool TryGet<T>(object key, StampToken stamp, DateOnly day, out T value)
    {
        if (_entries.TryGetValue(new Key(typeof(T), key), out var found) && found is Entry entry && entry.Stamp == stamp && entry.Day == day)
        {
            value = (T)entry.Value!;
            return true;
        }

        value = default!;
        return false;
    }

    public void Set<T>(object key, StampToken stamp, DateOnly day, T value) =>
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
    public async Task<T> GetOrLoadAsync<T>(object key, StampToken stamp, DateOnly day, Func<CancellationToken, Task<T>> load, CancellationToken cancellationToken)
    {
        if (TryGet<T>(key, stamp, day, out var kept))
        {
            _metrics.ReadCacheHit(key);
            return kept;
        }

        _metrics.ReadCacheMiss(key);
        var attempt = new Attempt<T>(this, key, stamp, day, load);
        try
        {
            var shared = await _loads.GetOrCreateAsync(
                CacheKeyName.Of(typeof(T), key, stamp, day), attempt, static async (a, ct) => await a.RunAsync(ct), LoadOnly, null, cancellationToken);
            return shared.Value;
        }
        catch (Exception) when (!attempt.Ran && !cancellationToken.IsCancellationRequested)
        {
            return (await attempt.RunAsync(cancellationToken)).Value;
        }
    }

    public void Dispose() => _entries.Dispose();

    private sealed record Key(Type Type, object Value);

    private sealed record Entry(StampToken Stamp, DateOnly Day, object? Value);

    /// <summary>One request's load, run by it or shared with requests missing the same result at the same time.</summary>
    private sealed class Attempt<T>(ReadCache cache, object key, StampToken stamp, DateOnly day, Func<CancellationToken, Task<T>> load)
    {
        public bool Ran { get; private set; }

        public async Task<Loaded<T>> RunAsync(CancellationToken cancellationToken)
        {
            Ran = true;
            var value = await load(cancellationToken);
            cache.Set(key, stamp, day, value);
            return new Loaded<T>(value);
        }
    }

    /// <summary>A loaded result as the loads share it: marked immutable, so it is handed over as it is, never copied.</summary>
    [ImmutableObject(true)]
    private sealed class Loaded<T>(T value)
    {
        public T Value { get; } = value;
    }
}
