using System.Globalization;
using System.Text.Json;
using TransitionTracker.Application.Consortia;
using TransitionTracker.Application.Editing;
using TransitionTracker.Domain.Organisations;
using TransitionTracker.Web.Access;

namespace TransitionTracker.Web.Api;

/// <summary>
/// A practice's consortium memberships, and recording a move, as the PCT page does: the same use case
/// (<see cref="PracticeMoves"/>), rules and messages (docs/architecture.md, "Consortia as they formed").
/// </summary>
public static class PracticeMoveApi
{
    public static IEndpointRouteBuilder MapPracticeMoveApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/pcts/{code}/practices/{practice}/membership").WithTags("Practices");
        group.MapGet("/", GetAsync)
            .RequireAuthorization(Policies.For(OrganisationKind.Pct, AccessOperation.Edit))
            .WithName("GetPracticeMembership")
            .WithSummary("Where a practice of your PCT is now, every membership it has had, and the consortia it may be recorded as joining.")
            .Produces(StatusCodes.Status200OK)
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("/", MoveAsync)
            .RequireAuthorization(Policies.For(OrganisationKind.Pct, AccessOperation.Edit))
            .WithName("MovePractice")
            .WithSummary("Records a move: { from, consortium, date }, from the consortium it is in now (null for none), consortium the one it joined (null: it left and joined none), date as YYYY-MM-DD.")
            .Accepts<JsonElement>("application/json")
            .Produces(StatusCodes.Status200OK)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);
        return app;
    }

    private const int MaxRequestBytes = 4 * 1024;

    private static async Task<IResult> GetAsync(string code, string practice, PracticeMoves moves, CurrentUser currentUser, CancellationToken cancellationToken) =>
        await FindAsync(code, practice, moves, currentUser, cancellationToken) is { } found
            ? TypedResults.Json(Describe(found))
            : ApiProblems.NotFound("There is no practice with this code in this PCT.");

    private static async Task<IResult> MoveAsync(
        string code, string practice, HttpRequest request, PracticeMoves moves, CurrentUser currentUser, CancellationToken cancellationToken)
    {
        if (await FindAsync(code, practice, moves, currentUser, cancellationToken) is null)
        {
            return ApiProblems.NotFound("There is no practice with this code in this PCT.");
        }

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
                return ValidationProblems.From([("$", "The body must be a JSON object: { from, consortium, date }.")]);
            }

            var problems = new List<(string Path, string Message)>();
            var from = ReadString(root, PracticeMoves.FromField, problems);
            var to = ReadString(root, PracticeMoves.ConsortiumField, problems);
            var dateText = ReadString(root, PracticeMoves.DateField, problems);
            DateOnly? date = null;
            if (dateText is not null)
            {
                if (DateOnly.TryParseExact(dateText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
                {
                    date = parsed;
                }
                else
                {
                    problems.Add(("$.date", "date must be a date as YYYY-MM-DD, for example 2011-04-01."));
                }
            }

            if (problems.Count > 0)
            {
                return ValidationProblems.From(problems);
            }

            var outcome = await moves.MoveAsync(currentUser.Acting, practice, from, to, date, cancellationToken);
            return outcome.Status switch
            {
                EditStatus.Saved => TypedResults.Json(Describe((await moves.FindAsync(currentUser.Acting, practice, cancellationToken))!)),
                EditStatus.Invalid => ValidationProblems.From(outcome.Problems.Select(p => ("$." + p.Field, p.Message))),
                EditStatus.Conflict => TypedResults.Problem(
                    title: "The practice has moved since you read it.",
                    detail: $"{outcome.Conflict?.ChangedBy ?? "Someone else"} recorded a move for it. Nothing was changed: read where it is now (GET .../membership) and send that as from.",
                    statusCode: StatusCodes.Status409Conflict),
                _ => ApiProblems.NotFound("There is no practice with this code in this PCT."),
            };
        }
    }

    // The practice, when it is in this PCT and the user may move it.
    private static async Task<PracticeMembership?> FindAsync(string code, string practice, PracticeMoves moves, CurrentUser currentUser, CancellationToken cancellationToken) =>
        await moves.FindAsync(currentUser.Acting, practice, cancellationToken) is { } found && found.PctCode == OrganisationCode.TryNormalise(code) ? found : null;

    private static string? ReadString(JsonElement root, string name, List<(string Path, string Message)> problems)
    {
        if (!root.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.String)
        {
            problems.Add(($"$.{name}", $"{name} must be a string or null."));
            return null;
        }

        return value.GetString();
    }

    private static object Describe(PracticeMembership practice) => new
    {
        practice = practice.PracticeCode,
        name = practice.PracticeName,
        pct = practice.PctCode,
        listSize = practice.ListSize,
        consortium = practice.Current?.ConsortiumCode,
        memberships = practice.History.Select(h => new { consortium = h.ConsortiumCode, name = h.ConsortiumName, joinedOn = h.JoinedOn, leftOn = h.LeftOn }),
        mayJoin = practice.Choices.Select(c => new { consortium = c.Code, name = c.Name }),
    };
}
