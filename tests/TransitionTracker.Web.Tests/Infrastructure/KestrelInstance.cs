using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace TransitionTracker.Web.Tests.Infrastructure;

/// <summary>
/// One real instance of the app (its own Program, services and key ring) listening with Kestrel on a free port on
/// 127.0.0.1, in the Development environment, with the given settings.
/// </summary>
public sealed class KestrelInstance : WebApplicationFactory<Program>
{
    private readonly IReadOnlyDictionary<string, string> _settings;

    public KestrelInstance(IReadOnlyDictionary<string, string> settings)
    {
        _settings = settings;
        UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
    }

    /// <summary>For example http://127.0.0.1:41234 (set by <see cref="Start"/>).</summary>
    public Uri BaseAddress { get; private set; } = null!;

    public static IReadOnlyDictionary<string, string> Postgres(string connectionString, params (string Key, string Value)[] more) =>
        Settings("Postgres", connectionString, more);

    /// <summary>Settings for a test database on this run's provider (see <see cref="TestDatabases"/>).</summary>
    public static IReadOnlyDictionary<string, string> For(TestDatabase database, params (string Key, string Value)[] more) =>
        Settings(database.Provider.ToString(), database.ConnectionString, more);

    private static Dictionary<string, string> Settings(string provider, string connectionString, (string Key, string Value)[] more)
    {
        var settings = new Dictionary<string, string>
        {
            ["Database:Provider"] = provider,
            ["ConnectionStrings:TransitionTracker"] = connectionString,
            ["Seed:Demo"] = "false",
            ["RateLimiting:Enabled"] = "false",
            ["Logging:LogLevel:Default"] = "Warning",
        };
        foreach (var (key, value) in more)
        {
            settings[key] = value;
        }

        return settings;
    }

    public KestrelInstance Start()
    {
        StartServer();
        var address = Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        BaseAddress = new Uri(address);
        return this;
    }

    /// <summary>
    /// A client of this instance that does not follow redirects, optionally sharing a cookie jar, optionally
    /// connecting from another loopback address (e.g. 127.0.0.2) so the app sees a different client IP.
    /// </summary>
    public HttpClient NewClient(CookieContainer? cookies = null, IPAddress? from = null)
    {
        var handler = new SocketsHttpHandler { AllowAutoRedirect = false, CookieContainer = cookies ?? new CookieContainer(), UseCookies = true };
        if (from is not null)
        {
            handler.ConnectCallback = async (context, cancellationToken) =>
            {
                var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                try
                {
                    socket.Bind(new IPEndPoint(from, 0));
                    await socket.ConnectAsync(context.DnsEndPoint, cancellationToken);
                    return new NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            };
        }

        return new HttpClient(handler) { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }
    }
}
