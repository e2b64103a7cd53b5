using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using TransitionTracker.Data.Seeding;

namespace TransitionTracker.Data.Tests.Seeding;

public sealed class DatabaseInitializerTests : IDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"transition-tracker-data-test-{Guid.NewGuid():N}.db");

    [Fact]
    public async Task Initialising_twice_migrates_seeds_once_and_changes_nothing_the_second_time()
    {
        await InitialiseAsync(seedDemo: true);
        var first = await CountsAsync();
        await InitialiseAsync(seedDemo: true);
        var second = await CountsAsync();

        // 375 demo accounts: admin, national, 10 regional leads, 152 PCT managers, 211 consortium leads.
        Assert.Equal((10, 152, 8058, 211, 8053, 375), first);
        await using var db = NewContext();
        Assert.Equal(["gp-consortium-readiness-2010", "world-class-commissioning"], await db.Frameworks.OrderBy(f => f.FrameworkId).Select(f => f.FrameworkId).ToArrayAsync());
        Assert.Equal(first, second);
    }

    [Fact]
    public async Task Without_demo_data_only_reference_data_is_seeded_and_no_demo_account_exists()
    {
        await InitialiseAsync(seedDemo: false);

        Assert.Equal((10, 152, 8058, 0, 0, 0), await CountsAsync());
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        File.Delete(_path);
        File.Delete(_path + ".migrations.lock");
    }

    private SqliteTransitionTrackerDbContext NewContext()
    {
        var options = new DbContextOptionsBuilder<SqliteTransitionTrackerDbContext>();
        DataServiceCollectionExtensions.ConfigureSqlite(options, $"Data Source={_path}");
        return new SqliteTransitionTrackerDbContext(options.Options);
    }

    private async Task InitialiseAsync(bool seedDemo)
    {
        await using var db = NewContext();
        var initializer = new DatabaseInitializer(
            db,
            new ReferenceDataSeeder(db, NullLogger<ReferenceDataSeeder>.Instance),
            new FrameworkSeeder(db, TimeProvider.System, NullLogger<FrameworkSeeder>.Instance),
            new DemoDataSeeder(db, NullLogger<DemoDataSeeder>.Instance),
            new DemoAccountSeeder(db, NullLogger<DemoAccountSeeder>.Instance),
            new DemoHistorySeeder(db, TimeProvider.System, NullLogger<DemoHistorySeeder>.Instance),
            new DatabaseMigrationLock(DatabaseProvider.Sqlite, $"Data Source={_path}", TimeSpan.FromMinutes(1), NullLogger<DatabaseMigrationLock>.Instance),
            NullLogger<DatabaseInitializer>.Instance);
        await initializer.InitialiseAsync(seedDemo ? DemoAccountSeeder.DefaultPassword : null, CancellationToken.None);
    }

    private async Task<(int, int, int, int, int, int)> CountsAsync()
    {
        await using var db = NewContext();
        return (await db.Regions.CountAsync(), await db.Pcts.CountAsync(), await db.Practices.CountAsync(),
            await db.Consortia.CountAsync(), await db.ConsortiumMemberships.CountAsync(), await db.Users.CountAsync());
    }
}
