using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using TransitionTracker.Data;
using TransitionTracker.Web.Commands;
using TransitionTracker.Web.Tests.Infrastructure;

namespace TransitionTracker.Web.Tests.Commands;

/// <summary>The migrate command on a SQLite file, and app start-up with Database:MigrateOnStart off.</summary>
public sealed class MigrateCommandTests : IDisposable
{
    private readonly string _path = TestDatabases.NewSqlitePath();

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        TestDatabases.Delete(_path);
    }

    [SqliteFact]
    public async Task Migrate_applies_every_migration_and_reference_data_to_a_fresh_database_then_finds_nothing_to_do()
    {
        var (exitCode, output, error) = await RunAsync();
        var (againExitCode, againOutput, againError) = await RunAsync();

        Assert.True(exitCode == 0, error);
        await using var db = OpenDatabase();
        var migrations = db.Database.GetMigrations().ToList();
        Assert.Contains($"Applied {migrations.Count} migration(s): {string.Join(", ", migrations)}.", output);
        Assert.Equal(migrations, await db.Database.GetAppliedMigrationsAsync());
        Assert.Equal(8058, await db.Practices.CountAsync());
        Assert.Equal(2, await db.Frameworks.CountAsync());
        Assert.Equal(0, await db.Consortia.CountAsync());
        Assert.Equal(0, await db.Users.CountAsync());

        Assert.True(againExitCode == 0, againError);
        Assert.Contains("No migrations to apply", againOutput);
        Assert.Equal(8058, await db.Practices.CountAsync());
    }

    [SqliteFact]
    public async Task Migrate_seeds_the_demo_data_only_when_Seed_Demo_is_true()
    {
        var (exitCode, output, error) = await RunAsync("--Seed:Demo", "true");

        Assert.True(exitCode == 0, error);
        Assert.Contains("demo data are present", output);
        await using var db = OpenDatabase();
        Assert.Equal(211, await db.Consortia.CountAsync());
        Assert.Equal(375, await db.Users.CountAsync());
    }

    [SqliteFact]
    public async Task Migrate_fails_with_the_reason_and_a_non_zero_exit_code()
    {
        var (badProvider, _, badProviderError) = await RunAsync("--Database:Provider", "Oracle");
        var (stray, _, strayError) = await RunAsync("now");
        var missingFolder = Path.Combine(Path.GetTempPath(), $"no-such-folder-{Guid.NewGuid():N}", "transition-tracker.db");
        var (unreachable, _, unreachableError) = await RunCommandAsync(
            ["migrate", "--ConnectionStrings:TransitionTracker", $"Data Source={missingFolder};Mode=ReadWrite", "--Database:Provider", "Sqlite"]);

        Assert.Equal(1, badProvider);
        Assert.Contains("migrate: failed.", badProviderError);
        Assert.Contains("Database:Provider is 'Oracle'", badProviderError);
        Assert.Equal(1, stray);
        Assert.Contains("Unexpected argument 'now'", strayError);
        Assert.Equal(1, unreachable);
        Assert.Contains($"The folder {Path.GetDirectoryName(missingFolder)} for the SQLite database does not exist", unreachableError);
        Assert.False(Directory.Exists(Path.GetDirectoryName(missingFolder)));
        Assert.False(File.Exists(_path));
    }

    [SqliteFact]
    public async Task With_MigrateOnStart_false_the_app_leaves_the_database_alone_until_migrate_has_run()
    {
        using (var factory = new NoMigrationOnStartFactory(_path))
        {
            _ = factory.Services;
            Assert.False(File.Exists(_path) && new FileInfo(_path).Length > 0, "the app created tables although MigrateOnStart is false");
        }

        SqliteConnection.ClearAllPools();
        var (exitCode, _, error) = await RunAsync();
        Assert.True(exitCode == 0, error);

        using var migrated = new NoMigrationOnStartFactory(_path);
        var response = await migrated.CreateClient().GetAsync("/");
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
    }

    private Task<(int ExitCode, string Output, string Error)> RunAsync(params string[] options) =>
        RunCommandAsync(["migrate", "--ConnectionStrings:TransitionTracker", $"Data Source={_path}", "--Database:Provider", "Sqlite", "--Seed:Demo", "false", .. options]);

    private static async Task<(int ExitCode, string Output, string Error)> RunCommandAsync(string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exitCode = await MigrateCommand.RunAsync(args, output, error);
        return (exitCode, output.ToString(), error.ToString());
    }

    private SqliteTransitionTrackerDbContext OpenDatabase()
    {
        var options = new DbContextOptionsBuilder<SqliteTransitionTrackerDbContext>();
        DataServiceCollectionExtensions.ConfigureSqlite(options, $"Data Source={_path}");
        return new SqliteTransitionTrackerDbContext(options.Options);
    }

    private sealed class NoMigrationOnStartFactory(string path) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Development");
            builder.UseSetting("ConnectionStrings:TransitionTracker", $"Data Source={path}");
            builder.UseSetting("Database:Provider", "Sqlite");
            builder.UseSetting("Seed:Demo", "true");
            builder.UseSetting("Database:MigrateOnStart", "false");
        }
    }
}
