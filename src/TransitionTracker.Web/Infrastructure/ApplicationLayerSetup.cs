using TransitionTracker.Application;
using TransitionTracker.Application.Caching;

namespace TransitionTracker.Web.Infrastructure;

public static class ApplicationLayerSetup
{
    /// <summary>The application layer's shared services, with the read cache configured from the <c>ReadCache</c> section.</summary>
    public static IServiceCollection AddTransitionTrackerApplication(this IServiceCollection services, IConfiguration configuration, DatabaseSettings database)
    {
        services.Configure<ReadCacheOptions>(configuration.GetSection(ReadCacheOptions.Section));
        return services.AddTransitionTrackerApplication(database.Provider, database.ConnectionString);
    }
}
