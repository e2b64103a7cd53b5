using Microsoft.AspNetCore.Http.HttpResults;
using TransitionTracker.Application.Dashboards;
using TransitionTracker.Application.Quality;
using TransitionTracker.Domain.Organisations;
using TransitionTracker.Web.Access;

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

    private static async Task<Results<Ok<HeadlineSummaryResponse>, ProblemHttpResult>> RegionSummaryAsync(string code, RegionDashboard dashboard, CurrentUser currentUser, CancellationToken cancellationToken) =>
        await dashboard.RegionSummaryAsync(currentUser.Acting, code, cancellationToken) is { } summary
            ? TypedResults.Ok(summary)
            : ApiProblems.NotFound($"There is no region with code '{code}'.");

    private static async Task<Results<Ok<HeadlineSummaryResponse>, ProblemHttpResult>> NationalSummaryAsync(RegionDashboard dashboard, CurrentUser currentUser, CancellationToken cancellationToken) =>
        await dashboard.NationalSummaryAsync(currentUser.Acting, cancellationToken) is { } summary
            ? TypedResults.Ok(summary)
            : ApiProblems.NotFound("The national summary is for national viewers and administrators.");

    private static async Task<IResult> ConsortiaCsvAsync(
        string code, string? sort, string? dir, string? pct, string? track, string? stage, string? forecast, string? q,
        DashboardExports exports, CurrentUser currentUser, CancellationToken cancellationToken)
    {
        var export = await exports.ConsortiaAsync(currentUser.Acting, code, new RegionDashboardRequest(sort, dir, pct, track, stage, Search: q, Forecast: forecast), cancellationToken);
        if (export is null)
        {
            return ApiProblems.NotFound($"There is no region with code '{code}'.");
        }

        return export.File is { } file
            ? Csv(file)
            : TypedResults.Problem(title: "The filters are not valid.", detail: string.Join(" ", export.Notes), statusCode: StatusCodes.Status400BadRequest);
    }

    private static async Task<IResult> HeatmapCsvAsync(string code, DashboardExports exports, CurrentUser currentUser, CancellationToken cancellationToken) =>
        await exports.HeatmapAsync(currentUser.Acting, code, cancellationToken) is { } file
            ? Csv(file)
            : ApiProblems.NotFound($"There is no region with code '{code}'.");

    private static IResult QualityTemplate(string code) =>
        Csv(QualityIndicatorEntry.Template(OrganisationCode.TryNormalise(code)!), $"quality-indicators-{OrganisationCode.TryNormalise(code)}.csv");

    private static IResult Csv(string text, string fileName) => Csv(new CsvFile(fileName, text));

    private static IResult Csv(CsvFile file) =>
        TypedResults.File(file.Bytes, "text/csv; charset=utf-8", file.FileName);
}
