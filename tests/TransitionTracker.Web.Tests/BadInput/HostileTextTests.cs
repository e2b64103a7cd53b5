using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using TransitionTracker.Application.Lessons;
using TransitionTracker.Application.Transition;
using TransitionTracker.Web.Tests.Infrastructure;

namespace TransitionTracker.Web.Tests.BadInput;

/// <summary>
/// Free text may legitimately hold markup, quotes, SQL or template syntax: it is stored exactly as typed and
/// shown escaped wherever it appears, so it never runs as script, SQL or a template.
/// </summary>
// Its own app: these posts are accepted and change the data the refusal tests watch.
public sealed class HostileTextTests : IClassFixture<TransitionTrackerFactory>
{
    private const string Assessment = "/consortia/00G/assessments/" + BadInputApp.Framework;

    private readonly TransitionTrackerFactory _factory;

    public HostileTextTests(TransitionTrackerFactory factory) => _factory = factory;

    [Theory]
    [InlineData("lesson title")]
    [InlineData("lesson body")]
    [InlineData("declared interest")]
    public async Task Hostile_text_entered_in_an_editor_is_stored_as_typed_and_shown_escaped(string field)
    {
        // Entered in the lesson or declared-interest editor, which calls the use case in the circuit.
        var (who, shownOn) = await EnterHostileAsync(field);
        using var client = _factory.CreateClientFor(who);

        foreach (var url in shownOn)
        {
            using var response = await client.GetAsync(url);
            var html = await response.Content.ReadAsStringAsync();

            Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {url}: {(int)response.StatusCode}");
            Assert.DoesNotContain(BadValues.Script, html, StringComparison.Ordinal);
            Assert.DoesNotContain("<img src=x", html, StringComparison.Ordinal);
            var page = await HtmlPage.ParseAsync(html);
            var shown = page.Body!.TextContent + string.Concat(page.QuerySelectorAll("input, textarea").Select(i => i.GetAttribute("value") ?? i.TextContent));
            Assert.Contains(BadValues.AllHostile, shown, StringComparison.Ordinal);
        }
    }

    private async Task<(string Who, string[] ShownOn)> EnterHostileAsync(string field)
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        if (field.StartsWith("lesson", StringComparison.Ordinal))
        {
            var lead = await DemoUsers.ActingAsync(_factory, BadInputCatalogue.Lead);
            var lesson = field == "lesson title"
                ? new LessonForm { Domain = "governance", Title = BadValues.AllHostile, Body = "A lesson." }
                : new LessonForm { Domain = "governance", Title = "A hostile lesson", Body = BadValues.AllHostile };
            var written = await scope.ServiceProvider.GetRequiredService<LessonLibrary>().AddAsync(lead, "00G", lesson, CancellationToken.None);
            Assert.True(written.IsSaved, string.Join("; ", written.Problems.Select(p => p.Message)));
            return (BadInputCatalogue.Lead, ["/consortia/00G/lessons"]);
        }

