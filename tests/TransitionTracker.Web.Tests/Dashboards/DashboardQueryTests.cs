using System.Diagnostics;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using TransitionTracker.Data.Seeding;
using TransitionTracker.Web.Tests.Infrastructure;
using Xunit.Abstractions;

namespace TransitionTracker.Web.Tests.Dashboards;

/// <summary>
/// The dashboards ask the database a fixed number of questions whatever the size of the region, and the answers
/// are aggregates. Listens to EF Core's diagnostic events for this app's database only.
/// </summary>
[Collection(SharedAppCollection.Name)]
public sealed class DashboardQueryTests(TransitionTrackerFactory factory, ITestOutputHelper output)
{
    private readonly HttpClient _national = factory.CreateClientFor(DemoAccountSeeder.National);

    [Fact]
    public async Task Region_dashboard_runs_the_same_number_of_queries_for_a_small_and_a_large_region()
    {
        await _national.GetAsync("/regions/Q30");

        var small = await CommandsAsync("/regions/Q30");
        var large = await CommandsAsync("/regions/Q36?sort=score&dir=desc&page=2");
        var national = await CommandsAsync("/national");

        Assert.Equal(small.Count, large.Count);
        Assert.InRange(small.Count, 1, 16);
        Assert.InRange(national.Count, 1, 8);
        foreach (var (sql, duration) in large.Concat(national))
        {
            output.WriteLine($"{duration.TotalMilliseconds:0.0} ms: {sql.Split('\n')[0]}");
        }

        var slowest = large.Concat(national).MaxBy(c => c.Duration);
        output.WriteLine($"Slowest, {slowest.Duration.TotalMilliseconds:0.0} ms:\n{slowest.Sql}");
    }

    private async Task<List<(string Sql, TimeSpan Duration)>> CommandsAsync(string url)
    {
        var commands = new List<(string, TimeSpan)>();
        var inner = new List<IDisposable>();
        using var subscription = DiagnosticListener.AllListeners.Subscribe(new Observer<DiagnosticListener>(listener =>
        {
            if (listener.Name == DbLoggerCategory.Name)
            {
                inner.Add(listener.Subscribe(new Observer<KeyValuePair<string, object?>>(e =>
                {
                    if (e.Key == RelationalEventId.CommandExecuted.Name && e.Value is CommandExecutedEventData data
                        && data.Command.Connection is { } connection && factory.Database.Owns(connection))
                    {
                        lock (commands)
                        {
                            commands.Add((data.Command.CommandText, data.Duration));
                        }
                    }
                })));
            }
        }));

        var response = await _national.GetAsync(url);
        inner.ForEach(s => s.Dispose());
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return commands;
    }

    private sealed class Observer<T>(Action<T> next) : IObserver<T>
    {
        public void OnCompleted()
        {
        }

        public void OnError(Exception error)
        {
        }

        public void OnNext(T value) => next(value);
    }
}
