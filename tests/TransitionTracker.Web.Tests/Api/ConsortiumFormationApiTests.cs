using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using TransitionTracker.Data.Seeding;
using TransitionTracker.Web.Tests.Infrastructure;

namespace TransitionTracker.Web.Tests.Api;

public sealed class ConsortiumFormationApiTests : IDisposable
{
    private readonly TransitionTrackerFactory _factory = new();

    [Fact]
    public async Task A_script_records_a_stage_change_and_a_merge_and_reads_the_history()
    {
        var lead = _factory.CreateClientFor(DemoAccountSeeder.Regional("Q30"));
        var before = await lead.GetFromJsonAsync<JsonElement>("/api/consortia/00G/formation");
        var from = before.GetProperty("stage").GetString()!;
        var to = from == "authorised" ? "shadow" : "authorised";

        var staged = await lead.PostAsJsonAsync("/api/consortia/00G/stage", new { from, stage = to, date = "2011-01-14" });
        Assert.Equal(HttpStatusCode.OK, staged.StatusCode);
        var afterStage = await staged.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(to, afterStage.GetProperty("stage").GetString());
        Assert.Equal("2011-01-14", afterStage.GetProperty("stageChanges")[0].GetProperty("on").GetString());

        var stale = await lead.PostAsJsonAsync("/api/consortia/00G/stage", new { from, stage = to, date = "2011-02-14" });
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);

        var lastJoined = before.GetProperty("membershipChanges").EnumerateArray().Where(c => c.GetProperty("change").GetString() == "joined")
            .Max(c => c.GetProperty("on").GetString())!;
        var merged = await lead.PostAsJsonAsync("/api/consortia/00G/merge", new { into = "00H", date = lastJoined });
        Assert.Equal(HttpStatusCode.OK, merged.StatusCode);
        Assert.Equal("00H", (await merged.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("mergedInto").GetString());
        var target = await lead.GetFromJsonAsync<JsonElement>("/api/consortia/00H/formation");
        Assert.Equal("00G", target.GetProperty("mergedIn")[0].GetProperty("consortium").GetString());
    }

    [Fact]
    public async Task A_script_records_a_split_and_the_new_consortium_names_where_it_came_from()
    {
        var lead = _factory.CreateClientFor(DemoAccountSeeder.Regional("Q30"));
        var manager = _factory.CreateClientFor(DemoAccountSeeder.PctManager("5D7"));
        var practice = await manager.GetFromJsonAsync<JsonElement>("/api/pcts/5D7/practices/A86003/membership");
        var joined = practice.GetProperty("memberships")[0].GetProperty("joinedOn").GetString();

        var split = await lead.PostAsJsonAsync("/api/consortia/00G/split", new { code = "NEW01", name = "Newcastle Riverside", practices = new[] { "A86003" }, date = joined });

        Assert.Equal(HttpStatusCode.OK, split.StatusCode);
        Assert.Equal("NEW01", (await split.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("splitOffs")[0].GetProperty("consortium").GetString());
        var formed = await lead.GetFromJsonAsync<JsonElement>("/api/consortia/NEW01/formation");
        Assert.Equal(("00G", "shadow"), (formed.GetProperty("splitFrom").GetProperty("consortium").GetString(), formed.GetProperty("stage").GetString()));
        Assert.Equal("NEW01", (await manager.GetFromJsonAsync<JsonElement>("/api/pcts/5D7/practices/A86003/membership")).GetProperty("consortium").GetString());
    }

    [Theory]
    [InlineData("/api/consortia/00G/split", """{"code":"NEW01","name":"New","practices":"A86003","date":"2013-04-01"}""", "$.practices")]
    [InlineData("/api/consortia/00G/split", """{"code":"00H","name":"New","practices":["A86003"],"date":"2013-04-01"}""", "$.code")]
    [InlineData("/api/consortia/00G/merge", """{"into":"00H","date":"1 April 2011"}""", "$.date")]
    [InlineData("/api/consortia/00G/merge", """{"into":"01G","date":"2013-04-01"}""", "$.into")]
    [InlineData("/api/consortia/00G/merge", """{"date":"2013-04-01"}""", "$.into")]
    [InlineData("/api/consortia/00G/stage", """{"from":"{stage}","stage":"nonsense","date":"2011-01-14"}""", "$.stage")]
    [InlineData("/api/consortia/00G/stage", """{"from":"{stage}","stage":"{other}","date":"2999-01-01"}""", "$.date")]
    [InlineData("/api/consortia/00G/stage", """{"from":"{stage}","stage":"{other}","date":5}""", "$.date")]
    public async Task Invalid_records_are_400_problems_naming_the_field_and_change_nothing(string url, string body, string path)
    {
        var lead = _factory.CreateClientFor(DemoAccountSeeder.Regional("Q30"));
        var before = await lead.GetStringAsync("/api/consortia/00G/formation");
        var stage = JsonDocument.Parse(before).RootElement.GetProperty("stage").GetString()!;
        body = body.Replace("{stage}", stage, StringComparison.Ordinal).Replace("{other}", stage == "authorised" ? "shadow" : "authorised", StringComparison.Ordinal);

        var response = await lead.PostAsync(url, new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problems = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("problems").EnumerateArray().Select(p => p.GetProperty("path").GetString());
        Assert.Contains(path, problems);
        Assert.Equal(before, await lead.GetStringAsync("/api/consortia/00G/formation"));
    }

    [Fact]
    public async Task Only_regional_leads_of_its_region_record_and_a_refusal_changes_nothing()
    {
        var lead = _factory.CreateClientFor(DemoAccountSeeder.Regional("Q30"));
        var before = await lead.GetStringAsync("/api/consortia/00G/formation");

        foreach (var email in new[] { DemoAccountSeeder.PctManager("5D7"), DemoAccountSeeder.ConsortiumLead("00G"), DemoAccountSeeder.National, DemoAccountSeeder.Regional("Q31") })
        {
            var client = _factory.CreateClientFor(email);
            Assert.Equal(HttpStatusCode.NotFound, (await client.PostAsJsonAsync("/api/consortia/00G/merge", new { into = "00H", date = "2013-04-01" })).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await client.PostAsJsonAsync("/api/consortia/00G/stage", new { from = "shadow", stage = "pathfinder", date = "2011-01-14" })).StatusCode);
        }

        Assert.Equal(before, await lead.GetStringAsync("/api/consortia/00G/formation"));
    }

    public void Dispose() => _factory.Dispose();
}
