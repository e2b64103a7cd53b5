using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using TransitionTracker.Data;
using TransitionTracker.Data.Seeding;
using TransitionTracker.Domain.Frameworks;
using TransitionTracker.Web.Access;
using TransitionTracker.Web.Components.Pages.Admin.Frameworks;
using TransitionTracker.Web.Tests.Infrastructure;

namespace TransitionTracker.Web.Tests.Components.Pages.Admin.Frameworks;

/// <summary>
/// The framework upload live, on the app's real use cases and a database of its own: a bad file lists every problem
/// with where it is and stores nothing; a good one shows what it changes before anything is published; publishing
/// stores the next version and opens it; a circuit whose user is no administrator publishes nothing.
/// </summary>
public sealed class FrameworkUploadTests : MudComponentContext, IAsyncLifetime
{
    private const string Id = "gp-consortium-readiness-2010";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);
    private readonly TransitionTrackerFactory _factory = new();
    private readonly IServiceScope _scope;
    private readonly CurrentUser _current = new();

    public FrameworkUploadTests()
    {
        _scope = _factory.Services.CreateScope();
        _current.SignedIn(DemoUsers.ActingAsync(_factory, DemoAccountSeeder.Administrator).GetAwaiter().GetResult());
        Services.AddSingleton(_current);
        Services.AddFallbackServiceProvider(_scope.ServiceProvider);
    }

    [Fact]
    public async Task An_invalid_file_is_rejected_with_every_problem_listed_and_nothing_stored()
    {
        var page = RenderPage();
        const string invalid = """
            {"id":"gp-consortium-readiness-2010","version":1,"name":"Bad","scale":"status","fastMoverThreshold":120,"domainFloor":50,
             "domains":[{"id":"a","name":"A","weight":-1},{"id":"a","name":"Again"}],"criteria":[{"id":"c","domain":"nowhere","text":"C"}]}
            """;

        Upload(page, invalid, "bad.json");

        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("#file-problems li")), Patience);
        var problems = page.FindAll("#file-problems li").Select(li => li.TextContent).ToList();
        Assert.Contains(problems, p => p.StartsWith("$.fastMoverThreshold", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("$.domains[0].weight", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("$.domains[1].id", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("$.criteria[0].domain", StringComparison.Ordinal));
        Assert.StartsWith("bad.json was not published.", page.Find("#file-problems").TextContent.Trim(), StringComparison.Ordinal);
        Assert.Empty(page.FindAll("#publish"));
        Assert.Equal(2, await CountVersionsAsync());
    }

    [Fact]
    public async Task A_file_that_breaks_off_or_has_a_misplaced_character_is_explained_in_words_with_its_line()
    {
        var page = RenderPage();
        var cutShort = ShippedFrameworks.ReadJson(Id).TrimEnd().TrimEnd('}');
        var lastLine = cutShort.TrimEnd().Split('\n').Length;

        Upload(page, cutShort);
        page.WaitForAssertion(() => Assert.Equal(
            $"The framework is not valid JSON: the file ends too early, on line {lastLine}: a {{ or [ is not closed, or a value is missing at the end.",
            Assert.Single(page.FindAll("#file-problems li")).TextContent), Patience);

        Upload(page, "{\n  \"id\": \"x\"\n  \"name\": \"X\"\n}");
        page.WaitForAssertion(() => Assert.Equal(
            "The framework is not valid JSON: line 3, character 3 (“\"”): check for a missing or extra comma, colon, quote or bracket just before it.",
            Assert.Single(page.FindAll("#file-problems li")).TextContent), Patience);
        Assert.DoesNotContain("BytePositionInLine", page.Markup, StringComparison.Ordinal);

        Upload(page, "");
        page.WaitForAssertion(() => Assert.Equal("The file is empty: choose the framework's JSON file.", Assert.Single(page.FindAll("#file-problems li")).TextContent), Patience);
        Assert.Equal(2, await CountVersionsAsync());
    }

    [Fact]
    public async Task A_file_identical_to_the_published_version_says_so_and_offers_nothing_to_publish()
    {
        var page = RenderPage();

        Upload(page, ShippedFrameworks.ReadJson(Id));

        page.WaitForAssertion(() => Assert.Equal(
            $"This file is identical to version 1 of “{ShippedFrameworks.DefaultFramework.Name}”, which is already published: there is nothing new to publish.",
            Assert.Single(page.FindAll("#file-problems li")).TextContent), Patience);
        Assert.Equal("Upload a framework", page.Find("h1").TextContent);
        Assert.Empty(page.FindAll("#publish"));
        Assert.Equal(2, await CountVersionsAsync());
    }

    [Fact]
    public async Task A_valid_file_shows_what_it_changes_then_is_published_as_a_new_version_and_opened()
    {
        var page = RenderPage();
        var edited = JsonNode.Parse(ShippedFrameworks.ReadJson(Id))!.AsObject();
        edited["fastMoverThreshold"] = 90;
        edited["name"] = "GP consortium transition readiness (2010), stricter";

        Upload(page, edited.ToJsonString());

        page.WaitForAssertion(() => Assert.Equal("Check the framework before publishing", page.Find("h1").TextContent), Patience);
        var changes = page.FindAll("#framework-changes tbody tr").Select(r => r.TextContent.Trim()).ToList();
        Assert.Equal(2, changes.Count);
        Assert.Contains(changes, c => c.Contains("Name", StringComparison.Ordinal) && c.Contains("→ GP consortium transition readiness (2010), stricter", StringComparison.Ordinal));
        Assert.Contains(changes, c => c.Contains("Fast mover threshold", StringComparison.Ordinal) && c.Contains("75 → 90", StringComparison.Ordinal));
        Assert.Equal("Publish version 2", page.Find("#publish").TextContent.Trim());
        Assert.Equal(ShippedFrameworks.DefaultFramework.Criteria.Count, page.FindAll(".app-framework-criteria li").Count);
        Assert.Equal(2, await CountVersionsAsync());

        await page.Find("#publish").ClickAsync(new());

        var navigation = Services.GetRequiredService<NavigationManager>();
        page.WaitForAssertion(() => Assert.EndsWith($"/admin/frameworks/{Id}?version=2", navigation.Uri, StringComparison.Ordinal), Patience);
        Assert.Equal("Published version 2 of GP consortium transition readiness (2010), stricter.", Assert.Single(Snackbars.ShownSnackbars).Message);
        Assert.Equal(3, await CountVersionsAsync());
        var client = _factory.CreateClientFor(DemoAccountSeeder.Administrator);
        var latest = await client.GetFromJsonAsync<JsonElement>($"/api/frameworks/{Id}");
        var first = await client.GetFromJsonAsync<JsonElement>($"/api/frameworks/{Id}?version=1");
        Assert.Equal(2, latest.GetProperty("version").GetInt32());
        Assert.Equal(90, latest.GetProperty("fastMoverThreshold").GetDouble());
        Assert.Equal(75, first.GetProperty("fastMoverThreshold").GetDouble());
        Assert.Equal(1, await AuditCountAsync());
    }

    [Fact]
    public async Task A_circuit_whose_user_is_no_administrator_publishes_nothing_whatever_the_page_shows()
    {
        var page = RenderPage();
        var edited = JsonNode.Parse(ShippedFrameworks.ReadJson(Id))!.AsObject();
        edited["fastMoverThreshold"] = 90;
        Upload(page, edited.ToJsonString());
        page.WaitForAssertion(() => page.Find("#publish"), Patience);

        // As if the page had been reached without the right (a circuit accepts any event its client sends).
        _current.Set(await DemoUsers.ActingAsync(_factory, DemoAccountSeeder.National));
        await page.Find("#publish").ClickAsync(new());

        page.WaitForAssertion(() => Assert.Equal("You can no longer publish frameworks. Nothing was published.", Assert.Single(page.FindAll("#file-problems li")).TextContent), Patience);
        Assert.Equal(2, await CountVersionsAsync());
        Assert.Empty(Snackbars.ShownSnackbars);
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        _scope.Dispose();
        await _factory.DisposeAsync();
    }

    private ISnackbar Snackbars => Services.GetRequiredService<ISnackbar>();

    private IRenderedComponent<FrameworkUpload> RenderPage()
    {
        var page = RenderInteractive<FrameworkUpload>();
        page.WaitForAssertion(() => Assert.Equal("true", page.Find(".app-framework-upload").GetAttribute("data-live")), Patience);
        return page;
    }

    private static void Upload(IRenderedComponent<FrameworkUpload> page, string json, string name = "framework.json") =>
        page.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromText(json, name));

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
