using System.Globalization;
using System.Text.Json;
using TransitionTracker.Application.Editing;
using TransitionTracker.Application.SupportActions;
using TransitionTracker.Domain.Organisations;
using TransitionTracker.Web.Access;

namespace TransitionTracker.Web.Api;

/// <summary>
/// A consortium's support actions for scripts, with the editors' use case (<see cref="SupportActionBoard"/>), rules,
/// messages and revision rule: a change sends the revision it read; a stale one is a 409 with who changed what.
/// </summary>
public static class SupportActionApi
{
    private const int MaxRequestBytes = 16 * 1024;

    public static IEndpointRouteBuilder MapSupportActionApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/consortia/{code}/actions").WithTags("Support actions");
        group.MapGet("/", ListAsync)
            .RequireAuthorization(Policies.For(OrganisationKind.Consortium, AccessOperation.Read))
            .WithName("ListSupportActions")
            .WithSummary("The consortium's support actions, each with its revision, whether it is overdue and whether its criterion is met.")
            .Produces(StatusCodes.Status200OK)
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("/", AddAsync)
            .RequireAuthorization(Policies.For(OrganisationKind.Consortium, AccessOperation.Edit))
            .WithName("AddSupportAction")
            .WithSummary("Adds an action: { criterion, description, owner, dueOn } with dueOn as YYYY-MM-DD.")
            .Accepts<JsonElement>("application/json")
            .Produces(StatusCodes.Status200OK)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);
        group.MapPut("/{id:int}", ChangeAsync)
            .RequireAuthorization(Policies.For(OrganisationKind.Consortium, AccessOperation.Edit))
            .WithName("ChangeSupportAction")
            .WithSummary("Changes an action: { criterion, description, owner, dueOn, status: NotStarted | InProgress | Done, revision }, revision the one read.")
            .Accepts<JsonElement>("application/json")
            .Produces(StatusCodes.Status200OK)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);
        return app;
    }

    private static async Task<IResult> ListAsync(string code, SupportActionBoard board, CurrentUser currentUser, CancellationToken cancellationToken)
    {
        var actions = await board.ListAsync(currentUser.Acting, code, cancellationToken);
        return TypedResults.Json(actions.Select(a => Describe(a, board.Today)).ToList());
    }

    private static Task<IResult> AddAsync(string code, HttpRequest request, SupportActionBoard board, CurrentUser currentUser, CancellationToken cancellationToken) =>
        WithFormAsync(request, withStatus: false, async form =>
        {
            var outcome = await board.AddAsync(currentUser.Acting, code, form, cancellationToken);
            return await AnswerAsync(outcome, code, board, currentUser, cancellationToken);
        }, cancellationToken);

    private static Task<IResult> ChangeAsync(string code, int id, HttpRequest request, SupportActionBoard board, CurrentUser currentUser, CancellationToken cancellationToken) =>
        WithFormAsync(request, withStatus: true, async form =>
        {
            if (form.Revision is null)
            {
                return ValidationProblems.From([("$.revision", "revision is required: the revision of the action you are changing (GET .../actions).")]);
            }

            var outcome = await board.UpdateAsync(currentUser.Acting, code, id, form, cancellationToken);
            return await AnswerAsync(outcome, code, board, currentUser, cancellationToken);
        }, cancellationToken);

    // Reads the body into the editors' form (the due date split into the day, month and year the use case checks).
    private static async Task<IResult> WithFormAsync(HttpRequest request, bool withStatus, Func<SupportActionForm, Task<IResult>> use, CancellationToken cancellationToken)
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
                return ValidationProblems.From([("$", "The body must be a JSON object: { criterion, description, owner, dueOn" + (withStatus ? ", status, revision }." : " }."))]);
            }

            var problems = new List<(string Path, string Message)>();
            var form = new SupportActionForm
            {
                Criterion = JsonRequestBody.OptionalString(root, "criterion", problems),
                Description = JsonRequestBody.OptionalString(root, "description", problems),
                Owner = JsonRequestBody.OptionalString(root, "owner", problems),
                Status = withStatus ? JsonRequestBody.OptionalString(root, "status", problems) : null,
            };
            if (JsonRequestBody.OptionalDate(root, "dueOn", problems) is { } due)
            {
                form.DueDay = due.Day.ToString(CultureInfo.InvariantCulture);
                form.DueMonth = due.Month.ToString(CultureInfo.InvariantCulture);
                form.DueYear = due.Year.ToString(CultureInfo.InvariantCulture);
            }

            if (withStatus && root.TryGetProperty("revision", out var revision) && revision.ValueKind != JsonValueKind.Null)
            {
                if (revision.ValueKind == JsonValueKind.Number && revision.TryGetInt32(out var r) && r >= 0)
                {
                    form.Revision = r.ToString(CultureInfo.InvariantCulture);
                }
                else
                {
                    problems.Add(("$.revision", "revision must be a whole number of 0 or more."));
                }
            }

            return problems.Count > 0 ? ValidationProblems.From(problems) : await use(form);
        }
    }

    private static async Task<IResult> AnswerAsync(EditOutcome outcome, string code, SupportActionBoard board, CurrentUser currentUser, CancellationToken cancellationToken) =>
        outcome.Status switch
        {
            EditStatus.Saved => TypedResults.Json(Describe((await board.FindAsync(currentUser.Acting, code, outcome.SavedId!.Value, cancellationToken))!, board.Today)),
            EditStatus.Invalid => ValidationProblems.From(outcome.Problems.Select(p => (Path(p.Field), p.Message))),
            EditStatus.Conflict => ApiProblems.SavedFirst(outcome.Conflict, "this action", "read the action again and send what you still mean."),
            _ => ApiProblems.NotFound("There is no such support action in a consortium you may change."),
        };

    // The use case names the due date's boxes; the API has one dueOn.
    private static string Path(string field) => field.StartsWith(SupportActionFields.DueDate, StringComparison.Ordinal) ? "$.dueOn" : "$." + field;

    private static object Describe(SupportActionItem action, DateOnly today) => new
    {
        id = action.Id,
        criterion = action.CriterionId,
        criterionText = action.CriterionText,
        description = action.Description,
        owner = action.Owner,
        dueOn = action.DueOn,
        status = action.Status.ToString(),
        revision = action.Revision,
        overdue = action.IsOverdue(today),
        criterionMet = action.CriterionMet,
    };
}
