using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using TransitionTracker.Data;
using TransitionTracker.Data.Seeding;

namespace TransitionTracker.TestSupport;

/// <summary>
/// Test databases on the provider chosen by <c>TEST_DATABASE_PROVIDER</c> (Sqlite by default, or Postgres, which
/// needs <c>TEST_POSTGRES</c>). One template per test run is migrated and seeded as the app does on start; each factory gets
/// its own copy of it (a file copy, or <c>CREATE DATABASE … TEMPLATE</c>). A copy is deleted in the background when
/// its test is done (dropping a PostgreSQL database takes seconds); <see cref="DeleteAll"/> waits for those and deletes
/// the rest when the run ends (<see cref="TestRunFramework"/>), and process exit deletes whatever is still left.
/// </summary>
public static class TestDatabases
{
    public const string ProviderVariable = "TEST_DATABASE_PROVIDER";

    private static readonly Lazy<(DatabaseProvider Provider, string? Server)> Settings = new(ReadSettings);
    private static readonly Lazy<TestDatabase> Template = new(CreateTemplate, LazyThreadSafetyMode.ExecutionAndPublication);
    private static readonly ConcurrentDictionary<TestDatabase, byte> Live = new();
    private static readonly Lock CopyLock = new();
    private static readonly List<Task> Deletions = [];

    static TestDatabases()
    {
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            foreach (var database in Live.Keys)
            {
                try
                {
                    database.Dispose();
                }
                catch (Exception e)
                {
                    Console.Error.WriteLine($"Test database {database.Name} was not deleted: {e.Message}");
                }
            }
        };
    }

    public static DatabaseProvider Provider => Settings.Value.Provider;

    /// <summary>A database that does not exist yet: the app creates, migrates and seeds it on start.</summary>
    public static TestDatabase NewEmpty()
    {
        var database = Provider == DatabaseProvider.Postgres
            ? PostgresTestDatabase.NewName(Settings.Value.Server!, "test")
            : (TestDatabase)SqliteTestDatabase.NewName();
        Live.TryAdd(database, 0);
        return database;
    }

    /// <summary>A database with the full seeded data set (reference data plus demo data), copied from the template.</summary>
    public static TestDatabase NewCopy()
    {
        var template = Template.Value;
        var database = NewEmpty();
        lock (CopyLock)
        {
            switch (database)
            {
                case PostgresTestDatabase postgres:
                    postgres.CopyFrom((PostgresTestDatabase)template);
                    break;
                case SqliteTestDatabase sqlite:
                    sqlite.CopyFrom((SqliteTestDatabase)template);
                    break;
            }
        }

        return database;
    }

    /// <summary>A seeded SQLite file, for the SQLite-only tests (<see cref="SqliteFactAttribute"/>).</summary>
    public static string NewSqliteFile() =>
        NewCopy() is SqliteTestDatabase sqlite ? sqlite.Name : throw new InvalidOperationException("This test needs the SQLite pass.");

    /// <summary>A path for a SQLite file that does not exist yet.</summary>
    public static string NewSqlitePath() => SqliteTestDatabase.NewName().Name;

    /// <summary>Deletes a SQLite file and its companions (journal, WAL, lock file).</summary>
    public static void Delete(string sqlitePath) => new SqliteTestDatabase(sqlitePath).Dispose();

    /// <summary>Deletes a test database in the background; <see cref="DeleteAll"/> waits for it.</summary>
    public static void Delete(TestDatabase database)
    {
        var deletion = Task.Run(() =>
        {
            database.Dispose();
            Live.TryRemove(database, out _);
        });
        lock (Deletions)
        {
            Deletions.Add(deletion);
        }
    }

    /// <summary>At the end of the run: waits for the deletions under way, then deletes every database still there.</summary>
    public static void DeleteAll()
    {
        Task[] pending;
        lock (Deletions)
        {
            pending = [.. Deletions];
            Deletions.Clear();
        }

        var failures = new List<Exception>();
        try
        {
            Task.WaitAll(pending);
        }
        catch (AggregateException e)
        {
            failures.AddRange(e.InnerExceptions);
        }

        foreach (var database in Live.Keys)
        {
            try
            {
                database.Dispose();
                Live.TryRemove(database, out _);
            }
            catch (Exception e)
            {
                failures.Add(e);
            }
        }

        if (failures.Count > 0)
        {
            throw new AggregateException("Some test databases could not be deleted.", failures);
        }
    }

    private static TestDatabase CreateTemplate()
    {
        var template = NewEmpty();
        SeedAsync(template).GetAwaiter().GetResult();

        // Copying needs a template nobody is connected to.
        template.ReleaseConnections();
        return template;
    }

    /// <summary>Migrates <paramref name="database"/> and seeds the reference and demo data, as the app does on start.</summary>
    public static async Task SeedAsync(TestDatabase database)
    {
        await using var services = new ServiceCollection()
            .AddLogging(logging => logging.SetMinimumLevel(LogLevel.Warning))
            .AddTransitionTrackerData(database.Provider, database.ConnectionString)
            .BuildServiceProvider();
        await using var scope = services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().InitialiseAsync(DemoAccountSeeder.DefaultPassword, CancellationToken.None);
    }

    private static (DatabaseProvider, string?) ReadSettings()
    {
        var text = Environment.GetEnvironmentVariable(ProviderVariable);
        if (string.IsNullOrWhiteSpace(text))
        {
            return (DatabaseProvider.Sqlite, null);
        }

        if (!Enum.TryParse<DatabaseProvider>(text, ignoreCase: true, out var provider) || !Enum.IsDefined(provider))
        {
            throw new InvalidOperationException(
                $"{ProviderVariable} is '{text}'; it must be one of: {string.Join(", ", Enum.GetNames<DatabaseProvider>())}.");
        }

        if (provider != DatabaseProvider.Postgres)
        {
            return (provider, null);
        }

        var server = PostgresServer.ConnectionString;
        if (server is null)
        {
            var ci = string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase) ? " (CI=true)" : string.Empty;
            throw new InvalidOperationException(
                $"{ProviderVariable}={text} asks for PostgreSQL{ci}, but {PostgresServer.Variable} is not set: set it to a connection string " +
                "for a role that may create databases, e.g. Host=127.0.0.1;Port=5432;Username=...;Password=... " +
                $"(or unset {ProviderVariable} to run on SQLite).");
        }

        return (provider, server);
    }
}
