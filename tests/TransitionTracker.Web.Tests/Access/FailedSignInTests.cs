using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using TransitionTracker.Application.Access;
using TransitionTracker.Data.Seeding;
using TransitionTracker.Web.Access;
using TransitionTracker.Web.Tests.Infrastructure;

namespace TransitionTracker.Web.Tests.Access;

/// <summary>
/// Failed sign-ins give one answer whatever went wrong, and guessing is throttled per account name and client
/// address (ASVS 2.2.1) instead of locking the account. Client addresses come from X-Forwarded-For, as behind the
/// reverse proxy in production.
/// </summary>
public sealed class FailedSignInTests : IDisposable
{
    private const string Attacker = "203.0.113.66";
    private const string Owner = "198.51.100.7";
    private const string WrongPassword = "Not-the-password-1";

    private readonly ClockedFactory _clocked = new();
    private readonly WebApplicationFactory<Program> _app;

    public FailedSignInTests() =>
        _app = _clocked.WithWebHostBuilder(builder => builder.UseSetting("FORWARDEDHEADERS_ENABLED", "true"));

    [Fact]
    public async Task Every_failed_sign_in_gets_the_same_answer_whether_the_account_exists_or_is_disabled()
    {
        var lead = DemoAccountSeeder.ConsortiumLead("00G");

        var wrongPassword = await FormAnswerAsync(Owner, DemoAccountSeeder.National, WrongPassword);
        var noSuchAccount = await FormAnswerAsync(Owner, "nobody@demo.test", WrongPassword);
        var wrongApi = await ApiAnswerAsync(Owner, DemoAccountSeeder.National, WrongPassword);
        var noSuchApi = await ApiAnswerAsync(Owner, "nobody@demo.test", WrongPassword);
        await AdminAccounts.DisableAsync(_app.Services, lead);
        var disabled = await FormAnswerAsync(Owner, lead, DemoAccountSeeder.DefaultPassword);
        var disabledApi = await ApiAnswerAsync(Owner, lead, DemoAccountSeeder.DefaultPassword);

        Assert.Equal(["Enter a correct email address and password"], wrongPassword);
        Assert.Equal(wrongPassword, noSuchAccount);
        Assert.Equal(wrongPassword, disabled);
        Assert.Equal((HttpStatusCode.Unauthorized, "Failed"), wrongApi);
        Assert.Equal(wrongApi, noSuchApi);
        Assert.Equal(wrongApi, disabledApi);
    }

    [Fact]
    public async Task Guessing_from_one_address_makes_it_wait_longer_each_time_while_the_owner_still_signs_in_from_elsewhere()
    {
        var regional = DemoAccountSeeder.Regional("Q31");
        for (var attempt = 0; attempt < SignInThrottling.FreeFailures; attempt++)
        {
            await FormAnswerAsync(Attacker, regional, WrongPassword);
        }

        // Even the right password is refused from the guessing address, with the same answer as a wrong one, and
        // never "locked out".
        Assert.Equal(["Enter a correct email address and password"], await FormAnswerAsync(Attacker, regional, DemoAccountSeeder.DefaultPassword));
        Assert.Equal((HttpStatusCode.Unauthorized, "Failed"), await ApiAnswerAsync(Attacker, regional, DemoAccountSeeder.DefaultPassword));
        Assert.Equal(HttpStatusCode.Redirect, (await SignInAsync(Owner, regional, DemoAccountSeeder.DefaultPassword)).StatusCode);

        // After the first wait, one more wrong guess doubles it.
        _clocked.Clock.Advance(SignInThrottling.FirstDelay);
        await FormAnswerAsync(Attacker, regional, WrongPassword);
        _clocked.Clock.Advance(SignInThrottling.FirstDelay);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await SignInAsync(Attacker, regional, DemoAccountSeeder.DefaultPassword)).StatusCode);
        _clocked.Clock.Advance(SignInThrottling.FirstDelay);
        Assert.Equal(HttpStatusCode.Redirect, (await SignInAsync(Attacker, regional, DemoAccountSeeder.DefaultPassword)).StatusCode);
    }

    [Fact]
    public async Task One_account_takes_at_most_a_hundred_failed_guesses_an_hour_from_all_addresses_together()
    {
        var national = DemoAccountSeeder.National;
        for (var address = 0; address < SignInThrottling.MaxFailuresPerAccountPerHour; address++)
        {
            await ApiAnswerAsync($"192.0.2.{address + 1}", national, WrongPassword);
        }

        Assert.Equal((HttpStatusCode.Unauthorized, "Failed"), await ApiAnswerAsync(Owner, national, DemoAccountSeeder.DefaultPassword));
        Assert.Equal(HttpStatusCode.OK, (await LogInAsync(Owner, DemoAccountSeeder.PctManager("5D7"), DemoAccountSeeder.DefaultPassword)).StatusCode);

        _clocked.Clock.Advance(TimeSpan.FromHours(1));
        Assert.Equal(HttpStatusCode.OK, (await LogInAsync(Owner, national, DemoAccountSeeder.DefaultPassword)).StatusCode);
    }

    public void Dispose()
    {
        _app.Dispose();
        _clocked.Dispose();
    }

    private HttpClient From(string address)
    {
        var client = _app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Add("X-Forwarded-For", address);
        return client;
    }

    private Task<HttpResponseMessage> SignInAsync(string address, string email, string password) =>
        FormPost.SubmitAsync(From(address), "/sign-in", "sign-in", new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = password,
        });

    private async Task<string[]> FormAnswerAsync(string address, string email, string password)
    {
        var response = await SignInAsync(address, email, password);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var page = await HtmlPage.ParseAsync(await response.Content.ReadAsStringAsync());
        return page.QuerySelectorAll(".app-error-summary__list a").Select(a => a.Text()).ToArray();
    }

    private Task<HttpResponseMessage> LogInAsync(string address, string email, string password) =>
        From(address).PostAsJsonAsync("/api/identity/login", new { email, password });

    private async Task<(HttpStatusCode, string?)> ApiAnswerAsync(string address, string email, string password)
    {
        var response = await LogInAsync(address, email, password);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        return (response.StatusCode, problem.GetProperty("detail").GetString());
    }
}
