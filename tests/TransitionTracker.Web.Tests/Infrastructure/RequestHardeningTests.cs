using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using TransitionTracker.Data.Seeding;

namespace TransitionTracker.Web.Tests.Infrastructure;

/// <summary>Cache-Control on private answers, the Origin check, no Server header, and a clear page over plain HTTP.</summary>
public sealed class RequestHardeningTests : IDisposable
{
    private const string OtherSite = "https://evil.example";

    private readonly TransitionTrackerFactory _factory = new();

    [Theory]
    [InlineData("/api/consortia")]
    [InlineData("/api/consortia/00G")]
    [InlineData("/regions/Q30/consortia.csv")]
    [InlineData("/regions/Q30/heatmap.csv")]
    public async Task Api_answers_and_csv_downloads_are_marked_never_to_be_stored(string url)
    {
        var response = await _factory.CreateClientFor(DemoAccountSeeder.National).GetAsync(url);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(response.Headers.CacheControl?.NoStore, $"{url} has Cache-Control: {response.Headers.CacheControl}");
    }

    [Theory]
    [InlineData("Origin", OtherSite)]
    [InlineData("Origin", "null")]
    [InlineData("Referer", OtherSite + "/sign-out")]
    public async Task A_form_sent_from_another_site_with_the_cookie_is_refused_and_changes_nothing(string header, string value)
    {
        var browser = await SignedInBrowserAsync();
        browser.DefaultRequestHeaders.Add(header, value);

        var signOut = await FormPost.SubmitAsync(browser, "/sign-out", "sign-out", new Dictionary<string, string>());

        Assert.Equal(HttpStatusCode.Forbidden, signOut.StatusCode);
        var page = await HtmlPage.ParseAsync(await signOut.Content.ReadAsStringAsync());
        Assert.Equal("Sorry, this form was sent from another site", page.QuerySelector("h1")!.Text());
        browser.DefaultRequestHeaders.Remove(header);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/")).StatusCode);
    }

    [Fact]
    public async Task A_form_from_the_sites_own_pages_or_without_origin_headers_is_accepted()
    {
        var browser = await SignedInBrowserAsync();
        browser.DefaultRequestHeaders.Add("Origin", "http://localhost");
        browser.DefaultRequestHeaders.Add("Referer", "http://localhost/sign-out");

        var signOut = await FormPost.SubmitAsync(browser, "/sign-out", "sign-out", new Dictionary<string, string>());

        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);
    }

    [Fact]
    public async Task The_api_refuses_a_cookie_request_from_another_site_with_problem_details_but_not_a_bearer_request()
    {
        var browser = await SignedInBrowserAsync();
        var script = _factory.CreateClientFor(DemoAccountSeeder.National);

        var fromCookie = await PostScoringAsync(browser);
        var fromToken = await PostScoringAsync(script);

        Assert.Equal(HttpStatusCode.Forbidden, fromCookie.StatusCode);
        Assert.Equal("application/problem+json", fromCookie.Content.Headers.ContentType!.MediaType);
        Assert.Contains("came from another site", await fromCookie.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, fromToken.StatusCode);
    }

    [Fact]
    public async Task Real_server_answers_carry_no_server_header()
    {
        var database = TestDatabases.NewCopy();
        try
        {
            using var app = new KestrelInstance(KestrelInstance.For(database)).Start();
            using var client = app.NewClient();

            var response = await client.GetAsync("/healthz/live");

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Empty(response.Headers.Server);
        }
        finally
        {
            database.ReleaseConnections();
            TestDatabases.Delete(database);
        }
    }

    [Fact]
    public async Task Outside_development_plain_http_gets_a_page_naming_the_forwarded_headers_setting()
    {
        using var production = _factory.WithWebHostBuilder(b => b.UseEnvironment("Production"));
        var overHttp = production.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("http://localhost") });
        var overHttps = production.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("https://localhost") });

        var plain = await overHttp.GetAsync("/sign-in");

        var page = await HtmlPage.ParseAsync(await plain.Content.ReadAsStringAsync());
        Assert.Contains("must be reached over HTTPS", page.QuerySelector("main")!.Text());
        Assert.Contains("ASPNETCORE_FORWARDEDHEADERS_ENABLED=true", page.QuerySelector("main")!.Text());
        Assert.Equal(HttpStatusCode.OK, (await overHttps.GetAsync("/sign-in")).StatusCode);
    }

    public void Dispose() => _factory.Dispose();

    private static async Task<HttpResponseMessage> PostScoringAsync(HttpClient client)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/scoring/evaluate")
        {
            Content = new StringContent("""{"framework": "gp-consortium-readiness-2010", "responses": []}""", Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("Origin", OtherSite);
        return await client.SendAsync(request);
    }

    private async Task<HttpClient> SignedInBrowserAsync()
    {
        var browser = _factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var signIn = await FormPost.SubmitAsync(browser, "/sign-in", "sign-in", new Dictionary<string, string>
        {
            ["Input.Email"] = DemoAccountSeeder.National,
            ["Input.Password"] = DemoAccountSeeder.DefaultPassword,
        });
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        return browser;
    }
}
