using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using TransitionTracker.Application.Editing;
using TransitionTracker.Domain.Frameworks;
using TransitionTracker.Application.Frameworks;
using TransitionTracker.Web.Access;

namespace TransitionTracker.Web.Api;

/// <summary>
/// `GET /api/frameworks` and `GET /api/frameworks/{id}` (latest, or `?version=`); for administrators,
/// `POST /api/frameworks/preview` (what a file would change, storing nothing) and `POST /api/frameworks` (publish it as
/// the next version), with the upload page's use case, checks and messages (<see cref="FrameworkLibrary"/>).
/// </summary>
public static class FrameworkApi
{
    /// <summary>Far beyond the largest shipped framework document.</summary>
    private const int MaxRequestBytes = 512 * 1024;

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
        group.MapPost("/preview", PreviewAsync)
            .RequireAuthorization(Policies.Administrator)
            .WithName("PreviewFramework")
            .WithSummary("Checks a framework document (the body) as publishing would and lists what it would change in the published version; stores nothing.")
            .Accepts<JsonElement>("application/json")
            .Produces(StatusCodes.Status200OK)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);
        group.MapPost("/", PublishAsync)
            .RequireAuthorization(Policies.Administrator)
            .WithName("PublishFramework")
            .WithSummary("Publishes a framework document (the body) as the next version of its id; a document the same as the latest version is refused.")
            .Accepts<JsonElement>("application/json")
            .Produces(StatusCodes.Status200OK)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);
        return app;
    }

    private static Task<IResult> PreviewAsync(HttpRequest request, FrameworkLibrary library, CurrentUser currentUser, CancellationToken cancellationToken) =>
        JsonRequestBody.WithObjectAsync(request, MaxRequestBytes, "a framework document", async (root, _) =>
        {
            if (await library.PreviewAsync(currentUser.Acting, root.GetRawText(), cancellationToken) is not { } preview)
            {
                return ApiProblems.NotFound("Only administrators preview frameworks.");
            }

            return preview.Candidate is not { } candidate
                ? ValidationProblems.From(preview.Problems.Select(p => (p.Path, p.Message)))
                : TypedResults.Json(new
                {
                    id = candidate.Id,
                    name = candidate.Name,
                    nextVersion = preview.NextVersion,
                    currentVersion = preview.Current?.Version,
                    changes = preview.Changes.Select(c => new { kind = c.Kind.ToString(), subject = c.Subject, description = c.Description }),
                });
        }, cancellationToken);

    private static Task<IResult> PublishAsync(HttpRequest request, FrameworkLibrary library, CurrentUser currentUser, CancellationToken cancellationToken) =>
        JsonRequestBody.WithObjectAsync(request, MaxRequestBytes, "a framework document", async (root, _) =>
        {
            var outcome = await library.PublishAsync(currentUser.Acting, root.GetRawText(), cancellationToken);
            return outcome.Status switch
            {
                EditStatus.Saved => TypedResults.Json(new { id = outcome.Value!.Id, version = outcome.Revision, name = outcome.Value.Name }),
                EditStatus.Invalid => ValidationProblems.From(outcome.Problems.Select(p => (p.Field, p.Message))),
                _ => ApiProblems.NotFound("Only administrators publish frameworks."),
            };
        }, cancellationToken);

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
