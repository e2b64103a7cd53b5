using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using TransitionTracker.Data.Seeding;
using TransitionTracker.Web.Tests.Infrastructure;

namespace TransitionTracker.Web.Tests.Api;

public sealed class PracticeMoveApiTests : IDisposable
{
    private readonly TransitionTrackerFactory _factory = new();

    [Fact]
    public async Task A_script_moves_a_practice_between_consortia_of_its_pct_and_reads_the_history()
    {
        var manager = _factory.CreateClientFor(DemoAccountSeeder.PctManager("5D7"));
        var (url, practice) = await FirstPracticeAsync(manager);
        var from = practice.GetProperty("consortium").GetString()!;
        var to = practice.GetProperty("mayJoin").EnumerateArray().Select(c => c.GetProperty("consortium").GetString()!).First(c => c != from);
        var joinedOn = practice.GetProperty("memberships")[0].GetProperty("joinedOn").GetString()!;
        var movedOn = DateOnly.Parse(joinedOn, System.Globalization.CultureInfo.InvariantCulture).AddDays(7).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

        var moved = await manager.PostAsJsonAsync(url, new { from, consortium = to, date = movedOn });

        Assert.Equal(HttpStatusCode.OK, moved.StatusCode);
        var after = await moved.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(to, after.GetProperty("consortium").GetString());
        var memberships = after.GetProperty("memberships").EnumerateArray().ToList();
        Assert.Equal((to, movedOn), (memberships[0].GetProperty("consortium").GetString(), memberships[0].GetProperty("joinedOn").GetString()));
        Assert.Equal((from, movedOn), (memberships[1].GetProperty("consortium").GetString(), memberships[1].GetProperty("leftOn").GetString()));

        var again = await manager.PostAsJsonAsync(url, new { from, consortium = to, date = movedOn });
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal("application/problem+json", again.Content.Headers.ContentType!.MediaType);
    }

    [Theory]
    [InlineData("""{"from":"{from}","consortium":"00H","date":"01/04/2011"}""", "$.date")]
    [InlineData("""{"from":"{from}","consortium":"00H","date":"2999-01-01"}""", "$.date")]
    [InlineData("""{"from":"{from}","consortium":"00H"}""", "$.date")]
    [InlineData("""{"from":"{from}","consortium":"00C","date":"2012-01-01"}""", "$.consortium")]
    [InlineData("""{"from":"{from}","consortium":5,"date":"2012-01-01"}""", "$.consortium")]
    [InlineData("""[]""", "$")]
    public async Task Invalid_moves_are_400_problems_naming_the_field_and_change_nothing(string body, string path)
    {
        var manager = _factory.CreateClientFor(DemoAccountSeeder.PctManager("5D7"));
        var (url, practice) = await FirstPracticeAsync(manager);
        var before = await manager.GetStringAsync(url);

        var response = await manager.PostAsync(url, new StringContent(body.Replace("{from}", practice.GetProperty("consortium").GetString(), StringComparison.Ordinal), Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problems = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("problems").EnumerateArray().Select(p => p.GetProperty("path").GetString());
        Assert.Contains(path, problems);
        Assert.Equal(before, await manager.GetStringAsync(url));
    }

    [Fact]
    public async Task Only_managers_of_the_practices_pct_read_or_move_it()
    {
        var manager = _factory.CreateClientFor(DemoAccountSeeder.PctManager("5D7"));
        var (url, practice) = await FirstPracticeAsync(manager);
        var before = await manager.GetStringAsync(url);
        var body = new { from = practice.GetProperty("consortium").GetString(), consortium = "00H", date = "2012-01-01" };

        foreach (var email in new[] { DemoAccountSeeder.ConsortiumLead("00G"), DemoAccountSeeder.Regional("Q30"), DemoAccountSeeder.PctManager("5D8"), DemoAccountSeeder.Administrator })
        {
            var client = _factory.CreateClientFor(email);
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(url)).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await client.PostAsJsonAsync(url, body)).StatusCode);
        }

        // A practice of another PCT, asked for under this one.
        Assert.Equal(HttpStatusCode.NotFound, (await manager.GetAsync("/api/pcts/5D7/practices/A89001/membership")).StatusCode);
        Assert.Equal(before, await manager.GetStringAsync(url));
    }

    public void Dispose() => _factory.Dispose();

    // A86003 is a practice of Newcastle PCT (5D7) in the reference data, in consortium 00G in the demo data.
    private static async Task<(string Url, JsonElement Practice)> FirstPracticeAsync(HttpClient manager)
    {
        const string url = "/api/pcts/5D7/practices/A86003/membership";
        return (url, await manager.GetFromJsonAsync<JsonElement>(url));
    }
}
