using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TransitionTracker.Application.Access;
using TransitionTracker.Data;
using TransitionTracker.Data.Seeding;
using TransitionTracker.Web.Access;
using TransitionTracker.Web.Tests.Infrastructure;

namespace TransitionTracker.Web.Tests.Access;

/// <summary>Sessions end on the server: signing out, using a refresh token, or a changed account ends what was issued.</summary>
public sealed class SessionTests : IDisposable
{
    private const string SignInCookie = "TransitionTracker.SignIn";

    private readonly ClockedFactory _factory = new();

    [Fact]
    public async Task A_copied_sign_in_cookie_stops_working_when_its_owner_signs_out()
    {
        var browser = NewBrowser();
        var cookie = SignInCookieOf(await SignInAsync(browser, DemoAccountSeeder.National));
        var copy = WithCookie(cookie);
        Assert.Equal(HttpStatusCode.OK, (await copy.GetAsync("/")).StatusCode);

        await FormPost.SubmitAsync(browser, "/sign-out", "sign-out", new Dictionary<string, string>());

        var afterSignOut = await copy.GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, afterSignOut.StatusCode);
        Assert.StartsWith("/sign-in", afterSignOut.Headers.Location!.PathAndQuery);
        Assert.Equal(HttpStatusCode.Unauthorized, (await copy.GetAsync("/api/consortia")).StatusCode);
    }

    [Fact]
    public async Task Signing_out_on_one_device_leaves_the_users_other_sign_ins_working()
    {
        var laptop = NewBrowser();
        var phone = NewBrowser();
        await SignInAsync(laptop, DemoAccountSeeder.National);
        await SignInAsync(phone, DemoAccountSeeder.National);

        await FormPost.SubmitAsync(laptop, "/sign-out", "sign-out", new Dictionary<string, string>());

        Assert.Equal(HttpStatusCode.Redirect, (await laptop.GetAsync("/")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await phone.GetAsync("/")).StatusCode);
    }

    [Fact]
    public async Task A_refresh_token_works_once_and_the_new_access_token_replaces_the_old_one()
    {
        var tokens = await LogInAsync(DemoAccountSeeder.National);
        var refreshToken = tokens.GetProperty("refreshToken").GetString()!;

        var first = await RefreshAsync(refreshToken);
        var again = await RefreshAsync(refreshToken);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, again.StatusCode);
        var renewed = await first.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(HttpStatusCode.OK, (await WithToken(renewed.GetProperty("accessToken").GetString()!).GetAsync("/api/consortia")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await WithToken(tokens.GetProperty("accessToken").GetString()!).GetAsync("/api/consortia")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await RefreshAsync(renewed.GetProperty("refreshToken").GetString()!)).StatusCode);
    }

    [Fact]
    public async Task Two_requests_racing_to_use_one_refresh_token_get_one_new_pair()
    {
        var refreshToken = (await LogInAsync(DemoAccountSeeder.National)).GetProperty("refreshToken").GetString()!;

        var answers = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => RefreshAsync(refreshToken)));

        Assert.Single(answers, a => a.StatusCode == HttpStatusCode.OK);
        Assert.All(answers.Where(a => a.StatusCode != HttpStatusCode.OK), a => Assert.Equal(HttpStatusCode.Unauthorized, a.StatusCode));
    }

    [Fact]
    public async Task Cookies_and_tokens_issued_before_a_user_was_disabled_stay_refused_after_they_are_enabled_again()
    {
        var lead = DemoAccountSeeder.ConsortiumLead("00G");
        var browser = NewBrowser();
        await SignInAsync(browser, lead);
        var token = WithToken((await LogInAsync(lead)).GetProperty("accessToken").GetString()!);

        await AdminAccounts.DisableAsync(_factory.Services, lead);
        Assert.Equal(HttpStatusCode.Unauthorized, (await token.GetAsync("/api/consortia")).StatusCode);
        await AdminAccounts.EnableAsync(_factory.Services, lead);

        Assert.Equal(HttpStatusCode.Unauthorized, (await token.GetAsync("/api/consortia")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await browser.GetAsync("/consortia/00G")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await WithToken((await LogInAsync(lead)).GetProperty("accessToken").GetString()!).GetAsync("/api/consortia")).StatusCode);
    }

    [Fact]
    public async Task Each_sign_in_is_a_session_on_the_server_that_ends_when_the_user_signs_out()
    {
        var browser = NewBrowser();
        await SignInAsync(browser, DemoAccountSeeder.National);
        Assert.Equal([false], await SessionsEndedAsync(DemoAccountSeeder.National));

        await FormPost.SubmitAsync(browser, "/sign-out", "sign-out", new Dictionary<string, string>());

        Assert.Equal([true], await SessionsEndedAsync(DemoAccountSeeder.National));
    }

    [Fact]
    public async Task A_session_that_ended_more_than_a_day_ago_is_removed_when_the_user_next_signs_in()
    {
        var browser = NewBrowser();
        await SignInAsync(browser, DemoAccountSeeder.National);
        await FormPost.SubmitAsync(browser, "/sign-out", "sign-out", new Dictionary<string, string>());
        _factory.Clock.Advance(SessionStore.EndedSessionsKeptFor + TimeSpan.FromMinutes(1));

        await SignInAsync(NewBrowser(), DemoAccountSeeder.National);

        Assert.Equal([false], await SessionsEndedAsync(DemoAccountSeeder.National));
    }

    public void Dispose() => _factory.Dispose();

    private static string SignInCookieOf(HttpResponseMessage response) =>
        response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(SignInCookie + "=", StringComparison.Ordinal)).Split(';')[0];

    private static Task<HttpResponseMessage> SignInAsync(HttpClient client, string email) =>
        FormPost.SubmitAsync(client, "/sign-in", "sign-in", new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = DemoAccountSeeder.DefaultPassword,
        });

    private HttpClient NewBrowser() => _factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    private HttpClient WithCookie(string cookie)
    {
        var client = _factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        client.DefaultRequestHeaders.Add("Cookie", cookie);
        return client;
    }

    private HttpClient WithToken(string token)
    {
        var client = _factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    private async Task<JsonElement> LogInAsync(string email)
    {
        var response = await _factory.CreateClient().PostAsJsonAsync("/api/identity/login", new { email, password = DemoAccountSeeder.DefaultPassword });
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private Task<HttpResponseMessage> RefreshAsync(string refreshToken) =>
        _factory.CreateClient().PostAsJsonAsync("/api/identity/refresh", new { refreshToken });

    private async Task<string> UserIdAsync(string email)
    {
        using var scope = _factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TransitionTrackerDbContext>();
        return await db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync();
    }

    private async Task<List<bool>> SessionsEndedAsync(string email)
    {
        var userId = await UserIdAsync(email);
        using var scope = _factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TransitionTrackerDbContext>();
        return await db.UserSessions.Where(s => s.UserId == userId).Select(s => s.EndedAtUtc != null).ToListAsync();
    }
}
