using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace TransitionTracker.Web.Tests.Infrastructure;

public sealed class HealthTests
{
    [Fact]
    public async Task Healthz_is_200_with_database_status_when_the_database_answers()
    {
        using var factory = new TransitionTrackerFactory();
        var response = await factory.CreateClient().GetAsync("/healthz");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Healthy", body.GetProperty("status").GetString());
        Assert.Equal("Healthy", body.GetProperty("checks").GetProperty("database").GetProperty("status").GetString());
    }

    [Fact]
    public async Task Live_runs_no_check_and_ready_reports_the_database()
    {
        using var factory = new TransitionTrackerFactory();
        var client = factory.CreateClient();

        var live = await client.GetAsync("/healthz/live");
        var ready = await client.GetAsync("/healthz/ready");

        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        var liveBody = await live.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Healthy", liveBody.GetProperty("status").GetString());
        Assert.Empty(liveBody.GetProperty("checks").EnumerateObject());
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        var readyBody = await ready.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Healthy", readyBody.GetProperty("checks").GetProperty("database").GetProperty("status").GetString());
    }

    [Fact]
    public async Task Healthz_is_503_while_the_database_is_gone_and_200_when_it_is_back()
    {
        using var factory = new TransitionTrackerFactory();
        var client = factory.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/healthz")).StatusCode);

        await using (await factory.Database.TakeAwayAsync())
        {
            var down = await client.GetAsync("/healthz");
            Assert.Equal(HttpStatusCode.ServiceUnavailable, down.StatusCode);
            var body = await down.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Equal("Unhealthy", body.GetProperty("checks").GetProperty("database").GetProperty("status").GetString());
            Assert.Equal(HttpStatusCode.ServiceUnavailable, (await client.GetAsync("/healthz/ready")).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/healthz/live")).StatusCode);
        }

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/healthz")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/healthz/ready")).StatusCode);
    }
}
