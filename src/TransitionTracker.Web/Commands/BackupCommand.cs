using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using TransitionTracker.Data;
using TransitionTracker.Web.Infrastructure;
using TransitionTracker.Web.Operations;

namespace TransitionTracker.Web.Commands;

/// <summary>
/// <c>backup --output &lt;file&gt;</c>: copies the configured database to a new file while the app may keep running.
/// SQLite: SQLite's online backup, then an integrity check of the copy. PostgreSQL: <c>pg_dump --format=custom</c>
/// (must be on PATH), then a read of the archive's contents. Exits 0 with a summary, 1 with the reason (no file made).
/// </summary>
public static class BackupCommand
{
    public const string Name = "backup";

    private const string Usage = $"Usage: {Name} --output <file>  (the file must not exist yet)";

    public static Task<int> RunAsync(string[] args) => RunAsync(args, Console.Out, Console.Error);

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error)
    {
        var problems = new List<string>();
        var options = CommandOptions.Parse(args, ["--output"], problems);
        if (!options.TryGetValue("--output", out var file) && problems.Count == 0)
        {
            problems.Add("Give the backup file to write with --output.");
        }

        if (problems.Count > 0)
        {
            return CommandOptions.Fail(error, Name, problems, Usage);
        }

        var target = Path.GetFullPath(file!);
        if (File.Exists(target) || Directory.Exists(target))
        {
            return CommandOptions.Fail(error, Name, [$"{target} already exists; choose a new file name (nothing was overwritten)."]);
        }

        if (!Directory.Exists(Path.GetDirectoryName(target)))
        {
            return CommandOptions.Fail(error, Name, [$"The folder {Path.GetDirectoryName(target)} does not exist."]);
        }

        try
        {
            var builder = WebApplication.CreateBuilder(args);
            var database = DatabaseSettings.From(builder.Configuration, builder.Environment);
            if (database.Provider == DatabaseProvider.Postgres)
            {
                var contents = await PostgresBackup.BackupAsync(database.ConnectionString, target, CancellationToken.None);
                output.WriteLine($"Backed up the PostgreSQL database to {target} with pg_dump ({contents}).");
                return 0;
            }

            var source = SqliteDatabaseFile(database.ConnectionString);
            var check = SqliteBackup.Backup(source, target, KnownSqliteMigrations());
            output.WriteLine($"Backed up {source} to {target}: {check.Bytes} bytes, integrity check ok, {check.Migrations} migrations (latest {check.LatestMigration}).");
            return 0;
        }
        catch (Exception e)
        {
            return CommandOptions.Fail(error, Name, [CommandOptions.Describe(e)]);
        }
    }

    internal static string SqliteDatabaseFile(string connectionString)
    {
        var dataSource = new SqliteConnectionStringBuilder(connectionString).DataSource;
        if (string.IsNullOrEmpty(dataSource) || dataSource == ":memory:")
        {
            throw new BackupException("The SQLite connection string names no database file.");
        }

        return Path.GetFullPath(dataSource);
    }

    internal static IReadOnlyCollection<string> KnownSqliteMigrations()
    {
        var options = new DbContextOptionsBuilder<SqliteTransitionTrackerDbContext>();
        DataServiceCollectionExtensions.ConfigureSqlite(options, "Data Source=:memory:");
        using var db = new SqliteTransitionTrackerDbContext(options.Options);
        return db.Database.GetMigrations().ToHashSet(StringComparer.Ordinal);
    }
}
