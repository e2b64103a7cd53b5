using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using TransitionTracker.Data.Seeding;
using TransitionTracker.Web.Tests.Infrastructure;

namespace TransitionTracker.Web.Tests.Api;

/// <summary>
/// User administration for scripts: the user pages' use cases, rules, messages and revision through /api/users, for
/// administrators only. Each test has its own database.
/// </summary>
public sealed class UserAdministrationApiTests : IDisposable
{
    private const string Users = "/api/users";
    private const string NewEmail = "jo.bloggs@example.nhs.uk";
    private const string NewPassword = "Commissioning-2011";
    private readonly TransitionTrackerFactory _factory = new();

    [Fact]
    public async Task A_script_creates_a_user_then_gives_and_removes_a_role_and_disables_and_enables_them_each_with_the_revision_read()
    {
        var admin = _factory.CreateClientFor(DemoAccountSeeder.Administrator);

        var created = await admin.PostAsJsonAsync(Users, new { email = NewEmail, displayName = "Jo Bloggs", password = NewPassword });
        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        var user = await ReadAsync(created);
        Assert.Equal((NewEmail, "Jo Bloggs", "Active", 0, 0), (user.GetProperty("email").GetString(), user.GetProperty("displayName").GetString(), user.GetProperty("status").GetString(), user.GetProperty("roles").GetArrayLength(), user.GetProperty("revision").GetInt32()));
        var url = $"{Users}/{user.GetProperty("id").GetString()}";

        var given = await ReadAsync(await admin.PostAsJsonAsync($"{url}/roles", new { role = "PctManager", scope = " 5d7 ", revision = 0 }));
        Assert.Equal(1, given.GetProperty("revision").GetInt32());
        var role = Assert.Single(given.GetProperty("roles").EnumerateArray());
        Assert.Equal(("PctManager", "5D7", "PCT manager – 5D7 Newcastle PCT"), (role.GetProperty("role").GetString(), role.GetProperty("scope").GetString(), role.GetProperty("description").GetString()));
        Assert.Equal(given.GetRawText(), (await ReadAsync(await admin.GetAsync(url))).GetRawText());

        var listed = await ReadAsync(await admin.GetAsync($"{Users}?q=jo.bloggs&role=pct-manager"));
        Assert.Equal(1, listed.GetProperty("matchingUsers").GetInt32());
        Assert.Equal(given.GetRawText(), Assert.Single(listed.GetProperty("users").EnumerateArray()).GetRawText());

        var removed = await ReadAsync(await admin.DeleteAsync($"{url}/roles/{role.GetProperty("id").GetInt32()}?revision=1"));
        Assert.Equal((2, 0), (removed.GetProperty("revision").GetInt32(), removed.GetProperty("roles").GetArrayLength()));

        var disabled = await ReadAsync(await admin.PostAsJsonAsync($"{url}/disable", new { revision = 2 }));
        Assert.Equal(("Disabled", 3), (disabled.GetProperty("status").GetString(), disabled.GetProperty("revision").GetInt32()));
        var enabled = await ReadAsync(await admin.PostAsJsonAsync($"{url}/enable", new { revision = 3 }));
        Assert.Equal(("Active", 4), (enabled.GetProperty("status").GetString(), enabled.GetProperty("revision").GetInt32()));
    }

    [Fact]
    public async Task No_answer_holds_a_password_hash_or_a_stamp()
    {
        var admin = _factory.CreateClientFor(DemoAccountSeeder.Administrator);
        var id = await UserIdAsync(DemoAccountSeeder.National);

        foreach (var answer in new[]
        {
            await admin.GetStringAsync(Users),
            await admin.GetStringAsync($"{Users}/{id}"),
            await (await admin.PostAsJsonAsync(Users, new { email = NewEmail, displayName = "Jo Bloggs", password = NewPassword })).Content.ReadAsStringAsync(),
            await (await admin.PostAsJsonAsync($"{Users}/{id}/disable", new { revision = 0 })).Content.ReadAsStringAsync(),
        })
        {
            Assert.Contains("\"revision\"", answer, StringComparison.Ordinal);
            foreach (var secret in new[] { "\"password", "passwordHash", "securityStamp", "concurrencyStamp", "AQAAAA" })
            {
                Assert.DoesNotContain(secret, answer, StringComparison.OrdinalIgnoreCase);
            }
        }
    }

