using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using TransitionTracker.Web.Diagnostics;
using TransitionTracker.Web.Tests.Infrastructure;

namespace TransitionTracker.Web.Tests.Diagnostics;

/// <summary>The load script's baseline page: a static page of the size asked for, in Development only.</summary>
[Collection(SharedAppCollection.Name)]
public sealed class BaselinePageTests(TransitionTrackerFactory factory)
{
    [Theory]
    [InlineData(200)]
    [InlineData(4096)]
    [InlineData(35603)]
    [InlineData(1_000_000)]
    public async Task The_baseline_page_is_html_of_exactly_the_size_asked_for(int bytes)
    {
        using var client = factory.CreateClient();

        var response = await client.GetAsync($"{BaselinePage.Path}?bytes={bytes}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var body = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(bytes, body.Length);
        var html = System.Text.Encoding.UTF8.GetString(body);
        Assert.StartsWith("<!DOCTYPE html>", html, StringComparison.Ordinal);
        Assert.EndsWith("</html>", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("?bytes=")]
    [InlineData("?bytes=abc")]
    [InlineData("?bytes=-5")]
    [InlineData("?bytes=10")]
    [InlineData("?bytes=999999999")]
    public async Task A_size_that_is_missing_or_out_of_range_is_refused_with_a_message(string query)
    {
        using var client = factory.CreateClient();

        var response = await client.GetAsync(BaselinePage.Path + query);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("'bytes' must be a whole number", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Production")]
    [InlineData("Staging")]
    public async Task The_baseline_page_does_not_exist_outside_development(string environment)
    {
        using var other = factory.WithWebHostBuilder(b => b.UseEnvironment(environment));
        // Outside Development cookies are Secure only, so the not-found page is asked for over HTTPS.
        using var client = other.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://localhost") });

        var baseline = await client.GetAsync($"{BaselinePage.Path}?bytes=4096");
        var unknown = await client.GetAsync("/dev/no-such-page");

        // Answered as any address that does not exist is (anonymous: sign in first), and not with the page.
        Assert.Equal(unknown.StatusCode, baseline.StatusCode);
        Assert.DoesNotContain("<h1>Baseline</h1>", await baseline.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var routes = other.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>();
        Assert.DoesNotContain(routes, e => e.RoutePattern.RawText?.StartsWith(BaselinePage.Path, StringComparison.Ordinal) == true);
    }
}
