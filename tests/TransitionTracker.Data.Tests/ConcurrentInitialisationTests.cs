using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace TransitionTracker.Data.Tests;

/// <summary>Several app instances starting at once against one database: one migrates and seeds, the others wait.</summary>
public sealed class ConcurrentInitialisationTests
{
    private const int Instances = 4;

    [PostgresFact]
    public async Task Four_instances_starting_together_on_a_fresh_postgres_database_migrate_and_seed_exactly_once()
    {
        using var shared = PostgresTestDatabase.NewName("data_test");
        using var single = PostgresTestDatabase.NewName("data_test");

        var results = await Task.WhenAll(Enumerable.Range(0, Instances)
            .Select(_ => Task.Run(() => Initialisers.InitialiseAsync(DatabaseProvider.Postgres, shared.ConnectionString, seedDemo: false))));
        await Initialisers.InitialiseAsync(DatabaseProvider.Postgres, single.ConnectionString, seedDemo: false);

        await AssertMigratedOnceAsync(DatabaseProvider.Postgres, shared.ConnectionString, results);
        Assert.Equal(
            await Initialisers.RowCountsAsync(DatabaseProvider.Postgres, single.ConnectionString),
            await Initialisers.RowCountsAsync(DatabaseProvider.Postgres, shared.ConnectionString));
    }

    [Fact]
    public async Task Four_instances_starting_together_on_a_fresh_sqlite_file_migrate_and_seed_exactly_once()
    {
        var shared = Path.Combine(Path.GetTempPath(), $"transition-tracker-concurrent-{Guid.NewGuid():N}.db");
        var single = Path.Combine(Path.GetTempPath(), $"transition-tracker-single-{Guid.NewGuid():N}.db");
        try
        {
            var results = await Task.WhenAll(Enumerable.Range(0, Instances)
                .Select(_ => Task.Run(() => Initialisers.InitialiseAsync(DatabaseProvider.Sqlite, $"Data Source={shared}", seedDemo: false))));
            await Initialisers.InitialiseAsync(DatabaseProvider.Sqlite, $"Data Source={single}", seedDemo: false);

            await AssertMigratedOnceAsync(DatabaseProvider.Sqlite, $"Data Source={shared}", results);
            var counts = await Initialisers.RowCountsAsync(DatabaseProvider.Sqlite, $"Data Source={shared}");
            Assert.Equal(await Initialisers.RowCountsAsync(DatabaseProvider.Sqlite, $"Data Source={single}"), counts);
            Assert.Equal(8058, counts["Practices"]);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            foreach (var path in new[] { shared, single })
            {
                foreach (var file in new[] { path, path + "-wal", path + "-shm", path + ".migrations.lock" })
                {
                    File.Delete(file);
                }
            }
        }
    }

    // Exactly one instance applied every migration; the rest found none pending once they had the lock.
    private static async Task AssertMigratedOnceAsync(DatabaseProvider provider, string connectionString, IReadOnlyList<string>[] results)
    {
        await using var db = Initialisers.NewContext(provider, connectionString);
        var all = db.Database.GetMigrations().ToList();
        Assert.Single(results, applied => applied.Count > 0);
        Assert.Equal(all, results.Single(applied => applied.Count > 0));
        Assert.All(results.Where(applied => applied.Count == 0), Assert.Empty);
        Assert.Equal(all, await db.Database.GetAppliedMigrationsAsync());
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
    }
}
