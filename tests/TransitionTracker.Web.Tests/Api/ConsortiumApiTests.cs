using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using TransitionTracker.Data.Seeding;
using TransitionTracker.Web.Tests.Infrastructure;

namespace TransitionTracker.Web.Tests.Api;

[Collection(SharedAppCollection.Name)]
public sealed class ConsortiumApiTests(TransitionTrackerFactory factory)
{
    private readonly HttpClient _client = factory.CreateClientFor(DemoAccountSeeder.National);

    [Fact]
    public async Task Listing_returns_every_demo_consortium_with_its_fields()
    {
        var consortia = await _client.GetFromJsonAsync<JsonElement[]>("/api/consortia");

        Assert.Equal(211, consortia!.Length);
        var first = consortia[0];
        foreach (var field in new[] { "code", "name", "regionCode", "hostPctCode", "pctCodes", "stage", "practiceCount", "population" })
        {
            Assert.True(first.TryGetProperty(field, out _), $"missing {field}");
        }

        Assert.Equal(8053, consortia.Sum(c => c.GetProperty("practiceCount").GetInt32()));
        Assert.All(consortia, c => Assert.Contains(c.GetProperty("hostPctCode").GetString(), c.GetProperty("pctCodes").EnumerateArray().Select(p => p.GetString())));
        Assert.Contains(consortia, c => c.GetProperty("pctCodes").GetArrayLength() > 1);
    }

    [Fact]
    public async Task Listing_filters_by_region_and_by_pct_in_any_case()
    {
        var northEast = await _client.GetFromJsonAsync<JsonElement[]>("/api/consortia?region=q30");
        var newcastle = await _client.GetFromJsonAsync<JsonElement[]>("/api/consortia?pct=5d7");

        Assert.NotEmpty(northEast!);
        Assert.All(northEast!, c => Assert.Equal("Q30", c.GetProperty("regionCode").GetString()));
        Assert.Equal(new[] { "00G", "00H" }, newcastle!.Select(c => c.GetProperty("code").GetString()!).ToArray());
    }

    [Fact]
    public async Task One_consortium_by_code_has_its_population_as_the_sum_of_member_list_sizes()
    {
        var consortium = await _client.GetFromJsonAsync<JsonElement>("/api/consortia/00g");

        Assert.Equal("00G", consortium.GetProperty("code").GetString());
        Assert.Equal("5D7", consortium.GetProperty("hostPctCode").GetString());
        Assert.Equal(17, consortium.GetProperty("practiceCount").GetInt32());
        Assert.Equal(156013, consortium.GetProperty("population").GetInt64());
    }

    [Fact]
    public async Task Unknown_consortium_is_a_404_problem()
    {
        var response = await _client.GetAsync("/api/consortia/ZZZ");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(404, problem.GetProperty("status").GetInt32());
    }

    [Fact]
    public async Task Malformed_filter_is_a_400_problem_naming_the_field()
    {
        var response = await _client.GetAsync("/api/consortia?region=%3Cscript%3E&pct=5D7");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty("region", out _));
        Assert.False(problem.GetProperty("errors").TryGetProperty("pct", out _));
    }

    [Fact]
    public async Task Unknown_api_route_answers_problem_details_not_a_page()
    {
        var response = await _client.GetAsync("/api/no-such-thing");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task Openapi_document_describes_the_consortium_endpoints()
    {
        var document = await _client.GetFromJsonAsync<JsonElement>("/openapi/v1.json");

        var paths = document.GetProperty("paths");
        Assert.True(paths.TryGetProperty("/api/consortia", out _));
        Assert.True(paths.TryGetProperty("/api/consortia/{code}", out _));
    }
}
