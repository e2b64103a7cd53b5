using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using TransitionTracker.Data.Seeding;
using TransitionTracker.Web.Tests.Infrastructure;

namespace TransitionTracker.Web.Tests.Api;

/// <summary>`GET /api/consortia/{code}/forecast`: the model's answer in readable fields, within the caller's scope.</summary>
[Collection(SharedAppCollection.Name)]
public sealed class ConsortiumForecastApiTests(TransitionTrackerFactory factory)
{
    private static readonly string[] Outcomes = ["not-assessed", "fast-mover", "not-enough-history", "no-progress", "projected"];

    [Fact]
    public async Task A_consortium_lead_reads_its_forecast_as_at_the_dashboards_date()
    {
        using var client = factory.CreateClientFor(DemoAccountSeeder.ConsortiumLead("00G"));

        var forecast = await client.GetFromJsonAsync<JsonElement>("/api/consortia/00g/forecast");

        Assert.Equal("00G", forecast.GetProperty("consortium").GetString());
        Assert.Equal("2013-03-31", forecast.GetProperty("asAt").GetString());
        Assert.Equal("2013-04-01", forecast.GetProperty("deadline").GetString());
        Assert.Contains(forecast.GetProperty("outcome").GetString(), Outcomes);
        Assert.False(string.IsNullOrWhiteSpace(forecast.GetProperty("summary").GetString()));
        Assert.True(DateOnly.Parse(forecast.GetProperty("latestSubmittedOn").GetString()!, System.Globalization.CultureInfo.InvariantCulture) <= new DateOnly(2013, 3, 31));
        var toClose = forecast.GetProperty("criteriaToClose").EnumerateArray().ToList();
        Assert.All(toClose, c =>
        {
            Assert.False(string.IsNullOrWhiteSpace(c.GetProperty("id").GetString()));
            Assert.False(string.IsNullOrWhiteSpace(c.GetProperty("text").GetString()));
            Assert.False(string.IsNullOrWhiteSpace(c.GetProperty("domain").GetString()));
        });
        if (forecast.GetProperty("outcome").GetString() == "projected")
        {
            Assert.True(forecast.GetProperty("closedPerMonth").GetDouble() > 0);
            Assert.NotEmpty(toClose);
            Assert.True(string.CompareOrdinal(forecast.GetProperty("earliest").GetString(), forecast.GetProperty("expected").GetString()) <= 0);
        }
    }

    [Fact]
    public async Task Every_demo_consortium_of_a_region_has_a_forecast_with_a_known_outcome()
    {
        using var client = factory.CreateClientFor(DemoAccountSeeder.Regional("Q30"));
        var consortia = await client.GetFromJsonAsync<JsonElement[]>("/api/consortia?region=Q30");

        var outcomes = new List<string>();
        foreach (var consortium in consortia!)
        {
            var forecast = await client.GetFromJsonAsync<JsonElement>($"/api/consortia/{consortium.GetProperty("code").GetString()}/forecast");
            outcomes.Add(forecast.GetProperty("outcome").GetString()!);
            var atRisk = forecast.GetProperty("atRisk").GetBoolean();
            if (forecast.GetProperty("outcome").GetString() == "projected" && forecast.GetProperty("latest").ValueKind == JsonValueKind.Null)
            {
                Assert.True(atRisk);
            }
        }

        Assert.All(outcomes, o => Assert.Contains(o, Outcomes));
        Assert.Contains("projected", outcomes);
    }

    [Theory]
    [InlineData("01G", HttpStatusCode.NotFound)]
    [InlineData("ZZZ", HttpStatusCode.NotFound)]
    public async Task Out_of_scope_and_unknown_consortia_are_both_not_found(string code, HttpStatusCode status)
    {
        using var client = factory.CreateClientFor(DemoAccountSeeder.Regional("Q30"));

        var response = await client.GetAsync($"/api/consortia/{code}/forecast");

        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task Signed_out_is_a_401()
    {
        using var client = factory.CreateClient();

        var response = await client.GetAsync("/api/consortia/00G/forecast");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}
