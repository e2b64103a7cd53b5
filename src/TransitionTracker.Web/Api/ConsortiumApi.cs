using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;
using TransitionTracker.Domain.Organisations;
using TransitionTracker.Domain.Scoring;
using TransitionTracker.Web.Access;
using TransitionTracker.Application.Assessments;
using TransitionTracker.Application.Consortia;
using TransitionTracker.Application.Caching;

namespace TransitionTracker.Web.Api;

/// <summary>`GET /api/consortia` and `GET /api/consortia/{code}`.</summary>
public static class ConsortiumApi
{
    public static IEndpointRouteBuilder MapConsortiumApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/consortia").WithTags("Consortia");
        group.MapGet("/", ListAsync)
            .WithName("ListConsortia")
            .WithSummary("The consortia you may read, optionally filtered by region (SHA code), PCT code or effective track (fast-mover, needs-support).")
            .ProducesProblem(StatusCodes.Status400BadRequest);
        group.MapGet("/{code}", GetAsync)
            .RequireAuthorization(Policies.For(OrganisationKind.Consortium, AccessOperation.Read))
            .WithName("GetConsortium")
            .WithSummary("One consortium by its code (case-insensitive).")
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("/{code}/readiness", ReadinessAsync)
            .RequireAuthorization(Policies.For(OrganisationKind.Consortium, AccessOperation.Read))
            .WithName("GetConsortiumReadiness")
            .WithSummary("The full result of the latest submitted assessment, as /api/scoring/evaluate answers it.")
            .Produces<ReadinessReport>()
            .ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    // The answer is kept as JSON in the read cache: serialising the full report was most of the request's cost.
    private static async Task<IResult> ReadinessAsync(
        string code,
        ConsortiumReadinessReader reader,
        CurrentUser currentUser,
        CachedReads reads,
        IOptions<JsonOptions> json,
        CancellationToken cancellationToken)
    {
        var consortium = OrganisationCode.TryNormalise(code)!;
        if ((await reader.ReadAsync(currentUser.Acting, consortium, cancellationToken))?.Latest is not { } latest)
        {
            return ApiProblems.NotFound("This consortium has no submitted assessment yet.");
        }

        var body = await reads.GetAsync(
            (nameof(ReadinessAsync), consortium),
            ct => Task.FromResult(new ReadinessJson(JsonSerializer.SerializeToUtf8Bytes(latest, json.Value.SerializerOptions))),
            cancellationToken);
        return TypedResults.Bytes(body.Utf8, "application/json; charset=utf-8");
    }

    private sealed record ReadinessJson(byte[] Utf8);

    private static async Task<Results<Ok<IReadOnlyList<ConsortiumSummary>>, ProblemHttpResult>> ListAsync(
        string? region,
        string? pct,
        string? track,
        ConsortiumCatalogue catalogue,
        CurrentUser currentUser,
        CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var regionCode = ParseFilter(region, "region", errors);
        var pctCode = ParseFilter(pct, "pct", errors);
        Track? trackFilter = null;
        if (track is not null)
        {
            if (WireNames.TryParseTrack(track, out var parsed))
            {
                trackFilter = parsed;
            }
            else
            {
                errors["track"] = ["'track' must be fast-mover or needs-support."];
            }
        }
        if (errors.Count > 0)
        {
            return TypedResults.Problem(
                title: "The filters are not valid.",
                detail: string.Join(" ", errors.Values.SelectMany(v => v)),
                statusCode: StatusCodes.Status400BadRequest,
                extensions: new Dictionary<string, object?> { ["errors"] = errors });
        }

        return TypedResults.Ok(await catalogue.ListAsync(currentUser.Acting, new ConsortiumFilter(regionCode, pctCode, trackFilter), cancellationToken));
    }

    private static async Task<Results<Ok<ConsortiumSummary>, ProblemHttpResult>> GetAsync(
        string code,
        ConsortiumCatalogue catalogue,
        CurrentUser currentUser,
        CancellationToken cancellationToken)
    {
        var consortium = await catalogue.FindWithStandingAsync(currentUser.Acting, code, cancellationToken);
        return consortium is null
            ? ApiProblems.NotFound($"There is no consortium with code '{code}'.")
            : TypedResults.Ok(consortium);
    }

    private static string? ParseFilter(string? value, string name, Dictionary<string, string[]> errors)
    {
        if (value is null)
        {
            return null;
        }

        var code = OrganisationCode.TryNormalise(value);
        if (code is null)
        {
            errors[name] = [$"'{name}' must be an organisation code of up to {OrganisationCode.MaxLength} letters and digits."];
        }

        return code;
    }
}
