using System.Text.RegularExpressions;
using Microsoft.Playwright;
using TransitionTracker.Data.Seeding;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace TransitionTracker.Browser.Tests;

/// <summary>
/// Two app instances, each its own process, on one PostgreSQL database, behind HAProxy with the repository's own
/// configuration (deploy/haproxy/haproxy.cfg: sticky sessions by cookie, WebSockets). A PCT manager is part-way
/// through a checklist when the instance that holds their circuit is killed: the browser reconnects through the proxy
/// to the other instance, the page comes back at the same address with the draft as autosaved, and editing goes on.
/// </summary>
public sealed class ProxyFailoverTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const string FrameworkId = "gp-consortium-readiness-2010";
    private const string ChecklistPath = $"/consortia/00H/assessments/{FrameworkId}?domain=governance";
    private const string InstanceCookie = "TT_INSTANCE";

    private readonly Dictionary<string, AppProcess> instances = new(StringComparer.Ordinal);
    private PostgresTestDatabase? database;
    private AppProcess? proxy;
    private Uri? proxyAddress;
    private IPlaywright? playwright;
    private IBrowser? browser;

    public async Task InitializeAsync()
    {
        if (Chromium.ExecutablePath is null || PostgresServer.ConnectionString is null || Haproxy.ExecutablePath is not { } haproxy)
        {
            return; // The fact is skipped, or fails saying what is missing under CI=true.
        }

        database = await PostgresTestDatabase.CreateSeededAsync(PostgresServer.Require(), "failover");
        var (dll, contentRoot) = BuiltWebApp.Location();
        var ports = new Dictionary<string, int>(StringComparer.Ordinal) { ["app-1"] = AppProcess.FreePort(), ["app-2"] = AppProcess.FreePort() };
        foreach (var (name, port) in ports)
        {
            instances[name] = AppProcess.Start(name, "dotnet", [dll], contentRoot, new Dictionary<string, string>
            {
                ["ASPNETCORE_ENVIRONMENT"] = "Development",
                ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}",
                ["ASPNETCORE_CONTENTROOT"] = contentRoot,
                ["ASPNETCORE_FORWARDEDHEADERS_ENABLED"] = "true",
                ["Database__Provider"] = "Postgres",
                ["ConnectionStrings__TransitionTracker"] = database.ConnectionString,
                ["Seed__Demo"] = "true",
                ["RateLimiting__Enabled"] = "false",
                ["Logging__LogLevel__Default"] = "Warning",
            });
        }

        foreach (var (name, port) in ports)
        {
            await instances[name].WaitForAsync(new Uri($"http://127.0.0.1:{port}/healthz/ready"), TimeSpan.FromSeconds(120));
        }

        var proxyPort = AppProcess.FreePort();
        proxyAddress = new Uri($"http://127.0.0.1:{proxyPort}");
        var configuration = Path.Combine(BuiltWebApp.RepositoryRoot(), "deploy", "haproxy", "haproxy.cfg");
        proxy = AppProcess.Start("haproxy", haproxy, ["-db", "-f", configuration], Path.GetTempPath(), new Dictionary<string, string>
        {
            ["PROXY_BIND"] = $"127.0.0.1:{proxyPort}",
            ["APP_1"] = $"127.0.0.1:{ports["app-1"]}",
            ["APP_2"] = $"127.0.0.1:{ports["app-2"]}",
        });
        await proxy.WaitForAsync(new Uri(proxyAddress, "/healthz/ready"), TimeSpan.FromSeconds(30));

        playwright = await Playwright.CreateAsync();
        browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = Chromium.ExecutablePath, Headless = true, Args = Chromium.Arguments });
    }

    [BrowserProxyFact]
    public async Task Killing_the_instance_that_holds_a_checklist_loses_nothing_and_the_page_comes_back_on_the_other()
    {
        Assert.True(browser is not null && proxy is not null && proxyAddress is not null, BrowserProxyFactAttribute.Missing());
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = proxyAddress.ToString(), Locale = "en-GB" });
        context.SetDefaultTimeout(15_000);
        await using var browserPage = await BrowserPage.OpenAsync(context, proxyAddress);
        var page = browserPage.Page;
        await page.SetViewportSizeAsync(1280, 900);
        await SignIn.AsAsync(page, DemoAccountSeeder.PctManager("5D7"));
        var signedInOn = await InstanceAsync(context);

        await page.GotoAsync(ChecklistPath);
        await LiveAsync(page);
        var start = page.GetByRole(AriaRole.Button, new() { Name = "Start a new assessment" });
        if (await start.CountAsync() > 0)
        {
            await start.ClickAsync();
        }

        // Part-way through: two evidence notes typed and autosaved.
        var first = $"Board minutes of 3 March 2011, item 4 ({Guid.NewGuid():N}).";
        var second = $"Scheme of delegation agreed with the PCT cluster ({Guid.NewGuid():N}).";
        var before = await ChangesSavedAsync(page);
        await page.GetByLabel("Evidence for GOV-01 (optional)").FillAsync(first);
        await page.GetByLabel("Evidence for GOV-02 (optional)").FillAsync(second);
        await SavedAsync(page, before + 2);
        var holder = await InstanceAsync(context);
        Assert.Equal(signedInOn, holder); // One browser, one instance: the proxy kept it there.
        await page.EvaluateAsync("() => window.appMark = 'before the instance died'");

        var killed = System.Diagnostics.Stopwatch.StartNew();
        instances[holder].Kill();

        // The circuit was lost with its instance: the browser reconnects through the proxy, the other instance does
        // not know the circuit, and the script reloads the same address there.
        await page.WaitForFunctionAsync("() => window.appMark === undefined", null, new() { Timeout = 60_000 });
        await Expect(page).ToHaveURLAsync(new Regex($"^{Regex.Escape(new Uri(proxyAddress, ChecklistPath).ToString())}$"));
        await LiveAsync(page);
        output.WriteLine($"The page was live again on the other instance {killed.Elapsed.TotalSeconds:0.0} s after {holder} was killed.");
        var survivor = await InstanceAsync(context);
        Assert.NotEqual(holder, survivor);
        await Expect(page.GetByLabel("Evidence for GOV-01 (optional)")).ToHaveValueAsync(first);
        await Expect(page.GetByLabel("Evidence for GOV-02 (optional)")).ToHaveValueAsync(second);

        // And editing goes on, saved through the surviving instance.
        var third = $"Audit committee terms of reference ({Guid.NewGuid():N}).";
        before = await ChangesSavedAsync(page);
        await page.GetByLabel("Evidence for GOV-03 (optional)").FillAsync(third);
        await SavedAsync(page, before + 1);
        await page.ReloadAsync();
        await LiveAsync(page);
        await Expect(page.GetByLabel("Evidence for GOV-03 (optional)")).ToHaveValueAsync(third);
        await Accessibility.ScanAtEachWidthAsync(browserPage, "readiness checklist after its instance was lost");
        Assert.False(instances[survivor].HasExited, instances[survivor].Output);
    }

    /// <summary>The instance the proxy's sticky-session cookie names for this browser.</summary>
    private static async Task<string> InstanceAsync(IBrowserContext context)
    {
        var cookie = (await context.CookiesAsync()).SingleOrDefault(c => c.Name == InstanceCookie);
        Assert.True(cookie is not null, $"The proxy set no {InstanceCookie} cookie: sessions are not sticky.");
        return cookie.Value;
    }

    /// <summary>How many changes this page has scored and saved (the save indicator's count).</summary>
    private static async Task<int> ChangesSavedAsync(IPage page) =>
        int.Parse(await page.Locator("#save-state").GetAttributeAsync("data-changes") ?? "0", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Waits until the page has saved at least <paramref name="changes"/> changes and says "Saved" (typing is
    /// taken once it pauses, so "Saved" alone may still be the state before the typing).</summary>
    private static Task SavedAsync(IPage page, int changes) =>
        page.WaitForFunctionAsync(
            "changes => { const state = document.querySelector('#save-state'); return !!state && Number(state.dataset.changes) >= changes && state.textContent.trim() === 'Saved'; }",
            changes,
            new() { Timeout = 15_000 });

    private static Task LiveAsync(IPage page) =>
        Expect(page.Locator(".app-checklist[data-live=true]")).ToHaveCountAsync(1, new() { Timeout = 30_000 });

    public async Task DisposeAsync()
    {
        if (browser is not null)
        {
            await browser.DisposeAsync();
        }

        playwright?.Dispose();
        proxy?.Dispose();
        foreach (var instance in instances.Values)
        {
            instance.Dispose();
        }

        database?.Dispose();
    }
}

/// <summary>Finds Debian's <c>haproxy</c>, as <see cref="Executable.Find"/> does.</summary>
public static class Haproxy
{
    public static string? ExecutablePath { get; } = Executable.Find("haproxy", "/usr/sbin/haproxy");

    public static string MissingMessage =>
        "HAProxy is missing: no executable named 'haproxy' on PATH or at /usr/sbin/haproxy. Install it with 'apt-get install -y haproxy'.";
}

/// <summary>A browser fact that also needs PostgreSQL (<c>TEST_POSTGRES</c>) and HAProxy; skipped without any, saying which.</summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class BrowserProxyFactAttribute : FactAttribute
{
    public BrowserProxyFactAttribute()
    {
        Skip = TestEnvironment.SkipReason(Missing());
    }

    /// <summary>What this machine lacks for the test, or null when it has everything.</summary>
    public static string? Missing() =>
        Chromium.ExecutablePath is null ? Chromium.MissingMessage
        : Haproxy.ExecutablePath is null ? Haproxy.MissingMessage
        : TestEnvironment.Missing(PostgresServer.Variable);
}
