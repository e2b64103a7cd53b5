using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using TransitionTracker.Data.Seeding;
using TransitionTracker.Web.Tests.Infrastructure;

namespace TransitionTracker.Web.Tests.Api;

public sealed class InterestRegisterApiTests : IDisposable
{
    private const string Interests = "/api/consortia/00G/interests";
    private readonly TransitionTrackerFactory _factory = new();

    [Fact]
    public async Task A_script_declares_an_interest_changes_it_twice_with_the_revisions_returned_and_a_stale_change_is_a_409()
    {
        var manager = _factory.CreateClientFor(DemoAccountSeeder.PctManager("5D7"));

        var added = await manager.PostAsJsonAsync(Interests, new { person = "Dr A Patel, board GP", interest = "A share in a community services provider", declaredOn = "2011-03-15", management = "Withdraws from decisions on community services" });

        Assert.Equal(HttpStatusCode.OK, added.StatusCode);
        var entry = await added.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(("Dr A Patel, board GP", "2011-03-15"), (entry.GetProperty("person").GetString(), entry.GetProperty("declaredOn").GetString()));
        var id = entry.GetProperty("id").GetInt32();
        var url = $"{Interests}/{id}";
        var first = entry.GetProperty("revision").GetInt32();

        var changed = await manager.PutAsJsonAsync(url, new { person = "Dr A Patel, board GP", interest = "A share in a community services provider", declaredOn = "2011-03-15", management = "Leaves the room for community services decisions", revision = first });
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        var second = (await changed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("revision").GetInt32();
        Assert.True(second > first, $"revision {second} after {first}");

        var again = await manager.PutAsJsonAsync(url, new { person = "Dr A Patel, board GP", interest = "A 10% share in a community services provider", declaredOn = "2011-03-14", management = "Leaves the room for community services decisions", revision = second });
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        var latest = await again.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(("A 10% share in a community services provider", "2011-03-14"), (latest.GetProperty("interest").GetString(), latest.GetProperty("declaredOn").GetString()));

        var stale = await manager.PutAsJsonAsync(url, new { person = "Dr A Patel, board GP", interest = "Written over", declaredOn = "2011-03-15", management = "Written over", revision = first });

        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Equal("application/problem+json", stale.Content.Headers.ContentType!.MediaType);
        var problem = await stale.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains(DemoAccountSeeder.PctManager("5D7"), problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Contains(problem.GetProperty("changes").EnumerateArray(), c => c.GetProperty("to").GetString() == "A 10% share in a community services provider");
        var listed = (await manager.GetFromJsonAsync<JsonElement[]>(Interests))!.Single(i => i.GetProperty("id").GetInt32() == id);
        Assert.Equal(latest.GetRawText(), listed.GetRawText());
    }

    [Theory]
    [InlineData("""{"person":"","interest":"A share","declaredOn":"2011-03-15","management":"Withdraws"}""", "$.person")]
    [InlineData("""{"person":"Dr A Patel","interest":"A share","declaredOn":"2999-01-01","management":"Withdraws"}""", "$.declaredOn")]
    [InlineData("""{"person":"Dr A Patel","interest":"A share","declaredOn":"15/03/2011","management":"Withdraws"}""", "$.declaredOn")]
    [InlineData("""{"person":"Dr A Patel","interest":"A share","management":"Withdraws"}""", "$.declaredOn")]
    [InlineData("""{"person":"Dr A Patel","interest":"A share","declaredOn":"2011-03-15"}""", "$.management")]
    [InlineData("""{"person":"Dr A Patel","interest":5,"declaredOn":"2011-03-15","management":"Withdraws"}""", "$.interest")]
    [InlineData("""["Dr A Patel"]""", "$")]
    public async Task Invalid_interests_are_400_problems_naming_the_field_and_add_nothing(string body, string path)
    {
        var manager = _factory.CreateClientFor(DemoAccountSeeder.PctManager("5D7"));
        var before = await manager.GetStringAsync(Interests);

        var response = await manager.PostAsync(Interests, new StringContent(body, Encoding.UTF8, "application/json"));

        await AssertNamesAsync(response, path);
        Assert.Equal(before, await manager.GetStringAsync(Interests));
    }

    [Theory]
    [InlineData("""{"person":"Dr A Patel","interest":"A share","declaredOn":"2011-03-15","management":"Changed"}""", "$.revision")]
    [InlineData("""{"person":"Dr A Patel","interest":"A share","declaredOn":"2011-03-15","management":"Changed","revision":"{revision}"}""", "$.revision")]
    [InlineData("""{"person":"Dr A Patel","interest":"A share","declaredOn":"2011-03-15","management":"Changed","revision":-1}""", "$.revision")]
    [InlineData("""{"person":"Dr A Patel","interest":"","declaredOn":"2011-03-15","management":"Changed","revision":{revision}}""", "$.interest")]
    [InlineData("""{"person":"Dr A Patel","interest":"A share","declaredOn":"2011-02-30","management":"Changed","revision":{revision}}""", "$.declaredOn")]
    public async Task Invalid_changes_are_400_problems_naming_the_field_and_change_nothing(string body, string path)
    {
        var manager = _factory.CreateClientFor(DemoAccountSeeder.PctManager("5D7"));
        var (url, revision) = await DeclareAsync(manager);
        var before = await manager.GetStringAsync(Interests);

        var response = await manager.PutAsync(url, new StringContent(body.Replace("{revision}", revision.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal), Encoding.UTF8, "application/json"));

        await AssertNamesAsync(response, path);
        Assert.Equal(before, await manager.GetStringAsync(Interests));
    }

    [Fact]
    public async Task Only_those_who_may_edit_the_consortium_declare_or_change_interests()
    {
        var manager = _factory.CreateClientFor(DemoAccountSeeder.PctManager("5D7"));
        var (url, revision) = await DeclareAsync(manager);
        var before = await manager.GetStringAsync(Interests);
        var body = new { person = "Not mine to declare", interest = "Anything", declaredOn = "2011-03-15", management = "None" };

        foreach (var email in new[] { DemoAccountSeeder.ConsortiumLead("00G"), DemoAccountSeeder.Regional("Q30"), DemoAccountSeeder.PctManager("5D8"), DemoAccountSeeder.National })
        {
            var client = _factory.CreateClientFor(email);
            var added = await client.PostAsJsonAsync(Interests, body);
            var changed = await client.PutAsJsonAsync(url, new { body.person, body.interest, body.declaredOn, body.management, revision });
            Assert.True(added.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Forbidden, $"{email} adding: {added.StatusCode}");
            Assert.True(changed.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Forbidden, $"{email} changing: {changed.StatusCode}");
        }

        // 00H is another consortium of the same PCT: the entry is not in its register.
        var elsewhere = await manager.PutAsJsonAsync(url.Replace("/00G/", "/00H/", StringComparison.Ordinal), new { body.person, body.interest, body.declaredOn, body.management, revision });
        Assert.Equal(HttpStatusCode.NotFound, elsewhere.StatusCode);
        Assert.Equal(before, await manager.GetStringAsync(Interests));
    }

    [Fact]
    public async Task Those_who_may_read_the_consortium_read_the_register_and_others_get_a_404()
    {
        var manager = _factory.CreateClientFor(DemoAccountSeeder.PctManager("5D7"));
        var (url, _) = await DeclareAsync(manager);
        var id = int.Parse(url[(url.LastIndexOf('/') + 1)..], System.Globalization.CultureInfo.InvariantCulture);

        var lead = await _factory.CreateClientFor(DemoAccountSeeder.ConsortiumLead("00G")).GetFromJsonAsync<JsonElement[]>(Interests);
        Assert.Contains(lead!, i => i.GetProperty("id").GetInt32() == id && i.GetProperty("person").GetString() == "Dr B Jones, board GP");

        var outsider = await _factory.CreateClientFor(DemoAccountSeeder.ConsortiumLead("00H")).GetAsync(Interests);
        Assert.Equal(HttpStatusCode.NotFound, outsider.StatusCode);
    }

    private static async Task<(string Url, int Revision)> DeclareAsync(HttpClient manager)
    {
        var added = await manager.PostAsJsonAsync(Interests, new { person = "Dr B Jones, board GP", interest = "A partner in a practice that provides minor surgery", declaredOn = "2011-02-01", management = "Takes no part in minor surgery decisions" });
        Assert.Equal(HttpStatusCode.OK, added.StatusCode);
        var entry = await added.Content.ReadFromJsonAsync<JsonElement>();
        return ($"{Interests}/{entry.GetProperty("id").GetInt32()}", entry.GetProperty("revision").GetInt32());
    }

    private static async Task AssertNamesAsync(HttpResponseMessage response, string path)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        var problems = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("problems").EnumerateArray().Select(p => p.GetProperty("path").GetString());
        Assert.Contains(path, problems);
    }

    public void Dispose() => _factory.Dispose();
}
