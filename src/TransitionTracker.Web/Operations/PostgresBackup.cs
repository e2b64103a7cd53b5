using System.Diagnostics;
using Npgsql;

namespace TransitionTracker.Web.Operations;

/// <summary>
/// Backup and restore of a PostgreSQL database with the server's own tools, <c>pg_dump --format=custom</c> and
/// <c>pg_restore --clean --if-exists</c>, found on PATH. Connection details come from the app's connection string;
/// the password goes to the child process in PGPASSWORD, never on its command line (where other users could see it).
/// </summary>
public static class PostgresBackup
{
    public const string DumpRecipe =
        "pg_dump --format=custom --host <host> --port <port> --username <user> --dbname <database> --file <backup file>  (password in PGPASSWORD)";

    public const string RestoreRecipe =
        "pg_restore --clean --if-exists --no-owner --single-transaction --exit-on-error --host <host> --port <port> --username <user> --dbname <database> <backup file>";

    public static async Task<string> BackupAsync(string connectionString, string output, CancellationToken cancellationToken)
    {
        var pgDump = FindOnPath("pg_dump") ?? throw new BackupException(
            $"pg_dump is not on PATH (install the PostgreSQL client tools, the same major version as the server or newer). By hand: {DumpRecipe}");
        var partial = $"{output}.partial-{Guid.NewGuid():N}";
        try
        {
            var connection = new NpgsqlConnectionStringBuilder(connectionString);
            await RunAsync(pgDump, connection, ["--format=custom", "--file", partial, .. ConnectionArguments(connection)], cancellationToken);
            var contents = await ListAsync(partial, cancellationToken);
            File.Move(partial, output, overwrite: false);
            return contents;
        }
        finally
        {
            File.Delete(partial);
        }
    }

    public static async Task<string> RestoreAsync(string connectionString, string input, CancellationToken cancellationToken)
    {
        if (!File.Exists(input))
        {
            throw new BackupException($"There is no file at {input}.");
        }

        var contents = await ListAsync(input, cancellationToken);
        var pgRestore = FindOnPath("pg_restore")!;
        var connection = new NpgsqlConnectionStringBuilder(connectionString);

        // One transaction: if any statement fails, the database is left exactly as it was.
        await RunAsync(
            pgRestore,
            connection,
            ["--clean", "--if-exists", "--no-owner", "--single-transaction", "--exit-on-error", .. ConnectionArguments(connection), input],
            cancellationToken);
        return contents;
    }

    /// <summary>Reads the archive's table of contents, which proves it is a readable pg_dump archive of our database.</summary>
    private static async Task<string> ListAsync(string archive, CancellationToken cancellationToken)
    {
        var pgRestore = FindOnPath("pg_restore") ?? throw new BackupException(
            $"pg_restore is not on PATH (install the PostgreSQL client tools). By hand: {RestoreRecipe}");
        var listing = await RunAsync(pgRestore, null, ["--list", archive], cancellationToken);
        var entries = listing.Split('\n').Where(line => line.Length > 0 && !line.StartsWith(';')).ToList();
        if (!entries.Any(line => line.Contains("TABLE DATA", StringComparison.Ordinal) && line.Contains("__EFMigrationsHistory", StringComparison.Ordinal)))
        {
            throw new BackupException($"{archive} is a PostgreSQL archive but not of a Transition Tracker database (it has no migrations history).");
        }

        return $"{entries.Count(line => line.Contains("TABLE DATA", StringComparison.Ordinal))} tables of data, {new FileInfo(archive).Length} bytes";
    }

    private static IEnumerable<string> ConnectionArguments(NpgsqlConnectionStringBuilder connection)
    {
        yield return "--no-password";
        if (!string.IsNullOrEmpty(connection.Host))
        {
            yield return "--host";
            yield return connection.Host;
        }

        yield return "--port";
        yield return connection.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (!string.IsNullOrEmpty(connection.Username))
        {
            yield return "--username";
            yield return connection.Username;
        }

        if (string.IsNullOrEmpty(connection.Database))
        {
            throw new BackupException("The connection string names no database (Database=...).");
        }

        yield return "--dbname";
        yield return connection.Database;
    }

    private static async Task<string> RunAsync(string executable, NpgsqlConnectionStringBuilder? connection, IEnumerable<string> arguments, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        if (connection is not null)
        {
            if (!string.IsNullOrEmpty(connection.Password))
            {
                start.Environment["PGPASSWORD"] = connection.Password;
            }

            if (connection.SslMode != SslMode.Prefer)
            {
                start.Environment["PGSSLMODE"] = connection.SslMode switch
                {
                    SslMode.Disable => "disable",
                    SslMode.Allow => "allow",
                    SslMode.Require => "require",
                    SslMode.VerifyCA => "verify-ca",
                    SslMode.VerifyFull => "verify-full",
                    _ => "prefer",
                };
            }
        }

        using var process = Process.Start(start) ?? throw new BackupException($"Could not start {executable}.");
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var error = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        if (process.ExitCode != 0)
        {
            throw new BackupException($"{Path.GetFileName(executable)} failed (exit code {process.ExitCode}): {(await error).Trim()}");
        }

        return await output;
    }

    private static string? FindOnPath(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(folder => Path.Combine(folder, name))
            .FirstOrDefault(File.Exists);
}
