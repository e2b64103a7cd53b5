using TransitionTracker.Application.Access;
using TransitionTracker.Application.Exports;
using TransitionTracker.Domain.Frameworks;
using TransitionTracker.Domain.Organisations;

namespace TransitionTracker.Application.Dashboards;

/// <summary>
/// The dashboards' exports as CSV or Excel (<see cref="DashboardTables"/>, docs/architecture.md "Exports"): the same
/// rows and values as their tables, for users who may read them; null when they may not (or there is no region with
/// that code).
/// </summary>
public sealed class DashboardExports(RegionDashboard dashboard, OrganisationScope scope)
{
    /// <summary>The national dashboard's tables, each named by the key an address uses.</summary>
    public static readonly IReadOnlyList<string> NationalTables = ["regions", "trend", "competencies"];

    /// <summary>
    /// Every row of the consortia table with the filters and sort of <paramref name="request"/> (its page and months
    /// are not used). A filter that cannot be used is not dropped here, as the page drops it: the export is refused
    /// with the notes, so that a file never holds other rows than the ones asked for.
    /// </summary>
    public async Task<ExportOutcome?> ConsortiaAsync(ActingUser? user, string regionCode, RegionDashboardRequest request, ExportFormat format, CancellationToken cancellationToken)
    {
        var region = await dashboard.ReadableRegionAsync(user, regionCode, cancellationToken);
        if (region is null)
        {
            return null;
        }

        var (query, notes) = ConsortiumTableQuery.Parse(request.Sort, request.Dir, request.Pct, request.Track, request.Stage, null, region.Pcts.Select(p => p.Code).ToList(), request.Search, request.Forecast);
        if (notes.Count > 0)
        {
            return ExportOutcome.Refused(notes);
        }

        var table = await dashboard.TableAsync(region.Code, user!.Access, query, allRows: true, cancellationToken);
        return ExportOutcome.Of(ExportWriter.Write($"consortia-{region.Code}", format, DashboardTables.Consortia(table.Rows, dashboard.ReferenceDate.Date)));
    }

    /// <summary>Each consortium's domain scores from its latest readiness assessment, one column per domain of the default framework.</summary>
    public async Task<ExportFile?> HeatmapAsync(ActingUser? user, string regionCode, ExportFormat format, CancellationToken cancellationToken)
    {
        if (OrganisationCode.TryNormalise(regionCode) is not { } code
            || !await scope.AllowsAsync(user, OrganisationKind.Region, AccessOperation.Read, code, cancellationToken))
        {
            return null;
        }

        var rows = await dashboard.HeatmapAsync(code, user!.Access, cancellationToken);
        return ExportWriter.Write($"domain-scores-{code}", format, DashboardTables.Heatmap(ShippedFrameworks.DefaultFramework, rows));
    }

    /// <summary>
    /// The national dashboard's figures (national viewers and administrators; null for anyone else): one of
    /// <see cref="NationalTables"/>, or, with <paramref name="table"/> null, every table as a workbook of one sheet
    /// each. The competency months are those of the page's address; one that cannot be read refuses the export.
    /// </summary>
    public async Task<ExportOutcome?> NationalAsync(ActingUser? user, string? table, string? from, string? to, ExportFormat format, CancellationToken cancellationToken)
    {
        if (user is not { Access.ReadsEverything: true })
        {
            return null;
        }

        if (table is not null && !NationalTables.Contains(table))
        {
            return ExportOutcome.Refused([$"There is no national table “{table}”: the tables are {string.Join(", ", NationalTables)}."]);
        }

        if (table is null && format == ExportFormat.Csv)
        {
            return ExportOutcome.Refused([$"A CSV file holds one table: ask for one of {string.Join(", ", NationalTables)}, or for the workbook."]);
        }

        var (_, _, notes) = MonthQuery.Parse(from, to);
        if (notes.Count > 0)
        {
            return ExportOutcome.Refused(notes);
        }

        var view = (await dashboard.NationalAsync(user, from, to, cancellationToken))!;
        IReadOnlyList<ExportTable> tables = table switch
        {
            "regions" => [DashboardTables.Regions(view)],
            "trend" => [DashboardTables.Trend(view.Trend)],
            "competencies" => [DashboardTables.Competencies(view.Competency)],
            _ => [DashboardTables.Regions(view), DashboardTables.Trend(view.Trend), DashboardTables.Competencies(view.Competency)],
        };
        return ExportOutcome.Of(ExportWriter.Write(table is null ? "national-dashboard" : $"national-{table}", format, tables));
    }
}
