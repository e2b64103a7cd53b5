using Microsoft.Extensions.DependencyInjection;

namespace TransitionTracker.Application.Forecasts;

public static class ForecastServiceCollectionExtensions
{
    /// <summary>Forecasts of when consortia reach fast mover.</summary>
    public static IServiceCollection AddTransitionTrackerForecasts(this IServiceCollection services)
    {
        services.AddScoped<ConsortiumForecasts>();
        return services;
    }
}