    [Fact]
    public async Task A_change_based_on_a_stale_revision_is_a_409_saying_who_changed_what_and_changes_nothing()
    {
        var admin = _factory.CreateClientFor(DemoAccountSeeder.Administrator);
        var url = $"{Users}/{await UserIdAsync(DemoAccountSeeder.National)}";
        var read = await ReadAsync(await admin.GetAsync(url));
        var revision = read.GetProperty("revision").GetInt32();
        var assignment = Assert.Single(read.GetProperty("roles").EnumerateArray()).GetProperty("id").GetInt32();
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsJsonAsync($"{url}/disable", new { revision })).StatusCode);
        var stored = await admin.GetStringAsync(url);
        var listing = await admin.GetStringAsync(Users);

        foreach (var stale in new[]
        {
            await admin.PostAsJsonAsync($"{url}/roles", new { role = "RegionalLead", scope = "Q30", revision }),
            await admin.DeleteAsync($"{url}/roles/{assignment}?revision={revision}"),
            await admin.PostAsJsonAsync($"{url}/enable", new { revision }),
        })
        {
            Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
            Assert.Equal("application/problem+json", stale.Content.Headers.ContentType?.MediaType);
            var problem = await stale.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Contains($"{DemoAccountSeeder.Administrator} saved this user (now revision {revision + 1})", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
            Assert.Equal(revision + 1, problem.GetProperty("revision").GetInt32());
            var change = Assert.Single(problem.GetProperty("changes").EnumerateArray());
            Assert.Equal(("Status", "Active", "Disabled"), (change.GetProperty("field").GetString(), change.GetProperty("from").GetString(), change.GetProperty("to").GetString()));
        }

        Assert.Equal(stored, await admin.GetStringAsync(url));
        Assert.Equal(listing, await admin.GetStringAsync(Users));
    }

    [Theory]
    [InlineData("POST", "", """{"email":"not an address","displayName":"Jo Bloggs","password":"Commissioning-2011"}""", "$.email")]
    [InlineData("POST", "", """{"email":"national@demo.test","displayName":"Jo Bloggs","password":"Commissioning-2011"}""", "$.email")]
    [InlineData("POST", "", """{"email":"jo.bloggs@example.nhs.uk","displayName":" ","password":"Commissioning-2011"}""", "$.displayName")]
    [InlineData("POST", "", """{"email":"jo.bloggs@example.nhs.uk","displayName":"Jo Bloggs","password":"short"}""", "$.password")]
    [InlineData("POST", "", """{"email":5,"displayName":"Jo Bloggs","password":"Commissioning-2011"}""", "$.email")]
    [InlineData("POST", "", """["jo.bloggs@example.nhs.uk"]""", "$")]
    [InlineData("POST", "/roles", """{"role":"Nobody","revision":0}""", "$.role")]
    [InlineData("POST", "/roles", """{"role":"PctManager","scope":"ZZ9","revision":0}""", "$.scope")]
    [InlineData("POST", "/roles", """{"role":"NationalViewer","revision":0}""", "$.role")]
    [InlineData("POST", "/roles", """{"role":"PctManager","scope":"5D7"}""", "$.revision")]
    [InlineData("POST", "/roles", """{"role":"PctManager","scope":"5D7","revision":"0"}""", "$.revision")]
    [InlineData("POST", "/roles", """{"role":["PctManager"],"scope":"5D7","revision":0}""", "$.role")]
    [InlineData("POST", "/disable", """{}""", "$.revision")]
    [InlineData("POST", "/disable", """{"revision":-1}""", "$.revision")]
    [InlineData("POST", "/enable", """{"revision":1.5}""", "$.revision")]
    [InlineData("DELETE", "/roles/{assignment}", "", "revision")]
    [InlineData("DELETE", "/roles/{assignment}?revision=first", "", "revision")]
    public async Task Invalid_requests_are_400_problems_naming_the_field_and_change_nothing(string method, string path, string body, string field)
    {
        var admin = _factory.CreateClientFor(DemoAccountSeeder.Administrator);
        var id = await UserIdAsync(DemoAccountSeeder.National);
        var assignment = Assert.Single((await ReadAsync(await admin.GetAsync($"{Users}/{id}"))).GetProperty("roles").EnumerateArray()).GetProperty("id").GetInt32();
        var url = (path.Length == 0 ? Users : $"{Users}/{id}{path}").Replace("{assignment}", assignment.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        var before = await admin.GetStringAsync(Users);

        using var request = new HttpRequestMessage(new HttpMethod(method), url);
        if (body.Length > 0)
        {
            request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        }

        var response = await admin.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problems = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("problems").EnumerateArray().ToList();
        Assert.Contains(field, problems.Select(p => p.GetProperty("path").GetString()));
        Assert.All(problems, p => Assert.False(string.IsNullOrWhiteSpace(p.GetProperty("message").GetString())));
        Assert.Equal(before, await admin.GetStringAsync(Users));
    }

    [Theory]
    [InlineData("role=governor", "role")]
    [InlineData("status=asleep", "status")]
    [InlineData("sort=password", "sort")]
    [InlineData("dir=sideways", "dir")]
    [InlineData("page=0", "page")]
    public async Task An_unusable_list_filter_is_a_400_naming_it(string query, string parameter)
    {
        var admin = _factory.CreateClientFor(DemoAccountSeeder.Administrator);

        var response = await admin.GetAsync($"{Users}?{query}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = Assert.Single((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("problems").EnumerateArray());
        Assert.Equal(parameter, problem.GetProperty("path").GetString());
    }

    [Fact]
    public async Task The_list_is_paged_and_a_page_past_the_end_is_not_found()
    {
        var admin = _factory.CreateClientFor(DemoAccountSeeder.Administrator);

        var first = await ReadAsync(await admin.GetAsync($"{Users}?sort=email"));
        var users = first.GetProperty("users").EnumerateArray().ToList();
        var pages = first.GetProperty("pageCount").GetInt32();
        var disabled = await ReadAsync(await admin.GetAsync($"{Users}?status=disabled"));

        Assert.Equal((1, 50), (first.GetProperty("page").GetInt32(), first.GetProperty("pageSize").GetInt32()));
        Assert.InRange(users.Count, 1, 50);
        Assert.Contains(users, u => u.GetProperty("email").GetString() == DemoAccountSeeder.Administrator);
        Assert.Equal(first.GetProperty("totalUsers").GetInt32(), first.GetProperty("matchingUsers").GetInt32());
        Assert.Equal((0, first.GetProperty("totalUsers").GetInt32()), (disabled.GetProperty("matchingUsers").GetInt32(), disabled.GetProperty("totalUsers").GetInt32()));
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"{Users}?page={pages + 1}")).StatusCode);
    }

    [Fact]
    public async Task Only_administrators_reach_users_and_nobody_else_changes_anything()
    {
        var admin = _factory.CreateClientFor(DemoAccountSeeder.Administrator);
        var id = await UserIdAsync(DemoAccountSeeder.National);
        var assignment = Assert.Single((await ReadAsync(await admin.GetAsync($"{Users}/{id}"))).GetProperty("roles").EnumerateArray()).GetProperty("id").GetInt32();
        var before = await admin.GetStringAsync(Users);
        (string Method, string Url, string? Body)[] calls =
        [
            ("GET", Users, null),
            ("GET", $"{Users}/{id}", null),
            ("POST", Users, $$"""{"email":"{{NewEmail}}","displayName":"Jo Bloggs","password":"{{NewPassword}}"}"""),
            ("POST", $"{Users}/{id}/roles", """{"role":"Administrator","revision":0}"""),
            ("DELETE", $"{Users}/{id}/roles/{assignment}?revision=0", null),
            ("POST", $"{Users}/{id}/disable", """{"revision":0}"""),
            ("POST", $"{Users}/{id}/enable", """{"revision":0}"""),
        ];

        foreach (var email in new[] { DemoAccountSeeder.National, DemoAccountSeeder.Regional("Q30"), DemoAccountSeeder.PctManager("5D7"), DemoAccountSeeder.ConsortiumLead("00G"), null })
        {
            using var client = email is null ? _factory.CreateClient() : _factory.CreateClientFor(email);
            foreach (var (method, url, body) in calls)
            {
                using var request = new HttpRequestMessage(new HttpMethod(method), url);
                if (body is not null)
                {
                    request.Content = new StringContent(body, Encoding.UTF8, "application/json");
                }

                var response = await client.SendAsync(request);
                var expected = email is null ? new[] { HttpStatusCode.Unauthorized } : new[] { HttpStatusCode.NotFound, HttpStatusCode.Forbidden };
                Assert.True(expected.Contains(response.StatusCode), $"{email ?? "anonymous"} {method} {url}: {response.StatusCode}");
                Assert.DoesNotContain(DemoAccountSeeder.National, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            }
        }

        Assert.Equal(before, await admin.GetStringAsync(Users));
    }

    public void Dispose() => _factory.Dispose();

    private static async Task<JsonElement> ReadAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    private Task<string> UserIdAsync(string email) => AdminAccounts.UserIdAsync(_factory.Services, email);
}
