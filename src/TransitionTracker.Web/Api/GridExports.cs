using TransitionTracker.Application.Administration;
using TransitionTracker.Application.Changes;
using TransitionTracker.Application.Consortia;
using TransitionTracker.Application.Exports;
using TransitionTracker.Application.Lessons;
using TransitionTracker.Application.Organisations;
using TransitionTracker.Application.SupportActions;
using TransitionTracker.Application.Transition;
using TransitionTracker.Domain.Organisations;
using TransitionTracker.Web.Access;
using TransitionTracker.Web.Components.Pages.Consortia.Changes;

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
            app.MapGet($"/consortia/{{code}}/actions.{format.Extension()}", SupportActionsAsync(format))
                .RequireAuthorization(Policies.For(OrganisationKind.Consortium, AccessOperation.Read))
                .ExcludeFromDescription();
            app.MapGet($"/pcts/{{code}}/practices.{format.Extension()}", PracticesAsync(format))
                .RequireAuthorization(Policies.For(OrganisationKind.Pct, AccessOperation.Read))
                .ExcludeFromDescription();
            app.MapGet($"/admin/users.{format.Extension()}", UsersAsync(format))
                .RequireAuthorization(Policies.Administrator)
                .ExcludeFromDescription();
            app.MapGet($"/consortia/{{code}}/changes.{format.Extension()}", ChangesAsync(format))
                .RequireAuthorization(Policies.For(OrganisationKind.Consortium, AccessOperation.Read))
                .ExcludeFromDescription();
            app.MapGet($"/consortia/{{code}}/members.{format.Extension()}", MembersAsync(format))
                .RequireAuthorization(Policies.For(OrganisationKind.Consortium, AccessOperation.Read))
                .ExcludeFromDescription();
            app.MapGet($"/consortia/{{code}}/register.{format.Extension()}", RegisterAsync(format))
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

    private static Func<string, string?, string?, string?, OrganisationDirectory, CurrentUser, CancellationToken, Task<IResult>> PracticesAsync(ExportFormat format) =>
        async (code, q, sort, dir, directory, currentUser, cancellationToken) =>
            DashboardApi.Download(
                await directory.ExportPracticesAsync(currentUser.Acting, code, q, sort, dir, format, cancellationToken),
                $"There is no PCT with code '{code}'.");

    private static Func<string, SupportActionBoard, CurrentUser, CancellationToken, Task<IResult>> SupportActionsAsync(ExportFormat format) =>
        async (code, board, currentUser, cancellationToken) =>
            await board.ExportAsync(currentUser.Acting, code, format, cancellationToken) is { } file
                ? DashboardApi.Download(file)
                : ApiProblems.NotFound($"There is no consortium with code '{code}'.");

    private static Func<string?, string?, string?, string?, string?, UserDirectory, CurrentUser, CancellationToken, Task<IResult>> UsersAsync(ExportFormat format) =>
        async (q, role, status, sort, dir, users, currentUser, cancellationToken) =>
            DashboardApi.Download(
                await users.ExportAsync(currentUser.Acting, q, role, status, sort, dir, format, cancellationToken),
                "The user list is for administrators.");

    private static Func<string, string?, string?, string?, ChangeHistory, CurrentUser, CancellationToken, Task<IResult>> ChangesAsync(ExportFormat format) =>
        async (code, q, kind, order, history, currentUser, cancellationToken) =>
            DashboardApi.Download(
                await ChangesExport.ExportAsync(history, currentUser.Acting, code, q, kind, order, format, cancellationToken),
                $"There is no consortium with code '{code}'.");

    private static Func<string, string?, ConsortiumCatalogue, CurrentUser, CancellationToken, Task<IResult>> MembersAsync(ExportFormat format) =>
        async (code, q, catalogue, currentUser, cancellationToken) =>
            DashboardApi.Download(
                await catalogue.ExportMembersAsync(currentUser.Acting, code, q, format, cancellationToken),
                $"There is no consortium with code '{code}'.");

    private static Func<string, string?, string?, string?, InterestRegister, CurrentUser, CancellationToken, Task<IResult>> RegisterAsync(ExportFormat format) =>
        async (code, q, sort, dir, register, currentUser, cancellationToken) =>
            DashboardApi.Download(
                await register.ExportAsync(currentUser.Acting, code, q, sort, dir, format, cancellationToken),
                $"There is no consortium with code '{code}'.");
}
