using System.Data.Common;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using TransitionTracker.Data;

namespace TransitionTracker.Web.Tests.Infrastructure;

/// <summary>
/// Hosts the real app on its own database, copied from a template that was migrated and seeded once per test run
/// (reference data plus demo data), so each factory starts quickly with the full data set. The provider is the
/// test run's (<see cref="TestDatabases"/>): SQLite, or PostgreSQL with TEST_DATABASE_PROVIDER=Postgres.
/// </summary>
public class TransitionTrackerFactory : WebApplicationFactory<Program>
{
    private readonly bool _deleteOnDispose;

    public TransitionTrackerFactory()
        : this(TestDatabases.NewCopy(), deleteOnDispose: true)
    {
    }

    private TransitionTrackerFactory(TestDatabase database, bool deleteOnDispose)
    {
        Database = database;
        _deleteOnDispose = deleteOnDispose;
    }

    public TestDatabase Database { get; }

    public DatabaseProvider Provider => Database.Provider;

    public string ConnectionString => Database.ConnectionString;

    /// <summary>An open raw connection to this app's database.</summary>
    public DbConnection OpenConnection() => Database.OpenConnection();

    /// <summary>Builds a factory on a database that may not exist yet: migrations and seeding run on start.</summary>
    public static TransitionTrackerFactory OnEmptyDatabase(TestDatabase database, bool deleteOnDispose = true) => new(database, deleteOnDispose);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("ConnectionStrings:TransitionTracker", Database.ConnectionString);
        builder.UseSetting("Database:Provider", Database.Provider.ToString());
        builder.UseSetting("Seed:Demo", "true");
        builder.UseSetting("RateLimiting:Enabled", "false");
        builder.ConfigureServices(RoundTripCounter.Register);
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            Database.ReleaseConnections();
            if (_deleteOnDispose)
            {
                TestDatabases.Delete(Database);
            }
        }
    }
}
