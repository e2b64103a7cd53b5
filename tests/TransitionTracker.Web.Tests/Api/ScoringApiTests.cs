using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using TransitionTracker.Data.Seeding;
using TransitionTracker.Domain.Frameworks;
using TransitionTracker.Web.Tests.Infrastructure;

namespace TransitionTracker.Web.Tests.Api;

[Collection(SharedAppCollection.Name)]
public sealed class ScoringApiTests(TransitionTrackerFactory factory)
{
    private const string Default = "gp-consortium-readiness-2010";
    private const string Wcc = "world-class-commissioning";
    private readonly HttpClient _client = factory.CreateClientFor(DemoAccountSeeder.ConsortiumLead("00G"));

    [Fact]
    public async Task Default_framework_all_met_is_a_fast_mover_with_a_perfect_score()
    {
        var result = await EvaluateOkAsync(new { framework = Default, responses = AllDefault("met") });

        Assert.Equal(100, result.GetProperty("score").GetDouble());
        Assert.Equal("fast-mover", result.GetProperty("track").GetString());
        Assert.Equal(0, result.GetProperty("blockers").GetArrayLength());
        Assert.Equal(0, result.GetProperty("nextSteps").GetArrayLength());
        Assert.Equal(8, result.GetProperty("domains").GetArrayLength());
        Assert.Equal(Default, result.GetProperty("framework").GetProperty("id").GetString());
    }

    [Fact]
    public async Task Default_framework_with_conflicts_register_in_progress_needs_support_and_says_why()
    {
        // Governance: (1 + 1.5 × 0.5 + 1 + 1 + 1) / 5.5 = 86.36; overall = (12 × 100 − 2 × 13.64) / 12 = 97.73.
        var responses = AllDefault("met").Select(r => r.criterion == "GOV-02" ? r with { status = "in_progress" } : r).ToArray();

        var result = await EvaluateOkAsync(new { framework = Default, responses });

        Assert.Equal(97.7, result.GetProperty("score").GetDouble());
        Assert.Equal("needs-support", result.GetProperty("track").GetString());
        var governance = result.GetProperty("domains").EnumerateArray().Single(d => d.GetProperty("id").GetString() == "governance");
        Assert.Equal(86.4, governance.GetProperty("score").GetDouble());
        Assert.Equal(60, governance.GetProperty("floor").GetDouble());
        Assert.False(governance.GetProperty("belowFloor").GetBoolean());
        var blocker = Assert.Single(result.GetProperty("blockers").EnumerateArray());
        Assert.Equal("essential-criterion", blocker.GetProperty("kind").GetString());
        Assert.Equal("GOV-02", blocker.GetProperty("criterion").GetString());
        Assert.False(blocker.TryGetProperty("domain", out _));
        var step = Assert.Single(result.GetProperty("nextSteps").EnumerateArray());
        Assert.Equal("GOV-02", step.GetProperty("criterion").GetString());
        Assert.Equal(2.3, step.GetProperty("gain").GetDouble());
    }

    [Fact]
    public async Task World_class_commissioning_levels_score_and_a_domain_under_its_floor_blocks()
    {
        // Ten domains at level 4 (100) and "prioritise investment" at level 1 (0): 1000 / 11 = 90.91.
        var responses = WccCriteria().Select(c => new { criterion = c, level = c == "WCC-06A" ? 1 : 4 }).ToArray();

        var result = await EvaluateOkAsync(new { framework = Wcc, responses });

        Assert.Equal(90.9, result.GetProperty("score").GetDouble());
        Assert.Equal("needs-support", result.GetProperty("track").GetString());
        var blocker = Assert.Single(result.GetProperty("blockers").EnumerateArray());
        Assert.Equal("domain-floor", blocker.GetProperty("kind").GetString());
        Assert.Equal("prioritise-investment", blocker.GetProperty("domain").GetString());
    }

