using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using TransitionTracker.Application.Access;
using TransitionTracker.Application.Assessments;
using TransitionTracker.Application.Evidence;
using TransitionTracker.Application.Caching;
using TransitionTracker.Application.Consortia;
using TransitionTracker.Application.Dashboards;
using TransitionTracker.Application.Editing;
using TransitionTracker.Application.Forecasts;
using TransitionTracker.Application.Frameworks;
using TransitionTracker.Application.Live;
using TransitionTracker.Application.Peers;
using TransitionTracker.Application.Persistence;
using TransitionTracker.Application.Search;
using TransitionTracker.Application.Notifications;
using TransitionTracker.Application.Preferences;
using TransitionTracker.Application.SupportActions;
using TransitionTracker.Application.Telemetry;
using TransitionTracker.Application.Transition;
using TransitionTracker.Data;
using TransitionTracker.Data.Auditing;

namespace TransitionTracker.Application;

public static class ApplicationServiceCollectionExtensions
{
    /// <summary>
    /// What every use case shares (docs/architecture.md, "Layers"): the read cache and the data stamp, the per-operation
    /// contexts, the acting user and the scope check, and the revision-checked save. Each feature adds its own use cases
    /// with its own <c>Add…</c> method. The data layer must be registered too (<c>AddTransitionTrackerData</c>); the read
    /// cache is configured with <see cref="ReadCacheOptions"/>.
    /// </summary>
    public static IServiceCollection AddTransitionTrackerApplication(this IServiceCollection services, DatabaseProvider provider, string connectionString)
    {
        services.AddMetrics();
        services.TryAddSingleton<TransitionTrackerMetrics>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<ReadCacheOptions>();
        // Only the read cache's "misses share one load"; keys name the result type, stamp, day and every key part.
        services.AddHybridCache(o => o.MaximumKeyLength = 4096);
        services.AddSingleton<ReadCache>();
        services.AddSingleton(_ => new DataStampReader(provider, connectionString));
        services.AddScoped<DataStamp>();
        services.AddScoped<CachedReads>();
        services.AddScoped<DbContexts>();

        // The scope's own context (Identity's stores, health checks, commands) also makes the scope forget its stamp when it saves.
        services.Replace(ServiceDescriptor.Scoped<TransitionTrackerDbContext>(sp => sp.GetRequiredService<DbContexts>().Open(sp.GetRequiredService<AuditActor>())));
        services.AddScoped<ActingUsers>();
        services.AddScoped<SessionStore>();
        services.AddScoped<SignInThrottling>();
        services.AddScoped<OrganisationScope>();
        services.AddSingleton<RevisionCheckedSave>();
        services.AddSingleton<LiveChanges>();
        services.AddSingleton<DraftPresence>();
        services.AddSingleton(sp => new PostgresChangeRelay(
            sp.GetRequiredService<LiveChanges>(), sp.GetRequiredService<DraftPresence>(), provider, connectionString, sp.GetRequiredService<Microsoft.Extensions.Logging.ILogger<PostgresChangeRelay>>()));
        services.AddHostedService(sp => sp.GetRequiredService<PostgresChangeRelay>());

        services.AddTransitionTrackerConsortia();
        services.AddTransitionTrackerFrameworks();
        services.AddTransitionTrackerPlans();
        services.AddTransitionTrackerAdministration();
        services.AddTransitionTrackerAssessments();
        services.AddTransitionTrackerEvidence();
        services.AddTransitionTrackerDashboards();
        services.AddTransitionTrackerForecasts();
        services.AddTransitionTrackerPeers();
        services.AddTransitionTrackerSupportActions();
        services.AddTransitionTrackerSearch();
        services.AddTransitionTrackerPreferences();
        services.AddTransitionTrackerNotifications();
        return services;
    }
}
