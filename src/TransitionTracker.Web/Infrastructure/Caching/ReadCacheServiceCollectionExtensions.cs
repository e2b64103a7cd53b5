namespace TransitionTracker.Web.Infrastructure.Caching;

public static class ReadCacheServiceCollectionExtensions
{
    /// <summary>The read cache (<see cref="ReadCache"/>), configured from the <c>ReadCache</c> section.</summary>
    public static IServiceCollection AddTransitionTrackerReadCache(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<ReadCacheOptions>(configuration.GetSection(ReadCacheOptions.Section));
        services.AddSingleton<ReadCache>();
        services.AddSingleton<DataStampReader>();
        services.AddScoped<DataStamp>();
        services.AddScoped<CachedReads>();
        return services;
    }
}