        var manager = await DemoUsers.ActingAsync(_factory, BadInputCatalogue.Manager);
        var entry = new DeclaredInterestForm { Person = "Dr H Ostile", Interest = BadValues.AllHostile, DeclaredDay = "1", DeclaredMonth = "2", DeclaredYear = "2011", Management = "Declared" };
        var declared = await scope.ServiceProvider.GetRequiredService<InterestRegister>().AddAsync(manager, "00G", entry, CancellationToken.None);
        Assert.True(declared.IsSaved, string.Join("; ", declared.Problems.Select(p => p.Message)));
        return (BadInputCatalogue.Manager, ["/consortia/00G/register", "/consortia/00G/changes", $"/consortia/00G/register/{declared.SavedId}"]);
    }

    [Fact]
    public async Task Hostile_evidence_is_stored_as_typed_and_the_checklist_shows_it_escaped()
    {
        using var client = _factory.CreateClientFor(BadInputCatalogue.Manager);
        var body = JsonSerializer.Serialize(new { responses = new[] { new { criterion = "GOV-01", status = "met", evidence = BadValues.AllHostile } } });
        using var saved = await client.PutAsync("/api/consortia/00G/assessments/current", new StringContent(body, Encoding.UTF8, "application/json"));
        Assert.True(saved.StatusCode == HttpStatusCode.OK, $"{(int)saved.StatusCode}: {await saved.Content.ReadAsStringAsync()}");

        using var response = await client.GetAsync(Assessment + "?domain=governance");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain(BadValues.Script, html, StringComparison.Ordinal);
        Assert.DoesNotContain("<img src=x", html, StringComparison.Ordinal);
        var page = await HtmlPage.ParseAsync(html);
        var evidence = page.QuerySelector("#evidence-GOV-01")!;
        Assert.Equal(BadValues.AllHostile, evidence.GetAttribute("value") ?? evidence.TextContent);
    }

    [Fact]
    public async Task A_hostile_track_decision_reason_is_stored_as_typed_and_shown_escaped()
    {
        // Entered in the consortium page's dialog, which calls the use case in the circuit.
        var decided = await Components.Pages.Consortia.TrackDecisionTests.DecideAsync(_factory.Services, BadInputCatalogue.Regional, "00G", "needs-support", BadValues.AllHostile);
        Assert.True(decided.IsSaved);
        using var client = _factory.CreateClientFor(BadInputCatalogue.Regional);

        using var response = await client.GetAsync("/consortia/00G");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain(BadValues.Script, html, StringComparison.Ordinal);
        Assert.DoesNotContain("<img src=x", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", html, StringComparison.Ordinal);
        var page = await HtmlPage.ParseAsync(html);
        Assert.Contains(BadValues.AllHostile, page.QuerySelector("#track")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_hostile_support_action_is_stored_as_typed_and_shown_escaped()
    {
        // Entered in the support action editor, which calls the use case in the circuit.
        var added = await Components.Pages.Consortia.Actions.ActionForms.AddAsync(_factory, BadInputCatalogue.Manager, "00G",
            Components.Pages.Consortia.Actions.ActionForms.Form("GOV-02", BadValues.AllHostile, BadValues.AllHostile, "31", "3", "2011"));
        Assert.True(added.IsSaved, string.Join("; ", added.Problems.Select(p => p.Message)));
        using var client = _factory.CreateClientFor(BadInputCatalogue.Manager);

        foreach (var url in new[] { "/consortia/00G/actions", "/consortia/00G/changes", $"/consortia/00G/actions/{added.SavedId}" })
        {
            using var response = await client.GetAsync(url);
            var html = await response.Content.ReadAsStringAsync();

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.DoesNotContain(BadValues.Script, html, StringComparison.Ordinal);
            Assert.DoesNotContain("<img src=x", html, StringComparison.Ordinal);
            Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", html, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_hostile_planned_function_and_staff_transfer_are_stored_as_typed_and_shown_escaped()
    {
        // Entered in the plan editors, which call the use case in the circuit.
        var function = await Components.Pages.Consortia.Plan.PlanEdits.AddFunctionAsync(_factory, BadInputCatalogue.Manager, "00G",
            Components.Pages.Consortia.Plan.PlanEdits.Function(BadValues.AllHostile));
        var transfer = await Components.Pages.Consortia.Plan.PlanEdits.AddTransferAsync(_factory, BadInputCatalogue.Manager, "00G",
            Components.Pages.Consortia.Plan.PlanEdits.Transfer(BadValues.AllHostile, "3", "LocalAuthority"));
        using var client = _factory.CreateClientFor(BadInputCatalogue.Manager);

        foreach (var url in new[] { "/consortia/00G/plan", "/consortia/00G/changes", $"/consortia/00G/plan/functions/{function}", $"/consortia/00G/plan/staff/{transfer}" })
        {
            using var response = await client.GetAsync(url);
            var html = await response.Content.ReadAsStringAsync();

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.DoesNotContain(BadValues.Script, html, StringComparison.Ordinal);
            Assert.DoesNotContain("<img src=x", html, StringComparison.Ordinal);
            Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", html, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_hostile_user_name_is_stored_as_typed_and_shown_escaped()
    {
        // Entered in the create-user page, which calls the use case in the circuit.
        var created = await AdminAccounts.ChangeAsync(_factory.Services, async (accounts, admin) =>
            await accounts.CreateAsync(admin, "hostile.name@example.nhs.uk", BadValues.AllHostile, "Commissioning-2011", CancellationToken.None));
        Assert.True(created.IsSaved, string.Join("; ", created.Problems.Select(p => p.Message)));
        var id = await AdminAccounts.UserIdAsync(_factory.Services, "hostile.name@example.nhs.uk");
        using var client = _factory.CreateClientFor(BadInputCatalogue.Admin);

        foreach (var url in new[] { $"/admin/users/{id}", "/admin/users?q=hostile.name" })
        {
            using var response = await client.GetAsync(url);
            var html = await response.Content.ReadAsStringAsync();

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.DoesNotContain(BadValues.Script, html, StringComparison.Ordinal);
            Assert.DoesNotContain("<img src=x", html, StringComparison.Ordinal);
            Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", html, StringComparison.Ordinal);
            var page = await HtmlPage.ParseAsync(html);
            Assert.Contains(BadValues.AllHostile, page.Body!.TextContent, StringComparison.Ordinal);
        }
    }
}
