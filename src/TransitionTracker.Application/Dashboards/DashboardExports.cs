using TransitionTracker.Application.Access;
using TransitionTracker.Domain.Frameworks;
using TransitionTracker.Domain.Organisations;

namespace TransitionTracker.Application.Dashboards;

/// <summary>
/// A region dashboard's CSV exports (<see cref="DashboardCsv"/>): the same rows and values as its tables, for users
/// who may read the region; null when they may not (or there is no region with that code).
/// </summary>
public sealed class DashboardExports(RegionDashboard dashboard, OrganisationScope scope)
{
    /// <summary>
    /// Every row of the consortia table with the filters and sort of <paramref name="request"/> (its page and months
    /// are not used). A filter that cannot be used is not dropped here, as the page drops it: the export is refused
    /// with the notes, so that a file never holds other rows than the ones asked for.
    /// </summary>
    public async Task<ConsortiaExport?> ConsortiaAsync(ActingUser? user, string regionCode, RegionDashboardRequest request, CancellationToken cancellationToken)
    {
        var region = await dashboard.ReadableRegionAsync(user, regionCode, cancellationToken);
        if (region is null)
        {
            return null;
        }

        var (query, notes) = ConsortiumTableQuery.Parse(request.Sort, request.Dir, request.Pct, request.Track, request.Stage, null, region.Pcts.Select(p => p.Code).ToList(), request.Search, request.Forecast);
        if (notes.Count > 0)
        {
            return new ConsortiaExport(null, notes);
        }

        var table = await dashboard.TableAsync(region.Code, user!.Access, query, allRows: true, cancellationToken);
        return new ConsortiaExport(new CsvFile($"consortia-{region.Code}.csv", DashboardCsv.Consortia(table.Rows)), []);
    }

    /// <summary>Each consortium's domain scores from its latest readiness assessment, one column per domain of the default framework.</summary>
    public async Task<CsvFile?> HeatmapAsync(ActingUser? user, string regionCode, CancellationToken cancellationToken)
    {
        if (OrganisationCode.TryNormalise(regionCode) is not { } code
            || !await scope.AllowsAsync(user, OrganisationKind.Region, AccessOperation.Read, code, cancellationToken))
        {
            return null;
        }

        var rows = await dashboard.HeatmapAsync(code, user!.Access, cancellationToken);
        return new CsvFile($"domain-scores-{code}.csv", DashboardCsv.Heatmap(ShippedFrameworks.DefaultFramework, rows));
    }
}
