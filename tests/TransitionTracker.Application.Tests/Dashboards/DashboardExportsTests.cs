using TransitionTracker.Application.Access;
using System.Text;
using MiniExcelLibs;
using TransitionTracker.Application.Dashboards;
using TransitionTracker.Application.Exports;
using TransitionTracker.Application.Tests.Infrastructure;

namespace TransitionTracker.Application.Tests.Dashboards;

/// <summary>The dashboards' exports: for users who may read the region (or the country), with the same rows as its tables.</summary>
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
        var heatmap = await _host.RunAsync<DashboardExports, ExportFile?>(e => e.HeatmapAsync(lead, "q30", ExportFormat.Csv, CancellationToken.None));
        var view = await _host.RunAsync<RegionDashboard, RegionDashboardView?>(d => d.RegionAsync(lead, Demo.Region, new RegionDashboardRequest(), CancellationToken.None));

        Assert.NotNull(consortia?.File);
        Assert.Empty(consortia.Notes);
        Assert.Equal("consortia-Q30.csv", consortia.File.FileName);
        var lines = Lines(consortia.File);
        Assert.Equal(string.Join(',', DashboardTables.ConsortiumHeadings), lines[0]);
        Assert.Equal(view!.Table.Total, lines.Length - 1);
        Assert.Equal("domain-scores-Q30.csv", heatmap?.FileName);
        Assert.Equal(view.Heatmap.Count, Lines(heatmap!).Length - 1);
    }

    [Fact]
    public async Task The_export_holds_the_rows_the_quick_search_finds()
    {
        var lead = await _host.UserAsync(Demo.RegionalLead);
        var request = new RegionDashboardRequest(Sort: "population", Dir: "desc", Search: "a");
        var view = await _host.RunAsync<RegionDashboard, RegionDashboardView?>(d => d.RegionAsync(lead, Demo.Region, request, CancellationToken.None));

        var export = await ConsortiaAsync(lead, Demo.Region, request);

        var codes = Lines(export!.File!).Skip(1).Select(l => l.Split(',')[0]).ToList();
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
        Assert.Null(await _host.RunAsync<DashboardExports, ExportFile?>(e => e.HeatmapAsync(lead, "Q31", ExportFormat.Excel, CancellationToken.None)));
        Assert.Null(await _host.RunAsync<DashboardExports, ExportFile?>(e => e.HeatmapAsync(null, Demo.Region, ExportFormat.Csv, CancellationToken.None)));
    }

    [Fact]
    public async Task The_excel_workbook_holds_the_same_rows_as_the_csv_file_in_the_same_order()
    {
        var lead = await _host.UserAsync(Demo.RegionalLead);
        var request = new RegionDashboardRequest(Sort: "score", Dir: "desc", Track: "needs-support");

        var csv = await ConsortiaAsync(lead, Demo.Region, request);
        var excel = await ConsortiaAsync(lead, Demo.Region, request, ExportFormat.Excel);

        Assert.Equal("consortia-Q30.xlsx", excel!.File!.FileName);
        using var stream = new MemoryStream(excel.File.Bytes);
        var rows = stream.Query(useHeaderRow: true).Cast<IDictionary<string, object>>().ToList();
        Assert.Equal(DashboardTables.ConsortiumHeadings, rows.Count == 0 ? [] : rows[0].Keys);
        Assert.Equal(Lines(csv!.File!).Skip(1).Select(l => l.Split(',')[0]), rows.Select(r => (string)r["Code"]));
        Assert.NotEmpty(rows);
        Assert.All(rows, r => Assert.Equal("Needs support", r["Track"]));
    }

    [Fact]
    public async Task A_national_viewer_exports_the_national_tables_as_csv_files_and_one_workbook()
    {
        var national = await _host.UserAsync(Demo.National);
        var view = await _host.RunAsync<RegionDashboard, NationalDashboardView?>(d => d.NationalAsync(national, "2011-03", "2012-03", CancellationToken.None));

        var regions = await NationalAsync(national, "regions", ExportFormat.Csv);
        var workbook = await NationalAsync(national, null, ExportFormat.Excel);

        var lines = Lines(regions!.File!);
        Assert.Equal("national-regions.csv", regions.File!.FileName);
        Assert.StartsWith("Region code,Region,Consortia,Fast movers,Needs support", lines[0], StringComparison.Ordinal);
        Assert.Equal(view!.Regions.Count + 1, lines.Length - 1);
        Assert.StartsWith($",England,{view.Total.Consortia},{view.Total.FastMovers},{view.Total.NeedsSupport},", lines[^1], StringComparison.Ordinal);
        using var stream = new MemoryStream(workbook!.File!.Bytes);
        Assert.Equal(["By region", "Track trend", "Competencies"], stream.GetSheetNames());
        Assert.Equal(view.Trend.Count, stream.Query(useHeaderRow: true, sheetName: "Track trend").Count());
    }

    [Fact]
    public async Task The_national_exports_are_for_national_viewers_and_refuse_what_they_cannot_read()
    {
        var lead = await _host.UserAsync(Demo.RegionalLead);
        var national = await _host.UserAsync(Demo.National);

        Assert.Null(await NationalAsync(lead, "regions", ExportFormat.Csv));
        Assert.Null(await NationalAsync(null, null, ExportFormat.Excel));
        Assert.Equal(["“2011-13” is not a month written like 2011-03, so the comparison uses March 2011 as the “from” month."],
            (await NationalAsync(national, "competencies", ExportFormat.Csv, from: "2011-13"))!.Notes);
        Assert.Null((await NationalAsync(national, "people", ExportFormat.Csv))!.File);
        Assert.Null((await NationalAsync(national, null, ExportFormat.Csv))!.File);
    }

    private static string[] Lines(ExportFile file) =>
        Encoding.UTF8.GetString(file.Bytes.AsSpan(Encoding.UTF8.GetPreamble().Length)).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);

    private Task<ExportOutcome?> ConsortiaAsync(ActingUser? user, string code, RegionDashboardRequest request, ExportFormat format = ExportFormat.Csv) =>
        _host.RunAsync<DashboardExports, ExportOutcome?>(e => e.ConsortiaAsync(user, code, request, format, CancellationToken.None));

    private Task<ExportOutcome?> NationalAsync(ActingUser? user, string? table, ExportFormat format, string? from = null) =>
        _host.RunAsync<DashboardExports, ExportOutcome?>(e => e.NationalAsync(user, table, from, null, format, CancellationToken.None));
}
