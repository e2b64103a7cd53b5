using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using TransitionTracker.Application.Access;
using TransitionTracker.Application.Caching;
using TransitionTracker.Data;
using TransitionTracker.Data.Auditing;

namespace TransitionTracker.Application.Tests.Infrastructure;

/// <summary>
/// The application layer with no web host: the data and application services on a seeded copy of the test database
/// (<see cref="TestDatabases"/>: SQLite, or PostgreSQL with <c>TEST_DATABASE_PROVIDER=Postgres</c>). Each call runs
/// in its own service scope, as one request or one interaction of a circuit would.
/// </summary>
public sealed class ApplicationHost : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    /// <param name="services">Anything a test adds to the services, after the application's own (a command counter, say).</param>
    public ApplicationHost(bool readCache = true, Action<IServiceCollection>? services = null)
    {
        Database = TestDatabases.NewCopy();
        var collection = new ServiceCollection()
            .AddLogging(logging => logging.SetMinimumLevel(LogLevel.Warning))
            .Configure<ReadCacheOptions>(o => o.Enabled = readCache)
            .AddTransitionTrackerData(Database.Provider, Database.ConnectionString)
            .AddTransitionTrackerApplication(Database.Provider, Database.ConnectionString)
            .AddTestIdentity();
        services?.Invoke(collection);
        _services = collection.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true });
    }

    public TestDatabase Database { get; }

    /// <summary>Runs <paramref name="use"/> with a use case from a new scope.</summary>
    public async Task<TResult> RunAsync<TUseCase, TResult>(Func<TUseCase, Task<TResult>> use)
        where TUseCase : notnull
    {
        await using var scope = _services.CreateAsyncScope();
        return await use(scope.ServiceProvider.GetRequiredService<TUseCase>());
    }

    /// <summary>The demo account with this email, as a use case acts for it.</summary>
    public async Task<ActingUser> UserAsync(string email)
    {
        await using var scope = _services.CreateAsyncScope();
        await using var db = OpenContext();
        var id = await db.Users.Where(u => u.NormalizedEmail == email.ToUpperInvariant()).Select(u => u.Id).SingleAsync();
        return await scope.ServiceProvider.GetRequiredService<ActingUsers>().ForAccountAsync(id, CancellationToken.None)
            ?? throw new InvalidOperationException($"{email} is disabled.");
    }

    /// <summary>A context on the database outside the application, as another instance or a person with psql would use it.</summary>
    public TransitionTrackerDbContext OpenContext()
    {
        var db = Database.OpenContext();
        db.Actor = new AuditActor { Name = "test" };
        return db;
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        Database.ReleaseConnections();
        TestDatabases.Delete(Database);
    }
}
