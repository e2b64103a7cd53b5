using TransitionTracker.Application.Exports;
using TransitionTracker.Application.Lessons;
using TransitionTracker.Domain.Organisations;
using TransitionTracker.Web.Access;

namespace TransitionTracker.Web.Api;

/// <summary>
/// The grids' exports beside the dashboards' (<see cref="DashboardApi"/>): what a grid shows, with the filters and sort
/// of its page's address, as CSV or Excel (docs/architecture.md, "Exports"). The use case checks the scope itself.
/// </summary>
public static class GridExports
{
    public static IEndpointRouteBuilder MapGridExports(this IEndpointRouteBuilder app)
    {
        foreach (var format in Enum.GetValues<ExportFormat>())
        {
            app.MapGet($"/consortia/{{code}}/lessons.{format.Extension()}", LessonsAsync(format))
                .RequireAuthorization(Policies.For(OrganisationKind.Consortium, AccessOperation.Read))
                .ExcludeFromDescription();
        }

        return app;
    }

    private static Func<string, string?, string?, string?, string?, LessonLibrary, CurrentUser, CancellationToken, Task<IResult>> LessonsAsync(ExportFormat format) =>
        async (code, q, domain, sort, dir, library, currentUser, cancellationToken) =>
            DashboardApi.Download(
                await library.ExportAsync(currentUser.Acting, code, q, domain, sort, dir, format, cancellationToken),
                $"There is no consortium with code '{code}'.");
}
