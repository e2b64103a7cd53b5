using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using TransitionTracker.Data.Seeding;
using TransitionTracker.Web.Tests.Infrastructure;
using Xunit.Abstractions;

namespace TransitionTracker.Web.Tests.Resilience;

/// <summary>
/// The real PostgreSQL server stopped and started under a running app (the dedicated cluster named by
/// TEST_POSTGRES_OUTAGE_CLUSTER, never the shared one): 503 while it is down, never 500, and back without a restart.
/// </summary>
public sealed class PostgresOutageTests(ITestOutputHelper output)
{
    private static readonly TimeSpan RecoveryLimit = TimeSpan.FromSeconds(30);

    [RequiresEnvironmentFact("TEST_POSTGRES_OUTAGE", "TEST_POSTGRES_OUTAGE_CLUSTER")]
    public async Task Pages_and_the_API_answer_503_while_the_server_is_stopped_and_200_again_once_it_is_started()
    {
        var cluster = new PostgresCluster(TestEnvironment.Require("TEST_POSTGRES_OUTAGE_CLUSTER"));
        await cluster.StartAsync();
        using var database = await PostgresTestDatabase.CreateSeededAsync(TestEnvironment.Require("TEST_POSTGRES_OUTAGE"), "outage");
        using var app = new KestrelInstance(KestrelInstance.Postgres(database.ConnectionString)).Start();
        using var person = app.NewClient();
        using var script = app.NewClient();
        using var probe = app.NewClient();

        var login = await script.PostAsJsonAsync("/api/identity/login", new { email = DemoAccountSeeder.Regional("Q30"), password = DemoAccountSeeder.DefaultPassword });
        login.EnsureSuccessStatusCode();
        var token = (await login.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString();
        script.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var signedIn = await FormPost.SubmitAsync(person, "/sign-in", "sign-in", new Dictionary<string, string>
        {
            ["Input.Email"] = DemoAccountSeeder.Regional("Q30"),
            ["Input.Password"] = DemoAccountSeeder.DefaultPassword,
        });
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);

        await AssertServingAsync(person, script, probe);

        HttpStatusCode[] burstStatuses;
        try
        {
            // Requests in flight while the server shuts down, then requests against a server that is gone.
            var burst = Burst(person, script, 40);
            await cluster.StopAsync();
            burstStatuses = await burst;

            await OutageAssertions.AssertServiceUnavailablePageAsync(await person.GetAsync("/regions/Q30"));
            await OutageAssertions.AssertServiceUnavailablePageAsync(await person.GetAsync("/consortia/00G"));
            await OutageAssertions.AssertServiceUnavailableProblemAsync(await script.GetAsync("/api/regions/Q30/summary"));
            await OutageAssertions.AssertServiceUnavailableProblemAsync(await script.GetAsync("/api/consortia"));
            await OutageAssertions.AssertServiceUnavailableProblemAsync(await probe.PostAsJsonAsync(
                "/api/identity/login", new { email = DemoAccountSeeder.National, password = DemoAccountSeeder.DefaultPassword }));
            Assert.Equal(HttpStatusCode.OK, (await probe.GetAsync("/healthz/live")).StatusCode);
            Assert.Equal(HttpStatusCode.ServiceUnavailable, (await probe.GetAsync("/healthz/ready")).StatusCode);
            Assert.Equal(HttpStatusCode.ServiceUnavailable, (await probe.GetAsync("/healthz")).StatusCode);
            var whileDown = await Burst(person, script, 40);
            Assert.All(whileDown, status => Assert.Equal(HttpStatusCode.ServiceUnavailable, status));
        }
        finally
        {
            await cluster.StartAsync();
        }

        Assert.DoesNotContain(HttpStatusCode.InternalServerError, burstStatuses);
        Assert.All(burstStatuses, status => Assert.Contains(status, new[] { HttpStatusCode.OK, HttpStatusCode.ServiceUnavailable }));

        // Back by itself: the same app, the same clients, within a bounded wait.
        var recovery = Stopwatch.StartNew();
        while (true)
        {
            var statuses = await Task.WhenAll(
                StatusAsync(person.GetAsync("/regions/Q30")),
                StatusAsync(script.GetAsync("/api/regions/Q30/summary")),
                StatusAsync(probe.GetAsync("/healthz/ready")));
            Assert.DoesNotContain(HttpStatusCode.InternalServerError, statuses);
            if (statuses.All(s => s == HttpStatusCode.OK))
            {
                break;
            }

            Assert.True(recovery.Elapsed < RecoveryLimit, $"Still {string.Join(", ", statuses)} {RecoveryLimit.TotalSeconds} s after the database came back.");
            await Task.Delay(TimeSpan.FromMilliseconds(250));
        }

        output.WriteLine($"Serving again {recovery.ElapsedMilliseconds} ms after the server reported started.");
        await AssertServingAsync(person, script, probe);
    }

    private static async Task AssertServingAsync(HttpClient person, HttpClient script, HttpClient probe)
    {
        Assert.Equal(HttpStatusCode.OK, (await person.GetAsync("/regions/Q30")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await person.GetAsync("/consortia/00G")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await script.GetAsync("/api/regions/Q30/summary")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await script.GetAsync("/api/consortia")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await probe.GetAsync("/healthz/live")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await probe.GetAsync("/healthz/ready")).StatusCode);
    }

    private static Task<HttpStatusCode[]> Burst(HttpClient person, HttpClient script, int count) =>
        Task.WhenAll(Enumerable.Range(0, count).Select(i => StatusAsync((i % 3) switch
        {
            0 => person.GetAsync("/regions/Q30"),
            1 => script.GetAsync("/api/consortia"),
            _ => script.GetAsync("/api/regions/Q30/summary"),
        })));

    private static async Task<HttpStatusCode> StatusAsync(Task<HttpResponseMessage> request)
    {
        using var response = await request;
        return response.StatusCode;
    }
}
