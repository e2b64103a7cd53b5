using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.DependencyInjection;
using TransitionTracker.Application.Live;
using TransitionTracker.Data.Changes;
using TransitionTracker.Data.Seeding;
using TransitionTracker.Web.Tests.Infrastructure;

namespace TransitionTracker.Web.Tests.Resilience;

/// <summary>
/// Two real instances of the app on one PostgreSQL database, as behind a load balancer: whatever one instance
/// issues (sign-in cookie, antiforgery tokens, bearer and refresh tokens) the other accepts, and a session one ends
/// is ended on the other.
/// </summary>
public sealed class ScaleOutTests
{
    private const string Lessons = "/consortia/00G/lessons";

    [PostgresFact]
    public async Task Two_instances_started_together_share_one_key_and_accept_each_others_cookies_and_tokens()
    {
        using var database = await PostgresTestDatabase.CreateSeededAsync(PostgresServer.Require(), "scaleout");
        using var a = new KestrelInstance(KestrelInstance.Postgres(database.ConnectionString));
        using var b = new KestrelInstance(KestrelInstance.Postgres(database.ConnectionString));

        // Both start at once on an empty key store: only one of them may create the key.
        await Task.WhenAll(Task.Run(() => a.Start()), Task.Run(() => b.Start()));
        Assert.Equal(1, await database.CountAsync("DataProtectionKeys"));
        var keyOfA = Assert.Single(a.Services.GetRequiredService<IKeyManager>().GetAllKeys()).KeyId;
        var keyOfB = Assert.Single(b.Services.GetRequiredService<IKeyManager>().GetAllKeys()).KeyId;
        Assert.Equal(keyOfA, keyOfB);
        Assert.NotEqual(a.BaseAddress.Port, b.BaseAddress.Port);

        // One browser (one cookie jar), its requests sent to either instance.
        var cookies = new CookieContainer();
        using var onA = a.NewClient(cookies);
        using var onB = b.NewClient(cookies);
        var lead = DemoAccountSeeder.ConsortiumLead("00G");

        await SignInAsync(onA, lead);
        Assert.Contains(cookies.GetCookies(b.BaseAddress), c => c.Name == "TransitionTracker.SignIn");

        var (pageOnB, documentOnB) = await HtmlPage.GetAsync(onB, Lessons);
        Assert.Equal(HttpStatusCode.OK, pageOnB.StatusCode);
        Assert.Contains(lead, documentOnB.QuerySelector(".app-header__account")!.Text());

        // A form read from A, posted to B, and the other way round: signing out, which ends the session on both.
        Assert.Equal(HttpStatusCode.Redirect, (await PostSignOutAsync(formFrom: onA, postTo: onB)).StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, (await onA.GetAsync(Lessons)).StatusCode);
        await SignInAsync(onB, lead);
        Assert.Equal(HttpStatusCode.Redirect, (await PostSignOutAsync(formFrom: onB, postTo: onA)).StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, (await onB.GetAsync(Lessons)).StatusCode);

        // Bearer and refresh tokens from A's login work on B.
        using var script = a.NewClient();
        var login = await script.PostAsJsonAsync("/api/identity/login", new { email = lead, password = DemoAccountSeeder.DefaultPassword });
        login.EnsureSuccessStatusCode();
        var tokens = await login.Content.ReadFromJsonAsync<JsonElement>();
        using var scriptOnB = b.NewClient();
        scriptOnB.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", tokens.GetProperty("accessToken").GetString());
        var consortia = await scriptOnB.GetAsync("/api/consortia");
        Assert.Equal(HttpStatusCode.OK, consortia.StatusCode);
        Assert.Contains("00G", await consortia.Content.ReadAsStringAsync());

        using var refreshOnB = b.NewClient();
        var refreshed = await refreshOnB.PostAsJsonAsync("/api/identity/refresh", new { refreshToken = tokens.GetProperty("refreshToken").GetString() });
        Assert.Equal(HttpStatusCode.OK, refreshed.StatusCode);

        // A refresh token used on B is spent on A too, and the access token issued with it stops working there.
        var reused = await script.PostAsJsonAsync("/api/identity/refresh", new { refreshToken = tokens.GetProperty("refreshToken").GetString() });
        Assert.Equal(HttpStatusCode.Unauthorized, reused.StatusCode);
        script.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", tokens.GetProperty("accessToken").GetString());
        Assert.Equal(HttpStatusCode.Unauthorized, (await script.GetAsync("/api/consortia")).StatusCode);
    }

