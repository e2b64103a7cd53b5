using TransitionTracker.Web.Quality;

namespace TransitionTracker.Web.Dashboards;

public static class DashboardServiceCollectionExtensions
{
    public static IServiceCollection AddTransitionTrackerDashboards(this IServiceCollection services)
    {
        services.AddSingleton<DashboardReferenceDate>();
        services.AddScoped<RegionDashboard>();
        services.AddScoped<QualityIndicatorEntry>();
        return services;
    }
}
