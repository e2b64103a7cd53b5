using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using TransitionTracker.Data.Seeding;
using TransitionTracker.Web.Tests.Infrastructure;

namespace TransitionTracker.Web.Tests.Api;

public sealed class TransitionPlanApiTests : IDisposable
{
    private const string Plan = "/api/consortia/00G/plan";
    private static readonly string[] Milestones = ["shadowFormed", "pathfinder", "delegatedBudget", "authorised"];
    private readonly TransitionTrackerFactory _factory = new();

    [Fact]
    public async Task A_script_adds_a_function_changes_it_twice_with_the_returned_revision_and_a_stale_change_is_a_409()
    {
        var manager = _factory.CreateClientFor(DemoAccountSeeder.PctManager("5D7"));

        var added = await manager.PostAsJsonAsync($"{Plan}/functions", new { name = "Continuing care", receivingBody = "NhsCommissioningBoard", status = "NotStarted", targetOn = "2012-03-31" });

        Assert.Equal(HttpStatusCode.OK, added.StatusCode);
        var function = await added.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(("Continuing care", "NhsCommissioningBoard", "NotStarted", "2012-03-31"), (Text(function, "name"), Text(function, "receivingBody"), Text(function, "status"), Text(function, "targetOn")));
        var id = function.GetProperty("id").GetInt32();
        var url = $"{Plan}/functions/{id}";
        var read = function.GetProperty("revision").GetInt32();

        var first = await manager.PutAsJsonAsync(url, new { name = "Continuing care", receivingBody = "NhsCommissioningBoard", status = "InProgress", targetOn = "2012-03-31", revision = read });
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var changed = await first.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("InProgress", Text(changed, "status"));
        Assert.NotEqual(read, changed.GetProperty("revision").GetInt32());

        var second = await manager.PutAsJsonAsync(url, new { name = "Continuing care", receivingBody = "NhsCommissioningBoard", status = "Transferred", targetOn = (string?)null, revision = changed.GetProperty("revision").GetInt32() });
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        var current = await second.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(("Transferred", JsonValueKind.Null), (Text(current, "status"), current.GetProperty("targetOn").ValueKind));

        var before = await manager.GetStringAsync(Plan);
        var stale = await manager.PutAsJsonAsync(url, new { name = "Written over", receivingBody = "LocalAuthority", status = "NotStarted", targetOn = "2013-01-01", revision = read });

        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        var problem = await stale.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(current.GetProperty("revision").GetInt32(), problem.GetProperty("revision").GetInt32());
        Assert.Contains(DemoAccountSeeder.PctManager("5D7"), Text(problem, "detail"), StringComparison.OrdinalIgnoreCase);
        Assert.NotEmpty(problem.GetProperty("changes").EnumerateArray());
        Assert.Equal(before, await manager.GetStringAsync(Plan));
        var listed = (await manager.GetFromJsonAsync<JsonElement>(Plan)).GetProperty("functions").EnumerateArray().Single(f => f.GetProperty("id").GetInt32() == id);
        Assert.Equal(("Continuing care", "Transferred"), (Text(listed, "name"), Text(listed, "status")));
    }