    [Fact]
    public async Task No_responses_at_all_is_not_assessed()
    {
        var result = await EvaluateOkAsync(new { framework = Default, responses = Array.Empty<object>() });

        Assert.Equal(0, result.GetProperty("score").GetDouble());
        Assert.All(result.GetProperty("domains").EnumerateArray(), d => Assert.Equal(JsonValueKind.Null, d.GetProperty("score").ValueKind));
        Assert.Equal("not-assessed", Assert.Single(result.GetProperty("blockers").EnumerateArray()).GetProperty("kind").GetString());
    }

    [Fact]
    public async Task An_inline_framework_definition_is_scored_without_being_stored()
    {
        var definition = new
        {
            id = "inline-test", version = 1, name = "Inline", scale = "status", fastMoverThreshold = 50, domainFloor = 0,
            domains = new[] { new { id = "a", name = "A", weight = 1 } },
            criteria = new[] { new { id = "A-1", domain = "a", text = "One" }, new { id = "A-2", domain = "a", text = "Two" } },
        };

        var result = await EvaluateOkAsync(new { frameworkDefinition = definition, responses = new[] { new { criterion = "A-1", status = "met" } } });

        Assert.Equal(50, result.GetProperty("score").GetDouble());
        Assert.Equal("fast-mover", result.GetProperty("track").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await _client.GetAsync("/api/frameworks/inline-test")).StatusCode);
    }

    [Theory]
    [InlineData("""{"framework":"no-such-framework","responses":[]}""", "$.framework")]
    [InlineData("""{"framework":"gp-consortium-readiness-2010","responses":[{"criterion":"XXX-99","status":"met"}]}""", "$.responses[0].criterion")]
    [InlineData("""{"framework":"gp-consortium-readiness-2010","responses":[{"criterion":"GOV-01","status":"done"}]}""", "$.responses[0].status")]
    [InlineData("""{"framework":"gp-consortium-readiness-2010","responses":[{"criterion":"GOV-01","level":3}]}""", "$.responses[0].level")]
    [InlineData("""{"framework":"world-class-commissioning","responses":[{"criterion":"WCC-01A","level":5}]}""", "$.responses[0].level")]
    [InlineData("""{"framework":"world-class-commissioning","responses":[{"criterion":"WCC-01A","level":2.5}]}""", "$.responses[0].level")]
    [InlineData("""{"framework":"world-class-commissioning","responses":[{"criterion":"WCC-01A","status":"met"}]}""", "$.responses[0].status")]
    [InlineData("""{"framework":"world-class-commissioning","responses":[{"criterion":"WCC-01A","status":"not_applicable","level":2}]}""", "$.responses[0]")]
    [InlineData("""{"framework":"gp-consortium-readiness-2010","responses":[{"criterion":"GOV-01"}]}""", "$.responses[0]")]
    [InlineData("""{"framework":"gp-consortium-readiness-2010","responses":[{"criterion":"GOV-01","status":"met"},{"criterion":"GOV-01","status":"met"}]}""", "$.responses[1].criterion")]
    [InlineData("""{"framework":"gp-consortium-readiness-2010","responses":[{"criterion":"GOV-02","status":"not_applicable"}]}""", "$.responses[0].status")]
    [InlineData("""{"responses":[]}""", "$")]
    [InlineData("""{"framework":"gp-consortium-readiness-2010","frameworkDefinition":{},"responses":[]}""", "$")]
    [InlineData("""{"framework":"gp-consortium-readiness-2010"}""", "$.responses")]
    [InlineData("""{"framework":"gp-consortium-readiness-2010","responses":{}}""", "$.responses")]
    [InlineData("""{"frameworkDefinition":{"id":"x","version":1,"name":"X","scale":"status","fastMoverThreshold":75,"domainFloor":50,"domains":[{"id":"a","name":"A","weight":0}],"criteria":[{"id":"c","domain":"b","text":"C"}]},"responses":[]}""", "$.frameworkDefinition.domains[0].weight")]
    public async Task Invalid_input_is_a_400_problem_naming_each_problem_by_path(string body, string path)
    {
        var response = await PostAsync(body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        var paths = problem.GetProperty("problems").EnumerateArray().Select(p => p.GetProperty("path").GetString()).ToList();
        Assert.Contains(path, paths);
        Assert.All(problem.GetProperty("problems").EnumerateArray(), p => Assert.False(string.IsNullOrWhiteSpace(p.GetProperty("message").GetString())));
    }

    [Fact]
    public async Task Every_problem_is_reported_at_once_not_just_the_first()
    {
        var response = await PostAsync("""
            {"frameworkDefinition":{"id":"x","version":1,"name":"X","scale":"status","fastMoverThreshold":175,"domainFloor":50,
              "domains":[{"id":"a","name":"A","weight":0},{"id":"b","name":"B"}],"criteria":[{"id":"c","domain":"z","text":"C"}]},
             "responses":[]}
            """);

        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        var paths = problem.GetProperty("problems").EnumerateArray().Select(p => p.GetProperty("path").GetString()).ToList();
        Assert.Contains("$.frameworkDefinition.fastMoverThreshold", paths);
        Assert.Contains("$.frameworkDefinition.domains[0].weight", paths);
        Assert.Contains("$.frameworkDefinition.criteria[0].domain", paths);
        Assert.True(paths.Count >= 4, string.Join(", ", paths));
    }

    [Fact]
    public async Task Malformed_json_is_a_400_that_says_where()
    {
        var response = await PostAsync("""{"framework": "gp-consortium-readiness-2010", "responses": [ """);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("not valid JSON", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
    }

    [Fact]
    public async Task A_request_over_256_kb_is_refused_with_a_clear_message()
    {
        var padding = new string(' ', 257 * 1024);
        var response = await PostAsync("{\"framework\":\"gp-consortium-readiness-2010\",\"responses\":[]" + padding + "}");

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("256 KB", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
    }

    [Fact]
    public async Task A_framework_over_1000_criteria_is_refused_with_a_clear_message()
    {
        var criteria = new JsonArray(Enumerable.Range(0, FrameworkLoader.MaxCriteria + 1)
            .Select(i => (JsonNode)new JsonObject { ["id"] = $"C{i}", ["domain"] = "a", ["text"] = "x" }).ToArray());
        var body = new JsonObject
        {
            ["frameworkDefinition"] = new JsonObject
            {
                ["id"] = "big", ["version"] = 1, ["name"] = "Big", ["scale"] = "status", ["fastMoverThreshold"] = 75, ["domainFloor"] = 50,
                ["domains"] = new JsonArray(new JsonObject { ["id"] = "a", ["name"] = "A" }),
                ["criteria"] = criteria,
            },
            ["responses"] = new JsonArray(),
        };

        var response = await PostAsync(body.ToJsonString());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var messages = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("problems").EnumerateArray().Select(p => p.GetProperty("message").GetString()!);
        Assert.Contains(messages, m => m.Contains("1000", StringComparison.Ordinal) || m.Contains("1,000", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Anonymous_callers_get_401()
    {
        var response = await factory.CreateClient().PostAsJsonAsync("/api/scoring/evaluate", new { framework = Default, responses = Array.Empty<object>() });

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    private static Answer[] AllDefault(string status) =>
        ShippedFrameworks.Find(Default)!.Criteria.Select(c => new Answer(c.Id, status)).ToArray();

    private static IEnumerable<string> WccCriteria() => ShippedFrameworks.Find(Wcc)!.Criteria.Select(c => c.Id);

    private async Task<JsonElement> EvaluateOkAsync(object body)
    {
        var json = JsonSerializer.Serialize(body, JsonSerializerOptions.Web);
        var response = await PostAsync(json);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, text);
        return JsonDocument.Parse(text).RootElement;
    }

    private sealed record Answer(string criterion, string status);

    private Task<HttpResponseMessage> PostAsync(string json) =>
        _client.PostAsync("/api/scoring/evaluate", new StringContent(json, Encoding.UTF8, "application/json"));
}
