using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using TransitionTracker.Data.Seeding;
using TransitionTracker.Web.Tests.Infrastructure;

namespace TransitionTracker.Web.Tests.Api;

public sealed class LessonApiTests : IDisposable
{
    private const string Lessons = "/api/consortia/00G/lessons";
    private readonly TransitionTrackerFactory _factory = new();

    [Fact]
    public async Task The_lead_and_a_pct_manager_record_lessons_that_readers_of_the_consortium_then_list_newest_first()
    {
        var lead = _factory.CreateClientFor(DemoAccountSeeder.ConsortiumLead("00G"));

        var added = await lead.PostAsJsonAsync(Lessons, new { domain = "governance", title = "Agree a conflicts of interest policy early", body = "Every practice signed it before the first board." });

        Assert.Equal(HttpStatusCode.OK, added.StatusCode);
        var lesson = await added.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(
            ("governance", "Agree a conflicts of interest policy early", DemoAccountSeeder.ConsortiumLead("00G")),
            (lesson.GetProperty("domain").GetString(), lesson.GetProperty("title").GetString(), lesson.GetProperty("writtenBy").GetString()));
        Assert.False(string.IsNullOrEmpty(lesson.GetProperty("domainName").GetString()));

        var manager = _factory.CreateClientFor(DemoAccountSeeder.PctManager("5D7"));
        var second = await manager.PostAsJsonAsync(Lessons, new { domain = "workforce", title = "Second staff from the PCT before the transfer", body = "Staff knew the contracts already." });
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        var secondId = (await second.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();

        var listed = (await _factory.CreateClientFor(DemoAccountSeeder.Regional("Q30")).GetFromJsonAsync<JsonElement[]>(Lessons))!;
        var ids = listed.Select(l => l.GetProperty("id").GetInt32()).ToList();
        Assert.True(ids.IndexOf(secondId) >= 0 && ids.IndexOf(secondId) < ids.IndexOf(lesson.GetProperty("id").GetInt32()), string.Join(", ", ids));
        Assert.Equal(lesson.GetRawText(), listed.Single(l => l.GetProperty("id").GetInt32() == lesson.GetProperty("id").GetInt32()).GetRawText());
    }

    [Theory]
    [InlineData("""{"domain":"no-such-domain","title":"A lesson","body":"What we learned."}""", "$.domain")]
    [InlineData("""{"title":"A lesson","body":"What we learned."}""", "$.domain")]
    [InlineData("""{"domain":"governance","title":"  ","body":"What we learned."}""", "$.title")]
    [InlineData("""{"domain":"governance","title":"A lesson"}""", "$.body")]
    [InlineData("""{"domain":"governance","title":5,"body":"What we learned."}""", "$.title")]
    [InlineData("""{"domain":["governance"],"title":"A lesson","body":"What we learned."}""", "$.domain")]
    [InlineData("""["governance"]""", "$")]
    public async Task Invalid_lessons_are_400_problems_naming_the_field_and_add_nothing(string body, string path)
    {
        var lead = _factory.CreateClientFor(DemoAccountSeeder.ConsortiumLead("00G"));
        var before = await lead.GetStringAsync(Lessons);

        var response = await lead.PostAsync(Lessons, new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        var problems = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("problems").EnumerateArray().Select(p => p.GetProperty("path").GetString());
        Assert.Contains(path, problems);
        Assert.Equal(before, await lead.GetStringAsync(Lessons));
    }

    [Fact]
    public async Task Readers_who_may_not_write_and_those_out_of_scope_get_a_404_and_add_nothing()
    {
        var lead = _factory.CreateClientFor(DemoAccountSeeder.ConsortiumLead("00G"));
        var before = await lead.GetStringAsync(Lessons);
        var body = new { domain = "governance", title = "Not mine to write", body = "Anything." };

        foreach (var email in new[] { DemoAccountSeeder.Regional("Q30"), DemoAccountSeeder.National, DemoAccountSeeder.PctManager("5D8"), DemoAccountSeeder.ConsortiumLead("00H") })
        {
            var client = _factory.CreateClientFor(email);
            var response = await client.PostAsJsonAsync(Lessons, body);
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{email}: {response.StatusCode}");

            // Who may write is asked before the body is read: a malformed body tells a reader nothing more.
            var malformed = await client.PostAsync(Lessons, new StringContent("""{"title":5}""", Encoding.UTF8, "application/json"));
            Assert.True(malformed.StatusCode == HttpStatusCode.NotFound, $"{email} with a malformed body: {malformed.StatusCode}");
        }

        Assert.Equal(before, await lead.GetStringAsync(Lessons));
        Assert.Equal(HttpStatusCode.NotFound, (await _factory.CreateClientFor(DemoAccountSeeder.ConsortiumLead("00H")).GetAsync(Lessons)).StatusCode);
    }

    public void Dispose() => _factory.Dispose();
}
