using TransitionTracker.Application.Access;
using TransitionTracker.Application.Dashboards;
using TransitionTracker.Application.Tests.Infrastructure;

namespace TransitionTracker.Application.Tests.Dashboards;

/// <summary>A region's dashboard is for users who may read the region; the national one for users who read everything.</summary>
public sealed class RegionDashboardTests : IAsyncLifetime
{
    private readonly ApplicationHost _host = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task A_regional_lead_reads_their_regions_dashboard_over_its_consortia()
    {
        var lead = await _host.UserAsync(Demo.RegionalLead);

        var view = await RegionAsync(lead, "q30", new RegionDashboardRequest(Sort: "score", Dir: "desc"));

        Assert.NotNull(view);
        Assert.Equal(Demo.Region, view.Region.Code);
        Assert.Empty(view.Notes);
        Assert.Equal("score", view.Query.Sort);
        Assert.True(view.Query.Descending);
        Assert.True(view.Figures.Consortia > 0);
        Assert.Equal(view.Figures.Consortia, view.Table.Total);
        Assert.All(view.Table.Rows, r => Assert.Equal(Demo.Region, r.RegionCode));
        Assert.NotEmpty(view.Region.Pcts);
        Assert.Equal(view.Region.Pcts.Count, view.Quality.Count);
    }

    [Fact]
    public async Task A_pct_manager_reads_the_region_of_their_pct_counting_only_their_consortia()
    {
        var manager = await _host.UserAsync(Demo.PctManager);

        var view = await RegionAsync(manager, Demo.Region, new RegionDashboardRequest());

        Assert.NotNull(view);
        Assert.Contains(view.Table.Rows, r => r.Code == Demo.ManagedConsortium);
        Assert.DoesNotContain(view.Table.Rows, r => r.Code == Demo.OtherConsortium);
        Assert.Equal(["5D7"], view.Region.Pcts.Select(p => p.Code));
    }

    [Fact]
    public async Task Another_region_an_unknown_region_and_nobody_signed_in_get_not_found()
    {
        var lead = await _host.UserAsync(Demo.RegionalLead);

        Assert.Null(await RegionAsync(lead, "Q31", new RegionDashboardRequest()));
        Assert.Null(await RegionAsync(lead, "ZZZ", new RegionDashboardRequest()));
        Assert.Null(await RegionAsync(lead, "not a code", new RegionDashboardRequest()));
        Assert.Null(await RegionAsync(null, Demo.Region, new RegionDashboardRequest()));
        Assert.Null(await _host.RunAsync<RegionDashboard, HeadlineSummaryResponse?>(d => d.RegionSummaryAsync(lead, "Q31", CancellationToken.None)));
    }

    [Fact]
    public async Task Values_that_cannot_be_used_are_dropped_each_with_a_note()
    {
        var lead = await _host.UserAsync(Demo.RegionalLead);

        var view = await RegionAsync(lead, Demo.Region, new RegionDashboardRequest(Sort: "colour", Pct: "ZZZ", Track: "slow", Page: "0", From: "March"));

        Assert.NotNull(view);
        Assert.Equal(new ConsortiumTableQuery(), view.Query);
        Assert.Equal(5, view.Notes.Count);
        Assert.Contains("“colour” is not a column to sort by, so the table is sorted by consortium name.", view.Notes);
        Assert.Contains("“ZZZ” is not a PCT in this area, so consortia of every PCT are shown.", view.Notes);
        Assert.Equal(MonthQuery.DefaultFrom, view.Competency.From);
    }

    [Fact]
    public async Task Quick_search_finds_consortia_by_part_of_their_name_or_code_in_any_case()
    {
        var lead = await _host.UserAsync(Demo.RegionalLead);
        var all = (await RegionAsync(lead, Demo.Region, new RegionDashboardRequest()))!.Table.Rows;
        var sample = all[0];
        var part = sample.Name.Split(' ')[0].ToUpperInvariant();

        var byName = await TableAsync(lead, Demo.Region, new RegionDashboardRequest(Search: "  " + part + " "));
        var byCode = await TableAsync(lead, Demo.Region, new RegionDashboardRequest(Search: sample.Code.ToLowerInvariant()));
        var none = await TableAsync(lead, Demo.Region, new RegionDashboardRequest(Search: "no consortium is called this"));

        Assert.Equal(part, byName!.Query.Search);
        Assert.Equal(all.Where(r => r.Name.Contains(part, StringComparison.OrdinalIgnoreCase) || r.Code.Contains(part, StringComparison.OrdinalIgnoreCase)).Select(r => r.Code), byName.Table.Rows.Select(r => r.Code));
        Assert.Contains(byCode!.Table.Rows, r => r.Code == sample.Code);
        Assert.Equal(0, none!.Table.Total);
        Assert.Empty(none.Table.Rows);
    }

