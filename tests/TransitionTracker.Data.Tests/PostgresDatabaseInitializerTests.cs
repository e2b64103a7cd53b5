namespace TransitionTracker.Data.Tests;

/// <summary>Start-up on a brand-new PostgreSQL database, which the migrations create.</summary>
public sealed class PostgresDatabaseInitializerTests : DatabaseInitializerScenarios, IDisposable
{
    private readonly Lazy<PostgresTestDatabase> _database = new(() => PostgresTestDatabase.NewName("data_test"));

    [PostgresFact]
    public Task Every_migration_applies_to_a_fresh_database_and_seeding_twice_changes_nothing() =>
        MigrateAndSeedTwiceAsync();

    [PostgresFact]
    public Task Without_demo_data_only_reference_data_is_seeded_and_no_demo_account_exists() =>
        SeedWithoutDemoDataAsync();

    [PostgresFact]
    public Task An_account_stored_before_colour_schemes_follows_the_browser_after_the_upgrade() =>
        UpgradeKeepsExistingAccountsFollowingTheBrowserAsync();

    public void Dispose()
    {
        if (_database.IsValueCreated)
        {
            _database.Value.Dispose();
        }
    }

    protected override DatabaseProvider Provider => DatabaseProvider.Postgres;

    protected override string ConnectionString => _database.Value.ConnectionString;
}
