using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using TransitionTracker.Data.Seeding;

namespace TransitionTracker.Data.Tests;

/// <summary>Builds what one app instance would build to initialise its database: its own context, seeders and lock.</summary>
public static class Initialisers
{
    public static TransitionTrackerDbContext NewContext(DatabaseProvider provider, string connectionString)
    {
        if (provider == DatabaseProvider.Postgres)
        {
            var options = new DbContextOptionsBuilder<PostgresTransitionTrackerDbContext>();
            DataServiceCollectionExtensions.ConfigurePostgres(options, connectionString);
            return new PostgresTransitionTrackerDbContext(options.Options);
        }

        var sqlite = new DbContextOptionsBuilder<SqliteTransitionTrackerDbContext>();
        DataServiceCollectionExtensions.ConfigureSqlite(sqlite, connectionString);
        return new SqliteTransitionTrackerDbContext(sqlite.Options);
    }

    /// <summary>Runs one instance's start-up initialisation; returns the migrations it applied itself.</summary>
    public static async Task<IReadOnlyList<string>> InitialiseAsync(DatabaseProvider provider, string connectionString, bool seedDemo)
    {
        await using var db = NewContext(provider, connectionString);
        var initializer = new DatabaseInitializer(
            db,
            new ReferenceDataSeeder(db, NullLogger<ReferenceDataSeeder>.Instance),
            new FrameworkSeeder(db, TimeProvider.System, NullLogger<FrameworkSeeder>.Instance),
            new DemoDataSeeder(db, NullLogger<DemoDataSeeder>.Instance),
            new DemoAccountSeeder(db, NullLogger<DemoAccountSeeder>.Instance),
            new DemoHistorySeeder(db, TimeProvider.System, NullLogger<DemoHistorySeeder>.Instance),
            new DatabaseMigrationLock(provider, connectionString, TimeSpan.FromMinutes(5), NullLogger<DatabaseMigrationLock>.Instance),
            NullLogger<DatabaseInitializer>.Instance);
        return await initializer.InitialiseAsync(seedDemo ? DemoAccountSeeder.DefaultPassword : null, CancellationToken.None);
    }

    /// <summary>Every table's row count, by table name.</summary>
    public static async Task<SortedDictionary<string, long>> RowCountsAsync(DatabaseProvider provider, string connectionString)
    {
        await using var db = NewContext(provider, connectionString);
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        var tables = new List<string>();
        await using (var list = connection.CreateCommand())
        {
            list.CommandText = provider == DatabaseProvider.Postgres
                ? "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'"
                : "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'";
            await using var reader = await list.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                tables.Add(reader.GetString(0));
            }
        }

        var counts = new SortedDictionary<string, long>(StringComparer.Ordinal);
        foreach (var table in tables)
        {
            await using DbCommand count = connection.CreateCommand();
            count.CommandText = $"SELECT COUNT(*) FROM \"{table}\"";
            counts[table] = Convert.ToInt64(await count.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
        }

        return counts;
    }
}
