using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using TransitionTracker.Data.Seeding;
using TransitionTracker.Web.Tests.Infrastructure;

namespace TransitionTracker.Web.Tests.Infrastructure.RateLimiting;

/// <summary>
/// The rate limits with low numbers, on a real Kestrel instance so that each client has a real IP address
/// (127.0.0.1, 127.0.0.2, … are all this machine).
/// </summary>
public sealed class RateLimitTests : IDisposable
{
    private const int SignInLimit = 3;
    private const int ApiLimit = 5;

    private readonly TestDatabase _database = TestDatabases.NewCopy();
    private readonly KestrelInstance _app;

    public RateLimitTests()
    {
        _app = new KestrelInstance(KestrelInstance.For(_database,
            ("RateLimiting:Enabled", "true"),
            ("RateLimiting:SignIn:PermitLimit", SignInLimit.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ("RateLimiting:SignIn:WindowSeconds", "60"),
            ("RateLimiting:Api:PermitLimit", ApiLimit.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ("RateLimiting:Api:WindowSeconds", "60"))).Start();
    }

    public void Dispose()
    {
        _app.Dispose();
        _database.ReleaseConnections();
        TestDatabases.Delete(_database);
    }

    [Fact]
    public async Task Sign_in_attempts_beyond_the_limit_get_429_from_that_IP_only_on_the_form_and_the_API()
    {
        using var guesser = _app.NewClient(from: IPAddress.Parse("127.0.0.1"));
        for (var attempt = 1; attempt <= SignInLimit; attempt++)
        {
            var refused = await guesser.PostAsJsonAsync("/api/identity/login", new { email = "nobody@demo.test", password = $"Guess-number-{attempt}" });
            Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        }

        var limited = await guesser.PostAsJsonAsync("/api/identity/login", new { email = DemoAccountSeeder.National, password = DemoAccountSeeder.DefaultPassword });
        await AssertTooManyProblemAsync(limited);
        await AssertTooManyProblemAsync(await guesser.PostAsJsonAsync("/api/identity/refresh", new { refreshToken = "anything" }));

        // The form: still shown, but its post is refused with a page that says how long to wait.
        var (form, _) = await HtmlPage.GetAsync(guesser, "/sign-in?ReturnUrl=%2Fnational");
        Assert.Equal(HttpStatusCode.OK, form.StatusCode);
        var posted = await FormPost.SubmitAsync(guesser, "/sign-in?ReturnUrl=%2Fnational", "sign-in", new Dictionary<string, string>
        {
            ["Input.Email"] = DemoAccountSeeder.National,
            ["Input.Password"] = DemoAccountSeeder.DefaultPassword,
        });
        Assert.Equal(HttpStatusCode.TooManyRequests, posted.StatusCode);
        var wait = posted.Headers.RetryAfter?.Delta ?? throw new Xunit.Sdk.XunitException("No Retry-After on the sign-in page's 429.");
        Assert.InRange(wait.TotalSeconds, 1, 60);
        Assert.Equal("text/html", posted.Content.Headers.ContentType?.MediaType);
        var page = await HtmlPage.ParseAsync(await posted.Content.ReadAsStringAsync());
        Assert.Equal("Too many sign-in attempts", page.QuerySelector("h1")?.Text());
        Assert.Contains("Too many sign-in attempts", page.Title);
        Assert.Equal("/sign-in?ReturnUrl=%2Fnational", page.QuerySelector("main a")?.GetAttribute("href"));
        Assert.NotNull(page.QuerySelector("header.app-header"));

        // Someone else, elsewhere, signs in as usual, through the form and the API.
        using var colleague = _app.NewClient(from: IPAddress.Parse("127.0.0.2"));
        var signedIn = await FormPost.SubmitAsync(colleague, "/sign-in", "sign-in", new Dictionary<string, string>
        {
            ["Input.Email"] = DemoAccountSeeder.National,
            ["Input.Password"] = DemoAccountSeeder.DefaultPassword,
        });
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        var login = await colleague.PostAsJsonAsync("/api/identity/login", new { email = DemoAccountSeeder.National, password = DemoAccountSeeder.DefaultPassword });
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
    }

    [Fact]
    public async Task API_requests_beyond_the_limit_get_429_for_that_user_while_other_users_carry_on()
    {
        using var busy = await SignedInScriptAsync(DemoAccountSeeder.Regional("Q30"), IPAddress.Parse("127.0.0.3"));
        using var other = await SignedInScriptAsync(DemoAccountSeeder.National, IPAddress.Parse("127.0.0.3"));

        for (var request = 1; request <= ApiLimit; request++)
        {
            Assert.Equal(HttpStatusCode.OK, (await busy.GetAsync("/api/consortia")).StatusCode);
        }

        await AssertTooManyProblemAsync(await busy.GetAsync("/api/consortia"));
        await AssertTooManyProblemAsync(await busy.GetAsync("/api/regions/Q30/summary"));

        // The same address, another user: their own allowance. Pages are not limited at all.
        Assert.Equal(HttpStatusCode.OK, (await other.GetAsync("/api/consortia")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await busy.GetAsync("/regions/Q30")).StatusCode);

        // Anonymous callers are counted per address.
        using var anonymous = _app.NewClient(from: IPAddress.Parse("127.0.0.4"));
        for (var request = 1; request <= ApiLimit; request++)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/consortia")).StatusCode);
        }

        await AssertTooManyProblemAsync(await anonymous.GetAsync("/api/consortia"));
        using var anonymousElsewhere = _app.NewClient(from: IPAddress.Parse("127.0.0.5"));
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymousElsewhere.GetAsync("/api/consortia")).StatusCode);
    }

    private async Task<HttpClient> SignedInScriptAsync(string email, IPAddress from)
    {
        // Logging in is an anonymous API request: it counts against the address, not the user.
        using var login = _app.NewClient(from: IPAddress.Parse("127.0.0.9"));
        var response = await login.PostAsJsonAsync("/api/identity/login", new { email, password = DemoAccountSeeder.DefaultPassword });
        response.EnsureSuccessStatusCode();
        var client = _app.NewClient(from: from);
        var token = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    private static async Task AssertTooManyProblemAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var wait = response.Headers.RetryAfter?.Delta ?? throw new Xunit.Sdk.XunitException("No Retry-After on a 429.");
        Assert.InRange(wait.TotalSeconds, 1, 60);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(429, problem.GetProperty("status").GetInt32());
        Assert.Equal("Too many requests.", problem.GetProperty("title").GetString());
    }
}
