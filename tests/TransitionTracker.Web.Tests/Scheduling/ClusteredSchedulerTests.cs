using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;
using TransitionTracker.Application;
using TransitionTracker.Application.Notifications;
using TransitionTracker.Data;
using TransitionTracker.Web.Scheduling;

namespace TransitionTracker.Web.Tests.Scheduling;

/// <summary>
/// Two instances on one PostgreSQL database, each running the scheduler with the clustered store in that database:
/// every firing of the daily job runs on exactly one of them (one run-log row per scheduled time), and the reminders
/// it makes are made once.
/// </summary>
public sealed class ClusteredSchedulerTests
{
    [PostgresFact]
    public async Task Each_firing_runs_once_across_two_instances()
    {
        using var database = await PostgresTestDatabase.CreateSeededAsync(PostgresServer.Require(), "scheduler");
        try
        {
            // Every 4 seconds rather than daily, so that a few firings happen within the test.
            using var first = Instance(database.ConnectionString);
            using var second = Instance(database.ConnectionString);
            await Task.WhenAll(first.StartAsync(), second.StartAsync());

            var deadline = DateTime.UtcNow.AddSeconds(90);
            List<(DateTime ScheduledFor, string Instance, DateTime? Finished)> runs;
            while (true)
            {
                runs = await RunsAsync(database.ConnectionString);
                if (runs.Count(r => r.Finished is not null) >= 3 || DateTime.UtcNow > deadline)
                {
                    break;
                }

                await Task.Delay(500);
            }

            Assert.Equal(2L, await ScalarAsync(database.ConnectionString, "SELECT count(*) FROM qrtz_scheduler_state"));
            await Task.WhenAll(first.StopAsync(), second.StopAsync());
            runs = await RunsAsync(database.ConnectionString);

            Assert.True(runs.Count(r => r.Finished is not null) >= 3, $"Only {runs.Count} run(s) in 90 seconds");
            Assert.All(runs.GroupBy(r => r.ScheduledFor), firing => Assert.Single(firing));

            // The reminders of the first run, made once however many runs followed.
            var duplicates = await ScalarAsync(database.ConnectionString,
                "SELECT count(*) FROM (SELECT 1 FROM \"Notifications\" GROUP BY \"RecipientId\", \"DedupeKey\" HAVING count(*) > 1) d");
            Assert.Equal(0L, duplicates);
            Assert.True(await ScalarAsync(database.ConnectionString, "SELECT count(*) FROM \"Notifications\"") > 0);
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
        }
    }

    private static IHost Instance(string connectionString)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = "Production", DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            [SchedulingServiceCollectionExtensions.DailyCronSetting] = "0/4 * * * * ?",
            ["Dashboards:ReferenceDate"] = "2013-03-31",
        });
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services
            .AddTransitionTrackerData(DatabaseProvider.Postgres, connectionString)
            .AddTransitionTrackerApplication(DatabaseProvider.Postgres, connectionString)
            .AddTransitionTrackerScheduling(builder.Configuration, DatabaseProvider.Postgres, connectionString);
        return builder.Build();
    }

    private static async Task<List<(DateTime ScheduledFor, string Instance, DateTime? Finished)>> RunsAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT \"ScheduledForUtc\", \"Instance\", \"FinishedAtUtc\" FROM \"ScheduledRuns\"", connection);
        await using var reader = await command.ExecuteReaderAsync();
        var runs = new List<(DateTime, string, DateTime?)>();
        while (await reader.ReadAsync())
        {
            runs.Add((reader.GetDateTime(0), reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetDateTime(2)));
        }

        return runs;
    }

    private static async Task<long> ScalarAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
