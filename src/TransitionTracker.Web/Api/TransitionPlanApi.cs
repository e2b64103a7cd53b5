using System.Globalization;
using System.Text.Json;
using TransitionTracker.Application.Editing;
using TransitionTracker.Application.Transition;
using TransitionTracker.Domain.Organisations;
using TransitionTracker.Domain.Transition;
using TransitionTracker.Web.Access;

namespace TransitionTracker.Web.Api;

/// <summary>
/// A consortium's transition plan for scripts, with the plan editors' use case (<see cref="TransitionPlans"/>), rules,
/// messages and revision rule: a change sends the revision it read; a stale one is a 409 with who changed what. The
/// four milestones are saved together, each based on its own revision (null for one not recorded yet), as the
/// milestones page saves them.
/// </summary>
public static class TransitionPlanApi
{
    private const int MaxRequestBytes = 16 * 1024;

    private static readonly MilestoneKind[] Kinds = Enum.GetValues<MilestoneKind>();

    public static IEndpointRouteBuilder MapTransitionPlanApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/consortia/{code}/plan").WithTags("Transition plans");
        group.MapGet("/", GetAsync)
            .RequireAuthorization(Policies.For(OrganisationKind.Consortium, AccessOperation.Read))
            .WithName("GetTransitionPlan")
            .WithSummary("The consortium's transition plan: functions and staff transfers, each with its id and revision, and the four milestones, each with its revision (null when not recorded yet).")
            .Produces(StatusCodes.Status200OK)
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("/functions", AddFunctionAsync)
            .RequireAuthorization(Policies.For(OrganisationKind.Consortium, AccessOperation.Edit))
            .WithName("AddPlannedFunction")
            .WithSummary("Adds a function: { name, receivingBody, status, targetOn }, receivingBody and status by name, targetOn as YYYY-MM-DD or null.")
            .Accepts<JsonElement>("application/json")
            .Produces(StatusCodes.Status200OK)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);
        group.MapPut("/functions/{id:int}", ChangeFunctionAsync)
            .RequireAuthorization(Policies.For(OrganisationKind.Consortium, AccessOperation.Edit))
            .WithName("ChangePlannedFunction")
            .WithSummary("Changes a function: { name, receivingBody, status, targetOn, revision }, revision the one read.")
            .Accepts<JsonElement>("application/json")
            .Produces(StatusCodes.Status200OK)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);
        group.MapPost("/staff", AddStaffTransferAsync)
            .RequireAuthorization(Policies.For(OrganisationKind.Consortium, AccessOperation.Edit))
            .WithName("AddStaffTransfer")
            .WithSummary("Adds a staff transfer: { function, headcount, destination }, headcount a number, destination a receiving body by name.")
            .Accepts<JsonElement>("application/json")
            .Produces(StatusCodes.Status200OK)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);
        group.MapPut("/staff/{id:int}", ChangeStaffTransferAsync)
            .RequireAuthorization(Policies.For(OrganisationKind.Consortium, AccessOperation.Edit))
            .WithName("ChangeStaffTransfer")
            .WithSummary("Changes a staff transfer: { function, headcount, destination, revision }, revision the one read.")
            .Accepts<JsonElement>("application/json")
            .Produces(StatusCodes.Status200OK)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);
        group.MapPut("/milestones", SaveMilestonesAsync)
            .RequireAuthorization(Policies.For(OrganisationKind.Consortium, AccessOperation.Edit))
            .WithName("SaveMilestones")
            .WithSummary("Sets all four milestones at once: { shadowFormed, pathfinder, delegatedBudget, authorised }, each { plannedOn, actualOn, revision } with dates as YYYY-MM-DD or null and the revision read (null when not recorded yet).")
            .Accepts<JsonElement>("application/json")
            .Produces(StatusCodes.Status200OK)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);
        return app;
    }

    private static async Task<IResult> GetAsync(string code, TransitionPlans plans, CurrentUser currentUser, CancellationToken cancellationToken) =>
        await plans.GetAsync(currentUser.Acting, code, cancellationToken) is { } plan
            ? TypedResults.Json(new
            {
                functions = plan.Functions.Select(Describe).ToList(),
                milestones = Describe(plan.Milestones),
                staffTransfers = plan.StaffTransfers.Select(Describe).ToList(),
                totalHeadcount = plan.TotalHeadcount,
            })
            : ApiProblems.NotFound("There is no consortium with this code that you may read.");

    private static Task<IResult> AddFunctionAsync(string code, HttpRequest request, TransitionPlans plans, CurrentUser currentUser, CancellationToken cancellationToken) =>
        JsonRequestBody.WithObjectAsync(request, MaxRequestBytes, "{ name, receivingBody, status, targetOn }", async (root, problems) =>
        {
            var form = ReadFunction(root, problems);
            if (problems.Count > 0)
            {
                return ValidationProblems.From(problems);
            }

            var outcome = await plans.AddFunctionAsync(currentUser.Acting, code, form, cancellationToken);
            return await AnswerAsync(outcome, "function", FunctionPath, id => FindFunctionAsync(plans, currentUser, code, id, cancellationToken));
        }, cancellationToken);

    private static Task<IResult> ChangeFunctionAsync(string code, int id, HttpRequest request, TransitionPlans plans, CurrentUser currentUser, CancellationToken cancellationToken) =>
        JsonRequestBody.WithObjectAsync(request, MaxRequestBytes, "{ name, receivingBody, status, targetOn, revision }", async (root, problems) =>
        {
            var form = ReadFunction(root, problems);
            form.Revision = ReadRevision(root, "function", problems);
            if (problems.Count > 0)
            {
                return ValidationProblems.From(problems);
            }

            var outcome = await plans.UpdateFunctionAsync(currentUser.Acting, code, id, form, cancellationToken);
            return await AnswerAsync(outcome, "function", FunctionPath, saved => FindFunctionAsync(plans, currentUser, code, saved, cancellationToken));
        }, cancellationToken);

    private static Task<IResult> AddStaffTransferAsync(string code, HttpRequest request, TransitionPlans plans, CurrentUser currentUser, CancellationToken cancellationToken) =>
        JsonRequestBody.WithObjectAsync(request, MaxRequestBytes, "{ function, headcount, destination }", async (root, problems) =>
        {
            var form = ReadStaffTransfer(root, problems);
            if (problems.Count > 0)
            {
                return ValidationProblems.From(problems);
            }

            var outcome = await plans.AddStaffTransferAsync(currentUser.Acting, code, form, cancellationToken);
            return await AnswerAsync(outcome, "staff transfer", StaffTransferPath, id => FindStaffTransferAsync(plans, currentUser, code, id, cancellationToken));
        }, cancellationToken);

    private static Task<IResult> ChangeStaffTransferAsync(string code, int id, HttpRequest request, TransitionPlans plans, CurrentUser currentUser, CancellationToken cancellationToken) =>
        JsonRequestBody.WithObjectAsync(request, MaxRequestBytes, "{ function, headcount, destination, revision }", async (root, problems) =>
        {
            var form = ReadStaffTransfer(root, problems);
            form.Revision = ReadRevision(root, "staff transfer", problems);
            if (problems.Count > 0)
            {
                return ValidationProblems.From(problems);
            }

            var outcome = await plans.UpdateStaffTransferAsync(currentUser.Acting, code, id, form, cancellationToken);
            return await AnswerAsync(outcome, "staff transfer", StaffTransferPath, saved => FindStaffTransferAsync(plans, currentUser, code, saved, cancellationToken));
        }, cancellationToken);

    private static Task<IResult> SaveMilestonesAsync(string code, HttpRequest request, TransitionPlans plans, CurrentUser currentUser, CancellationToken cancellationToken) =>
        JsonRequestBody.WithObjectAsync(request, MaxRequestBytes, "{ shadowFormed, pathfinder, delegatedBudget, authorised }", async (root, problems) =>
        {
            var form = new MilestonesForm();
            foreach (var kind in Kinds)
            {
                ReadMilestone(root, kind, form.For(kind), problems);
            }

            if (problems.Count > 0)
            {
                return ValidationProblems.From(problems);
            }

            var outcome = await plans.SaveMilestonesAsync(currentUser.Acting, code, form, cancellationToken);
            return outcome.Status switch
            {
                EditStatus.Saved => TypedResults.Json(Describe(await plans.MilestonesAsync(currentUser.Acting, code, cancellationToken))),
                EditStatus.Invalid => ValidationProblems.From(outcome.Problems.Select(p => (MilestonePath(p.Field), p.Message))),

                // The four have a revision each, so the conflict names none: the script reads the plan again.
                EditStatus.Conflict => ApiProblems.SavedFirst(
                    outcome.Conflict, "the milestone dates after you read them", "read the plan again (GET .../plan) and send what you still mean with the revisions read."),
                _ => ApiProblems.NotFound("There is no consortium with this code whose plan you may change."),
            };
        }, cancellationToken);


    // The function editor's form: the target date split into the day, month and year the use case checks.
    private static PlannedFunctionForm ReadFunction(JsonElement root, List<(string Path, string Message)> problems)
    {
        var form = new PlannedFunctionForm
        {
            Name = JsonRequestBody.OptionalString(root, "name", problems),
            ReceivingBody = JsonRequestBody.OptionalString(root, "receivingBody", problems),
            Status = JsonRequestBody.OptionalString(root, "status", problems),
        };
        (form.TargetDay, form.TargetMonth, form.TargetYear) = InputValues.Boxes(JsonRequestBody.OptionalDate(root, "targetOn", problems));
        return form;
    }

    // The staff transfer editor's form: the headcount as the number's own text, so the use case says what is wrong with it.
    private static StaffTransferForm ReadStaffTransfer(JsonElement root, List<(string Path, string Message)> problems)
    {
        var form = new StaffTransferForm
        {
            Function = JsonRequestBody.OptionalString(root, "function", problems),
            Destination = JsonRequestBody.OptionalString(root, "destination", problems),
        };
        if (root.TryGetProperty("headcount", out var headcount) && headcount.ValueKind != JsonValueKind.Null)
        {
            if (headcount.ValueKind == JsonValueKind.Number)
            {
                form.Headcount = headcount.GetRawText();
            }
            else
            {
                problems.Add(("$.headcount", "headcount must be a number."));
            }
        }

        return form;
    }

    // The revision a change is based on, as the editors' hidden field carries it; required.
    private static string? ReadRevision(JsonElement root, string what, List<(string Path, string Message)> problems)
    {
        if (!root.TryGetProperty(EditOutcome.RevisionField, out var revision) || revision.ValueKind == JsonValueKind.Null)
        {
            problems.Add(("$.revision", $"revision is required: the revision of the {what} you are changing (GET .../plan)."));
            return null;
        }

        if (revision.ValueKind == JsonValueKind.Number && revision.TryGetInt32(out var r) && r >= 0)
        {
            return r.ToString(CultureInfo.InvariantCulture);
        }

        problems.Add(("$.revision", "revision must be a whole number of 0 or more."));
        return null;
    }

    // One milestone's group: { plannedOn, actualOn, revision }. Every group is required with its revision, as the
    // four are one edit and a group left out would otherwise clear that milestone's dates.
    private static void ReadMilestone(JsonElement root, MilestoneKind kind, MilestoneDatesForm dates, List<(string Path, string Message)> problems)
    {
        var name = Property(kind);
        if (!root.TryGetProperty(name, out var group) || group.ValueKind != JsonValueKind.Object)
        {
            problems.Add(($"$.{name}", $"{name} is required: an object {{ plannedOn, actualOn, revision }} as read (GET .../plan)."));
            return;
        }

        // JsonRequestBody names a property from the root ($.plannedOn); here it is inside the milestone's group.
        var found = new List<(string Path, string Message)>();
        (dates.PlannedDay, dates.PlannedMonth, dates.PlannedYear) = InputValues.Boxes(JsonRequestBody.OptionalDate(group, "plannedOn", found));
        (dates.ActualDay, dates.ActualMonth, dates.ActualYear) = InputValues.Boxes(JsonRequestBody.OptionalDate(group, "actualOn", found));
        problems.AddRange(found.Select(p => ($"$.{name}.{p.Path[2..]}", p.Message)));

        // A milestone not recorded yet was read with a null revision; the use case takes it as an empty one.
        if (!group.TryGetProperty(EditOutcome.RevisionField, out var revision))
        {
            problems.Add(($"$.{name}.revision", $"{name}.revision is required: the milestone's revision as read (GET .../plan), null when it had not been recorded."));
        }
        else if (revision.ValueKind == JsonValueKind.Null)
        {
            dates.Revision = "";
        }
        else if (revision.ValueKind == JsonValueKind.Number && revision.TryGetInt32(out var r) && r >= 0)
        {
            dates.Revision = r.ToString(CultureInfo.InvariantCulture);
        }
        else
        {
            problems.Add(($"$.{name}.revision", $"{name}.revision must be a whole number of 0 or more, or null."));
        }
    }

    private static async Task<IResult> AnswerAsync(EditOutcome outcome, string what, Func<string, string> path, Func<int, Task<object?>> find) =>
        outcome.Status switch
        {
            EditStatus.Saved => await find(outcome.SavedId!.Value) is { } saved
                ? TypedResults.Json(saved)
                : ApiProblems.NotFound($"The {what} was saved, but you may no longer read it."),
            EditStatus.Invalid => ValidationProblems.From(outcome.Problems.Select(p => (path(p.Field), p.Message))),
            EditStatus.Conflict => ApiProblems.SavedFirst(outcome.Conflict, $"this {what}", $"read the {what} again (GET .../plan) and send what you still mean."),
            _ => ApiProblems.NotFound($"There is no such {what} in a consortium whose plan you may change."),
        };

    private static async Task<object?> FindFunctionAsync(TransitionPlans plans, CurrentUser currentUser, string code, int id, CancellationToken cancellationToken) =>
        await plans.FindFunctionAsync(currentUser.Acting, code, id, cancellationToken) is { } function ? Describe(function) : null;

    private static async Task<object?> FindStaffTransferAsync(TransitionPlans plans, CurrentUser currentUser, string code, int id, CancellationToken cancellationToken) =>
        await plans.FindStaffTransferAsync(currentUser.Acting, code, id, cancellationToken) is { } transfer ? Describe(transfer) : null;

    // The use case names the editors' inputs; the API names the body's properties.
    private static string FunctionPath(string field) => field switch
    {
        PlannedFunctionForm.ReceivingBodyField => "$.receivingBody",
        PlannedFunctionForm.TargetDateField => "$.targetOn",
        _ => "$." + field,
    };

    private static string StaffTransferPath(string field) => "$." + field;

    private static string MilestonePath(string field) =>
        Kinds.SelectMany(k => new[] { (Field: MilestonesForm.FieldId(k, actual: false), Path: $"$.{Property(k)}.plannedOn"), (Field: MilestonesForm.FieldId(k, actual: true), Path: $"$.{Property(k)}.actualOn") })
            .FirstOrDefault(f => f.Field == field).Path ?? "$." + field;

    /// <summary>How the body names a milestone: "shadowFormed".</summary>
    private static string Property(MilestoneKind kind) => JsonNamingPolicy.CamelCase.ConvertName(kind.ToString());

    private static object Describe(PlannedFunction function) => new
    {
        id = function.Id,
        name = function.Name,
        receivingBody = function.ReceivingBody.ToString(),
        status = function.Status.ToString(),
        targetOn = function.TargetOn,
        revision = function.Revision,
    };

    private static object Describe(StaffTransfer transfer) => new
    {
        id = transfer.Id,
        function = transfer.Function,
        headcount = transfer.Headcount,
        destination = transfer.Destination.ToString(),
        revision = transfer.Revision,
    };

    // Keyed by milestone as the PUT takes them, so a script can send back what it read with the dates changed.
    private static Dictionary<string, object> Describe(IEnumerable<PlannedMilestone> milestones) =>
        milestones.ToDictionary(m => Property(m.Kind), m => (object)new
        {
            plannedOn = m.PlannedOn,
            actualOn = m.AchievedOn,
            late = m.IsLate,
            revision = m.Stored?.Revision,
        });
}
