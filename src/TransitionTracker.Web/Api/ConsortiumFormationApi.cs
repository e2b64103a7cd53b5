using System.Text.Json;
using TransitionTracker.Application.Consortia;
using TransitionTracker.Application.Editing;
using TransitionTracker.Domain.Organisations;
using TransitionTracker.Web.Access;

namespace TransitionTracker.Web.Api;

/// <summary>
/// How a consortium formed, and a regional lead recording a stage change or a merge, as the formation page does: the
/// same use case (<see cref="ConsortiumFormation"/>), rules and messages (docs/architecture.md, "Consortia as they formed").
/// </summary>
public static class ConsortiumFormationApi
{
    private const int MaxRequestBytes = 4 * 1024;

    public static IEndpointRouteBuilder MapConsortiumFormationApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/consortia/{code}").WithTags("Consortia");
        group.MapGet("/formation", GetAsync)
            .RequireAuthorization(Policies.For(OrganisationKind.Consortium, AccessOperation.Read))
            .WithName("GetConsortiumFormation")
            .WithSummary("The consortium's stage and stage changes, merges, and practices joining and leaving (newest first), each with its date.")
            .Produces(StatusCodes.Status200OK)
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("/stage", ChangeStageAsync)
            .RequireAuthorization(Policies.For(OrganisationKind.Consortium, AccessOperation.Review))
            .WithName("ChangeConsortiumStage")
            .WithSummary("Records a stage change: { from, stage, date }, from the stage it is at now, stage the one it moved to, date as YYYY-MM-DD.")
            .Accepts<JsonElement>("application/json")
            .Produces(StatusCodes.Status200OK)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);
        group.MapPost("/merge", MergeAsync)
            .RequireAuthorization(Policies.For(OrganisationKind.Consortium, AccessOperation.Review))
            .WithName("MergeConsortium")
            .WithSummary("Records the consortium merging into another of the region: { into, date }, date as YYYY-MM-DD; every member joins it that day.")
            .Accepts<JsonElement>("application/json")
            .Produces(StatusCodes.Status200OK)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);
        group.MapPost("/split", SplitAsync)
            .RequireAuthorization(Policies.For(OrganisationKind.Consortium, AccessOperation.Review))
            .WithName("SplitConsortium")
            .WithSummary("Records a new consortium splitting off: { code, name, practices: [practice codes], date }, date as YYYY-MM-DD; those practices join it that day.")
            .Accepts<JsonElement>("application/json")
            .Produces(StatusCodes.Status200OK)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);
        return app;
    }

    private static async Task<IResult> GetAsync(string code, ConsortiumFormation formation, CurrentUser currentUser, CancellationToken cancellationToken) =>
        await formation.FindAsync(currentUser.Acting, code, cancellationToken) is { } view
            ? TypedResults.Json(Describe(view))
            : ApiProblems.NotFound("There is no consortium with this code that you may read.");

    private static Task<IResult> ChangeStageAsync(string code, HttpRequest request, ConsortiumFormation formation, CurrentUser currentUser, CancellationToken cancellationToken) =>
        WithBodyAsync(request, code, formation, currentUser, ["from", ConsortiumFormation.StageField], (values, _, date) =>
            formation.ChangeStageAsync(currentUser.Acting, code, values["from"], values[ConsortiumFormation.StageField], date, cancellationToken), cancellationToken);

    private static Task<IResult> MergeAsync(string code, HttpRequest request, ConsortiumFormation formation, CurrentUser currentUser, CancellationToken cancellationToken) =>
        WithBodyAsync(request, code, formation, currentUser, [ConsortiumFormation.IntoField], (values, _, date) =>
            formation.MergeAsync(currentUser.Acting, code, values[ConsortiumFormation.IntoField], date, cancellationToken), cancellationToken);

    private static Task<IResult> SplitAsync(string code, HttpRequest request, ConsortiumFormation formation, CurrentUser currentUser, CancellationToken cancellationToken) =>
        WithBodyAsync(request, code, formation, currentUser, [ConsortiumFormation.CodeField, ConsortiumFormation.NameField], (values, practices, date) =>
            formation.SplitAsync(
                currentUser.Acting, code, values[ConsortiumFormation.CodeField], values[ConsortiumFormation.NameField],
                practices, date, cancellationToken), cancellationToken);

    // Reads { <names>, date } (strings or null, practices an array of strings; date as YYYY-MM-DD), calls the use case, and answers its outcome.
    private static async Task<IResult> WithBodyAsync(
        HttpRequest request, string code, ConsortiumFormation formation, CurrentUser currentUser, string[] names,
        Func<Dictionary<string, string?>, IReadOnlyList<string>?, DateOnly?, Task<EditOutcome>> record, CancellationToken cancellationToken)
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
                return ValidationProblems.From([("$", $"The body must be a JSON object: {{ {string.Join(", ", names)}, date }}.")]);
            }

            var problems = new List<(string Path, string Message)>();
            var values = new Dictionary<string, string?>(StringComparer.Ordinal);
            foreach (var name in names)
            {
                values[name] = JsonRequestBody.OptionalString(root, name, problems);
            }

            // A split's practices: an array of practice codes (absent for a stage change or a merge).
            List<string>? practices = null;
            if (root.TryGetProperty(ConsortiumFormation.PracticesField, out var list) && list.ValueKind != JsonValueKind.Null)
            {
                if (list.ValueKind == JsonValueKind.Array && list.EnumerateArray().All(v => v.ValueKind == JsonValueKind.String))
                {
                    practices = [.. list.EnumerateArray().Select(v => v.GetString()!)];
                }
                else
                {
                    problems.Add(($"$.{ConsortiumFormation.PracticesField}", $"{ConsortiumFormation.PracticesField} must be an array of practice codes."));
                }
            }

            var date = JsonRequestBody.OptionalDate(root, ConsortiumFormation.DateField, problems);
            if (problems.Count > 0)
            {
                return ValidationProblems.From(problems);
            }

            var outcome = await record(values, practices, date);
            return outcome.Status switch
            {
                EditStatus.Saved => TypedResults.Json(Describe((await formation.FindAsync(currentUser.Acting, code, cancellationToken))!)),
                EditStatus.Invalid => ValidationProblems.From(outcome.Problems.Select(p => ("$." + p.Field, p.Message))),
                EditStatus.Conflict => TypedResults.Problem(
                    title: "The consortium has changed since you read it.",
                    detail: $"{outcome.Conflict?.ChangedBy ?? "Someone else"} changed it. Nothing was changed: read it again (GET .../formation) and send what you still mean.",
                    statusCode: StatusCodes.Status409Conflict),
                _ => ApiProblems.NotFound("There is no consortium with this code whose stage or merges you may record."),
            };
        }
    }

    private static object Describe(ConsortiumFormationView view) => new
    {
        consortium = view.Code,
        name = view.Name,
        stage = view.Stage.ToWire(),
        mergedInto = view.MergedIntoCode,
        mergedOn = view.MergedOn,
        stageChanges = view.StageChanges.Select(s => new { from = s.From.ToWire(), to = s.To.ToWire(), on = s.On }),
        mergedIn = view.MergedIn.Select(m => new { consortium = m.Code, name = m.Name, on = m.On }),
        splitFrom = view.SplitFrom is { } from ? new { consortium = from.Code, name = from.Name, on = from.On } : null,
        splitOffs = view.SplitOffs.Select(m => new { consortium = m.Code, name = m.Name, on = m.On }),
        membershipChanges = view.MembershipChanges.Select(m => new { practice = m.PracticeCode, name = m.PracticeName, on = m.On, change = m.Joined ? "joined" : "left" }),
    };
}
