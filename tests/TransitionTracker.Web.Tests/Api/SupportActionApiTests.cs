using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using TransitionTracker.Data.Seeding;
using TransitionTracker.Web.Tests.Infrastructure;

namespace TransitionTracker.Web.Tests.Api;

public sealed class SupportActionApiTests : IDisposable
{
    private const string Actions = "/api/consortia/00G/actions";
    private readonly TransitionTrackerFactory _factory = new();

    [Fact]
    public async Task A_script_adds_an_action_changes_it_with_its_revision_and_a_stale_change_is_a_409()
    {
        var manager = _factory.CreateClientFor(DemoAccountSeeder.PctManager("5D7"));

        var added = await manager.PostAsJsonAsync(Actions, new { criterion = "GOV-01", description = "Agree the governance structure", owner = "PCT board secretary", dueOn = "2030-06-30" });

        Assert.Equal(HttpStatusCode.OK, added.StatusCode);
        var action = await added.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(("GOV-01", "2030-06-30", "NotStarted"), (action.GetProperty("criterion").GetString(), action.GetProperty("dueOn").GetString(), action.GetProperty("status").GetString()));
        var url = $"{Actions}/{action.GetProperty("id").GetInt32()}";
        var revision = action.GetProperty("revision").GetInt32();

        var changed = await manager.PutAsJsonAsync(url, new { criterion = "GOV-01", description = "Agree the governance structure", owner = "PCT board secretary", dueOn = "2030-06-30", status = "Done", revision });
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.Equal("Done", (await changed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());

        var stale = await manager.PutAsJsonAsync(url, new { criterion = "GOV-01", description = "Written over", owner = "PCT board secretary", dueOn = "2030-06-30", status = "InProgress", revision });
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        var listed = (await manager.GetFromJsonAsync<JsonElement[]>(Actions))!.Single(a => a.GetProperty("id").GetInt32() == action.GetProperty("id").GetInt32());
        Assert.Equal(("Done", "Agree the governance structure"), (listed.GetProperty("status").GetString(), listed.GetProperty("description").GetString()));
    }

    [Theory]
    [InlineData("""{"criterion":"GOV-01","description":"","owner":"PCT","dueOn":"2030-06-30"}""", "$.description")]
    [InlineData("""{"criterion":"NOPE-99","description":"An action","owner":"PCT","dueOn":"2030-06-30"}""", "$.criterion")]
    [InlineData("""{"criterion":"GOV-01","description":"An action","owner":"PCT","dueOn":"30/06/2030"}""", "$.dueOn")]
    [InlineData("""{"criterion":"GOV-01","description":"An action","owner":"PCT"}""", "$.dueOn")]
    [InlineData("""{"criterion":"GOV-01","description":5,"owner":"PCT","dueOn":"2030-06-30"}""", "$.description")]
    public async Task Invalid_actions_are_400_problems_naming_the_field_and_add_nothing(string body, string path)
    {
        var manager = _factory.CreateClientFor(DemoAccountSeeder.PctManager("5D7"));
        var before = await manager.GetStringAsync(Actions);

        var response = await manager.PostAsync(Actions, new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problems = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("problems").EnumerateArray().Select(p => p.GetProperty("path").GetString());
        Assert.Contains(path, problems);
        Assert.Equal(before, await manager.GetStringAsync(Actions));
    }

    [Fact]
    public async Task Only_pct_managers_in_scope_add_or_change_actions()
    {
        var manager = _factory.CreateClientFor(DemoAccountSeeder.PctManager("5D7"));
        var before = await manager.GetStringAsync(Actions);
        var body = new { criterion = "GOV-01", description = "Not mine to add", owner = "Someone", dueOn = "2030-06-30" };

        foreach (var email in new[] { DemoAccountSeeder.ConsortiumLead("00G"), DemoAccountSeeder.Regional("Q30"), DemoAccountSeeder.PctManager("5D8"), DemoAccountSeeder.National })
        {
            var response = await _factory.CreateClientFor(email).PostAsJsonAsync(Actions, body);
            Assert.True(response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Forbidden, $"{email}: {response.StatusCode}");
        }

        Assert.Equal(before, await manager.GetStringAsync(Actions));
    }

    public void Dispose() => _factory.Dispose();
}
