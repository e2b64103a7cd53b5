using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace TransitionTracker.Browser.Tests;

/// <summary>
/// One app and one headless Chromium shared by every browser test; each test gets its own browser context.
/// A subclass may change the app's settings before it starts (see <see cref="Configure"/>) and the demo data before any
/// browser opens (see <see cref="ArrangeAsync"/>); each such subclass is a class fixture with an app of its own.
/// </summary>
public class BrowserAppFixture : IAsyncLifetime
{
    private readonly string workFolder = Path.Combine(Path.GetTempPath(), $"transition-tracker-browser-{Guid.NewGuid():N}");
    private TransitionTrackerServer? server;
    private IPlaywright? playwright;
    private IBrowser? browser;

    public Uri BaseAddress => server?.BaseAddress ?? throw new InvalidOperationException("The app is not running.");

    /// <summary>The running app's services, for a test that arranges data through a use case as the app would.</summary>
    public IServiceProvider Services => server?.Services ?? throw new InvalidOperationException("The app is not running.");

    public async Task InitializeAsync()
    {
        var chromium = Chromium.ExecutablePath;
        if (chromium is null)
        {
            if (TestEnvironment.RunningInCi)
            {
                throw new InvalidOperationException(Chromium.MissingMessage + " CI=true, so browser tests fail rather than skip.");
            }

            return; // Every [BrowserFact] is skipped; nothing to start.
        }

        Directory.CreateDirectory(workFolder);
        server = new TransitionTrackerServer(Path.Combine(workFolder, "transition-tracker.db"));
        Configure(server.Settings);
        server.Start();
        await ArrangeAsync(server.Services);

        playwright = await Playwright.CreateAsync();
        browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = chromium,
            Headless = true,
            Args = Chromium.Arguments,
        });
    }

    /// <summary>
    /// A fresh page in its own context, addressed relative to the app, that records failed sub-resources.
    /// With <paramref name="javaScriptEnabled"/> false the page runs none of the app's scripts, as for a person
    /// whose browser has JavaScript switched off (Playwright's own locators and assertions still work; <see cref="Accessibility"/> scans such a page too).
    /// </summary>
    public async Task<BrowserPage> NewPageAsync(bool javaScriptEnabled = true)
    {
        if (browser is null)
        {
            throw new InvalidOperationException(Chromium.MissingMessage);
        }

        var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseAddress.ToString(),
            Locale = "en-GB",
            JavaScriptEnabled = javaScriptEnabled,
        });
        context.SetDefaultTimeout(15_000);
        return await BrowserPage.OpenAsync(context, BaseAddress, javaScriptEnabled);
    }

    /// <summary>The app's open circuits now (one per live page).</summary>
    public int OpenCircuits => Services.GetRequiredService<TransitionTracker.Web.Diagnostics.OpenCircuits>().Count;

    /// <summary>Changes the app's settings before it starts. Does nothing here.</summary>
    protected virtual void Configure(IDictionary<string, string> settings)
    {
    }

    /// <summary>Changes the app's data once it has started with the demo data, before any test runs. Does nothing here.</summary>
    protected virtual Task ArrangeAsync(IServiceProvider services) => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (browser is not null)
        {
            await browser.DisposeAsync();
        }

        playwright?.Dispose();
        if (server is not null)
        {
            await server.DisposeAsync();
        }

        SqliteConnection.ClearAllPools();
        try
        {
            if (Directory.Exists(workFolder))
            {
                Directory.Delete(workFolder, recursive: true);
            }
        }
        catch (IOException)
        {
            // A leftover temporary folder is harmless.
        }
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserAppFixture>
{
    public const string Name = "Browser";
}
