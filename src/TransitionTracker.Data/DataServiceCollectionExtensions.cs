using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using TransitionTracker.Data.Auditing;
using TransitionTracker.Data.Seeding;

namespace TransitionTracker.Data;

public static class DataServiceCollectionExtensions
{
    /// <summary>
    /// Registers the DbContext for the chosen provider as <see cref="TransitionTrackerDbContext"/> (one per scope, with
    /// the scope's <see cref="AuditActor"/>), plus start-up seeding.
    /// </summary>
    /// <param name="migrationLockTimeout">How long start-up waits for another instance's migration; <see cref="DatabaseMigrationLock.DefaultTimeout"/> when null.</param>
    public static IServiceCollection AddTransitionTrackerData(
        this IServiceCollection services, DatabaseProvider provider, string connectionString, TimeSpan? migrationLockTimeout = null)
    {
        switch (provider)
        {
            case DatabaseProvider.Postgres:
                services.AddDbContext<TransitionTrackerDbContext, PostgresTransitionTrackerDbContext>(
                    (sp, o) => ConfigurePostgres(o, connectionString).AddInterceptors(sp.GetRequiredService<AuditSaveChangesInterceptor>()),
                    ServiceLifetime.Scoped,
                    ServiceLifetime.Singleton);
                break;
            case DatabaseProvider.Sqlite:
                services.AddDbContext<TransitionTrackerDbContext, SqliteTransitionTrackerDbContext>(
                    (sp, o) => ConfigureSqlite(o, connectionString).AddInterceptors(sp.GetRequiredService<AuditSaveChangesInterceptor>()),
                    ServiceLifetime.Scoped,
                    ServiceLifetime.Singleton);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(provider), provider, null);
        }

        services.AddScoped<AuditActor>();
        // The options (and so the interceptor) are built once: building them for every request cost more than a query.
        services.AddSingleton<AuditSaveChangesInterceptor>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddScoped<ReferenceDataSeeder>();
        services.AddScoped<FrameworkSeeder>();
        services.AddScoped<DemoDataSeeder>();
        services.AddScoped<DemoAccountSeeder>();
        services.AddScoped<DemoHistorySeeder>();
        services.AddSingleton(sp => new DatabaseMigrationLock(
            provider, connectionString, migrationLockTimeout ?? DatabaseMigrationLock.DefaultTimeout, sp.GetRequiredService<ILogger<DatabaseMigrationLock>>()));
        services.AddScoped<DatabaseInitializer>();
        services.AddScoped<ScaledDataGenerator>();
        return services;
    }

    public static DbContextOptionsBuilder ConfigureSqlite(DbContextOptionsBuilder options, string connectionString) =>
        options.UseSqlite(connectionString, sqlite => sqlite.MigrationsHistoryTable("__EFMigrationsHistory"));

    public static DbContextOptionsBuilder ConfigurePostgres(DbContextOptionsBuilder options, string connectionString) =>
        options.UseNpgsql(connectionString);
}
