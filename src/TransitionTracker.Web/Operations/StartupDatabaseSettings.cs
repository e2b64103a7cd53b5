using TransitionTracker.Data;
using TransitionTracker.Data.Seeding;

namespace TransitionTracker.Web.Operations;

/// <summary>
/// What the app does to its database when it starts: <c>Database:MigrateOnStart</c> (default true) applies
/// migrations and seeds there and then; false leaves that to the <c>migrate</c> command. <c>Seed:Demo</c> adds the
/// demo consortia and accounts (password <c>Seed:DemoPassword</c>, or the documented default).
/// </summary>
public static class StartupDatabaseSettings
{
    public static bool MigrateOnStart(IConfiguration configuration) => configuration.GetValue("Database:MigrateOnStart", true);

    /// <summary>How long start-up waits while another instance migrates, from <c>Database:MigrationLockTimeout</c> (a time span such as 00:10:00).</summary>
    public static TimeSpan MigrationLockTimeout(IConfiguration configuration) =>
        configuration.GetValue("Database:MigrationLockTimeout", DatabaseMigrationLock.DefaultTimeout);

    /// <summary>The demo accounts' password when demo data is to be seeded, else null.</summary>
    public static string? DemoPassword(IConfiguration configuration) =>
        configuration.GetValue("Seed:Demo", false)
            ? configuration["Seed:DemoPassword"] is { Length: > 0 } configured ? configured : DemoAccountSeeder.DefaultPassword
            : null;
}
