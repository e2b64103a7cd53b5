using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TransitionTracker.Data;
using TransitionTracker.Data.Seeding;
using TransitionTracker.Domain.Frameworks;
using TransitionTracker.Web.Tests.Infrastructure;

namespace TransitionTracker.Web.Tests.Components.Pages.Admin.Frameworks;

public sealed class FrameworkUploadTests : IDisposable
{
    private readonly TransitionTrackerFactory _factory = new();

    [Fact]
    public async Task An_invalid_file_is_rejected_with_every_problem_listed_and_nothing_stored()
    {
        var client = _factory.CreateClientFor(DemoAccountSeeder.Administrator);
        const string invalid = """
            {"id":"gp-consortium-readiness-2010","version":1,"name":"Bad","scale":"status","fastMoverThreshold":120,"domainFloor":50,
             "domains":[{"id":"a","name":"A","weight":-1},{"id":"a","name":"Again"}],"criteria":[{"id":"c","domain":"nowhere","text":"C"}]}
            """;

        var page = await HtmlPage.ParseAsync(await (await UploadAsync(client, invalid)).Content.ReadAsStringAsync());

        var problems = page.QuerySelectorAll(".nhsuk-error-summary__list a").Select(a => a.Text()).ToList();
        Assert.Contains(problems, p => p.StartsWith("$.fastMoverThreshold", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("$.domains[0].weight", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("$.domains[1].id", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("$.criteria[0].domain", StringComparison.Ordinal));
        Assert.Equal(2, await CountVersionsAsync());
    }

    [Fact]
    public async Task A_file_that_is_not_json_or_is_missing_is_explained()
    {
        var client = _factory.CreateClientFor(DemoAccountSeeder.Administrator);

        var notJson = await HtmlPage.ParseAsync(await (await UploadAsync(client, "this is not json")).Content.ReadAsStringAsync());
        var missing = await HtmlPage.ParseAsync(await (await UploadAsync(client, null)).Content.ReadAsStringAsync());

        Assert.NotEmpty(notJson.QuerySelectorAll(".nhsuk-error-summary__list a"));
        Assert.Equal("Select a framework JSON file", missing.QuerySelector(".nhsuk-error-summary__list a")!.Text());
    }

    [Fact]
    public async Task A_file_that_breaks_off_part_way_is_explained_in_words_with_its_line_not_the_parsers_text()
    {
        var client = _factory.CreateClientFor(DemoAccountSeeder.Administrator);
        var cutShort = ShippedFrameworks.ReadJson("gp-consortium-readiness-2010").TrimEnd().TrimEnd('}');
        var lastLine = cutShort.TrimEnd().Split('\n').Length;

        var page = await HtmlPage.ParseAsync(await (await UploadAsync(client, cutShort)).Content.ReadAsStringAsync());

        var problem = Assert.Single(page.QuerySelectorAll(".nhsuk-error-summary__list a")).Text();
        Assert.Equal($"The framework is not valid JSON: the file ends too early, on line {lastLine}: a {{ or [ is not closed, or a value is missing at the end.", problem);
        Assert.Equal(2, await CountVersionsAsync());
    }

    [Fact]
    public async Task A_misplaced_character_is_named_with_its_line_and_character()
    {
        var client = _factory.CreateClientFor(DemoAccountSeeder.Administrator);
        const string missingComma = "{\n  \"id\": \"x\"\n  \"name\": \"X\"\n}";

        var page = await HtmlPage.ParseAsync(await (await UploadAsync(client, missingComma)).Content.ReadAsStringAsync());

        var problem = Assert.Single(page.QuerySelectorAll(".nhsuk-error-summary__list a")).Text();
        Assert.Equal("The framework is not valid JSON: line 3, character 3 (“\"”): check for a missing or extra comma, colon, quote or bracket just before it.", problem);
        Assert.DoesNotContain("BytePositionInLine", page.Body!.Text(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_file_identical_to_the_published_version_says_so_and_offers_nothing_to_publish()
    {
        var client = _factory.CreateClientFor(DemoAccountSeeder.Administrator);

        var page = await HtmlPage.ParseAsync(await (await UploadAsync(client, ShippedFrameworks.ReadJson("gp-consortium-readiness-2010"))).Content.ReadAsStringAsync());

        Assert.Equal("Upload a framework", page.QuerySelector("h1")!.Text());
        Assert.Equal(
            $"This file is identical to version 1 of “{ShippedFrameworks.DefaultFramework.Name}”, which is already published: there is nothing new to publish.",
            Assert.Single(page.QuerySelectorAll(".nhsuk-error-summary__list a")).Text());
        Assert.DoesNotContain("Publish version", page.Body!.Text(), StringComparison.Ordinal);
        Assert.Equal(2, await CountVersionsAsync());
    }

    [Fact]
    public async Task A_valid_file_is_previewed_then_published_as_a_new_version_and_the_old_version_is_unchanged()
    {
        var client = _factory.CreateClientFor(DemoAccountSeeder.Administrator);
        var edited = JsonNode.Parse(ShippedFrameworks.ReadJson("gp-consortium-readiness-2010"))!.AsObject();
        edited["fastMoverThreshold"] = 90;
        edited["name"] = "GP consortium transition readiness (2010), stricter";

        var preview = await HtmlPage.ParseAsync(await (await UploadAsync(client, edited.ToJsonString())).Content.ReadAsStringAsync());
        Assert.Equal("Check the framework before publishing", preview.QuerySelector("h1")!.Text());
        Assert.Equal(2, await CountVersionsAsync());

        var publishForm = preview.QuerySelectorAll("form").Single(f => f.QuerySelector("input[name=definition]") is not null);
        Assert.Equal("Publish version 2", publishForm.QuerySelector("button")!.Text());
        var published = await client.PostAsync("/admin/frameworks/upload", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = FormPost.Token(publishForm),
            ["_handler"] = "framework",
            ["definition"] = publishForm.QuerySelector("input[name=definition]")!.GetAttribute("value")!,
        }));

        Assert.Equal(HttpStatusCode.Redirect, published.StatusCode);
        Assert.Equal(3, await CountVersionsAsync());
        var latest = await client.GetFromJsonAsync<JsonElement>("/api/frameworks/gp-consortium-readiness-2010");
        var first = await client.GetFromJsonAsync<JsonElement>("/api/frameworks/gp-consortium-readiness-2010?version=1");
        Assert.Equal(2, latest.GetProperty("version").GetInt32());
        Assert.Equal(90, latest.GetProperty("fastMoverThreshold").GetDouble());
        Assert.Equal(75, first.GetProperty("fastMoverThreshold").GetDouble());

        // The scorer now uses version 2 unless version 1 is asked for.
        // Partnership, patients, workforce and quality half done: (3 × 2 × 100 + 1.5 × 100 + 1.5 × 50 + 3 × 50) / 12 = 81.25.
        string[] halfDone = ["partnership", "patients-public", "workforce", "quality-performance"];
        var answers = ShippedFrameworks.DefaultFramework.Criteria
            .Select(c => new { criterion = c.Id, status = halfDone.Contains(c.DomainId) ? "in_progress" : "met" }).ToArray();
        var now = await EvaluateAsync(client, new { framework = "gp-consortium-readiness-2010", responses = answers });
        var then = await EvaluateAsync(client, new { framework = "gp-consortium-readiness-2010", version = 1, responses = answers });
        Assert.Equal("needs-support", now.GetProperty("track").GetString());
        Assert.Equal("fast-mover", then.GetProperty("track").GetString());

        var audited = await AuditCountAsync();
        Assert.Equal(1, audited);
    }

    [Fact]
    public async Task Only_administrators_reach_the_upload_page()
    {
        var manager = _factory.CreateClientFor(DemoAccountSeeder.PctManager("5D7"));

        Assert.Equal(HttpStatusCode.NotFound, (await manager.GetAsync("/admin/frameworks/upload")).StatusCode);
        var post = await UploadAsync(manager, ShippedFrameworks.ReadJson("gp-consortium-readiness-2010"));
        Assert.True(post.StatusCode == HttpStatusCode.NotFound, await post.Content.ReadAsStringAsync());
        Assert.Equal(2, await CountVersionsAsync());
    }

    public void Dispose() => _factory.Dispose();

    private static async Task<JsonElement> EvaluateAsync(HttpClient client, object body)
    {
        var response = await client.PostAsJsonAsync("/api/scoring/evaluate", body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, text);
        return JsonDocument.Parse(text).RootElement;
    }

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, string? json)
    {
        var (_, page) = await HtmlPage.GetAsync(client, "/admin/frameworks/upload");
        var form = page.QuerySelector("form[enctype='multipart/form-data']");
        var content = new MultipartFormDataContent
        {
            // Someone who cannot open the page has no token to send; the policy refuses them before antiforgery would.
            { new StringContent(form is null ? "" : FormPost.Token(form)), "__RequestVerificationToken" },
            { new StringContent("framework"), "_handler" },
        };
        if (json is not null)
        {
            content.Add(new ByteArrayContent(Encoding.UTF8.GetBytes(json)), "file", "framework.json");
        }

        return await client.PostAsync("/admin/frameworks/upload", content);
    }

    private async Task<int> CountVersionsAsync()
    {
        using var scope = _factory.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<TransitionTrackerDbContext>().Frameworks.CountAsync();
    }

    private async Task<int> AuditCountAsync()
    {
        using var scope = _factory.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<TransitionTrackerDbContext>().AuditEntries
            .CountAsync(a => a.EntityType == "StoredFramework" && a.Actor == DemoAccountSeeder.Administrator);
    }
}
