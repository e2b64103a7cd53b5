using Microsoft.Extensions.DependencyInjection;

namespace TransitionTracker.Application.Frameworks;

public static class FrameworkServiceCollectionExtensions
{
    /// <summary>Reading and publishing readiness frameworks; parsed versions are kept for the life of the process.</summary>
    public static IServiceCollection AddTransitionTrackerFrameworks(this IServiceCollection services)
    {
        services.AddSingleton<FrameworkCache>();
        services.AddScoped<FrameworkLibrary>();
        return services;
    }
}
