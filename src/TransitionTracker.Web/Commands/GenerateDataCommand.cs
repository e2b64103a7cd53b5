using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;
using TransitionTracker.Data;
using TransitionTracker.Data.Seeding;
using TransitionTracker.Web.Infrastructure;

namespace TransitionTracker.Web.Commands;

/// <summary>
/// <c>generate --scale &lt;N&gt; [--database &lt;SQLite file&gt;]</c>: fills a database with the demo data at scale N
/// (<see cref="ScaledDataGenerator"/>) for load and performance testing. Without --database it uses the configured
/// database (SQLite or PostgreSQL, as the app would). Prints progress, the final counts and the time taken. Exits 0
/// when the database holds scale N, 1 (leaving its data as it was) on bad arguments or when the database cannot be
/// scaled.
/// </summary>
public static class GenerateDataCommand
{
    public const string Name = "generate";

    private const string Usage =
        "Usage: generate --scale <N> [--database <SQLite file>]  (N from 1 to 100; without --database, the configured database)";

    public static Task<int> RunAsync(string[] args) => RunAsync(args, Console.Out, Console.Error);

    /// <param name="args">The whole command line; options other than --scale and --database are app configuration, as for the web host.</param>
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error)
    {
        var problems = new List<string>();
        var (scale, database, hostArgs) = ParseOptions(args, problems);
        if (problems.Count > 0)
        {
            return Fail(error, problems, Usage);
        }

        var builder = WebApplication.CreateBuilder(hostArgs);

        // Progress comes from the command and the seeders; EF's log of every statement would swamp it and slow it down.
        builder.Logging.AddFilter("Microsoft", LogLevel.Warning);
        if (database is not null)
        {
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Database:Provider"] = nameof(DatabaseProvider.Sqlite),
                [$"ConnectionStrings:{DatabaseSettings.ConnectionStringName}"] = new SqliteConnectionStringBuilder { DataSource = database }.ToString(),
            });
        }

        builder.AddTransitionTracker();
        await using var app = builder.Build();
        var settings = app.Services.GetRequiredService<DatabaseSettings>();
        var password = app.Configuration["Seed:DemoPassword"] is { Length: > 0 } configured ? configured : DemoAccountSeeder.DefaultPassword;
        output.WriteLine($"{Name}: scale {scale} into {Describe(settings)}");

        var watch = Stopwatch.StartNew();
        GeneratedCounts counts;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            try
            {
                counts = await scope.ServiceProvider.GetRequiredService<ScaledDataGenerator>()
                    .GenerateAsync(scale!.Value, password, output, CancellationToken.None);
            }
            catch (GenerationRefusedException refused)
            {
                return Fail(error, [refused.Message], null);
            }
        }

        output.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"{Name}: scale {counts.Scale} in {watch.Elapsed.TotalSeconds:0.0} s: {counts.Consortia:N0} consortia, {counts.Practices:N0} practices, " +
            $"{counts.Assessments:N0} assessments, {counts.Answers:N0} answers, {counts.Accounts:N0} accounts"));
        if (settings.Provider == DatabaseProvider.Sqlite && SqliteFile(settings.ConnectionString) is { } file && File.Exists(file))
        {
            SqliteConnection.ClearAllPools();
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{Name}: database file {file}, {new FileInfo(file).Length / 1024.0 / 1024.0:0.0} MiB"));
        }

        return 0;
    }

    private static string Describe(DatabaseSettings settings) => settings.Provider == DatabaseProvider.Sqlite
        ? $"SQLite file {SqliteFile(settings.ConnectionString)}"
        : $"PostgreSQL database {new Npgsql.NpgsqlConnectionStringBuilder(settings.ConnectionString).Database} on {new Npgsql.NpgsqlConnectionStringBuilder(settings.ConnectionString).Host}";

    private static string? SqliteFile(string connectionString) =>
        new SqliteConnectionStringBuilder(connectionString).DataSource is { Length: > 0 } source ? Path.GetFullPath(source) : null;

    private static int Fail(TextWriter error, IReadOnlyList<string> problems, string? usage)
    {
        error.WriteLine($"{Name}: nothing was generated.");
        foreach (var problem in problems)
        {
            error.WriteLine($"  - {problem}");
        }

        if (usage is not null)
        {
            error.WriteLine(usage);
        }

        return 1;
    }

    private static (int? Scale, string? Database, string[] HostArgs) ParseOptions(string[] args, List<string> problems)
    {
        int? scale = null;
        string? database = null;
        var hostArgs = new List<string>();
        for (var i = 1; i < args.Length; i++)
        {
            var (key, inlineValue) = args[i].Split('=', 2) is [var k, var v] && k.StartsWith("--", StringComparison.Ordinal) ? (k, v) : (args[i], null);
            if (key is not ("--scale" or "--database"))
            {
                // Configuration for the host (for example --Database:Provider Postgres), passed on with its value.
                hostArgs.Add(args[i]);
                if (inlineValue is null && key.StartsWith("--", StringComparison.Ordinal) && i + 1 < args.Length)
                {
                    hostArgs.Add(args[++i]);
                }
                else if (!key.StartsWith("--", StringComparison.Ordinal))
                {
                    problems.Add($"Unexpected argument '{key}'.");
                }

                continue;
            }

            var value = inlineValue ?? (i + 1 < args.Length ? args[++i] : null);
            if (string.IsNullOrWhiteSpace(value))
            {
                problems.Add($"{key} needs a value.");
            }
            else if (key == "--scale")
            {
                if (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n is >= 1 and <= ScaleCopy.MaxScale)
                {
                    scale = n;
                }
                else
                {
                    problems.Add($"--scale must be a whole number from 1 to {ScaleCopy.MaxScale}, not '{value}'.");
                }
            }
            else
            {
                var folder = Path.GetDirectoryName(Path.GetFullPath(value));
                if (folder is not null && !Directory.Exists(folder))
                {
                    problems.Add($"The folder for --database does not exist: {folder}.");
                }
                else
                {
                    database = Path.GetFullPath(value);
                }
            }
        }

        if (scale is null && !problems.Any(p => p.StartsWith("--scale", StringComparison.Ordinal)))
        {
            problems.Add("Give the scale with --scale (1 is the demo data as the app seeds it; N has N times the consortia and practices).");
        }

        return (scale, database, hostArgs.ToArray());
    }
}
