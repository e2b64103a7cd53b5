using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using TransitionTracker.Data.Seeding;
using TransitionTracker.Web.Tests.Infrastructure;

namespace TransitionTracker.Web.Tests.Api;

/// <summary>
/// An administrator's script previews a framework document and publishes it as the next version, with the upload
/// page's checks and messages; a bad or unchanged document publishes nothing, and nobody else may publish.
/// </summary>
public sealed class FrameworkPublishApiTests : IDisposable
{
    private const string Framework = "/api/frameworks/gp-consortium-readiness-2010";
    private readonly TransitionTrackerFactory _factory = new();

    [Fact]
    public async Task A_changed_document_is_previewed_with_its_changes_then_published_as_the_next_version()
    {
        var admin = _factory.CreateClientFor(DemoAccountSeeder.Administrator);
        var document = JsonNode.Parse(await admin.GetStringAsync(Framework))!.AsObject();
        document["name"] = "GP consortium readiness (revised)";

        var preview = await admin.PostAsync("/api/frameworks/preview", Json(document));
        Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
        var previewed = await preview.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal((2, 1), (previewed.GetProperty("nextVersion").GetInt32(), previewed.GetProperty("currentVersion").GetInt32()));
        Assert.Contains(previewed.GetProperty("changes").EnumerateArray(), c => c.GetProperty("description").GetString()!.Contains("GP consortium readiness (revised)", StringComparison.Ordinal));
        Assert.Equal(1, await LatestVersionAsync(admin));

        var published = await admin.PostAsync("/api/frameworks", Json(document));
        Assert.Equal(HttpStatusCode.OK, published.StatusCode);
        Assert.Equal(2, (await published.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("version").GetInt32());
        Assert.Equal(2, await LatestVersionAsync(admin));

        // The same document again would add a version that changes nothing.
        var again = await admin.PostAsync("/api/frameworks", Json(document));
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        Assert.Equal(2, await LatestVersionAsync(admin));
    }

    [Fact]
    public async Task A_bad_document_is_a_400_naming_where_and_publishes_nothing()
    {
        var admin = _factory.CreateClientFor(DemoAccountSeeder.Administrator);
        var document = JsonNode.Parse(await admin.GetStringAsync(Framework))!.AsObject();
        document["fastMoverThreshold"] = 250;

        foreach (var url in new[] { "/api/frameworks/preview", "/api/frameworks" })
        {
            var response = await admin.PostAsync(url, Json(document));

            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            var problems = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("problems").EnumerateArray().ToList();
            Assert.Contains(problems, p => p.GetProperty("path").GetString() == "$.fastMoverThreshold");
        }

        var notAnObject = await admin.PostAsync("/api/frameworks", new StringContent("[1, 2]", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, notAnObject.StatusCode);
        Assert.Equal(1, await LatestVersionAsync(admin));
    }

    [Fact]
    public async Task Only_administrators_preview_or_publish()
    {
        var admin = _factory.CreateClientFor(DemoAccountSeeder.Administrator);
        var document = JsonNode.Parse(await admin.GetStringAsync(Framework))!.AsObject();
        document["name"] = "Not theirs to publish";

        foreach (var email in new[] { DemoAccountSeeder.National, DemoAccountSeeder.Regional("Q30"), DemoAccountSeeder.PctManager("5D7") })
        {
            foreach (var url in new[] { "/api/frameworks/preview", "/api/frameworks" })
            {
                var response = await _factory.CreateClientFor(email).PostAsync(url, Json(document));
                Assert.True(response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Forbidden, $"{email} {url}: {response.StatusCode}");
            }
        }

        Assert.Equal(1, await LatestVersionAsync(admin));
    }

    private static StringContent Json(JsonNode document) => new(document.ToJsonString(), Encoding.UTF8, "application/json");

    private static async Task<int> LatestVersionAsync(HttpClient client) =>
        JsonNode.Parse(await client.GetStringAsync(Framework))!["version"]!.GetValue<int>();

    public void Dispose() => _factory.Dispose();
}
