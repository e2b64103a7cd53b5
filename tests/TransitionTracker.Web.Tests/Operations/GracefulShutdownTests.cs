using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using TransitionTracker.Web.Tests.Infrastructure;

namespace TransitionTracker.Web.Tests.Operations;

/// <summary>The real app on Kestrel: stopping it lets a request in flight finish and refuses new connections.</summary>
public sealed class GracefulShutdownTests : IDisposable
{
    private readonly string _database = TestDatabases.NewSqliteFile();

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        TestDatabases.Delete(_database);
    }

    [SqliteFact]
    public async Task A_request_in_flight_when_the_app_is_stopped_gets_its_full_response_and_new_connections_are_refused()
    {
        var entered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var app = BuildApp([]);
        app.MapGet("/test/held", async () =>
        {
            entered.SetResult();
            await release.Task;
            return Results.Text(new string('x', 100_000));
        }).AllowAnonymous();
        await app.StartAsync();
        var address = new Uri(app.Urls.Single());
        using var client = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromMinutes(2) };

        var inFlight = client.GetAsync("/test/held");
        await entered.Task.WaitAsync(TimeSpan.FromSeconds(60));
        var stopping = app.StopAsync();
        await WaitUntilRefusedAsync(address);
        Assert.False(stopping.IsCompleted, "the host finished stopping before the request in flight had finished");
        release.SetResult();

        using var response = await inFlight;
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(100_000, (await response.Content.ReadAsStringAsync()).Length);
        await stopping.WaitAsync(TimeSpan.FromSeconds(60));
        await Assert.ThrowsAsync<HttpRequestException>(() => new HttpClient { BaseAddress = address }.GetAsync("/"));
    }

    [SqliteFact]
    public async Task The_shutdown_timeout_is_thirty_seconds_unless_configured()
    {
        await using var standard = BuildApp([]);
        await using var configured = BuildApp(["--Host:ShutdownTimeout", "00:01:30"]);

        Assert.Equal(TimeSpan.FromSeconds(30), standard.Services.GetRequiredService<IOptions<HostOptions>>().Value.ShutdownTimeout);
        Assert.Equal(TimeSpan.FromSeconds(90), configured.Services.GetRequiredService<IOptions<HostOptions>>().Value.ShutdownTimeout);
    }

    private WebApplication BuildApp(string[] args)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args,
            EnvironmentName = "Development",
            ApplicationName = typeof(Program).Assembly.GetName().Name,
        });
        builder.Configuration["Database:Provider"] = "Sqlite";
        builder.Configuration["ConnectionStrings:TransitionTracker"] = $"Data Source={_database}";
        builder.Configuration["Logging:LogLevel:Default"] = "Warning";
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        builder.AddTransitionTracker();
        var app = builder.Build();
        app.UseTransitionTracker();
        return app;
    }

    // Kestrel closes its listening socket as soon as stopping begins.
    private static async Task WaitUntilRefusedAsync(Uri address)
    {
        for (var attempt = 0; attempt < 600; attempt++)
        {
            using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            try
            {
                await socket.ConnectAsync(IPAddress.Loopback, address.Port);
            }
            catch (SocketException e) when (e.SocketErrorCode == SocketError.ConnectionRefused)
            {
                return;
            }

            await Task.Delay(50);
        }

        Assert.Fail("The app still accepted new connections 30 seconds after stopping began.");
    }
}
