using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using TransitionTracker.Data.Seeding;
using TransitionTracker.Web.Tests.Infrastructure;

namespace TransitionTracker.Web.Tests.Components.Pages.Account;

public sealed class AccountTests : IDisposable
{
    private readonly TransitionTrackerFactory _factory = new();

    [Fact]
    public async Task Signing_in_through_the_form_returns_to_the_page_asked_for_and_shows_only_the_users_scope()
    {
        var client = NewBrowser();
        var challenge = await client.GetAsync("/pcts/5D7");
        Assert.Equal(HttpStatusCode.Redirect, challenge.StatusCode);
        Assert.StartsWith("/sign-in?ReturnUrl=", challenge.Headers.Location!.PathAndQuery);

        var signIn = await SignInAsync(client, DemoAccountSeeder.PctManager("5D7"), DemoAccountSeeder.DefaultPassword, returnUrl: "/pcts/5D7");

        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.Equal("/pcts/5D7", signIn.Headers.Location!.PathAndQuery);
        var (_, home) = await HtmlPage.GetAsync(client, "/");
        Assert.Equal("Your PCTs", home.QuerySelector("h2")!.Text());
        Assert.Contains(DemoAccountSeeder.PctManager("5D7"), home.QuerySelector(".app-header__account")!.Text());
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/pcts/5D8")).StatusCode);
    }

    [Fact]
    public async Task Sign_in_never_sends_anyone_to_another_site()
    {
        var client = NewBrowser();

        var signIn = await SignInAsync(client, DemoAccountSeeder.National, DemoAccountSeeder.DefaultPassword, returnUrl: "//evil.example/steal");

        Assert.Equal("localhost", signIn.Headers.Location!.Host);
        Assert.Equal("/", signIn.Headers.Location.PathAndQuery);
    }

    [Fact]
    public async Task Wrong_password_and_empty_fields_are_explained_and_the_email_is_kept()
    {
        var client = NewBrowser();

        var empty = await HtmlPage.ParseAsync(await (await SignInAsync(client, "", "")).Content.ReadAsStringAsync());
        Assert.Equal(["Enter your email address", "Enter your password"], empty.QuerySelectorAll(".app-error-summary__list a").Select(a => a.Text()).ToArray());

        var wrong = await HtmlPage.ParseAsync(await (await SignInAsync(client, DemoAccountSeeder.National, "Not-the-password-1")).Content.ReadAsStringAsync());
        Assert.Equal("Enter a correct email address and password", wrong.QuerySelector(".app-error-summary__list a")!.Text());
        Assert.Equal(DemoAccountSeeder.National, wrong.QuerySelector("#email")!.GetAttribute("value"));
        Assert.Null(wrong.QuerySelector("#password")!.GetAttribute("value"));
    }

    [Fact]
    public async Task Signing_out_ends_the_session()
    {
        var client = NewBrowser();
        await SignInAsync(client, DemoAccountSeeder.National, DemoAccountSeeder.DefaultPassword);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/")).StatusCode);

        var signOut = await FormPost.SubmitAsync(client, "/sign-out", "sign-out", new Dictionary<string, string>());

        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);
        Assert.Equal("/sign-in?signedOut=true", signOut.Headers.Location!.PathAndQuery);
        var after = await client.GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.StartsWith("/sign-in", after.Headers.Location!.PathAndQuery);
    }

    [Fact]
    public async Task A_form_post_without_an_antiforgery_token_is_rejected_and_signs_nobody_in()
    {
        var client = NewBrowser();

        var response = await client.PostAsync("/sign-in", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "sign-in",
            ["Input.Email"] = DemoAccountSeeder.National,
            ["Input.Password"] = DemoAccountSeeder.DefaultPassword,
        }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/")).StatusCode);
    }

    [Fact]
    public async Task Cookies_are_http_only_and_same_site()
    {
        var client = NewBrowser();
        var response = await SignInAsync(client, DemoAccountSeeder.National, DemoAccountSeeder.DefaultPassword);

        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("TransitionTracker.SignIn=", StringComparison.Ordinal));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", cookie, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("/sign-in")]
    [InlineData("/healthz")]
    [InlineData("/api/consortia")]
    [InlineData("/no-such-page")]
    public async Task Every_response_carries_the_security_headers(string url)
    {
        var response = await NewBrowser().GetAsync(url);

        var csp = string.Join(' ', response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("script-src 'self'", csp);
        Assert.Contains("frame-ancestors 'none'", csp);
        // Scripts: only the site's own files. Styles may be inline (MudBlazor's theme and positions; docs/security.md).
        var scriptSource = csp.Split(';').Select(d => d.Trim()).Single(d => d.StartsWith("script-src ", StringComparison.Ordinal));
        Assert.Equal("script-src 'self'", scriptSource);
        Assert.DoesNotContain("unsafe-eval", csp);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("strict-origin-when-cross-origin", response.Headers.GetValues("Referrer-Policy").Single());
    }

    [Fact]
    public async Task Pages_contain_no_inline_script()
    {
        var (_, page) = await HtmlPage.GetAsync(NewBrowser(), "/sign-in");

        Assert.All(page.QuerySelectorAll("script"), s => Assert.False(string.IsNullOrEmpty(s.GetAttribute("src")), "inline script found"));
        Assert.Empty(page.QuerySelectorAll("[onclick], [onload], [onerror], [onsubmit], [href^='javascript:']"));
    }

    public void Dispose() => _factory.Dispose();

    private HttpClient NewBrowser() => _factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    private static Task<HttpResponseMessage> SignInAsync(HttpClient client, string email, string password, string? returnUrl = null)
    {
        var url = returnUrl is null ? "/sign-in" : $"/sign-in?ReturnUrl={Uri.EscapeDataString(returnUrl)}";
        return FormPost.SubmitAsync(client, url, "sign-in", new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = password,
        }, postUrl: url);
    }
}
