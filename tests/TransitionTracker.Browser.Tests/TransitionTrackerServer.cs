using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace TransitionTracker.Browser.Tests;

/// <summary>
/// The real app, listening with Kestrel on a free port on 127.0.0.1, in the Development environment, with the demo
/// consortia seeded: on its own fresh SQLite file, or on a PostgreSQL database that other instances may share.
/// </summary>
public sealed class TransitionTrackerServer : WebApplicationFactory<Program>
{
    private readonly string? databaseFile;
    private readonly string provider;
    private readonly string connectionString;

    public TransitionTrackerServer(string databaseFile)
        : this("Sqlite", $"Data Source={databaseFile}") => this.databaseFile = databaseFile;

    private TransitionTrackerServer(string provider, string connectionString)
    {
        this.provider = provider;
        this.connectionString = connectionString;
        UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
    }

    /// <summary>An instance on a PostgreSQL database, as one of several behind a load balancer.</summary>
    public static TransitionTrackerServer OnPostgres(string connectionString) => new("Postgres", connectionString);

    /// <summary>Settings of this instance beyond the test defaults (name → value, as in appsettings with ':'), set before <see cref="Start"/>.</summary>
    public Dictionary<string, string> Settings { get; } = new(StringComparer.Ordinal);

    /// <summary>Where the browser reaches the app, e.g. http://127.0.0.1:41234 (no trailing slash).</summary>
    public Uri BaseAddress { get; private set; } = null!;

    public void Start()
    {
        StartServer();
        var addresses = Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses;
        var address = addresses.SingleOrDefault()
            ?? throw new InvalidOperationException("Kestrel started but reported no listening address.");
        if (databaseFile is not null && !File.Exists(databaseFile))
        {
            throw new InvalidOperationException($"The app started but did not create its test database at {databaseFile}.");
        }

        BaseAddress = new Uri(address);
        if (BaseAddress.Port == 0 || !IPAddress.IsLoopback(IPAddress.Parse(BaseAddress.Host)))
        {
            throw new InvalidOperationException($"Expected a loopback address with a real port, got {address}.");
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("Database:Provider", provider);
        builder.UseSetting("ConnectionStrings:TransitionTracker", connectionString);
        builder.UseSetting("Seed:Demo", "true");
        builder.UseSetting("RateLimiting:Enabled", "false");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        foreach (var (name, value) in Settings)
        {
            builder.UseSetting(name, value);
        }
    }
}
