using System.Globalization;
using System.Text.Json;
using TransitionTracker.Application.Editing;
using TransitionTracker.Application.Transition;
using TransitionTracker.Domain.Organisations;
using TransitionTracker.Domain.Transition;
using TransitionTracker.Web.Access;

namespace TransitionTracker.Web.Api;

/// <summary>
/// A consortium's conflicts-of-interest register for scripts, with the editor's use case (<see cref="InterestRegister"/>),
/// rules, messages and revision rule (docs/architecture.md, "Editing: one outcome, one revision rule"): a change sends
/// the revision it read; a stale one is a 409 with who changed what.
/// </summary>
public static class InterestRegisterApi
{
    // A person of at most 200 characters and two texts of at most 1,000, with room for escaping.
    private const int MaxRequestBytes = 16 * 1024;

    private const string Shape = "{ person, interest, declaredOn, management";

    public static IEndpointRouteBuilder MapInterestRegisterApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/consortia/{code}/interests").WithTags("Conflicts of interest");
        group.MapGet("/", ListAsync)
            .RequireAuthorization(Policies.For(OrganisationKind.Consortium, AccessOperation.Read))
            .WithName("ListDeclaredInterests")
            .WithSummary("The consortium's conflicts-of-interest register, most recently declared first, each entry with its revision.")
            .Produces(StatusCodes.Status200OK)
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("/", AddAsync)
            .RequireAuthorization(Policies.For(OrganisationKind.Consortium, AccessOperation.Edit))
            .WithName("AddDeclaredInterest")
            .WithSummary("Declares an interest: { person, interest, declaredOn, management } with declaredOn as YYYY-MM-DD, today or earlier.")
            .Accepts<JsonElement>("application/json")
            .Produces(StatusCodes.Status200OK)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);
        group.MapPut("/{id:int}", ChangeAsync)
            .RequireAuthorization(Policies.For(OrganisationKind.Consortium, AccessOperation.Edit))
            .WithName("ChangeDeclaredInterest")
            .WithSummary("Changes an entry: { person, interest, declaredOn, management, revision }, revision the one read.")
            .Accepts<JsonElement>("application/json")
            .Produces(StatusCodes.Status200OK)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);
        return app;
    }

    private static async Task<IResult> ListAsync(string code, InterestRegister register, CurrentUser currentUser, CancellationToken cancellationToken)
    {
        var entries = await register.ListAsync(currentUser.Acting, code, cancellationToken);
        return TypedResults.Json(entries.Select(Describe).ToList());
    }

    private static Task<IResult> AddAsync(string code, HttpRequest request, InterestRegister register, CurrentUser currentUser, CancellationToken cancellationToken) =>
        WithFormAsync(request, withRevision: false, async form =>
        {
            var outcome = await register.AddAsync(currentUser.Acting, code, form, cancellationToken);
            return await AnswerAsync(outcome, code, register, currentUser, cancellationToken);
        }, cancellationToken);

    private static Task<IResult> ChangeAsync(string code, int id, HttpRequest request, InterestRegister register, CurrentUser currentUser, CancellationToken cancellationToken) =>
        WithFormAsync(request, withRevision: true, async form =>
        {
            // The use case reads a change without a revision as a conflict, so the editor shows the stored entry; a
            // script is told what to send instead.
            if (form.Revision is null)
            {
                return ValidationProblems.From([("$.revision", "revision is required: the revision of the entry you are changing (GET .../interests).")]);
            }

            var outcome = await register.UpdateAsync(currentUser.Acting, code, id, form, cancellationToken);
            return await AnswerAsync(outcome, code, register, currentUser, cancellationToken);
        }, cancellationToken);

    // Reads the body into the editor's form: the date declared split into the day, month and year the use case checks.
    private static async Task<IResult> WithFormAsync(HttpRequest request, bool withRevision, Func<DeclaredInterestForm, Task<IResult>> use, CancellationToken cancellationToken)
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
                return ValidationProblems.From([("$", $"The body must be a JSON object: {Shape}{(withRevision ? ", revision }." : " }.")}")]);
            }

            var problems = new List<(string Path, string Message)>();
            var form = new DeclaredInterestForm
            {
                Person = JsonRequestBody.OptionalString(root, DeclaredInterestForm.PersonField, problems),
                Interest = JsonRequestBody.OptionalString(root, DeclaredInterestForm.InterestField, problems),
                Management = JsonRequestBody.OptionalString(root, DeclaredInterestForm.ManagementField, problems),
            };
            (form.DeclaredDay, form.DeclaredMonth, form.DeclaredYear) = InputValues.Boxes(JsonRequestBody.OptionalDate(root, "declaredOn", problems));

            if (withRevision && root.TryGetProperty(EditOutcome.RevisionField, out var revision) && revision.ValueKind != JsonValueKind.Null)
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

    private static async Task<IResult> AnswerAsync(EditOutcome outcome, string code, InterestRegister register, CurrentUser currentUser, CancellationToken cancellationToken) =>
        outcome.Status switch
        {
            EditStatus.Saved => TypedResults.Json(Describe((await register.FindAsync(currentUser.Acting, code, outcome.SavedId!.Value, cancellationToken))!)),
            EditStatus.Invalid => ValidationProblems.From(outcome.Problems.Select(p => (Path(p.Field), p.Message))),
            EditStatus.Conflict => ApiProblems.SavedFirst(outcome.Conflict, "this entry", "read the entry again and send what you still mean."),
            _ => ApiProblems.NotFound("There is no such entry in the register of a consortium you may change."),
        };

    // The use case names the date's boxes as one field; the API has one declaredOn.
    private static string Path(string field) => field == DeclaredInterestForm.DeclaredDateField ? "$.declaredOn" : "$." + field;

    private static object Describe(DeclaredInterest entry) => new
    {
        id = entry.Id,
        person = entry.Person,
        interest = entry.Interest,
        declaredOn = entry.DeclaredOn,
        management = entry.Management,
        revision = entry.Revision,
    };
}
