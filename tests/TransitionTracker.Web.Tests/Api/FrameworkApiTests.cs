using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using TransitionTracker.Data.Seeding;
using TransitionTracker.Web.Tests.Infrastructure;

namespace TransitionTracker.Web.Tests.Api;

[Collection(SharedAppCollection.Name)]
public sealed class FrameworkApiTests(TransitionTrackerFactory factory)
{
    private readonly HttpClient _client = factory.CreateClientFor(DemoAccountSeeder.PctManager("5D7"));

    [Fact]
    public async Task Listing_has_both_shipped_frameworks_at_version_one()
    {
        var frameworks = await _client.GetFromJsonAsync<JsonElement[]>("/api/frameworks");

        var byId = frameworks!.ToDictionary(f => f.GetProperty("id").GetString()!);
        Assert.Equal(1, byId["gp-consortium-readiness-2010"].GetProperty("version").GetInt32());
        Assert.Equal(8, byId["gp-consortium-readiness-2010"].GetProperty("domainCount").GetInt32());
        Assert.Equal("levels", byId["world-class-commissioning"].GetProperty("scale").GetString());
        Assert.Equal(11, byId["world-class-commissioning"].GetProperty("domainCount").GetInt32());
    }

    [Fact]
    public async Task A_framework_document_is_returned_in_the_published_shape()
    {
        var document = await _client.GetFromJsonAsync<JsonElement>("/api/frameworks/gp-consortium-readiness-2010?version=1");

        Assert.Equal(1, document.GetProperty("version").GetInt32());
        Assert.Equal(75, document.GetProperty("fastMoverThreshold").GetDouble());
        Assert.Contains(document.GetProperty("criteria").EnumerateArray(), c => c.GetProperty("id").GetString() == "GOV-02" && c.GetProperty("essential").GetBoolean());
    }

    [Theory]
    [InlineData("/api/frameworks/no-such-framework", HttpStatusCode.NotFound)]
    [InlineData("/api/frameworks/gp-consortium-readiness-2010?version=99", HttpStatusCode.NotFound)]
    [InlineData("/api/frameworks/gp-consortium-readiness-2010?version=abc", HttpStatusCode.BadRequest)]
    [InlineData("/api/frameworks/gp-consortium-readiness-2010?version=0", HttpStatusCode.BadRequest)]
    public async Task Unknown_frameworks_and_bad_versions_are_problems(string url, HttpStatusCode expected)
    {
        var response = await _client.GetAsync(url);

        Assert.Equal(expected, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
    }
}
