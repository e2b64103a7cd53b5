using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using TransitionTracker.Web.Diagnostics;
using TransitionTracker.Web.Tests.Infrastructure;

namespace TransitionTracker.Web.Tests.Diagnostics;

/// <summary>The load script's memory figures: the heap after a full collection and the open circuits, in Development only.</summary>
[Collection(SharedAppCollection.Name)]
public sealed class MemoryPageTests(TransitionTrackerFactory factory)
{
    [Fact]
    public async Task The_memory_page_gives_the_heap_what_the_collector_holds_committed_the_resident_memory_and_no_circuits_when_no_page_is_live()
    {
        using var client = factory.CreateClient();

        var figures = await client.GetFromJsonAsync<MemoryPage.MemoryFigures>(MemoryPage.Path);

        Assert.NotNull(figures);
        Assert.InRange(figures.ManagedBytes, 1, figures.ResidentBytes);
        Assert.InRange(figures.CommittedBytes, figures.ManagedBytes, long.MaxValue);
        Assert.Equal(0, figures.OpenCircuits);
        Assert.Equal(factory.Services.GetRequiredService<TransitionTracker.Application.Live.LiveChanges>().WatcherCount, figures.LiveWatchers);
    }

    [Fact]
    public async Task The_memory_page_does_not_exist_outside_development()
    {
        using var other = factory.WithWebHostBuilder(b => b.UseEnvironment("Production"));
        using var client = other.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://localhost") });

        var memory = await client.GetAsync(MemoryPage.Path);
        var unknown = await client.GetAsync("/dev/no-such-page");

        // Answered as any address that does not exist is (anonymous: sign in first), and not with the figures.
        Assert.Equal(unknown.StatusCode, memory.StatusCode);
        Assert.DoesNotContain("managedBytes", await memory.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var routes = other.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>();
        Assert.DoesNotContain(routes, e => e.RoutePattern.RawText == MemoryPage.Path);
    }
}
