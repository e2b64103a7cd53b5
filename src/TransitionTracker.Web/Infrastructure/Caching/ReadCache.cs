using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace TransitionTracker.Web.Infrastructure.Caching;

/// <summary>
/// Results of read queries, kept in this instance's memory with the data stamp (<see cref="DataStamp"/>) and the UK
/// date they were read under, and reused only while both are still current. Every save gives the data a new stamp in
/// its own transaction, so a result is never served after a change any instance committed: each request reads the
/// stamp (one primary-key read) before it trusts anything here. Nothing here is shared between instances, and nothing
/// needs to be. Results must be immutable: they are handed to many requests at once.
/// </summary>
public sealed class ReadCache : IDisposable
{
    private readonly MemoryCache _entries;
    private readonly ReadCacheOptions _options;

    public ReadCache(IOptions<ReadCacheOptions> options)
    {
        _options = options.Value;
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

    public void Dispose() => _entries.Dispose();

    private sealed record Key(Type Type, object Value);

    private sealed record Entry(long Stamp, DateOnly Day, object? Value);
}
