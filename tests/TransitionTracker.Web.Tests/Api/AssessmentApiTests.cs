using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using TransitionTracker.Data.Seeding;
using TransitionTracker.Domain.Frameworks;
using TransitionTracker.Web.Tests.Infrastructure;

namespace TransitionTracker.Web.Tests.Api;

public sealed class AssessmentApiTests : IDisposable
{
    private const string Current = "/api/consortia/00H/assessments/current";
    private readonly TransitionTrackerFactory _factory = new();

    [Fact]
    public async Task A_script_replaces_the_draft_in_bulk_submits_it_and_reads_the_history()
    {
        var manager = _factory.CreateClientFor(DemoAccountSeeder.PctManager("5D7"));
        Assert.Equal(HttpStatusCode.NotFound, (await manager.GetAsync(Current)).StatusCode);

        var responses = ShippedFrameworks.DefaultFramework.Criteria.Select(c => new { criterion = c.Id, status = "met" }).ToArray();
        var put = await manager.PutAsJsonAsync(Current, new { responses });
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        var draft = await put.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("draft", draft.GetProperty("status").GetString());
        Assert.Equal(responses.Length, draft.GetProperty("responses").GetArrayLength());

        var revision = draft.GetProperty("revision").GetInt32();
        var submit = await manager.PostAsJsonAsync(Current + "/submit", new { revision });
        Assert.Equal(HttpStatusCode.OK, submit.StatusCode);
        var submitted = await submit.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("submitted", submitted.GetProperty("status").GetString());
        Assert.Equal(100, submitted.GetProperty("result").GetProperty("score").GetDouble());

        var history = await manager.GetFromJsonAsync<JsonElement[]>("/api/consortia/00H/assessments");
        var only = history![0];
        Assert.Equal(submitted.GetProperty("id").GetInt32(), only.GetProperty("id").GetInt32());
        Assert.Equal("gp-consortium-readiness-2010", only.GetProperty("framework").GetString());
        Assert.Equal(DemoAccountSeeder.PctManager("5D7"), only.GetProperty("submittedBy").GetString());
        Assert.Equal("fast-mover", only.GetProperty("result").GetProperty("track").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await manager.GetAsync(Current)).StatusCode);
    }

    [Fact]
    public async Task A_stale_revision_is_a_409_problem_and_changes_nothing()
    {
        var manager = _factory.CreateClientFor(DemoAccountSeeder.PctManager("5D7"));
        var first = await (await manager.PutAsJsonAsync(Current, new { responses = new[] { new { criterion = "GOV-01", status = "met" } } })).Content.ReadFromJsonAsync<JsonElement>();
        var stale = first.GetProperty("revision").GetInt32();
        await manager.PutAsJsonAsync(Current, new { revision = stale, responses = new[] { new { criterion = "GOV-01", status = "in_progress" } } });

        var conflict = await manager.PutAsJsonAsync(Current, new { revision = stale, responses = new[] { new { criterion = "GOV-01", status = "not_started" } } });
        var submitConflict = await manager.PostAsJsonAsync(Current + "/submit", new { revision = stale });

        Assert.Equal(HttpStatusCode.Conflict, conflict.StatusCode);
        Assert.Equal("application/problem+json", conflict.Content.Headers.ContentType!.MediaType);
        Assert.Equal(HttpStatusCode.Conflict, submitConflict.StatusCode);
        var current = await manager.GetFromJsonAsync<JsonElement>(Current);
        Assert.Equal("in_progress", Assert.Single(current.GetProperty("responses").EnumerateArray()).GetProperty("status").GetString());
        Assert.Equal("draft", current.GetProperty("status").GetString());
    }

    [Fact]
    public async Task A_bulk_update_without_the_revision_of_an_existing_draft_is_a_428_problem_and_changes_nothing()
    {
        var first = _factory.CreateClientFor(DemoAccountSeeder.PctManager("5D7"));
        var second = _factory.CreateClientFor(DemoAccountSeeder.PctManager("5D7"));
        Assert.Equal(HttpStatusCode.OK, (await first.PutAsJsonAsync(Current, new { responses = new[] { new { criterion = "GOV-01", status = "met" } } })).StatusCode);

        var blind = await second.PutAsJsonAsync(Current, new { responses = new[] { new { criterion = "GOV-02", status = "not_started" } } });

        Assert.Equal(HttpStatusCode.PreconditionRequired, blind.StatusCode);
        Assert.Equal("application/problem+json", blind.Content.Headers.ContentType!.MediaType);
        Assert.Contains("revision", (await blind.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
        var current = await first.GetFromJsonAsync<JsonElement>(Current);
        var only = Assert.Single(current.GetProperty("responses").EnumerateArray());
        Assert.Equal(("GOV-01", "met"), (only.GetProperty("criterion").GetString(), only.GetProperty("status").GetString()));
    }

    [Theory]
    [InlineData("""{"responses":[{"criterion":"GOV-01","status":"met","evidence":5}]}""", "$.responses[0].evidence")]
    [InlineData("""{"responses":[{"criterion":"GOV-02","status":"not_applicable"}]}""", "$.responses[0].status")]
    [InlineData("""{"responses":[{"criterion":"NOPE","status":"met"}]}""", "$.responses[0].criterion")]
    [InlineData("""{"revision":"x","responses":[]}""", "$.revision")]
    [InlineData("""{"framework":"unknown","responses":[]}""", "$.framework")]
    [InlineData("""[]""", "$")]
    public async Task Invalid_bulk_updates_are_400_problems_and_store_nothing(string body, string path)
    {
        var manager = _factory.CreateClientFor(DemoAccountSeeder.PctManager("5D7"));

        var response = await manager.PutAsync(Current, new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains(path, problem.GetProperty("problems").EnumerateArray().Select(p => p.GetProperty("path").GetString()));
        Assert.Equal(HttpStatusCode.NotFound, (await manager.GetAsync(Current)).StatusCode);
    }

    [Fact]
    public async Task Only_pct_managers_in_scope_may_change_the_draft()
    {
        var lead = _factory.CreateClientFor(DemoAccountSeeder.ConsortiumLead("00H"));
        var otherManager = _factory.CreateClientFor(DemoAccountSeeder.PctManager("5D8"));

        Assert.Equal(HttpStatusCode.NotFound, (await lead.PutAsJsonAsync(Current, new { responses = Array.Empty<object>() })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await otherManager.PutAsJsonAsync(Current, new { responses = Array.Empty<object>() })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await lead.GetAsync("/api/consortia/00H/assessments")).StatusCode);
    }

    [Fact]
    public async Task A_script_saves_some_answers_as_the_checklist_does_with_the_same_rules_and_revision()
    {
        var manager = _factory.CreateClientFor(DemoAccountSeeder.PctManager("5D7"));
        var started = await manager.PutAsJsonAsync(Current, new { responses = Array.Empty<object>() });
        var revision = (await started.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("revision").GetInt32();
        var patch = Current + "/answers";

        var refused = await manager.PatchAsJsonAsync(patch, new
        {
            revision,
            answers = new object[]
            {
                new { criterion = "GOV-01", answer = "met", evidence = "Board minutes" },
                new { criterion = "GOV-02", answer = "not_applicable" },
            },
        });
        var saved = await manager.PatchAsJsonAsync(patch, new
        {
            revision,
            answers = new object[] { new { criterion = "GOV-01", answer = "met", evidence = "Board minutes" }, new { criterion = "GOV-02", answer = "in_progress" } },
        });
        var stale = await manager.PatchAsJsonAsync(patch, new { revision, answers = new object[] { new { criterion = "GOV-03", answer = "met" } } });
        var blind = await manager.PatchAsJsonAsync(patch, new { answers = new object[] { new { criterion = "GOV-03", answer = "met" } } });

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var problem = Assert.Single((await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("problems").EnumerateArray());
        Assert.Equal("$.answers[1].answer", problem.GetProperty("path").GetString());
        Assert.Contains("essential", problem.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        var draft = await saved.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(revision + 1, draft.GetProperty("revision").GetInt32());
        var gov01 = draft.GetProperty("responses").EnumerateArray().Single(r => r.GetProperty("criterion").GetString() == "GOV-01");
        Assert.Equal(("met", "Board minutes"), (gov01.GetProperty("status").GetString(), gov01.GetProperty("evidence").GetString()));
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, blind.StatusCode);
        Assert.Equal(2, (await manager.GetFromJsonAsync<JsonElement>(Current)).GetProperty("responses").GetArrayLength());
    }

    public void Dispose() => _factory.Dispose();
}
