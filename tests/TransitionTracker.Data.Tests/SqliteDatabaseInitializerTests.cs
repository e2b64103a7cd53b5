using Microsoft.Data.Sqlite;

namespace TransitionTracker.Data.Tests;

/// <summary>Start-up on a brand-new SQLite file.</summary>
public sealed class SqliteDatabaseInitializerTests : DatabaseInitializerScenarios, IDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"transition-tracker-data-test-{Guid.NewGuid():N}.db");

    [Fact]
    public Task Every_migration_applies_to_a_fresh_database_and_seeding_twice_changes_nothing() =>
        MigrateAndSeedTwiceAsync();

    [Fact]
    public Task Without_demo_data_only_reference_data_is_seeded_and_no_demo_account_exists() =>
        SeedWithoutDemoDataAsync();

    [Fact]
    public Task An_account_stored_before_colour_schemes_follows_the_browser_after_the_upgrade() =>
        UpgradeKeepsExistingAccountsFollowingTheBrowserAsync();

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        File.Delete(_path);
        File.Delete(_path + ".migrations.lock");
    }

    protected override DatabaseProvider Provider => DatabaseProvider.Sqlite;

    protected override string ConnectionString => $"Data Source={_path}";
}