    [PostgresFact]
    public async Task A_change_saved_through_one_instance_shows_at_once_on_the_other_which_had_the_page_in_memory()
    {
        using var database = await PostgresTestDatabase.CreateSeededAsync(PostgresServer.Require(), "scaleoutcache");
        using var a = new KestrelInstance(KestrelInstance.Postgres(database.ConnectionString));
        using var b = new KestrelInstance(KestrelInstance.Postgres(database.ConnectionString));
        await Task.WhenAll(Task.Run(() => a.Start()), Task.Run(() => b.Start()));

        var cookies = new CookieContainer();
        using var onA = a.NewClient(cookies);
        using var onB = b.NewClient(cookies);
        await SignInAsync(onA, DemoAccountSeeder.Regional("Q30"));

        // B reads the status page twice, so it is in B's read cache.
        for (var i = 0; i < 2; i++)
        {
            var (page, document) = await HtmlPage.GetAsync(onB, "/consortia/00G");
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            Assert.DoesNotContain("by the regional lead", document.QuerySelector("#track")!.Text(), StringComparison.Ordinal);
        }

        // Decided on A as its circuits do, through the use case.
        var decided = await Components.Pages.Consortia.TrackDecisionTests.DecideAsync(
            a.Services, DemoAccountSeeder.Regional("Q30"), "00G", "needs-support", "Decided on instance A; instance B must show it on its next request.");
        Assert.True(decided.IsSaved);

        var (_, afterOnB) = await HtmlPage.GetAsync(onB, "/consortia/00G");
        var track = afterOnB.QuerySelector("#track")!.Text();
        Assert.Contains("by the regional lead, regional.q30@demo.test", track, StringComparison.Ordinal);
        Assert.Contains("Decided on instance A", track, StringComparison.Ordinal);
    }

    [PostgresFact]
    public async Task A_change_committed_on_one_instance_is_heard_by_the_other_through_postgres_and_not_twice_by_its_own()
    {
        using var database = await PostgresTestDatabase.CreateSeededAsync(PostgresServer.Require(), "scaleoutlive");
        using var a = new KestrelInstance(KestrelInstance.Postgres(database.ConnectionString));
        using var b = new KestrelInstance(KestrelInstance.Postgres(database.ConnectionString));
        await Task.WhenAll(Task.Run(() => a.Start()), Task.Run(() => b.Start()));
        await WaitUntilAsync(() => a.Services.GetRequiredService<PostgresChangeRelay>().Listening && b.Services.GetRequiredService<PostgresChangeRelay>().Listening);

        var heardOnA = new ConcurrentQueue<DataChange>();
        var heardOnB = new ConcurrentQueue<DataChange>();
        using var watchingA = a.Services.GetRequiredService<LiveChanges>().Watch(heardOnA.Enqueue);
        using var watchingB = b.Services.GetRequiredService<LiveChanges>().Watch(heardOnB.Enqueue);

        var decided = await Components.Pages.Consortia.TrackDecisionTests.DecideAsync(
            a.Services, DemoAccountSeeder.Regional("Q30"), "00G", "needs-support", "Decided on instance A; instance B's open pages must hear of it.");
        Assert.True(decided.IsSaved);

        // The decision's own change (its notifications to the consortium's people are a save and a change of their own).
        static List<DataChange> Decisions(IEnumerable<DataChange> heard) => heard.Where(c => c.Kinds.Contains("TrackDecision")).ToList();
        await WaitUntilAsync(() => Decisions(heardOnB).Count > 0);
        var change = Assert.Single(Decisions(heardOnB));
        Assert.True(change.Touches("00G"));
        Assert.False(change.Touches("00H"));
        Assert.Contains("TrackDecision", change.Kinds);

        // A heard its own change once, when it committed, and not again when its notification came back to it.
        await Components.Pages.Consortia.TrackDecisionTests.DecideAsync(
            b.Services, DemoAccountSeeder.Regional("Q30"), "00H", "needs-support", "Decided on instance B, so that A has heard something after its own echo.");
        await WaitUntilAsync(() => Decisions(heardOnA).Count >= 2);
        Assert.Equal(["00G", "00H"], Decisions(heardOnA).Select(c => Assert.Single(c.Consortia)));

        // Who has a checklist draft open travels the same way: open on A, seen on B; closed on A, gone from B.
        var key = DraftPresence.Key("00G", "gp-consortium-readiness-2010");
        var editor = new PresentEditor("id", "Ann Example", Guid.NewGuid());
        var open = a.Services.GetRequiredService<DraftPresence>().Join(key, editor);
        await WaitUntilAsync(() => b.Services.GetRequiredService<DraftPresence>().Who(key).Contains(editor));
        open.Dispose();
        await WaitUntilAsync(() => b.Services.GetRequiredService<DraftPresence>().Who(key).Count == 0);
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var until = DateTime.UtcNow.AddSeconds(30);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < until, "Waited 30 seconds in vain.");
            await Task.Delay(20);
        }
    }

    private static async Task SignInAsync(HttpClient client, string email)
    {
        var signedIn = await FormPost.SubmitAsync(client, "/sign-in", "sign-in", new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = DemoAccountSeeder.DefaultPassword,
        });
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
    }

    private static async Task<HttpResponseMessage> PostSignOutAsync(HttpClient formFrom, HttpClient postTo)
    {
        var (_, page) = await HtmlPage.GetAsync(formFrom, Lessons);
        var form = page.QuerySelectorAll("form").Single(f => f.QuerySelector("input[name=_handler][value='sign-out']") is not null);
        return await postTo.PostAsync(form.GetAttribute("action"), new FormUrlEncodedContent(FormPost.ValuesOf(form, new Dictionary<string, string>())));
    }
}
