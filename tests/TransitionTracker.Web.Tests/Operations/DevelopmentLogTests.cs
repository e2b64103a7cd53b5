using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;
using TransitionTracker.Web.Tests.Infrastructure;

namespace TransitionTracker.Web.Tests.Operations;

/// <summary>The app run as its own process in Development, as <c>dotnet run</c> starts it: the console lines people read.</summary>
public sealed class DevelopmentLogTests : IDisposable
{
    private readonly string _database = TestDatabases.NewSqliteFile();

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        TestDatabases.Delete(_database);
    }

    [SqliteFact]
    public async Task A_line_starts_with_the_local_time_and_its_offset_then_a_space_before_the_level()
    {
        var (dll, contentRoot) = BuiltWebApp.Location();
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[]
        {
            dll, "--contentRoot", contentRoot, "--environment", "Development", "--urls", "http://127.0.0.1:0",
            "--ConnectionStrings:TransitionTracker", $"Data Source={_database}", "--Database:MigrateOnStart", "false",
        })
        {
            start.ArgumentList.Add(argument);
        }

        using var app = Process.Start(start)!;
        string? line;
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
            do
            {
                line = await app.StandardOutput.ReadLineAsync(timeout.Token);
            }
            while (line is not null && !line.Contains("info:", StringComparison.Ordinal));
        }
        finally
        {
            app.Kill(entireProcessTree: true);
            await app.WaitForExitAsync();
        }

        Assert.NotNull(line);
        var match = Regex.Match(line, @"^(\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}\.\d{3} [+-]\d{2}:\d{2}) info: ");
        Assert.True(match.Success, line);
        var logged = DateTimeOffset.ParseExact(match.Groups[1].Value, "yyyy-MM-dd HH:mm:ss.fff zzz", CultureInfo.InvariantCulture);
        Assert.Equal(TimeZoneInfo.Local.GetUtcOffset(logged), logged.Offset);
        Assert.InRange(DateTimeOffset.Now - logged, TimeSpan.Zero, TimeSpan.FromMinutes(1));
    }
}