    [Fact]
    public async Task A_script_adds_a_staff_transfer_changes_it_twice_with_the_returned_revision_and_a_stale_change_is_a_409()
    {
        var manager = _factory.CreateClientFor(DemoAccountSeeder.PctManager("5D7"));

        var added = await manager.PostAsJsonAsync($"{Plan}/staff", new { function = "Medicines management", headcount = 4, destination = "CommissioningSupport" });

        Assert.Equal(HttpStatusCode.OK, added.StatusCode);
        var transfer = await added.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(("Medicines management", 4, "CommissioningSupport"), (Text(transfer, "function"), transfer.GetProperty("headcount").GetInt32(), Text(transfer, "destination")));
        var url = $"{Plan}/staff/{transfer.GetProperty("id").GetInt32()}";
        var read = transfer.GetProperty("revision").GetInt32();

        var first = await manager.PutAsJsonAsync(url, new { function = "Medicines management", headcount = 6, destination = "CommissioningSupport", revision = read });
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var changed = await first.Content.ReadFromJsonAsync<JsonElement>();
        var second = await manager.PutAsJsonAsync(url, new { function = "Medicines management", headcount = 7, destination = "Consortium", revision = changed.GetProperty("revision").GetInt32() });
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        var current = await second.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal((7, "Consortium"), (current.GetProperty("headcount").GetInt32(), Text(current, "destination")));

        var before = await manager.GetStringAsync(Plan);
        var stale = await manager.PutAsJsonAsync(url, new { function = "Medicines management", headcount = 1, destination = "LocalAuthority", revision = changed.GetProperty("revision").GetInt32() });

        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.NotEmpty((await stale.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("changes").EnumerateArray());
        Assert.Equal(before, await manager.GetStringAsync(Plan));
    }

    [Fact]
    public async Task A_script_sets_the_milestones_twice_with_the_returned_revisions_and_a_stale_save_is_a_409()
    {
        var manager = _factory.CreateClientFor(DemoAccountSeeder.PctManager("5D7"));
        var read = (await manager.GetFromJsonAsync<JsonElement>(Plan)).GetProperty("milestones");

        var first = await manager.PutAsJsonAsync($"{Plan}/milestones", MilestonesBody(read, "2011-01-10", "2011-01-12"));

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var saved = await first.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(("2011-01-10", "2011-01-12"), (Text(saved.GetProperty("shadowFormed"), "plannedOn"), Text(saved.GetProperty("shadowFormed"), "actualOn")));
        Assert.All(Milestones, m => Assert.Equal(JsonValueKind.Number, saved.GetProperty(m).GetProperty("revision").ValueKind));

        var second = await manager.PutAsJsonAsync($"{Plan}/milestones", MilestonesBody(saved, "2011-02-01", null));
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        var again = await second.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(("2011-02-01", JsonValueKind.Null), (Text(again.GetProperty("pathfinder"), "plannedOn"), again.GetProperty("pathfinder").GetProperty("actualOn").ValueKind));
        Assert.Equal(again.ToString(), (await manager.GetFromJsonAsync<JsonElement>(Plan)).GetProperty("milestones").ToString());

        var before = await manager.GetStringAsync(Plan);
        var stale = await manager.PutAsJsonAsync($"{Plan}/milestones", MilestonesBody(saved, "2011-03-01", "2011-03-02"));

        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        var problem = await stale.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains(DemoAccountSeeder.PctManager("5D7"), Text(problem, "detail"), StringComparison.OrdinalIgnoreCase);
        Assert.Equal(before, await manager.GetStringAsync(Plan));
    }

    [Theory]
    [InlineData("POST", "functions", """{"name":"","receivingBody":"Consortium","status":"NotStarted"}""", "$.name")]
    [InlineData("POST", "functions", """{"name":5,"receivingBody":"Consortium","status":"NotStarted"}""", "$.name")]
    [InlineData("POST", "functions", """{"name":"Prescribing","receivingBody":"Elsewhere","status":"NotStarted"}""", "$.receivingBody")]
    [InlineData("POST", "functions", """{"name":"Prescribing","receivingBody":"Consortium","status":"notstarted"}""", "$.status")]
    [InlineData("POST", "functions", """{"name":"Prescribing","receivingBody":"Consortium","status":"NotStarted","targetOn":"31/03/2012"}""", "$.targetOn")]
    [InlineData("PUT", "functions/{function}", """{"name":"Prescribing","receivingBody":"Consortium","status":"NotStarted"}""", "$.revision")]
    [InlineData("PUT", "functions/{function}", """{"name":"Prescribing","receivingBody":"Consortium","status":"NotStarted","revision":"0"}""", "$.revision")]
    [InlineData("PUT", "functions/{function}", """{"name":"","receivingBody":"Consortium","status":"NotStarted","revision":{function.revision}}""", "$.name")]
    [InlineData("POST", "staff", """{"function":"Estates","headcount":0,"destination":"LocalAuthority"}""", "$.headcount")]
    [InlineData("POST", "staff", """{"function":"Estates","headcount":2.5,"destination":"LocalAuthority"}""", "$.headcount")]
    [InlineData("POST", "staff", """{"function":"Estates","headcount":"3","destination":"LocalAuthority"}""", "$.headcount")]
    [InlineData("POST", "staff", """{"function":"Estates","headcount":3}""", "$.destination")]
    [InlineData("PUT", "staff/{staff}", """{"function":"Estates","headcount":3,"destination":"LocalAuthority"}""", "$.revision")]
    [InlineData("PUT", "staff/{staff}", """{"function":"","headcount":3,"destination":"LocalAuthority","revision":{staff.revision}}""", "$.function")]
    [InlineData("PUT", "milestones", """{"shadowFormed":{"plannedOn":null,"actualOn":"2999-01-01","revision":{shadowFormed}},"pathfinder":{"revision":{pathfinder}},"delegatedBudget":{"revision":{delegatedBudget}},"authorised":{"revision":{authorised}}}""", "$.shadowFormed.actualOn")]
    [InlineData("PUT", "milestones", """{"shadowFormed":{"revision":{shadowFormed}},"pathfinder":{"plannedOn":"2011-02-30","revision":{pathfinder}},"delegatedBudget":{"revision":{delegatedBudget}},"authorised":{"revision":{authorised}}}""", "$.pathfinder.plannedOn")]
    [InlineData("PUT", "milestones", """{"shadowFormed":{"revision":{shadowFormed}},"pathfinder":{"plannedOn":"01/02/2011","revision":{pathfinder}},"delegatedBudget":{"revision":{delegatedBudget}},"authorised":{"revision":{authorised}}}""", "$.pathfinder.plannedOn")]
    [InlineData("PUT", "milestones", """{"shadowFormed":{"revision":{shadowFormed}},"pathfinder":{"plannedOn":"2011-02-01"},"delegatedBudget":{"revision":{delegatedBudget}},"authorised":{"revision":{authorised}}}""", "$.pathfinder.revision")]
    [InlineData("PUT", "milestones", """{"shadowFormed":{"revision":{shadowFormed}},"pathfinder":{"revision":{pathfinder}},"delegatedBudget":{"revision":{delegatedBudget}}}""", "$.authorised")]
    public async Task Invalid_bodies_are_400_problems_naming_the_field_and_change_nothing(string method, string route, string body, string path)
    {
        var manager = _factory.CreateClientFor(DemoAccountSeeder.PctManager("5D7"));
        var plan = await manager.GetFromJsonAsync<JsonElement>(Plan);
        var function = plan.GetProperty("functions")[0];
        var staff = plan.GetProperty("staffTransfers")[0];
        var url = $"{Plan}/{route}".Replace("{function}", function.GetProperty("id").ToString(), StringComparison.Ordinal)
            .Replace("{staff}", staff.GetProperty("id").ToString(), StringComparison.Ordinal);
        body = body.Replace("{function.revision}", function.GetProperty("revision").ToString(), StringComparison.Ordinal)
            .Replace("{staff.revision}", staff.GetProperty("revision").ToString(), StringComparison.Ordinal);
        foreach (var milestone in Milestones)
        {
            body = body.Replace($"{{{milestone}}}", plan.GetProperty("milestones").GetProperty(milestone).GetProperty("revision").GetRawText(), StringComparison.Ordinal);
        }

        var before = await manager.GetStringAsync(Plan);

        var response = await manager.SendAsync(new HttpRequestMessage(new HttpMethod(method), url) { Content = new StringContent(body, Encoding.UTF8, "application/json") });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problems = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("problems").EnumerateArray().Select(p => p.GetProperty("path").GetString());
        Assert.Contains(path, problems);
        Assert.Equal(before, await manager.GetStringAsync(Plan));
    }

    [Fact]
    public async Task Only_pct_managers_in_scope_change_the_plan()
    {
        var manager = _factory.CreateClientFor(DemoAccountSeeder.PctManager("5D7"));
        var plan = await manager.GetFromJsonAsync<JsonElement>(Plan);
        var function = plan.GetProperty("functions")[0];
        var staff = plan.GetProperty("staffTransfers")[0];
        var before = await manager.GetStringAsync(Plan);
        (string Method, string Url, object Body)[] changes =
        [
            ("POST", $"{Plan}/functions", new { name = "Not mine to add", receivingBody = "Consortium", status = "NotStarted" }),
            ("PUT", $"{Plan}/functions/{function.GetProperty("id")}", new { name = "Not mine to change", receivingBody = "Consortium", status = "NotStarted", revision = function.GetProperty("revision").GetInt32() }),
            ("POST", $"{Plan}/staff", new { function = "Not mine to add", headcount = 1, destination = "Consortium" }),
            ("PUT", $"{Plan}/staff/{staff.GetProperty("id")}", new { function = "Not mine to change", headcount = 1, destination = "Consortium", revision = staff.GetProperty("revision").GetInt32() }),
            ("PUT", $"{Plan}/milestones", MilestonesBody(plan.GetProperty("milestones"), "2011-01-10", null)),
        ];

        foreach (var email in new[] { DemoAccountSeeder.ConsortiumLead("00G"), DemoAccountSeeder.Regional("Q30"), DemoAccountSeeder.PctManager("5D8"), DemoAccountSeeder.National })
        {
            var client = _factory.CreateClientFor(email);
            foreach (var (method, url, body) in changes)
            {
                var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), url) { Content = JsonContent.Create(body) });
                Assert.True(response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Forbidden, $"{email} {method} {url}: {response.StatusCode}");
            }
        }

        // 5D7's manager may change 00H's plan too, but not reach 00G's function or transfer through it.
        var other = await manager.PutAsJsonAsync($"/api/consortia/00H/plan/functions/{function.GetProperty("id")}", changes[1].Body);
        Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);
        var otherStaff = await manager.PutAsJsonAsync($"/api/consortia/00H/plan/staff/{staff.GetProperty("id")}", changes[3].Body);
        Assert.Equal(HttpStatusCode.NotFound, otherStaff.StatusCode);

        Assert.Equal(before, await manager.GetStringAsync(Plan));
        Assert.Equal(HttpStatusCode.NotFound, (await _factory.CreateClientFor(DemoAccountSeeder.ConsortiumLead("00G")).GetAsync("/api/consortia/00H/plan")).StatusCode);
    }

    // The milestones as read, with the shadow consortium's and pathfinder's dates set and each revision as read.
    private static Dictionary<string, object?> MilestonesBody(JsonElement read, string plannedOn, string? actualOn) =>
        Milestones.ToDictionary(m => m, m => (object?)new
        {
            plannedOn = m is "shadowFormed" or "pathfinder" ? plannedOn : DateOrNull(read.GetProperty(m), "plannedOn"),
            actualOn = m is "shadowFormed" or "pathfinder" ? actualOn : DateOrNull(read.GetProperty(m), "actualOn"),
            revision = read.GetProperty(m).GetProperty("revision").ValueKind == JsonValueKind.Null ? (int?)null : read.GetProperty(m).GetProperty("revision").GetInt32(),
        });

    private static string? DateOrNull(JsonElement milestone, string name) => milestone.GetProperty(name).GetString();

    private static string? Text(JsonElement element, string name) => element.GetProperty(name).GetString();

    public void Dispose() => _factory.Dispose();
}
