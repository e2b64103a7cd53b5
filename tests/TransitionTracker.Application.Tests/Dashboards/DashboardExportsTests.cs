using TransitionTracker.Application.Access;
using TransitionTracker.Application.Dashboards;
using TransitionTracker.Application.Tests.Infrastructure;

namespace TransitionTracker.Application.Tests.Dashboards;

/// <summary>A region's CSV exports: for users who may read the region, with the same rows as its tables.</summary>
public sealed class DashboardExportsTests : IAsyncLifetime
{
    private readonly ApplicationHost _host = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task A_regional_lead_exports_every_consortium_of_their_region_and_its_domain_scores()
    {
        var lead = await _host.UserAsync(Demo.RegionalLead);

        var consortia = await ConsortiaAsync(lead, "q30", new RegionDashboardRequest(Sort: "name"));
        var heatmap = await _host.RunAsync<DashboardExports, CsvFile?>(e => e.HeatmapAsync(lead, "q30", CancellationToken.None));
        var view = await _host.RunAsync<RegionDashboard, RegionDashboardView?>(d => d.RegionAsync(lead, Demo.Region, new RegionDashboardRequest(), CancellationToken.None));

        Assert.NotNull(consortia?.File);
        Assert.Empty(consortia.Notes);
        Assert.Equal("consortia-Q30.csv", consortia.File.FileName);
        var lines = consortia.File.Text.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(string.Join(',', DashboardCsv.ConsortiumHeader), lines[0]);
        Assert.Equal(view!.Table.Total, lines.Length - 1);
        Assert.Equal("domain-scores-Q30.csv", heatmap?.FileName);
        Assert.Equal(view.Heatmap.Count, heatmap!.Text.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length - 1);
    }

    [Fact]
    public async Task The_export_holds_the_rows_the_quick_search_finds()
    {
        var lead = await _host.UserAsync(Demo.RegionalLead);
        var request = new RegionDashboardRequest(Sort: "population", Dir: "desc", Search: "a");
        var view = await _host.RunAsync<RegionDashboard, RegionDashboardView?>(d => d.RegionAsync(lead, Demo.Region, request, CancellationToken.None));

        var export = await ConsortiaAsync(lead, Demo.Region, request);

        var codes = export!.File!.Text.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(l => l.Split(',')[0]).ToList();
        Assert.Equal(view!.Table.Total, codes.Count);
        Assert.Equal(view.Table.Rows.Select(r => r.Code), codes.Take(ConsortiumTableQuery.PageSize));
    }

    [Fact]
    public async Task A_filter_that_cannot_be_used_refuses_the_export_with_a_note()
    {
        var lead = await _host.UserAsync(Demo.RegionalLead);

        var export = await ConsortiaAsync(lead, Demo.Region, new RegionDashboardRequest(Stage: "finished"));

        Assert.NotNull(export);
        Assert.Null(export.File);
        Assert.Equal(["“finished” is not a stage (shadow, pathfinder, delegated-budget or authorised), so consortia at every stage are shown."], export.Notes);
    }

    [Fact]
    public async Task Another_region_and_nobody_signed_in_get_not_found()
    {
        var lead = await _host.UserAsync(Demo.RegionalLead);

        Assert.Null(await ConsortiaAsync(lead, "Q31", new RegionDashboardRequest()));
        Assert.Null(await ConsortiaAsync(null, Demo.Region, new RegionDashboardRequest()));
        Assert.Null(await _host.RunAsync<DashboardExports, CsvFile?>(e => e.HeatmapAsync(lead, "Q31", CancellationToken.None)));
        Assert.Null(await _host.RunAsync<DashboardExports, CsvFile?>(e => e.HeatmapAsync(null, Demo.Region, CancellationToken.None)));
    }

    private Task<ConsortiaExport?> ConsortiaAsync(ActingUser? user, string code, RegionDashboardRequest request) =>
        _host.RunAsync<DashboardExports, ConsortiaExport?>(e => e.ConsortiaAsync(user, code, request, CancellationToken.None));
}
