using System.Data.Common;
using Microsoft.Data.Sqlite;
using TransitionTracker.Data;

namespace TransitionTracker.TestSupport;

/// <summary>A temporary SQLite file.</summary>
public sealed class SqliteTestDatabase(string path) : TestDatabase
{
    public override DatabaseProvider Provider => DatabaseProvider.Sqlite;

    public override string Name => path;

    // An existing file is opened read-write only, so a file moved away is an error rather than a new empty database.
    public override string ConnectionString => Exists() ? $"Data Source={path};Mode=ReadWrite" : $"Data Source={path}";

    public static SqliteTestDatabase NewName() => new(Path.Combine(Path.GetTempPath(), $"transition-tracker-test-{Guid.NewGuid():N}.db"));

    public override bool Exists() => File.Exists(path);

    public override DbConnection OpenConnection()
    {
        var connection = new SqliteConnection(ConnectionString);
        connection.Open();
        return connection;
    }

    public override bool Owns(DbConnection connection) =>
        connection is SqliteConnection && connection.DataSource?.Contains(Path.GetFileName(path), StringComparison.Ordinal) == true;

    public override Task<IAsyncDisposable> TakeAwayAsync()
    {
        var away = path + ".away";
        ReleaseConnections();
        File.Move(path, away);
        return Task.FromResult<IAsyncDisposable>(new Restore(() =>
        {
            ReleaseConnections();
            File.Move(away, path);
            return Task.CompletedTask;
        }));
    }

    public override void ReleaseConnections() => SqliteConnection.ClearAllPools();

    public void CopyFrom(SqliteTestDatabase template) => File.Copy(template.Name, path);

    protected override void Delete()
    {
        ReleaseConnections();
        foreach (var file in new[] { path, path + "-wal", path + "-shm", path + "-journal", path + ".migrations.lock" })
        {
            if (File.Exists(file))
            {
                File.Delete(file);
            }
        }
    }
}
