using System.Collections.Concurrent;
using System.Data.Common;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using TransitionTracker.Data;
using TransitionTracker.Application.Caching;

namespace TransitionTracker.Web.Tests.Infrastructure;

/// <summary>
/// Counts the database commands each HTTP request runs. A request that carries the <see cref="Header"/> header has
/// every command executed while it is handled recorded under the header's value; other requests are not watched.
/// </summary>
public sealed class RoundTripCounter : DbCommandInterceptor, IStartupFilter
{
    public const string Header = "X-Round-Trip-Probe";

    private static readonly AsyncLocal<List<ExecutedCommand>?> Current = new();

    private readonly ConcurrentDictionary<string, IReadOnlyList<ExecutedCommand>> _requests = new();

    public static void Register(IServiceCollection services)
    {
        var counter = new RoundTripCounter();
        services.AddSingleton(counter);
        services.AddSingleton<IStartupFilter>(counter);
        services.ConfigureDbContext<SqliteTransitionTrackerDbContext>(o => o.AddInterceptors(counter));
        services.ConfigureDbContext<PostgresTransitionTrackerDbContext>(o => o.AddInterceptors(counter));
    }

    /// <summary>Sends a GET with a fresh probe and returns the response and the commands it ran.</summary>
    public async Task<(HttpResponseMessage Response, IReadOnlyList<ExecutedCommand> Commands)> GetAsync(HttpClient client, string url)
    {
        var probe = Guid.NewGuid().ToString("N");
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Add(Header, probe);
        var response = await client.SendAsync(request);
        await response.Content.LoadIntoBufferAsync();
        return (response, _requests.TryRemove(probe, out var commands) ? commands : []);
    }

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        // The data stamp is read without EF Core, so it reports its reads itself.
        app.ApplicationServices.GetRequiredService<DataStampReader>().Executed += Record;
        app.Use(async (context, nextMiddleware) =>
        {
            if (context.Request.Headers[Header] is not [{ Length: > 0 } probe])
            {
                await nextMiddleware(context);
                return;
            }

            var commands = new List<ExecutedCommand>();
            Current.Value = commands;
            try
            {
                await nextMiddleware(context);
            }
            finally
            {
                Current.Value = null;
                lock (commands)
                {
                    _requests[probe] = commands.ToList();
                }
            }
        });
        next(app);
    };

    public override DbDataReader ReaderExecuted(DbCommand command, CommandExecutedEventData eventData, DbDataReader result) =>
        Record(command, eventData, result);

    public override ValueTask<DbDataReader> ReaderExecutedAsync(DbCommand command, CommandExecutedEventData eventData, DbDataReader result, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(Record(command, eventData, result));

    public override object? ScalarExecuted(DbCommand command, CommandExecutedEventData eventData, object? result) =>
        Record(command, eventData, result);

    public override ValueTask<object?> ScalarExecutedAsync(DbCommand command, CommandExecutedEventData eventData, object? result, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(Record(command, eventData, result));

    public override int NonQueryExecuted(DbCommand command, CommandExecutedEventData eventData, int result) =>
        Record(command, eventData, result);

    public override ValueTask<int> NonQueryExecutedAsync(DbCommand command, CommandExecutedEventData eventData, int result, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(Record(command, eventData, result));

    private static T Record<T>(DbCommand command, CommandExecutedEventData eventData, T result)
    {
        Record(command.CommandText, eventData.Duration);
        return result;
    }

    private static void Record(string sql, TimeSpan duration)
    {
        if (Current.Value is { } commands)
        {
            lock (commands)
            {
                commands.Add(new ExecutedCommand(sql, duration));
            }
        }
    }
}
