using System.Text.Json;
using System.Text.Json.Nodes;
using TransitionTracker.Domain.Assessments;
using TransitionTracker.Domain.Organisations;
using TransitionTracker.Domain.Scoring;
using TransitionTracker.Domain.Text;
using TransitionTracker.Web.Access;
using TransitionTracker.Application.Assessments;
using TransitionTracker.Application.Editing;
using TransitionTracker.Application.Frameworks;

namespace TransitionTracker.Web.Api;

/// <summary>
/// A consortium's assessments for scripts: history (read scope), and the current draft — read, replace its
/// responses in bulk, submit — for PCT managers (edit scope). Concurrency: send the draft's <c>revision</c>;
/// a stale one is a 409 problem, and a bulk update without one while a draft exists is a 428 problem.
/// </summary>
public static class AssessmentApi
{
    public static IEndpointRouteBuilder MapAssessmentApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/consortia/{code}/assessments").WithTags("Assessments");
        group.MapGet("/", HistoryAsync)
            .RequireAuthorization(Policies.For(OrganisationKind.Consortium, AccessOperation.Read))
            .WithName("ListAssessments")
            .WithSummary("Every submitted assessment, newest first, with its responses and stored result.")
            .Produces(StatusCodes.Status200OK)
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("/current", CurrentAsync)
            .RequireAuthorization(Policies.For(OrganisationKind.Consortium, AccessOperation.Edit))
            .WithName("GetCurrentAssessment")
            .WithSummary("The draft assessment for a framework (default: the transition readiness framework).")
            .Produces(StatusCodes.Status200OK)
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPut("/current", ReplaceAsync)
            .RequireAuthorization(Policies.For(OrganisationKind.Consortium, AccessOperation.Edit))
            .WithName("ReplaceCurrentAssessment")
            .WithSummary("Replaces the draft's responses in bulk: { framework?, revision, responses: [...] } as for /api/scoring/evaluate, each response with an optional evidence note; revision may be left out only when there is no draft yet.")
            .Accepts<JsonElement>("application/json")
            .Produces(StatusCodes.Status200OK)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status428PreconditionRequired);
        group.MapPatch("/current/answers", SaveAnswersAsync)
            .RequireAuthorization(Policies.For(OrganisationKind.Consortium, AccessOperation.Edit))
            .WithName("SaveCurrentAnswers")
            .WithSummary("Saves answers to some criteria of the draft, as the checklist does: { framework?, revision, answers: [{ criterion, answer, evidence? }] }, answer a status or a level (empty to clear); giving a carried-forward answer unchanged keeps it as reviewed.")
            .Accepts<JsonElement>("application/json")
            .Produces(StatusCodes.Status200OK)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);
        group.MapPost("/current/submit", SubmitAsync)
            .RequireAuthorization(Policies.For(OrganisationKind.Consortium, AccessOperation.Edit))
            .WithName("SubmitCurrentAssessment")
            .WithSummary("Submits the draft at { framework?, revision } and returns the stored result.")
            .Accepts<JsonElement>("application/json")
            .Produces(StatusCodes.Status200OK)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);
        return app;
    }

    private static async Task<IResult> HistoryAsync(string code, AssessmentWorkflow workflow, CurrentUser currentUser, CancellationToken cancellationToken)
    {
        var history = await workflow.HistoryAsync(currentUser.Acting, OrganisationCode.TryNormalise(code)!, cancellationToken);
        return TypedResults.Json(history.Select(Describe).ToList());
    }

    private static async Task<IResult> CurrentAsync(string code, string? framework, AssessmentWorkflow workflow, CurrentUser currentUser, CancellationToken cancellationToken)
    {
        var draft = await workflow.FindDraftAsync(currentUser.Acting, OrganisationCode.TryNormalise(code)!, framework ?? AssessmentWorkflow.DefaultFramework, cancellationToken);
        return draft is null
            ? ApiProblems.NotFound("There is no draft assessment for this framework. PUT responses to start one.")
            : TypedResults.Json(Describe(draft));
    }

    private static async Task<IResult> ReplaceAsync(
        string code, HttpRequest request, AssessmentWorkflow workflow, FrameworkLibrary frameworks, CurrentUser currentUser, CancellationToken cancellationToken)
    {
        var (document, problem) = await JsonRequestBody.ReadAsync(request, ScoringApi.MaxRequestBytes, cancellationToken);
        if (document is null)
        {
            return problem!;
        }

        using (document)
        {
            var consortium = OrganisationCode.TryNormalise(code)!;
            var (frameworkId, revision, problems) = ReadEnvelope(document.RootElement);
            if (problems.Count > 0)
            {
                return ValidationProblems.From(problems);
            }

            var user = currentUser.Acting;
            var draft = await workflow.FindDraftAsync(user, consortium, frameworkId, cancellationToken);
            var framework = draft is null
                ? await frameworks.GetAsync(user, frameworkId, null, cancellationToken)
                : await workflow.FrameworkOfAsync(user, draft, cancellationToken);
            if (framework is null)
            {
                return ValidationProblems.From([("$.framework", $"There is no framework '{frameworkId}'.")]);
            }

            if (!document.RootElement.TryGetProperty("responses", out var responses))
            {
                return ValidationProblems.From([("$.responses", "responses is required: a JSON array of { criterion, status } or { criterion, level }.")]);
            }

            var validated = ResponseSetValidator.ParseResponses(responses, framework);
            if (!validated.IsValid)
            {
                return ValidationProblems.From(validated.Problems.Select(p => (p.Path, p.Message)));
            }

            var (evidence, evidenceProblems) = ReadEvidence(responses, validated.Responses);
            if (evidenceProblems.Count > 0)
            {
                return ValidationProblems.From(evidenceProblems);
            }

            var outcome = await workflow.ReplaceAnswersAsync(user, consortium, frameworkId, revision, validated.Responses, evidence, cancellationToken);
            return Answer(outcome, Describe);
        }
    }

    // The checklist's own edit (AssessmentWorkflow.SaveAnswersAsync): the same rules and messages as the page, each
    // problem named by the answer it is about.
    private static async Task<IResult> SaveAnswersAsync(string code, HttpRequest request, AssessmentWorkflow workflow, CurrentUser currentUser, CancellationToken cancellationToken)
    {
        var (document, problem) = await JsonRequestBody.ReadAsync(request, ScoringApi.MaxRequestBytes, cancellationToken);
        if (document is null)
        {
            return problem!;
        }

        using (document)
        {
            var (frameworkId, revision, problems) = ReadEnvelope(document.RootElement);
            if (revision is null && problems.Count == 0)
            {
                problems.Add(("$.revision", "revision is required: the revision of the draft you are changing (GET .../current)."));
            }

            var answers = new List<AnswerInput>();
            var index = new Dictionary<string, int>(StringComparer.Ordinal);
            if (document.RootElement.ValueKind == JsonValueKind.Object
                && (!document.RootElement.TryGetProperty("answers", out var list) || list.ValueKind != JsonValueKind.Array))
            {
                problems.Add(("$.answers", "answers is required: a JSON array of { criterion, answer, evidence? }."));
            }
            else if (document.RootElement.ValueKind == JsonValueKind.Object)
            {
                var i = 0;
                foreach (var item in document.RootElement.GetProperty("answers").EnumerateArray())
                {
                    var path = $"$.answers[{i++}]";
                    if (item.ValueKind != JsonValueKind.Object
                        || !item.TryGetProperty("criterion", out var criterion) || criterion.ValueKind != JsonValueKind.String
                        || string.IsNullOrWhiteSpace(criterion.GetString()))
                    {
                        problems.Add((path, "Each answer must be an object with a criterion id."));
                        continue;
                    }

                    var answer = item.TryGetProperty("answer", out var a) ? a : default;
                    var evidence = item.TryGetProperty("evidence", out var e) ? e : default;
                    if (answer.ValueKind is not (JsonValueKind.Undefined or JsonValueKind.Null or JsonValueKind.String or JsonValueKind.Number)
                        || evidence.ValueKind is not (JsonValueKind.Undefined or JsonValueKind.Null or JsonValueKind.String))
                    {
                        problems.Add((path, "answer must be a status, a level or empty, and evidence a string or null."));
                        continue;
                    }

                    var id = criterion.GetString()!;
                    if (!index.TryAdd(id, i - 1))
                    {
                        problems.Add((path, $"{id} is answered twice."));
                        continue;
                    }

                    answers.Add(new AnswerInput(id, answer.ValueKind switch
                    {
                        JsonValueKind.String => answer.GetString()!,
                        JsonValueKind.Number => answer.GetRawText(),
                        _ => "",
                    }, evidence.ValueKind == JsonValueKind.String ? evidence.GetString() : null));
                }
            }

            if (problems.Count > 0)
            {
                return ValidationProblems.From(problems);
            }

            var outcome = await workflow.SaveAnswersAsync(currentUser.Acting, OrganisationCode.TryNormalise(code)!, frameworkId, revision, answers, cancellationToken);
            if (outcome.Status == EditStatus.Invalid)
            {
                return ValidationProblems.From(outcome.Problems.Select(p => (
                    p.Item is { } item && index.TryGetValue(item, out var at) ? $"$.answers[{at}].{p.Field}" : "$.answers",
                    p.Message)));
            }

            return Answer(outcome, Describe);
        }
    }

    private static async Task<IResult> SubmitAsync(string code, HttpRequest request, AssessmentWorkflow workflow, CurrentUser currentUser, CancellationToken cancellationToken)
    {
        var (document, problem) = await JsonRequestBody.ReadAsync(request, ScoringApi.MaxRequestBytes, cancellationToken);
        if (document is null)
        {
            return problem!;
        }

        using (document)
        {
            var (frameworkId, revision, problems) = ReadEnvelope(document.RootElement);
            if (revision is null)
            {
                problems.Add(("$.revision", "revision is required: the revision of the draft you checked (GET .../current)."));
            }

            if (problems.Count > 0)
            {
                return ValidationProblems.From(problems);
            }

            var outcome = await workflow.SubmitAsync(currentUser.Acting, OrganisationCode.TryNormalise(code)!, frameworkId, revision, cancellationToken);
            return Answer(outcome, Describe);
        }
    }

    private static (string FrameworkId, int? Revision, List<(string, string)> Problems) ReadEnvelope(JsonElement root)
    {
        var problems = new List<(string, string)>();
        if (root.ValueKind != JsonValueKind.Object)
        {
            problems.Add(("$", "The body must be a JSON object."));
            return (AssessmentWorkflow.DefaultFramework, null, problems);
        }

        var frameworkId = AssessmentWorkflow.DefaultFramework;
        if (root.TryGetProperty("framework", out var framework))
        {
            if (framework.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(framework.GetString()))
            {
                frameworkId = framework.GetString()!;
            }
            else
            {
                problems.Add(("$.framework", "framework must be the id of a stored framework."));
            }
        }

        int? revision = null;
        if (root.TryGetProperty("revision", out var value))
        {
            if (value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var r) && r >= 0)
            {
                revision = r;
            }
            else
            {
                problems.Add(("$.revision", "revision must be a whole number of 0 or more."));
            }
        }

        return (frameworkId, revision, problems);
    }

    /// <summary>
    /// The evidence notes a PUT gives, by criterion. A response without an <c>evidence</c> property keeps the note
    /// the draft has; <c>null</c> or an empty string clears it (README, "API").
    /// </summary>
    private static (Dictionary<string, string?> Evidence, List<(string, string)> Problems) ReadEvidence(JsonElement responses, IReadOnlyList<CriterionResponse> accepted)
    {
        var evidence = new Dictionary<string, string?>(StringComparer.Ordinal);
        var problems = new List<(string, string)>();
        var index = 0;
        foreach (var response in responses.EnumerateArray())
        {
            var criterion = accepted[index].CriterionId;
            var path = $"$.responses[{index++}].evidence";
            if (!response.TryGetProperty("evidence", out var note))
            {
                continue;
            }

            if (note.ValueKind == JsonValueKind.Null)
            {
                evidence[criterion] = null;
            }
            else if (note.ValueKind != JsonValueKind.String)
            {
                problems.Add((path, "evidence must be a string, or null to clear it."));
            }
            else if (note.GetString()!.Length > AssessmentResponse.EvidenceMaxLength)
            {
                problems.Add((path, $"evidence must be {AssessmentResponse.EvidenceMaxLength:N0} characters or fewer (it has {note.GetString()!.Length:N0})."));
            }
            else if (PlainText.HasForbiddenCharacter(note.GetString()))
            {
                problems.Add((path, PlainText.ForbiddenMessage("evidence")));
            }
            else
            {
                evidence[criterion] = note.GetString();
            }
        }

        return (evidence, problems);
    }

    // The shared edit outcome as this API has always answered it: a missing revision of an existing draft is 428, not 400.
    private static IResult Answer(EditOutcome<Assessment> outcome, Func<Assessment, object> describe) => outcome switch
    {
        { Status: EditStatus.Saved, Value: { } saved } => TypedResults.Json(describe(saved)),
        { RevisionMissing: true, Value: { } current } => TypedResults.Problem(
            title: "Say which revision you are replacing.",
            detail: $"There is a draft already (revision {current.Revision}, saved by {current.UpdatedBy}). Send its revision with your responses, so answers you have not seen are not replaced: read the current draft (GET .../current) first.",
            statusCode: StatusCodes.Status428PreconditionRequired),
        { Status: EditStatus.Invalid } => ValidationProblems.From(outcome.Problems.Select(p => ("$.responses", p.Message))),
        { Status: EditStatus.Conflict, Value: { } current } => TypedResults.Problem(
            title: "Someone else saved first.",
            detail: $"{current.UpdatedBy} saved revision {current.Revision} at {current.UpdatedAtUtc:O}. Nothing was changed: read the current draft and try again.",
            statusCode: StatusCodes.Status409Conflict,
            extensions: new Dictionary<string, object?> { ["current"] = describe(current) }),
        _ => ApiProblems.NotFound("There is no draft assessment for this framework."),
    };

    private static object Describe(Assessment assessment) => new
    {
        id = assessment.Id,
        framework = assessment.FrameworkId,
        frameworkVersion = assessment.FrameworkVersion,
        status = assessment.IsDraft ? "draft" : "submitted",
        revision = assessment.Revision,
        updatedAt = assessment.UpdatedAtUtc,
        updatedBy = assessment.UpdatedBy,
        submittedAt = assessment.SubmittedAtUtc,
        submittedBy = assessment.SubmittedBy,
        responses = assessment.Responses.OrderBy(r => r.CriterionId, StringComparer.Ordinal).Select(r => new
        {
            criterion = r.CriterionId,
            status = r.Status?.ToWireName(),
            level = r.Level,
            evidence = r.Evidence,
            answeredBy = r.AnsweredBy,
            answeredAt = r.AnsweredAtUtc,
        }),
        result = assessment.ResultJson is null ? null : JsonNode.Parse(assessment.ResultJson),
    };
}
