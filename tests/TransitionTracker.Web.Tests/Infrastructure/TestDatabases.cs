using Microsoft.Data.Sqlite;

namespace TransitionTracker.Web.Tests.Infrastructure;

/// <summary>Temporary SQLite files for tests, copied from one seeded template per test run.</summary>
public static class TestDatabases
{
    private static readonly Lazy<string> Template = new(CreateTemplate, LazyThreadSafetyMode.ExecutionAndPublication);

    public static string NewPath() => Path.Combine(Path.GetTempPath(), $"transition-tracker-test-{Guid.NewGuid():N}.db");

    public static string NewSqliteFile()
    {
        var path = NewPath();
        File.Copy(Template.Value, path);
        return path;
    }

    public static void Delete(string path)
    {
        foreach (var file in new[] { path, path + "-wal", path + "-shm", path + "-journal", path + ".migrations.lock" })
        {
            if (File.Exists(file))
            {
                File.Delete(file);
            }
        }
    }

    private static string CreateTemplate()
    {
        var path = NewPath();
        using (var factory = TransitionTrackerFactory.OnEmptyDatabase(path, deleteOnDispose: false))
        {
            // Starting the host migrates and seeds the database.
            _ = factory.Services;
        }

        SqliteConnection.ClearAllPools();
        AppDomain.CurrentDomain.ProcessExit += (_, _) => Delete(path);
        return path;
    }
}
