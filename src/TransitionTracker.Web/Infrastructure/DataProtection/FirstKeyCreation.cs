using System.Data.Common;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using TransitionTracker.Data;

namespace TransitionTracker.Web.Infrastructure.DataProtection;

/// <summary>
/// Makes sure a usable data-protection key exists before the app serves its first request, creating it under a
/// lock shared by every instance. Without this, instances started together on an empty key store would each
/// create a key of their own and use it at once, and each would refuse the others' cookies and tokens until their
/// key rings were next refreshed. Later keys are made ahead of time by the key manager, so they are not a race.
/// </summary>
public sealed class FirstKeyCreation(
    IKeyManager keys,
    IOptions<KeyManagementOptions> keyOptions,
    IConfiguration configuration,
    DatabaseSettings database,
    IServiceScopeFactory scopes,
    TimeProvider clock,
    ILogger<FirstKeyCreation> logger) : IHostedLifecycleService
{
    // Any fixed number; PostgreSQL advisory locks are named by one.
    private const long PostgresLockId = 7_261_122_001;

    public async Task StartingAsync(CancellationToken cancellationToken)
    {
        try
        {
            await EnsureKeyAsync(cancellationToken);
        }
        catch (DbException e)
        {
            // Not migrated yet (Database:MigrateOnStart false and `migrate` not run) or not reachable: start anyway, so
            // health checks and the 503 page answer; the key manager makes the first key when it is first needed.
            logger.LogWarning(e, "No data-protection key could be checked or created at start; the first request that needs one will create it.");
        }
    }

    private async Task EnsureKeyAsync(CancellationToken cancellationToken)
    {
        if (HasUsableKey())
        {
            return;
        }

        await using var exclusive = await LockAsync(cancellationToken);
        if (HasUsableKey())
        {
            return;
        }

        var now = clock.GetUtcNow();
        var key = keys.CreateNewKey(now, now + keyOptions.Value.NewKeyLifetime);
        logger.LogInformation("Created data-protection key {KeyId}, valid until {Expires:u}.", key.KeyId, key.ExpirationDate);
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private bool HasUsableKey()
    {
        var now = clock.GetUtcNow();
        return keys.GetAllKeys().Any(k => !k.IsRevoked && k.ActivationDate <= now && k.ExpirationDate > now);
    }

    private async Task<IAsyncDisposable> LockAsync(CancellationToken cancellationToken)
    {
        if (configuration[DataProtectionSetup.KeysPathSetting] is { Length: > 0 } keysPath)
        {
            return await FolderLock.AcquireAsync(Path.Combine(keysPath, "key-creation.lock"), cancellationToken);
        }

        // SQLite serves one instance, so the lock only matters on PostgreSQL.
        return database.Provider == DatabaseProvider.Postgres
            ? await PostgresAdvisoryLock.AcquireAsync(scopes, PostgresLockId, cancellationToken)
            : NoLock.Instance;
    }

    private sealed class NoLock : IAsyncDisposable
    {
        public static readonly NoLock Instance = new();

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }

    private sealed class FolderLock(FileStream file) : IAsyncDisposable
    {
        public static async Task<IAsyncDisposable> AcquireAsync(string path, CancellationToken cancellationToken)
        {
            while (true)
            {
                try
                {
                    return new FolderLock(new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None));
                }
                catch (IOException)
                {
                    // Another instance holds it while it creates the key.
                    await Task.Delay(TimeSpan.FromMilliseconds(100), cancellationToken);
                }
            }
        }

        public ValueTask DisposeAsync() => file.DisposeAsync();
    }

    private sealed class PostgresAdvisoryLock(AsyncServiceScope scope, TransitionTrackerDbContext db, long id) : IAsyncDisposable
    {
        public static async Task<IAsyncDisposable> AcquireAsync(IServiceScopeFactory scopes, long id, CancellationToken cancellationToken)
        {
            var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<TransitionTrackerDbContext>();
            await db.Database.OpenConnectionAsync(cancellationToken);
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_lock({id})", cancellationToken);
            return new PostgresAdvisoryLock(scope, db, id);
        }

        public async ValueTask DisposeAsync()
        {
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_unlock({id})");
            await db.Database.CloseConnectionAsync();
            await scope.DisposeAsync();
        }
    }
}
