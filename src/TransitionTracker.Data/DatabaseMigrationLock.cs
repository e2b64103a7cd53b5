using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace TransitionTracker.Data;

/// <summary>
/// Lets only one process at a time migrate and seed a database, so several app instances (or an instance and the
/// <c>migrate</c> command) can start together: the first takes the lock and does the work, the others wait for it,
/// then find nothing left to do.
/// PostgreSQL: a session advisory lock (<c>pg_advisory_lock</c>) held on a dedicated connection; PostgreSQL releases
/// it by itself if the holder dies. SQLite: an exclusive lock on a file next to the database
/// (<c>&lt;database&gt;.migrations.lock</c>), released by the operating system if the holder dies. The lock file is
/// left in place: deleting it would let a waiter and a newcomer each lock a different file.
/// </summary>
public sealed class DatabaseMigrationLock(DatabaseProvider provider, string connectionString, TimeSpan timeout, ILogger<DatabaseMigrationLock> logger)
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromMinutes(10);

    /// <summary>The advisory lock key: the first 8 bytes of "TrnsTrck" read as a number, unlikely to clash with other users of the database.</summary>
    public const long AdvisoryLockKey = 0x5472_6E73_5472_636B;

    private static readonly TimeSpan FilePollInterval = TimeSpan.FromMilliseconds(100);

    /// <summary>Waits for the lock (up to the timeout) and holds it until the result is disposed.</summary>
    /// <exception cref="TimeoutException">Another process held the lock for longer than the timeout.</exception>
    public Task<IAsyncDisposable> AcquireAsync(CancellationToken cancellationToken) => provider switch
    {
        DatabaseProvider.Postgres => AcquirePostgresAsync(cancellationToken),
        DatabaseProvider.Sqlite => AcquireSqliteAsync(cancellationToken),
        _ => throw new ArgumentOutOfRangeException(nameof(provider), provider, null),
    };

    /// <summary>The lock file for a SQLite database, or null for an in-memory database (one process by definition).</summary>
    public static string? SqliteLockFile(string connectionString)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString);
        if (builder.Mode == SqliteOpenMode.Memory || string.IsNullOrEmpty(builder.DataSource) || builder.DataSource == ":memory:")
        {
            return null;
        }

        return Path.GetFullPath(builder.DataSource) + ".migrations.lock";
    }

    private async Task<IAsyncDisposable> AcquireSqliteAsync(CancellationToken cancellationToken)
    {
        var lockFile = SqliteLockFile(connectionString);
        if (lockFile is null)
        {
            return NothingHeld.Instance;
        }

        if (!Directory.Exists(Path.GetDirectoryName(lockFile)))
        {
            throw new InvalidOperationException($"The folder {Path.GetDirectoryName(lockFile)} for the SQLite database does not exist.");
        }

        var deadline = DateTime.UtcNow + timeout;
        var waiting = false;
        while (true)
        {
            try
            {
                // FileShare.None takes an exclusive lock on the file (flock on Unix), which other processes and
                // other handles in this process cannot take until it is closed.
                return new HeldFile(new FileStream(lockFile, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None));
            }
            catch (IOException) when (File.Exists(lockFile))
            {
                if (!waiting)
                {
                    logger.LogInformation("Another process is migrating this database; waiting for it to finish (lock file {LockFile})", lockFile);
                    waiting = true;
                }

                if (DateTime.UtcNow >= deadline)
                {
                    throw new TimeoutException(
                        $"Another process held the migration lock {lockFile} for more than {timeout.TotalSeconds:0} seconds (Database:MigrationLockTimeout).");
                }

                await Task.Delay(FilePollInterval, cancellationToken);
            }
        }
    }

    private async Task<IAsyncDisposable> AcquirePostgresAsync(CancellationToken cancellationToken)
    {
        // A dedicated, unpooled connection: the advisory lock belongs to this session alone and ends with it.
        var builder = new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false, Enlist = false };
        await EnsurePostgresDatabaseExistsAsync(builder, cancellationToken);
        var connection = new NpgsqlConnection(builder.ConnectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            await using (var tryLock = new NpgsqlCommand("SELECT pg_try_advisory_lock(@key)", connection))
            {
                tryLock.Parameters.AddWithValue("key", AdvisoryLockKey);
                if ((bool)(await tryLock.ExecuteScalarAsync(cancellationToken))!)
                {
                    return new HeldAdvisoryLock(connection);
                }
            }

            logger.LogInformation("Another instance is migrating database {Database}; waiting for it to finish", builder.Database);
            await using (var setTimeout = new NpgsqlCommand($"SET lock_timeout = {(long)timeout.TotalMilliseconds}", connection))
            {
                await setTimeout.ExecuteNonQueryAsync(cancellationToken);
            }

            await using var waitForLock = new NpgsqlCommand("SELECT pg_advisory_lock(@key)", connection) { CommandTimeout = 0 };
            waitForLock.Parameters.AddWithValue("key", AdvisoryLockKey);
            try
            {
                await waitForLock.ExecuteNonQueryAsync(cancellationToken);
            }
            catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.LockNotAvailable)
            {
                throw new TimeoutException(
                    $"Another instance held the migration lock on database {builder.Database} for more than {timeout.TotalSeconds:0} seconds (Database:MigrationLockTimeout).", e);
            }

            return new HeldAdvisoryLock(connection);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    // The lock lives inside the database, so the database must exist first; EF Core would otherwise create it
    // during the migration, racing the other instances. Concurrent creators: one wins, the others see it exist.
    private static async Task EnsurePostgresDatabaseExistsAsync(NpgsqlConnectionStringBuilder target, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(target.Database))
        {
            return;
        }

        var maintenance = new NpgsqlConnectionStringBuilder(target.ConnectionString) { Database = "postgres" };
        await using var connection = new NpgsqlConnection(maintenance.ConnectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
        }
        catch (PostgresException)
        {
            // No maintenance database to look from (or no right to it): let the real connection report any problem.
            return;
        }

        await using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = @name", connection);
        exists.Parameters.AddWithValue("name", target.Database);
        if (await exists.ExecuteScalarAsync(cancellationToken) is not null)
        {
            return;
        }

        var quoted = "\"" + target.Database.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
        await using var create = new NpgsqlCommand($"CREATE DATABASE {quoted}", connection);
        try
        {
            await create.ExecuteNonQueryAsync(cancellationToken);
        }
        catch (PostgresException e) when (e.SqlState is PostgresErrorCodes.DuplicateDatabase or PostgresErrorCodes.UniqueViolation)
        {
            // Another instance created it a moment ago.
        }
    }

    private sealed class HeldAdvisoryLock(NpgsqlConnection connection) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            try
            {
                await using var unlock = new NpgsqlCommand("SELECT pg_advisory_unlock(@key)", connection);
                unlock.Parameters.AddWithValue("key", AdvisoryLockKey);
                await unlock.ExecuteNonQueryAsync();
            }
            finally
            {
                // Closing the unpooled session releases the lock even if the unlock above failed.
                await connection.DisposeAsync();
            }
        }
    }

    private sealed class HeldFile(FileStream file) : IAsyncDisposable
    {
        public ValueTask DisposeAsync() => file.DisposeAsync();
    }

    private sealed class NothingHeld : IAsyncDisposable
    {
        public static readonly NothingHeld Instance = new();

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
