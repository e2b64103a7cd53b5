using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using TransitionTracker.Data.Auditing;
using TransitionTracker.Data.Changes;
using TransitionTracker.Data.Seeding;

namespace TransitionTracker.Data;

public static class DataServiceCollectionExtensions
{
    /// <summary>
    /// Registers the DbContext for the chosen provider: <see cref="IDbContextFactory{TContext}"/> of
    /// <see cref="TransitionTrackerDbContext"/> (a new context per operation, recorded as the system until its
    /// <see cref="TransitionTrackerDbContext.Actor"/> is set), and <see cref="TransitionTrackerDbContext"/> itself, one per
    /// scope with the scope's <see cref="AuditActor"/> (for ASP.NET Core Identity's stores, health checks, start-up and
    /// commands); plus start-up seeding.
    /// </summary>
    /// <param name="migrationLockTimeout">How long start-up waits for another instance's migration; <see cref="DatabaseMigrationLock.DefaultTimeout"/> when null.</param>
    public static IServiceCollection AddTransitionTrackerData(
        this IServiceCollection services, DatabaseProvider provider, string connectionString, TimeSpan? migrationLockTimeout = null)
    {
        switch (provider)
        {
            case DatabaseProvider.Postgres:
                AddContexts<PostgresTransitionTrackerDbContext>(services, o => ConfigurePostgres(o, connectionString));
                break;
            case DatabaseProvider.Sqlite:
                AddContexts<SqliteTransitionTrackerDbContext>(services, o => ConfigureSqlite(o, connectionString));
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(provider), provider, null);
        }

        services.AddScoped<AuditActor>();
        services.AddSingleton<AuditSaveChangesInterceptor>();
        services.AddSingleton<DataChangeHub>();
        services.AddSingleton<ChangeSignalInterceptor>();
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

    // The options (and so the interceptor) are built once: building them for every operation cost more than a query.
    private static void AddContexts<TContext>(IServiceCollection services, Action<DbContextOptionsBuilder> configure)
        where TContext : TransitionTrackerDbContext
    {
        services.AddDbContextFactory<TContext>(
            (sp, o) => configure(o.AddInterceptors(sp.GetRequiredService<AuditSaveChangesInterceptor>(), sp.GetRequiredService<ChangeSignalInterceptor>())),
            ServiceLifetime.Singleton);
        services.AddSingleton<IDbContextFactory<TransitionTrackerDbContext>, ContextFactory<TContext>>();
        services.AddScoped<TransitionTrackerDbContext>(sp =>
        {
            var db = sp.GetRequiredService<IDbContextFactory<TContext>>().CreateDbContext();
            db.Actor = sp.GetRequiredService<AuditActor>();
            return db;
        });
    }

    public static DbContextOptionsBuilder ConfigureSqlite(DbContextOptionsBuilder options, string connectionString) =>
        options.UseSqlite(connectionString, sqlite => sqlite.MigrationsHistoryTable("__EFMigrationsHistory"));

    public static DbContextOptionsBuilder ConfigurePostgres(DbContextOptionsBuilder options, string connectionString) =>
        options.UseNpgsql(connectionString);

    /// <summary>The provider's own factory, seen as a factory of the base context.</summary>
    private sealed class ContextFactory<TContext>(IDbContextFactory<TContext> inner) : IDbContextFactory<TransitionTrackerDbContext>
        where TContext : TransitionTrackerDbContext
    {
        public TransitionTrackerDbContext CreateDbContext() => inner.CreateDbContext();

        public async Task<TransitionTrackerDbContext> CreateDbContextAsync(CancellationToken cancellationToken = default) =>
            await inner.CreateDbContextAsync(cancellationToken);
    }
}
