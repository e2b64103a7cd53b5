using System.Net;
using System.Net.Http.Json;
using Microsoft.Data.Sqlite;
using TransitionTracker.Data.Seeding;
using TransitionTracker.Web.Tests.Infrastructure;

namespace TransitionTracker.Web.Tests.Resilience;

/// <summary>The SQLite file disappearing (moved away, disk gone): 503 everywhere that needs it, and back by itself.</summary>
public sealed class SqliteOutageTests : IDisposable
{
    private readonly TransitionTrackerFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    [SqliteFact]
    public async Task Pages_and_the_API_answer_503_while_the_database_file_is_gone_and_serve_again_when_it_is_back()
    {
        var reader = _factory.CreateClientFor(DemoAccountSeeder.Regional("Q30"));
        var anonymous = _factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync("/regions/Q30")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync("/api/regions/Q30/summary")).StatusCode);

        var away = _factory.Database.Name + ".away";
        SqliteConnection.ClearAllPools();
        File.Move(_factory.Database.Name, away);
        try
        {
            await OutageAssertions.AssertServiceUnavailablePageAsync(await reader.GetAsync("/regions/Q30"));
            await OutageAssertions.AssertServiceUnavailablePageAsync(await reader.GetAsync("/"));
            await OutageAssertions.AssertServiceUnavailableProblemAsync(await reader.GetAsync("/api/regions/Q30/summary"));
            await OutageAssertions.AssertServiceUnavailableProblemAsync(await anonymous.PostAsJsonAsync(
                "/api/identity/login", new { email = DemoAccountSeeder.National, password = DemoAccountSeeder.DefaultPassword }));
            var signIn = await FormPost.SubmitAsync(anonymous, "/sign-in", "sign-in", new Dictionary<string, string>
            {
                ["Input.Email"] = DemoAccountSeeder.National,
                ["Input.Password"] = DemoAccountSeeder.DefaultPassword,
            });
            await OutageAssertions.AssertServiceUnavailablePageAsync(signIn);

            Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/healthz/live")).StatusCode);
            Assert.Equal(HttpStatusCode.ServiceUnavailable, (await anonymous.GetAsync("/healthz/ready")).StatusCode);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            File.Move(away, _factory.Database.Name);
        }

        Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync("/regions/Q30")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync("/api/regions/Q30/summary")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/healthz/ready")).StatusCode);
    }
}
