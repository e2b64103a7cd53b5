using Microsoft.AspNetCore.Http.HttpResults;
using TransitionTracker.Domain.Frameworks;
using TransitionTracker.Application.Frameworks;
using TransitionTracker.Web.Access;

namespace TransitionTracker.Web.Api;

/// <summary>`GET /api/frameworks` and `GET /api/frameworks/{id}` (latest, or `?version=`).</summary>
public static class FrameworkApi
{
    public static IEndpointRouteBuilder MapFrameworkApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/frameworks").WithTags("Frameworks");
        group.MapGet("/", ListAsync)
            .WithName("ListFrameworks")
            .WithSummary("The latest version of every framework, with the versions that exist.");
        group.MapGet("/{id}", GetAsync)
            .WithName("GetFramework")
            .WithSummary("A framework document: the latest version, or the one asked for with ?version=.")
            .Produces(StatusCodes.Status200OK)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    private static async Task<Ok<IReadOnlyList<FrameworkSummary>>> ListAsync(FrameworkLibrary library, CurrentUser currentUser, CancellationToken cancellationToken) =>
        TypedResults.Ok(await library.ListAsync(currentUser.Acting, cancellationToken));

    private static async Task<IResult> GetAsync(string id, string? version, FrameworkLibrary library, CurrentUser currentUser, CancellationToken cancellationToken)
    {
        int? wanted = null;
        if (version is not null)
        {
            if (!int.TryParse(version, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var v) || v < 1)
            {
                return ValidationProblems.From([("version", "version must be a whole number of 1 or more.")]);
            }

            wanted = v;
        }

        var framework = await library.GetAsync(currentUser.Acting, id, wanted, cancellationToken);
        return framework is null
            ? ApiProblems.NotFound(wanted is null ? $"There is no framework '{id}'." : $"There is no version {wanted} of framework '{id}'.")
            : TypedResults.Text(FrameworkLoader.ToJson(framework), "application/json");
    }
}
