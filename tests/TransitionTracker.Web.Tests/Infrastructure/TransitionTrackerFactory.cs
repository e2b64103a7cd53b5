using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;

namespace TransitionTracker.Web.Tests.Infrastructure;

/// <summary>
/// Hosts the real app on its own SQLite file, copied from a template that was migrated and seeded once per
/// test run (reference data plus demo data), so each factory starts in milliseconds with the full data set.
/// </summary>
public class TransitionTrackerFactory : WebApplicationFactory<Program>
{
    private readonly bool _deleteOnDispose;

    public TransitionTrackerFactory()
        : this(TestDatabases.NewSqliteFile(), deleteOnDispose: true)
    {
    }

    private TransitionTrackerFactory(string databasePath, bool deleteOnDispose)
    {
        DatabasePath = databasePath;
        _deleteOnDispose = deleteOnDispose;
    }

    public string DatabasePath { get; }

    public string ConnectionString => $"Data Source={DatabasePath};Mode=ReadWrite";

    /// <summary>Builds a factory on a brand-new, empty database file: migrations and seeding run on start.</summary>
    public static TransitionTrackerFactory OnEmptyDatabase(string path, bool deleteOnDispose = true) => new(path, deleteOnDispose);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("ConnectionStrings:TransitionTracker", File.Exists(DatabasePath) ? ConnectionString : $"Data Source={DatabasePath}");
        builder.UseSetting("Database:Provider", "Sqlite");
        builder.UseSetting("Seed:Demo", "true");
        builder.ConfigureServices(RoundTripCounter.Register);
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            SqliteConnection.ClearAllPools();
            if (_deleteOnDispose)
            {
                TestDatabases.Delete(DatabasePath);
            }
        }
    }
}
