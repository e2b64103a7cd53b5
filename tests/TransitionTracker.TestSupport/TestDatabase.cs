using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using TransitionTracker.Data;

namespace TransitionTracker.TestSupport;

/// <summary>
/// One test's own database: a SQLite file or a PostgreSQL database. Tests that run on either provider reach it through
/// this type only, so the same test runs on both.
/// </summary>
public abstract class TestDatabase : IDisposable
{
    private bool _disposed;

    public abstract DatabaseProvider Provider { get; }

    /// <summary>The file path (SQLite) or the database name (PostgreSQL).</summary>
    public abstract string Name { get; }

    /// <summary>The connection string the app is given: it creates the database when it does not exist yet.</summary>
    public abstract string ConnectionString { get; }

    public abstract bool Exists();

    /// <summary>An open raw connection to this database.</summary>
    public abstract DbConnection OpenConnection();

    /// <summary>A context on this database outside any app, e.g. to check what a command wrote.</summary>
    public TransitionTrackerDbContext OpenContext()
    {
        switch (Provider)
        {
            case DatabaseProvider.Postgres:
            {
                var options = new DbContextOptionsBuilder<PostgresTransitionTrackerDbContext>();
                DataServiceCollectionExtensions.ConfigurePostgres(options, ConnectionString);
                return new PostgresTransitionTrackerDbContext(options.Options);
            }

            default:
            {
                var options = new DbContextOptionsBuilder<SqliteTransitionTrackerDbContext>();
                DataServiceCollectionExtensions.ConfigureSqlite(options, ConnectionString);
                return new SqliteTransitionTrackerDbContext(options.Options);
            }
        }
    }

    /// <summary>Whether a command ran on this database (and not on another test's).</summary>
    public abstract bool Owns(DbConnection connection);

    /// <summary>
    /// Makes the database unreachable (the file moved away, or the database renamed) until the returned handle is
    /// disposed; open connections are closed first.
    /// </summary>
    public abstract Task<IAsyncDisposable> TakeAwayAsync();

    /// <summary>Closes the idle pooled connections to this database, e.g. before another process opens it.</summary>
    public abstract void ReleaseConnections();

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        Delete();
        _disposed = true;
        GC.SuppressFinalize(this);
    }

    protected abstract void Delete();

    private protected sealed class Restore(Func<Task> restore) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync() => await restore();
    }
}