    [Fact]
    public async Task The_table_alone_follows_sort_filters_and_page_and_notes_what_it_drops()
    {
        var lead = await _host.UserAsync(Demo.RegionalLead);
        var full = await RegionAsync(lead, Demo.Region, new RegionDashboardRequest(Sort: "score", Dir: "desc", Track: "needs-support"));

        var table = await TableAsync(lead, "q30", new RegionDashboardRequest(Sort: "score", Dir: "desc", Track: "needs-support", From: "not used"));
        var noted = await TableAsync(lead, Demo.Region, new RegionDashboardRequest(Sort: "colour", Search: new string('x', 120)));

        Assert.NotNull(table);
        Assert.Empty(table.Notes);
        Assert.Equal(full!.Query, table.Query);
        Assert.Equal(full.Table.Rows.Select(r => r.Code), table.Table.Rows.Select(r => r.Code));
        Assert.Equal(2, noted!.Notes.Count);
        Assert.Equal(ConsortiumTableQuery.SearchMaxLength, noted.Query.Search!.Length);
    }

    [Fact]
    public async Task The_table_alone_is_not_found_out_of_scope()
    {
        var lead = await _host.UserAsync(Demo.RegionalLead);

        Assert.Null(await TableAsync(lead, "Q31", new RegionDashboardRequest()));
        Assert.Null(await TableAsync(lead, "ZZZ", new RegionDashboardRequest()));
        Assert.Null(await TableAsync(null, Demo.Region, new RegionDashboardRequest()));
    }

    [Fact]
    public async Task The_national_dashboard_and_summary_are_for_users_who_read_everything()
    {
        var national = await _host.UserAsync(Demo.National);
        var lead = await _host.UserAsync(Demo.RegionalLead);

        var view = await _host.RunAsync<RegionDashboard, NationalDashboardView?>(d => d.NationalAsync(national, null, null, CancellationToken.None));
        var summary = await _host.RunAsync<RegionDashboard, HeadlineSummaryResponse?>(d => d.NationalSummaryAsync(national, CancellationToken.None));
        var region = await _host.RunAsync<RegionDashboard, HeadlineSummaryResponse?>(d => d.RegionSummaryAsync(national, "q31", CancellationToken.None));

        Assert.NotNull(view);
        Assert.Equal(10, view.Regions.Count);
        Assert.Equal(view.Regions.Sum(r => r.Figures.Consortia), view.Total.Consortia);
        Assert.NotNull(summary);
        Assert.Equal(view.Total.Consortia, summary.Consortia);
        Assert.Equal(10, summary.Regions!.Count);
        Assert.Equal("Q31", region?.Code);
        Assert.Null(region!.Regions);
        Assert.Null(await _host.RunAsync<RegionDashboard, NationalDashboardView?>(d => d.NationalAsync(lead, null, null, CancellationToken.None)));
        Assert.Null(await _host.RunAsync<RegionDashboard, HeadlineSummaryResponse?>(d => d.NationalSummaryAsync(lead, CancellationToken.None)));
        Assert.Null(await _host.RunAsync<RegionDashboard, NationalDashboardView?>(d => d.NationalAsync(null, null, null, CancellationToken.None)));
    }

    private Task<RegionTableView?> TableAsync(ActingUser? user, string code, RegionDashboardRequest request) =>
        _host.RunAsync<RegionDashboard, RegionTableView?>(d => d.RegionTableAsync(user, code, request, CancellationToken.None));

    private Task<RegionDashboardView?> RegionAsync(ActingUser? user, string code, RegionDashboardRequest request) =>
        _host.RunAsync<RegionDashboard, RegionDashboardView?>(d => d.RegionAsync(user, code, request, CancellationToken.None));
}
