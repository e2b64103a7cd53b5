using Microsoft.AspNetCore.Http.HttpResults;
using System.Text;
using TransitionTracker.Application.Dashboards;
using TransitionTracker.Application.Exports;
using TransitionTracker.Application.Quality;
using TransitionTracker.Domain.Organisations;
using TransitionTracker.Web.Access;

namespace TransitionTracker.Web.Api;

/// <summary>Dashboard summaries for scripts, the dashboards' exports (CSV and Excel) and the quality template.</summary>
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
        foreach (var format in Enum.GetValues<ExportFormat>())
        {
            var extension = format.Extension();
            app.MapGet($"/regions/{{code}}/consortia.{extension}", ConsortiaExportAsync(format))
                .RequireAuthorization(Policies.For(OrganisationKind.Region, AccessOperation.Read))
                .ExcludeFromDescription();
            app.MapGet($"/regions/{{code}}/heatmap.{extension}", HeatmapExportAsync(format))
                .RequireAuthorization(Policies.For(OrganisationKind.Region, AccessOperation.Read))
                .ExcludeFromDescription();
            app.MapGet($"/national/{{table}}.{extension}", NationalExportAsync(format))
                .RequireAuthorization()
                .ExcludeFromDescription();
        }

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

    private static Func<string, string?, string?, string?, string?, string?, string?, string?, DashboardExports, CurrentUser, CancellationToken, Task<IResult>> ConsortiaExportAsync(ExportFormat format) =>
        async (code, sort, dir, pct, track, stage, forecast, q, exports, currentUser, cancellationToken) =>
            Download(await exports.ConsortiaAsync(currentUser.Acting, code, new RegionDashboardRequest(sort, dir, pct, track, stage, Search: q, Forecast: forecast), format, cancellationToken), $"There is no region with code '{code}'.");

    private static Func<string, DashboardExports, CurrentUser, CancellationToken, Task<IResult>> HeatmapExportAsync(ExportFormat format) =>
        async (code, exports, currentUser, cancellationToken) =>
            await exports.HeatmapAsync(currentUser.Acting, code, format, cancellationToken) is { } file
                ? Download(file)
                : ApiProblems.NotFound($"There is no region with code '{code}'.");

    // "dashboard" is every table, as a workbook of one sheet each.
    private static Func<string, string?, string?, DashboardExports, CurrentUser, CancellationToken, Task<IResult>> NationalExportAsync(ExportFormat format) =>
        async (table, from, to, exports, currentUser, cancellationToken) =>
            Download(
                await exports.NationalAsync(currentUser.Acting, table == "dashboard" ? null : table, from, to, format, cancellationToken),
                "The national dashboard is for national viewers and administrators.");

    /// <summary>The file, or the notes that refused it as a 400 problem, or a 404 when the user may not read it.</summary>
    internal static IResult Download(ExportOutcome? export, string notFound)
    {
        if (export is null)
        {
            return ApiProblems.NotFound(notFound);
        }

        return export.File is { } file
            ? Download(file)
            : TypedResults.Problem(title: "The filters are not valid.", detail: string.Join(" ", export.Notes), statusCode: StatusCodes.Status400BadRequest);
    }

    internal static IResult Download(ExportFile file) => TypedResults.File(file.Bytes, file.ContentType, file.FileName);

    private static IResult QualityTemplate(string code) =>
        Csv(QualityIndicatorEntry.Template(OrganisationCode.TryNormalise(code)!), $"quality-indicators-{OrganisationCode.TryNormalise(code)}.csv");

    private static IResult Csv(string text, string fileName) => TypedResults.File(Encoding.UTF8.GetBytes(text), ExportFormats.CsvContentType, fileName);
}
