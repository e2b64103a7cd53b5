using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using TransitionTracker.Domain.Frameworks;
using TransitionTracker.Domain.Organisations;
using TransitionTracker.Web.Access;
using TransitionTracker.Web.Dashboards;
using TransitionTracker.Web.Quality;

namespace TransitionTracker.Web.Api;

/// <summary>Dashboard summaries for scripts, and the dashboards' CSV exports and templates.</summary>
public static class DashboardApi
{
    public static IEndpointRouteBuilder MapDashboardApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/regions/{code}/summary", RegionSummaryAsync)
            .RequireAuthorization(Policies.For(OrganisationKind.Region, AccessOperation.Read))
            .WithTags("Dashboards")
            .WithName("GetRegionSummary")
            .WithSummary("A region's headline figures over the consortia you may read: tracks are effective tracks (the regional decision where there is one).")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);
        app.MapGet("/api/national/summary", NationalSummaryAsync)
            .WithTags("Dashboards")
            .WithName("GetNationalSummary")
            .WithSummary("The country's headline figures and each region's (national viewers and administrators).")
            .ProducesProblem(StatusCodes.Status404NotFound);
        app.MapGet("/regions/{code}/consortia.csv", ConsortiaCsvAsync)
            .RequireAuthorization(Policies.For(OrganisationKind.Region, AccessOperation.Read))
            .ExcludeFromDescription();
        app.MapGet("/regions/{code}/heatmap.csv", HeatmapCsvAsync)
            .RequireAuthorization(Policies.For(OrganisationKind.Region, AccessOperation.Read))
            .ExcludeFromDescription();
        app.MapGet("/pcts/{code}/quality/template.csv", QualityTemplate)
            .RequireAuthorization(Policies.For(OrganisationKind.Pct, AccessOperation.Edit))
            .ExcludeFromDescription();
        return app;
    }

    private static async Task<Ok<HeadlineSummaryResponse>> RegionSummaryAsync(string code, RegionDashboard dashboard, CurrentUser currentUser, CancellationToken cancellationToken)
    {
        var region = OrganisationCode.TryNormalise(code)!;
        var asAt = dashboard.ReferenceDate.Date;
        var headline = (await dashboard.HeadlinesAsync(region, currentUser.Access, cancellationToken)).Single();
        return TypedResults.Ok(HeadlineSummaryResponse.From(headline.Code, headline.Name, asAt, headline.Figures));
    }

    private static async Task<Results<Ok<HeadlineSummaryResponse>, ProblemHttpResult>> NationalSummaryAsync(RegionDashboard dashboard, CurrentUser currentUser, CancellationToken cancellationToken)
    {
        if (!currentUser.Access.ReadsEverything)
        {
            return ApiProblems.NotFound("The national summary is for national viewers and administrators.");
        }

        var asAt = dashboard.ReferenceDate.Date;
        var regions = await dashboard.HeadlinesAsync(null, currentUser.Access, cancellationToken);
        var total = HeadlineFigures.Sum(regions.Select(r => r.Figures));
        return TypedResults.Ok(HeadlineSummaryResponse.From(
            null, "England", asAt, total, regions.Select(r => HeadlineSummaryResponse.From(r.Code, r.Name, asAt, r.Figures)).ToList()));
    }

    private static async Task<IResult> ConsortiaCsvAsync(
        string code, string? sort, string? dir, string? pct, string? track, string? stage,
        RegionDashboard dashboard, Organisations.OrganisationDirectory directory, CurrentUser currentUser, CancellationToken cancellationToken)
    {
        var region = await directory.GetRegionAsync(OrganisationCode.TryNormalise(code)!, currentUser.Access, cancellationToken);
        if (region is null)
        {
            return ApiProblems.NotFound($"There is no region with code '{code}'.");
        }

        var (query, notes) = ConsortiumTableQuery.Parse(sort, dir, pct, track, stage, null, region.Pcts.Select(p => p.Code).ToList());
        if (notes.Count > 0)
        {
            return TypedResults.Problem(title: "The filters are not valid.", detail: string.Join(" ", notes), statusCode: StatusCodes.Status400BadRequest);
        }

        var table = await dashboard.TableAsync(region.Code, currentUser.Access, query, allRows: true, cancellationToken);
        return Csv(DashboardCsv.Consortia(table.Rows), $"consortia-{region.Code}.csv");
    }

    private static async Task<IResult> HeatmapCsvAsync(string code, RegionDashboard dashboard, CurrentUser currentUser, CancellationToken cancellationToken)
    {
        var region = OrganisationCode.TryNormalise(code)!;
        var rows = await dashboard.HeatmapAsync(region, currentUser.Access, cancellationToken);
        return Csv(DashboardCsv.Heatmap(ShippedFrameworks.DefaultFramework, rows), $"domain-scores-{region}.csv");
    }

    private static IResult QualityTemplate(string code) =>
        Csv(QualityIndicatorEntry.Template(OrganisationCode.TryNormalise(code)!), $"quality-indicators-{OrganisationCode.TryNormalise(code)}.csv");

    private static IResult Csv(string text, string fileName) =>
        TypedResults.File(Encoding.UTF8.GetBytes(text), "text/csv; charset=utf-8", fileName);
}
