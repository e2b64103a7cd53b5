using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using TransitionTracker.Application.Organisations;
using TransitionTracker.Application.Quality;

namespace TransitionTracker.Application.Dashboards;

public static class DashboardServiceCollectionExtensions
{
    /// <summary>
    /// The dashboards and their exports, the organisation pages' reads and quality indicator entry. The reference date
    /// is read from the host's configuration when it has one (<see cref="DashboardReferenceDate.SettingName"/>).
    /// </summary>
    public static IServiceCollection AddTransitionTrackerDashboards(this IServiceCollection services)
    {
        services.AddSingleton(sp => new DashboardReferenceDate(sp.GetService<IConfiguration>(), sp.GetRequiredService<TimeProvider>()));
        services.AddScoped<OrganisationDirectory>();
        services.AddScoped<RegionDashboard>();
        services.AddScoped<DashboardExports>();
        services.AddScoped<QualityIndicatorEntry>();
        return services;
    }
}
