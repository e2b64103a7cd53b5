using Microsoft.Extensions.Logging.Abstractions;
using TransitionTracker.Data;
using TransitionTracker.Web.Infrastructure;
using TransitionTracker.Web.Operations;

namespace TransitionTracker.Web.Commands;

/// <summary>
/// <c>restore --input &lt;file&gt;</c>: replaces the configured database with a backup made by <c>backup</c>.
/// SQLite: checks the file (integrity, and migrations this version knows), refuses while another process has the
/// database open, then renames a checked copy over the database file in one step. PostgreSQL:
/// <c>pg_restore --clean --if-exists</c> in a single transaction. Stop the app first. Exits 0, or 1 with the reason
/// and the database unchanged.
/// </summary>
public static class RestoreCommand
{
    public const string Name = "restore";

    private const string Usage = $"Usage: {Name} --input <backup file>  (stop every instance of the app first)";

    public static Task<int> RunAsync(string[] args) => RunAsync(args, Console.Out, Console.Error);

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error)
    {
        var problems = new List<string>();
        var options = CommandOptions.Parse(args, ["--input"], problems);
        if (!options.TryGetValue("--input", out var file) && problems.Count == 0)
        {
            problems.Add("Give the backup file to restore with --input.");
        }

        if (problems.Count > 0)
        {
            return CommandOptions.Fail(error, Name, problems, Usage);
        }

        var input = Path.GetFullPath(file!);
        try
        {
            var builder = WebApplication.CreateBuilder(args);
            var database = DatabaseSettings.From(builder.Configuration, builder.Environment);
            if (database.Provider == DatabaseProvider.Postgres)
            {
                var contents = await PostgresBackup.RestoreAsync(database.ConnectionString, input, CancellationToken.None);
                output.WriteLine($"Restored {input} ({contents}) into the PostgreSQL database with pg_restore.");
                return 0;
            }

            var target = BackupCommand.SqliteDatabaseFile(database.ConnectionString);

            // No instance may be migrating the database while it is replaced.
            var migrationLock = new DatabaseMigrationLock(
                database.Provider, database.ConnectionString, StartupDatabaseSettings.MigrationLockTimeout(builder.Configuration), NullLogger<DatabaseMigrationLock>.Instance);
            await using (await migrationLock.AcquireAsync(CancellationToken.None))
            {
                var check = SqliteBackup.Restore(input, target, BackupCommand.KnownSqliteMigrations());
                output.WriteLine($"Restored {input} over {target}: integrity check ok, {check.Migrations} migrations (latest {check.LatestMigration}).");
                output.WriteLine("Migrations added since the backup are applied when the app next starts (or by the migrate command).");
            }

            return 0;
        }
        catch (Exception e)
        {
            return CommandOptions.Fail(error, Name, [CommandOptions.Describe(e)]);
        }
    }
}
