using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Caching.Hybrid;
using Microsoft.Extensions.Options;
using TransitionTracker.Application.Caching;
using TransitionTracker.Application.Telemetry;

namespace TransitionTracker.Application.Tests.Caching;

/// <summary>
/// The read cache on its own: a result is kept for its stamp and day only, the cache is bounded, and requests missing
/// the same result at once share one load (HybridCache's), unless that load fails. The end-to-end guarantee (a change
/// by any instance shows on the next request) is tested through the web app in the web tests' ReadCacheTests.
/// </summary>
public sealed class ReadCacheTests
{
    private static readonly ServiceProvider Services =
        new ServiceCollection().AddMetrics().AddSingleton<TransitionTrackerMetrics>().AddHybridCache().Services.BuildServiceProvider();

    private static ReadCache NewCache(ReadCacheOptions options) =>
        new(Options.Create(options), Services.GetRequiredService<HybridCache>(), Services.GetRequiredService<TransitionTrackerMetrics>());

    [Fact]
    public void A_result_is_kept_for_its_stamp_and_day_only()
    {
        using var cache = NewCache(new ReadCacheOptions());
        var day = new DateOnly(2026, 11, 22);
        cache.Set(("figures", "Q30"), Stamp(7), day, "kept");

        Assert.True(cache.TryGet<string>(("figures", "Q30"), Stamp(7), day, out var kept));
        Assert.Equal("kept", kept);
        Assert.False(cache.TryGet<string>(("figures", "Q30"), Stamp(8), day, out _));
        Assert.False(cache.TryGet<string>(("figures", "Q30"), Stamp(7), day.AddDays(1), out _));
        Assert.False(cache.TryGet<string>(("figures", "Q31"), Stamp(7), day, out _));
        Assert.False(cache.TryGet<object>(("figures", "Q30"), Stamp(7), day, out _));
    }

    [Fact]
    public void The_cache_holds_no_more_than_its_limit()
    {
        using var cache = NewCache(new ReadCacheOptions { MaxEntries = 10 });
        var day = new DateOnly(2026, 11, 22);
        for (var i = 0; i < 50; i++)
        {
            cache.Set(("page", i), Stamp(1), day, i);
        }

        Assert.InRange(cache.Count, 1, 10);
    }

    [Fact]
    public async Task Requests_missing_the_same_result_at_once_share_one_load()
    {
        using var cache = NewCache(new ReadCacheOptions());
        var day = new DateOnly(2026, 11, 22);
        var loads = 0;
        var release = new TaskCompletionSource();
        async Task<string> Load(CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref loads);
            await release.Task;
            return "figures";
        }

        var first = cache.GetOrLoadAsync(("national", "all"), Stamp(7), day, Load, CancellationToken.None);
        var second = cache.GetOrLoadAsync(("national", "all"), Stamp(7), day, Load, CancellationToken.None);
        release.SetResult();

        Assert.Equal(["figures", "figures"], await Task.WhenAll(first, second));
        Assert.Equal(1, loads);
        Assert.Equal("figures", await cache.GetOrLoadAsync<string>(("national", "all"), Stamp(7), day, _ => throw new InvalidOperationException("kept, not loaded again"), CancellationToken.None));

        // A new stamp is a new load; the key then holds the newer result.
        Assert.Equal("figures", await cache.GetOrLoadAsync(("national", "all"), Stamp(8), day, Load, CancellationToken.None));
        Assert.Equal(2, loads);
        Assert.Equal("figures", await cache.GetOrLoadAsync<string>(("national", "all"), Stamp(8), day, _ => throw new InvalidOperationException("kept, not loaded again"), CancellationToken.None));
    }

    [Fact]
    public async Task A_request_waiting_on_a_load_that_fails_loads_for_itself()
    {
        using var cache = NewCache(new ReadCacheOptions());
        var day = new DateOnly(2026, 11, 22);
        var release = new TaskCompletionSource();
        async Task<string> Failing(CancellationToken cancellationToken)
        {
            await release.Task;
            throw new OperationCanceledException("the first client went away");
        }

        var first = cache.GetOrLoadAsync(("page", "00G"), Stamp(7), day, Failing, CancellationToken.None);
        var second = cache.GetOrLoadAsync(("page", "00G"), Stamp(7), day, _ => Task.FromResult("loaded by the second"), CancellationToken.None);
        release.SetResult();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => first);
        Assert.Equal("loaded by the second", await second);
    }

    [Fact]
    public void Keys_that_differ_have_different_names_and_a_key_that_cannot_be_named_is_refused()
    {
        var day = new DateOnly(2026, 11, 22);
        string[] names =
        [
            CacheKeyName.Of(typeof(string), ("figures", "Q30"), Stamp(7), day),
            CacheKeyName.Of(typeof(string), ("figures", "Q31"), Stamp(7), day),
            CacheKeyName.Of(typeof(string), ("figures", "Q30"), Stamp(8), day),
            CacheKeyName.Of(typeof(string), ("figures", "Q30"), Stamp(7), day.AddDays(1)),
            CacheKeyName.Of(typeof(int), ("figures", "Q30"), Stamp(7), day),
            CacheKeyName.Of(typeof(string), ("figures", "Q30,\"x\""), Stamp(7), day),
            CacheKeyName.Of(typeof(string), ("figures", (string?)null), Stamp(7), day),
            CacheKeyName.Of(typeof(string), ("table", new Query("name", 1)), Stamp(7), day),
            CacheKeyName.Of(typeof(string), ("table", new Query("name", 2)), Stamp(7), day),
            CacheKeyName.Of(typeof(string), ("figures", "Q30"), new StampToken("Q30", 7, 0), day),
            CacheKeyName.Of(typeof(string), ("figures", "Q30"), new StampToken("Q30", 7, 1), day),
            CacheKeyName.Of(typeof(string), ("figures", "Q30"), new StampToken("Q31", 7, 1), day),
        ];

        Assert.Equal(names.Length, names.Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(names[7], CacheKeyName.Of(typeof(string), ("table", new Query("name", 1)), Stamp(7), day));
        Assert.Throws<InvalidOperationException>(() => CacheKeyName.Of(typeof(string), ("list", new List<string>()), Stamp(7), day));
    }

    private static StampToken Stamp(long stamp) => new(null, stamp, 0);

    private sealed record Query(string Sort, int Page);
}
