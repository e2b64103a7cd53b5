using System.Text;
using MiniExcelLibs;
using TransitionTracker.Application.Access;
using TransitionTracker.Application.Administration;
using TransitionTracker.Application.Exports;
using TransitionTracker.Application.Organisations;
using TransitionTracker.Application.SupportActions;
using TransitionTracker.Application.Tests.Infrastructure;
using TransitionTracker.Application.Transition;
using TransitionTracker.Domain.Transition;

namespace TransitionTracker.Application.Tests.Exports;

/// <summary>
/// The grids' exports on the demo data (SQLite, or PostgreSQL with TEST_DATABASE_PROVIDER=Postgres): every row the grid
/// finds with its filters and sort, readable values, and the grid's own scope check.
/// </summary>
public sealed class GridExportsTests : IAsyncLifetime
{
    private readonly ApplicationHost _host = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task A_pcts_practices_export_holds_every_match_in_the_grids_order()
    {
        var manager = await _host.UserAsync(Demo.PctManager);
        var pct = await _host.RunAsync<OrganisationDirectory, PctDetail?>(d => d.GetPctAsync(manager, "5D7", CancellationToken.None));
        var shown = new PracticeTableQuery(Sort: "list-size", Descending: true).Apply(pct!.Practices, allRows: true).Rows;

        var export = await _host.RunAsync<OrganisationDirectory, ExportOutcome?>(d => d.ExportPracticesAsync(manager, "5d7", null, "list-size", "desc", ExportFormat.Excel, CancellationToken.None));

        Assert.True(shown.Count > PracticeTableQuery.PageSize, "The PCT should have more practices than one page holds.");
        Assert.Equal("practices-5D7.xlsx", export!.File!.FileName);
        var rows = Rows(export.File);
        Assert.Equal(shown.Select(p => p.Code), rows.Select(r => (string)r["Code"]));
        Assert.Equal(shown[0].ListSize, Convert.ToInt32(rows[0]["List size"], System.Globalization.CultureInfo.InvariantCulture));
        Assert.All(rows, r => Assert.Contains((string)r["PCT inferred"], new[] { "Yes", "No" }));
        Assert.Null(await _host.RunAsync<OrganisationDirectory, ExportOutcome?>(d => d.ExportPracticesAsync(manager, "5F5", null, null, null, ExportFormat.Csv, CancellationToken.None)));
        Assert.Single((await _host.RunAsync<OrganisationDirectory, ExportOutcome?>(d => d.ExportPracticesAsync(manager, "5D7", null, "colour", null, ExportFormat.Csv, CancellationToken.None)))!.Notes);
    }

    [Fact]
    public async Task The_user_list_export_is_for_administrators_and_holds_every_user_with_the_role_asked_for()
    {
        var admin = await _host.UserAsync(Demo.Administrator);
        var lead = await _host.UserAsync(Demo.RegionalLead);

        var export = await _host.RunAsync<UserDirectory, ExportOutcome?>(d => d.ExportAsync(admin, null, "regional-lead", null, null, null, ExportFormat.Csv, CancellationToken.None));

        var lines = Lines(export!.File!);
        Assert.Equal("Email address,Name,Roles,Status", lines[0]);
        Assert.Equal(10, lines.Length - 1);
        Assert.All(lines.Skip(1), l => Assert.EndsWith(",Active", l, StringComparison.Ordinal));
        Assert.Equal(lines.Skip(1).Order(StringComparer.Ordinal), lines.Skip(1));
        Assert.Null(await _host.RunAsync<UserDirectory, ExportOutcome?>(d => d.ExportAsync(lead, null, null, null, null, null, ExportFormat.Csv, CancellationToken.None)));
        Assert.Single((await _host.RunAsync<UserDirectory, ExportOutcome?>(d => d.ExportAsync(admin, null, "king", null, null, null, ExportFormat.Excel, CancellationToken.None)))!.Notes);
    }

    [Fact]
    public async Task The_register_export_holds_every_matching_entry_with_uk_dates_and_the_consortiums_scope()
    {
        var manager = await _host.UserAsync(Demo.PctManager);
        await using (var db = _host.OpenContext())
        {
            for (var i = 1; i <= 12; i++)
            {
                db.DeclaredInterests.Add(new DeclaredInterest(Demo.ManagedConsortium, $"Dr Person {i:00}", "Partner in a practice", new DateOnly(2011, 4, i), "Leaves the room"));
            }

            await db.SaveChangesAsync();
        }

        var export = await _host.RunAsync<InterestRegister, ExportOutcome?>(r => r.ExportAsync(manager, Demo.ManagedConsortium, "dr person", "person", "desc", ExportFormat.Csv, CancellationToken.None));

        var lines = Lines(export!.File!);
        Assert.Equal("Person,Interest,Date declared,How it is managed", lines[0]);
        Assert.Equal(12, lines.Length - 1);
        Assert.Equal("Dr Person 12,Partner in a practice,12 April 2011,Leaves the room", lines[1]);
        Assert.Null(await _host.RunAsync<InterestRegister, ExportOutcome?>(r => r.ExportAsync(manager, Demo.OtherConsortium, null, null, null, ExportFormat.Csv, CancellationToken.None)));
    }

    [Fact]
    public async Task The_support_actions_export_lists_the_consortiums_actions_overdue_first()
    {
        var lead = await _host.UserAsync(Demo.ConsortiumLead);
        var today = await _host.RunAsync<SupportActionBoard, DateOnly>(b => Task.FromResult(b.Today));
        var actions = await _host.RunAsync<SupportActionBoard, IReadOnlyList<SupportActionItem>>(b => b.ListAsync(lead, Demo.LeadsConsortium, CancellationToken.None));

        var export = await _host.RunAsync<SupportActionBoard, ExportFile?>(b => b.ExportAsync(lead, Demo.LeadsConsortium, ExportFormat.Excel, CancellationToken.None));

        var rows = Rows(export!);
        Assert.Equal("support-actions-00G.xlsx", export!.FileName);
        Assert.Equal(actions.Count, rows.Count);
        var flags = rows.Select(r => r["Flag"] as string).ToList();
        Assert.Equal(actions.Count(a => a.IsOverdue(today)), flags.TakeWhile(f => f == "Overdue").Count());
        Assert.Null(await _host.RunAsync<SupportActionBoard, ExportFile?>(b => b.ExportAsync(lead, Demo.OtherConsortium, ExportFormat.Csv, CancellationToken.None)));
        Assert.Null(await _host.RunAsync<SupportActionBoard, ExportFile?>(b => b.ExportAsync((ActingUser?)null, Demo.LeadsConsortium, ExportFormat.Csv, CancellationToken.None)));
    }

    private static string[] Lines(ExportFile file) =>
        Encoding.UTF8.GetString(file.Bytes.AsSpan(Encoding.UTF8.GetPreamble().Length)).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);

    private static List<IDictionary<string, object>> Rows(ExportFile file)
    {
        using var stream = new MemoryStream(file.Bytes);
        return stream.Query(useHeaderRow: true).Cast<IDictionary<string, object>>().ToList();
    }
}
