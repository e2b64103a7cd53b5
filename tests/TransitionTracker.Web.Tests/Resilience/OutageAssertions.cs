using System.Net;
using System.Text.Json;
using TransitionTracker.Web.Tests.Infrastructure;

namespace TransitionTracker.Web.Tests.Resilience;

/// <summary>What a person and a script must see while the database is unavailable.</summary>
public static class OutageAssertions
{
    public static async Task AssertServiceUnavailablePageAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.True(response.Headers.RetryAfter?.Delta > TimeSpan.Zero, "A 503 page must say when to retry (Retry-After).");
        Assert.True(response.Headers.CacheControl?.NoStore, "A 503 page must not be cached.");
        var page = await HtmlPage.ParseAsync(await response.Content.ReadAsStringAsync());
        Assert.Equal("Service temporarily unavailable", page.QuerySelector("h1")?.Text());
        Assert.Contains("Try again", page.QuerySelector("main")!.Text());
        Assert.NotNull(page.QuerySelector("header.app-header"));
        Assert.NotNull(page.QuerySelector("link[href='/css/site.css']"));
    }

    public static async Task AssertServiceUnavailableProblemAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.True(response.Headers.RetryAfter?.Delta > TimeSpan.Zero, "A 503 answer must say when to retry (Retry-After).");
        Assert.True(response.Headers.CacheControl?.NoStore, "A 503 answer must not be cached.");
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(503, problem.GetProperty("status").GetInt32());
        Assert.Equal("Service temporarily unavailable.", problem.GetProperty("title").GetString());
    }
}
