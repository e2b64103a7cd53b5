using Microsoft.EntityFrameworkCore;
using TransitionTracker.Application.Organisations;
using TransitionTracker.Application.Tests.Infrastructure;

namespace TransitionTracker.Application.Tests.Organisations;

/// <summary>A region or PCT is read only by users who may read it; the home page lists a user's own regions and PCTs.</summary>
public sealed class OrganisationDirectoryTests : IAsyncLifetime
{
    private readonly ApplicationHost _host = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task A_regional_lead_reads_their_region_with_every_pct_and_a_pct_of_it_with_its_practices()
    {
        var lead = await _host.UserAsync(Demo.RegionalLead);

        var region = await _host.RunAsync<OrganisationDirectory, RegionDetail?>(d => d.GetRegionAsync(lead, "q30", CancellationToken.None));
        var pct = await _host.RunAsync<OrganisationDirectory, PctDetail?>(d => d.GetPctAsync(lead, "5d7", CancellationToken.None));

        Assert.Equal(Demo.Region, region?.Code);
        Assert.Contains(region!.Pcts, p => p.Code == "5D7");
        Assert.Contains(region.Pcts, p => p.Code == "5D8");
        Assert.NotNull(pct);
        Assert.Equal(Demo.Region, pct.RegionCode);
        Assert.Contains(pct.Consortia, c => c.Code == Demo.ManagedConsortium);
        await using var db = _host.OpenContext();
        var practices = await db.Practices.Where(p => p.PctCode == "5D7").OrderBy(p => p.Name).ThenBy(p => p.Code).Select(p => p.Code).ToListAsync();
        Assert.Equal(practices, pct.Practices.Select(p => p.Code));
        Assert.Equal(region.Pcts.Single(p => p.Code == "5D7").PracticeCount, pct.Practices.Count);
    }

    [Fact]
    public async Task Out_of_scope_unknown_and_signed_out_reads_get_not_found()
    {
        var manager = await _host.UserAsync(Demo.PctManager);
        var lead = await _host.UserAsync(Demo.RegionalLead);

        Assert.Null(await _host.RunAsync<OrganisationDirectory, PctDetail?>(d => d.GetPctAsync(manager, "5D8", CancellationToken.None)));
        Assert.Null(await _host.RunAsync<OrganisationDirectory, PctDetail?>(d => d.GetPctAsync(manager, "ZZZ", CancellationToken.None)));
        Assert.Null(await _host.RunAsync<OrganisationDirectory, PctDetail?>(d => d.GetPctAsync(null, "5D7", CancellationToken.None)));
        Assert.Null(await _host.RunAsync<OrganisationDirectory, RegionDetail?>(d => d.GetRegionAsync(lead, "Q31", CancellationToken.None)));
        Assert.Null(await _host.RunAsync<OrganisationDirectory, RegionDetail?>(d => d.GetRegionAsync(null, Demo.Region, CancellationToken.None)));
        Assert.Null(await _host.RunAsync<OrganisationDirectory, RegionDetail?>(d => d.GetRegionAsync(lead, "", CancellationToken.None)));
    }

    [Fact]
    public async Task A_pct_manager_reads_their_own_pct_and_sees_only_it_in_its_region()
    {
        var manager = await _host.UserAsync(Demo.PctManager);

        var region = await _host.RunAsync<OrganisationDirectory, RegionDetail?>(d => d.GetRegionAsync(manager, Demo.Region, CancellationToken.None));
        var pct = await _host.RunAsync<OrganisationDirectory, PctDetail?>(d => d.GetPctAsync(manager, "5D7", CancellationToken.None));

        Assert.Equal(["5D7"], region?.Pcts.Select(p => p.Code));
        Assert.Equal("5D7", pct?.Code);
        Assert.DoesNotContain(pct!.Consortia, c => c.Code == Demo.OtherConsortium);
    }

    [Fact]
    public async Task The_home_page_lists_are_the_users_own_regions_and_pcts()
    {
        var national = await _host.UserAsync(Demo.National);
        var lead = await _host.UserAsync(Demo.RegionalLead);
        var manager = await _host.UserAsync(Demo.PctManager);

        var everyRegion = await _host.RunAsync<OrganisationDirectory, IReadOnlyList<RegionSummary>>(d => d.ListRegionsAsync(national, CancellationToken.None));
        var leadRegions = await _host.RunAsync<OrganisationDirectory, IReadOnlyList<RegionSummary>>(d => d.ListRegionsAsync(lead, CancellationToken.None));
        var managerRegions = await _host.RunAsync<OrganisationDirectory, IReadOnlyList<RegionSummary>>(d => d.ListRegionsAsync(manager, CancellationToken.None));
        var managerPcts = await _host.RunAsync<OrganisationDirectory, IReadOnlyList<PctSummary>>(d => d.ListManagedPctsAsync(manager, CancellationToken.None));
        var leadPcts = await _host.RunAsync<OrganisationDirectory, IReadOnlyList<PctSummary>>(d => d.ListManagedPctsAsync(lead, CancellationToken.None));

        Assert.Equal(10, everyRegion.Count);
        Assert.Equal([Demo.Region], leadRegions.Select(r => r.Code));
        Assert.Empty(managerRegions);
        Assert.Equal(["5D7"], managerPcts.Select(p => p.Code));
        Assert.Empty(leadPcts);
        Assert.Empty(await _host.RunAsync<OrganisationDirectory, IReadOnlyList<RegionSummary>>(d => d.ListRegionsAsync(null, CancellationToken.None)));
        Assert.Empty(await _host.RunAsync<OrganisationDirectory, IReadOnlyList<PctSummary>>(d => d.ListManagedPctsAsync(null, CancellationToken.None)));
    }
}
