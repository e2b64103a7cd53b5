using System.Text.Json;
using TransitionTracker.Domain.Frameworks;
using TransitionTracker.Domain.Scoring;
using TransitionTracker.Application.Frameworks;
using TransitionTracker.Web.Access;

namespace TransitionTracker.Web.Api;

/// <summary>`POST /api/scoring/evaluate`: the stateless scorer (docs/scoring.md, "In the API").</summary>
public static class ScoringApi
{
    public const int MaxRequestBytes = 256 * 1024;

    public static IEndpointRouteBuilder MapScoringApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/scoring/evaluate", EvaluateAsync)
            .WithTags("Scoring")
            .WithName("EvaluateReadiness")
            .WithSummary("Scores responses against a stored framework (by id, optionally version) or an inline framework definition.")
            .Accepts<JsonElement>("application/json")
            .Produces<ReadinessReport>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);
        return app;
    }

    private static async Task<IResult> EvaluateAsync(HttpRequest request, FrameworkLibrary library, CurrentUser currentUser, CancellationToken cancellationToken)
    {
        var (document, problem) = await JsonRequestBody.ReadAsync(request, MaxRequestBytes, cancellationToken);
        if (document is null)
        {
            return problem!;
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return ValidationProblems.From([("$", "The body must be a JSON object with 'framework' or 'frameworkDefinition', and 'responses'.")]);
            }

            var problems = new List<(string, string)>();
            var framework = await ResolveFrameworkAsync(root, library, currentUser.Acting, problems, cancellationToken);
            if (!root.TryGetProperty("responses", out var responses))
            {
                problems.Add(("$.responses", "responses is required: a JSON array of { criterion, status } or { criterion, level }."));
            }
            else if (framework is not null)
            {
                var validated = ResponseSetValidator.ParseResponses(responses, framework);
                problems.AddRange(validated.Problems.Select(p => (p.Path, p.Message)));
                if (problems.Count == 0)
                {
                    return TypedResults.Ok(ReadinessReport.From(framework, ReadinessScorer.Score(framework, validated.Responses)));
                }
            }
            else if (responses.ValueKind != JsonValueKind.Array)
            {
                problems.Add(("$.responses", "responses must be a JSON array."));
            }

            return ValidationProblems.From(problems);
        }
    }

    private static async Task<Framework?> ResolveFrameworkAsync(
        JsonElement root, FrameworkLibrary library, ActingUser? user, List<(string, string)> problems, CancellationToken cancellationToken)
    {
        var hasId = root.TryGetProperty("framework", out var id);
        var hasDefinition = root.TryGetProperty("frameworkDefinition", out var definition);
        if (hasId == hasDefinition)
        {
            problems.Add(("$", "Give exactly one of 'framework' (a stored framework id) and 'frameworkDefinition' (a framework document)."));
            return null;
        }

        if (hasDefinition)
        {
            var loaded = FrameworkLoader.Load(definition, "$.frameworkDefinition");
            problems.AddRange(loaded.Problems.Select(p => (p.Path, p.Message)));
            return loaded.Framework;
        }

        if (id.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(id.GetString()))
        {
            problems.Add(("$.framework", "framework must be the id of a stored framework, for example \"gp-consortium-readiness-2010\"."));
            return null;
        }

        int? version = null;
        if (root.TryGetProperty("version", out var versionElement))
        {
            if (versionElement.ValueKind != JsonValueKind.Number || !versionElement.TryGetInt32(out var v) || v < 1)
            {
                problems.Add(("$.version", "version must be a whole number of 1 or more."));
                return null;
            }

            version = v;
        }

        var framework = await library.GetAsync(user, id.GetString()!, version, cancellationToken);
        if (framework is null)
        {
            problems.Add(("$.framework", version is null
                ? $"There is no framework '{id.GetString()}'."
                : $"There is no version {version} of framework '{id.GetString()}'."));
        }

        return framework;
    }
}
