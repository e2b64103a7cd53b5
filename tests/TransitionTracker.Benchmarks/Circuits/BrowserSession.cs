using Microsoft.Playwright;
using TransitionTracker.TestSupport;

namespace TransitionTracker.Benchmarks.Circuits;

/// <summary>
/// The one headless Chromium a browser command drives, with what every command does with it: sign a user in through
/// the form, open contexts on an instance (signed in or not), and open a readiness checklist live with a draft.
/// </summary>
internal sealed class BrowserSession : IAsyncDisposable
{
    private readonly IPlaywright _playwright;

    private BrowserSession(IPlaywright playwright, IBrowser browser)
    {
        _playwright = playwright;
        Browser = browser;
    }

    public IBrowser Browser { get; }

    /// <summary>Starts Debian's Chromium headless; null, with the reason written for <paramref name="command"/>, when it is missing.</summary>
    public static async Task<BrowserSession?> LaunchAsync(string command)
    {
        if (Chromium.ExecutablePath is not { } chromium)
        {
            await Console.Error.WriteLineAsync($"{command}: {Chromium.MissingMessage}");
            return null;
        }

        var playwright = await Playwright.CreateAsync();
        try
        {
            var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = chromium,
                Headless = true,
                Args = Chromium.Arguments,
            });
            return new BrowserSession(playwright, browser);
        }
        catch
        {
            playwright.Dispose();
            throw;
        }
    }

    /// <summary>A new context on <paramref name="instance"/>, signed in with a state from <see cref="SignInAsync"/> when given.</summary>
    public async Task<IBrowserContext> NewContextAsync(Uri instance, string? signedIn = null, ViewportSize? viewport = null)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = instance.ToString(),
            Locale = "en-GB",
            StorageState = signedIn,
            ViewportSize = viewport,
        });
        context.SetDefaultTimeout(30_000);
        return context;
    }

    /// <summary>Signs <paramref name="email"/> in through the sign-in form on <paramref name="page"/>.</summary>
    public static async Task SignInAsync(IPage page, string email, string password)
    {
        // Once more from the start when the first try is still on the sign-in page at the timeout: on a machine busy with
        // other test runs the form has been seen to stay there once, and a driver's sign-in is not what it measures.
        for (var attempt = 1; ; attempt++)
        {
            await page.GotoAsync("/sign-in");
            await page.GetByLabel("Email address").FillAsync(email);
            await page.GetByLabel("Password").FillAsync(password);
            await page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();
            try
            {
                await page.WaitForURLAsync(url => !url.Contains("/sign-in", StringComparison.Ordinal));
                return;
            }
            catch (TimeoutException) when (attempt == 1)
            {
                await Console.Error.WriteLineAsync($"load: {email} was still on the sign-in page after the timeout; signing in again.");
            }
        }
    }

    /// <summary>Signs <paramref name="email"/> in once, in a context of its own, and returns the signed-in state for new contexts.</summary>
    public async Task<string> SignInAsync(Uri instance, string email, string password)
    {
        await using var context = await NewContextAsync(instance);
        var page = await context.NewPageAsync();
        await SignInAsync(page, email, password);
        var signedIn = await context.StorageStateAsync();

        // The page signed in on may be live; leaving it first makes blazor.web.js end its circuit, which closing the
        // context alone would leave open on the server (and in a memory run's count) until it is given up.
        await page.GotoAsync("about:blank");
        return signedIn;
    }

    /// <summary>
    /// Opens the readiness checklist at <paramref name="path"/> live on a signed-in page, starting a new assessment if
    /// there is no draft, and waits for its save indicator.
    /// </summary>
    public static async Task OpenChecklistAsync(IPage page, string path)
    {
        var response = await page.GotoAsync(path);
        if (response is null || response.Status != 200)
        {
            throw new InvalidOperationException($"{path} answered {response?.Status} on {page.Url}, not 200.");
        }

        await page.Locator(".app-checklist[data-live=true]").WaitForAsync();
        var start = page.GetByRole(AriaRole.Button, new() { Name = "Start a new assessment" });
        if (await start.CountAsync() > 0)
        {
            await start.ClickAsync();
        }

        await page.Locator("#save-state").WaitForAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await Browser.DisposeAsync();
        _playwright.Dispose();
    }
}
