using System.Text.Json;
using TransitionTracker.Application.Dashboards;
using TransitionTracker.Data.Seeding;
using TransitionTracker.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using TransitionTracker.Application.Access;
using TransitionTracker.Domain.Access;

namespace TransitionTracker.Web.Tests.Components.Pages.Regions;

/// <summary>
/// The dashboards keep what they show from prerendering for the live render (persisted component state, written as
/// JSON), so the views must come back from JSON whole, or the live page would read everything again.
/// </summary>
[Collection(SharedAppCollection.Name)]
public sealed class PersistedViewTests(TransitionTrackerFactory factory)
{
    [Fact]
    public async Task The_region_and_national_views_come_back_from_json_whole()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var dashboard = scope.ServiceProvider.GetRequiredService<RegionDashboard>();
        var national = new ActingUser("national", DemoAccountSeeder.National, "National viewer",
            new UserAccess([new RoleAssignment("national", Role.NationalViewer, null)], new Dictionary<string, string>()));

        var region = await dashboard.RegionAsync(national, "Q30", new RegionDashboardRequest(Sort: "score", Dir: "desc"), CancellationToken.None);
        var country = await dashboard.NationalAsync(national, null, null, CancellationToken.None);

        var regionAgain = JsonSerializer.Deserialize<RegionDashboardView>(JsonSerializer.Serialize(region, JsonSerializerOptions.Web), JsonSerializerOptions.Web)!;
        var countryAgain = JsonSerializer.Deserialize<NationalDashboardView>(JsonSerializer.Serialize(country, JsonSerializerOptions.Web), JsonSerializerOptions.Web)!;

        // A quality indicator is an entity: its database id and revision do not come back, and the dashboard shows neither.
        Assert.Equal(JsonSerializer.Serialize(region! with { Quality = [] }, JsonSerializerOptions.Web), JsonSerializer.Serialize(regionAgain with { Quality = [] }, JsonSerializerOptions.Web));
        Assert.Equal(region.Quality.Select(Shown), regionAgain.Quality.Select(Shown));
        Assert.Equal(JsonSerializer.Serialize(country, JsonSerializerOptions.Web), JsonSerializer.Serialize(countryAgain, JsonSerializerOptions.Web));
        Assert.Equal(region.Query, regionAgain.Query);
        Assert.Contains(regionAgain.Quality, q => q.Indicator is not null);
    }

    private static string Shown(PctQuality pct) => pct.Indicator is not { } q
        ? $"{pct.PctCode} {pct.PctName} none"
        : $"{pct.PctCode} {pct.PctName} {q.Month} {q.QippPlannedThousands} {q.QippDeliveredThousands} {q.QippRag} {q.EmergencyAdmissionsChangePercent} {q.EmergencyAdmissionsRag} "
          + $"{q.WinterPlan} {q.WinterPlanRag} {q.RttAdmittedPercent} {q.RttAdmittedRag} {q.RttNonAdmittedPercent} {q.RttNonAdmittedRag}";
}
