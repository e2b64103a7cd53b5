using Microsoft.Extensions.DependencyInjection;

namespace TransitionTracker.Application.Search;

public static class SearchServiceCollectionExtensions
{
    /// <summary>The global search behind the app bar.</summary>
    public static IServiceCollection AddTransitionTrackerSearch(this IServiceCollection services) =>
        services.AddScoped<GlobalSearch>();
}
