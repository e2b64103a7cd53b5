using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using TransitionTracker.Data.Seeding;
using TransitionTracker.Web.Operations;
using TransitionTracker.Web.Tests.Infrastructure;

namespace TransitionTracker.Web.Tests.Operations;

/// <summary>
/// The app run as its own process in Production with its shipped appsettings.json: every console line is JSON, and
/// every line logged while a request runs carries that request's id (the X-Request-Id response header) and trace id.
/// </summary>
public sealed class JsonLogTests : IDisposable
{
    private readonly string _database = TestDatabases.NewSqliteFile();

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        TestDatabases.Delete(_database);
    }

    [SqliteFact]
    public async Task Every_line_logged_during_a_request_is_json_carrying_the_request_id_returned_in_X_Request_Id()
    {
        var lines = new ConcurrentQueue<string>();
        using var app = StartApp(lines);
        try
        {
            var started = await WaitForLineAsync(lines, line => line.Contains("Transition Tracker is running at", StringComparison.Ordinal));
            var address = JsonDocument.Parse(started).RootElement.GetProperty("State").GetProperty("Urls").GetString()!;
            using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = new Uri(address) };
            var linesBeforeRequests = lines.Count;

            using var login = await client.PostAsJsonAsync("/api/identity/login", new { email = DemoAccountSeeder.ConsortiumLead("00G"), password = DemoAccountSeeder.DefaultPassword });
            using var missing = await client.GetAsync("/no-such-page");  // signed out: sent to sign in
            Assert.Equal(HttpStatusCode.OK, login.StatusCode);
            Assert.Equal(HttpStatusCode.Redirect, missing.StatusCode);
            var loginId = Assert.Single(login.Headers.GetValues(RequestTracingMiddleware.HeaderName));
            var missingId = Assert.Single(missing.Headers.GetValues(RequestTracingMiddleware.HeaderName));
            Assert.NotEqual(loginId, missingId);

            // The slow-request line (threshold zero here) is the last line of each request.
            await WaitForLineAsync(lines, line => line.Contains(missingId, StringComparison.Ordinal) && line.Contains("Slow request", StringComparison.Ordinal));
            await Task.Delay(500);
            var duringRequests = lines.Skip(linesBeforeRequests).ToList();

            var entries = duringRequests.Select(line => (Line: line, Json: JsonDocument.Parse(line).RootElement)).ToList();
            Assert.All(entries, entry =>
            {
                var scopes = entry.Json.GetProperty("Scopes").EnumerateArray().ToList();
                Assert.Contains(scopes, scope => scope.TryGetProperty("TraceId", out var trace) && trace.GetString()!.Length == 32);
                Assert.Contains(scopes, scope => scope.TryGetProperty("RequestId", out _));
            });
            var byRequest = entries.GroupBy(entry => RequestIdOf(entry.Json)).ToDictionary(group => group.Key, group => group.Select(e => e.Json).ToList());
            Assert.Equal(new[] { loginId, missingId }.Order(StringComparer.Ordinal), byRequest.Keys.Order(StringComparer.Ordinal));

            var loginLines = byRequest[loginId];
            Assert.Contains(loginLines, line => Category(line) == "Microsoft.AspNetCore.Hosting.Diagnostics");
            Assert.Contains(loginLines, line => Category(line) == "Microsoft.EntityFrameworkCore.Database.Command");
            Assert.Contains(loginLines, line => Category(line) == typeof(RequestTracingMiddleware).FullName
                && line.GetProperty("Message").GetString()!.StartsWith("Slow request: POST /api/identity/login answered 200", StringComparison.Ordinal));
            Assert.Contains(byRequest[missingId], line => Category(line) == typeof(RequestTracingMiddleware).FullName);
            Assert.Single(loginLines.Select(TraceIdOf).Distinct());
            Assert.NotEqual(TraceIdOf(loginLines[0]), TraceIdOf(byRequest[missingId][0]));
        }
        finally
        {
            await StopAsync(app);
        }

        // SIGTERM shuts the app down cleanly, and what it logs on the way out is JSON too.
        Assert.Equal(0, app.ExitCode);
        Assert.All(lines, line => JsonDocument.Parse(line));
        Assert.Contains(lines, line => line.Contains("Application is shutting down", StringComparison.Ordinal));
    }

    private static string Category(JsonElement line) => line.GetProperty("Category").GetString()!;

    private static string RequestIdOf(JsonElement line) => line.GetProperty("Scopes").EnumerateArray()
        .Single(scope => scope.TryGetProperty("RequestId", out _)).GetProperty("RequestId").GetString()!;

    private static string TraceIdOf(JsonElement line) => line.GetProperty("Scopes").EnumerateArray()
        .Single(scope => scope.TryGetProperty("TraceId", out _)).GetProperty("TraceId").GetString()!;

    private Process StartApp(ConcurrentQueue<string> lines)
    {
        var (dll, contentRoot) = BuiltWebApp.Location();
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[]
        {
            dll, "--contentRoot", contentRoot,
            "--environment", "Production",
            "--urls", "http://127.0.0.1:0",
            "--Database:Provider", "Sqlite",
            "--ConnectionStrings:TransitionTracker", $"Data Source={_database}",
            "--Seed:Demo", "true",
            "--Logging:SlowRequestThreshold", "00:00:00",

            // The scheduler starts in the background once the database is migrated and logs as it does, outside any
            // request: these lines are about requests (docs/operations.md, "Scheduled jobs").
            "--Scheduler:Enabled", "false",
            "--Logging:LogLevel:Microsoft.AspNetCore.Hosting.Diagnostics", "Information",
            "--Logging:LogLevel:Microsoft.EntityFrameworkCore.Database.Command", "Information",
        })
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is { Length: > 0 })
            {
                lines.Enqueue(e.Data);
            }
        };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is { Length: > 0 })
            {
                lines.Enqueue("stderr: " + e.Data);
            }
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static async Task StopAsync(Process app)
    {
        if (!app.HasExited)
        {
            using (var kill = Process.Start("kill", ["-TERM", app.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
            {
                await kill.WaitForExitAsync();
            }

            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            try
            {
                await app.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                app.Kill(entireProcessTree: true);
                throw;
            }
        }

        app.WaitForExit();
    }

    private static async Task<string> WaitForLineAsync(ConcurrentQueue<string> lines, Func<string, bool> match)
    {
        for (var attempt = 0; attempt < 1200; attempt++)
        {
            if (lines.FirstOrDefault(match) is { } line)
            {
                return line;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException("The app did not log the expected line within two minutes. Output:\n" + string.Join("\n", lines));
    }
}
