using Microsoft.Playwright;

namespace TransitionTracker.Browser.Tests;

/// <summary>
/// A page in its own browser context. Requests that leave the app are blocked so the tests never depend on the
/// internet (the app itself loads nothing from elsewhere). The page remembers any of the
/// app's stylesheets, scripts, images or fonts that did not load, since a person would see those as a broken page.
/// </summary>
public sealed class BrowserPage : IAsyncDisposable
{
    private static readonly HashSet<string> PageResourceTypes = ["stylesheet", "script", "image", "font", "media"];

    private readonly IBrowserContext context;
    private readonly string origin;
    private readonly List<string> brokenResources = [];

    private BrowserPage(IBrowserContext context, IPage page, Uri appAddress, bool javaScriptEnabled)
    {
        this.context = context;
        JavaScriptEnabled = javaScriptEnabled;
        origin = appAddress.GetLeftPart(UriPartial.Authority);
        Page = page;
        page.RequestFailed += (_, request) =>
        {
            if (IsAppResource(request))
            {
                Record($"{request.ResourceType} {request.Url} failed: {request.Failure}");
            }
        };
        page.Response += (_, response) =>
        {
            if (response.Status >= 400 && IsAppResource(response.Request))
            {
                Record($"{response.Request.ResourceType} {response.Url} returned {response.Status}");
            }
        };
    }

    public IPage Page { get; }

    /// <summary>False when the page's context was opened with JavaScript switched off.</summary>
    public bool JavaScriptEnabled { get; }

    public static async Task<BrowserPage> OpenAsync(IBrowserContext context, Uri appAddress, bool javaScriptEnabled = true)
    {
        var appOrigin = appAddress.GetLeftPart(UriPartial.Authority);
        await context.RouteAsync(
            url => !url.StartsWith(appOrigin + "/", StringComparison.Ordinal),
            route => route.AbortAsync("blockedbyclient"));
        return new BrowserPage(context, await context.NewPageAsync(), appAddress, javaScriptEnabled);
    }

    /// <summary>Fails if any stylesheet, script, image or font the app's pages asked for so far did not load.</summary>
    public void AssertAllResourcesLoaded()
    {
        lock (brokenResources)
        {
            Assert.True(brokenResources.Count == 0, "Resources failed to load:\n" + string.Join("\n", brokenResources));
        }
    }

    public async ValueTask DisposeAsync() => await context.DisposeAsync();

    private bool IsAppResource(IRequest request) =>
        request.Url.StartsWith(origin + "/", StringComparison.Ordinal) && PageResourceTypes.Contains(request.ResourceType);

    private void Record(string problem)
    {
        lock (brokenResources)
        {
            brokenResources.Add(problem);
        }
    }
}
