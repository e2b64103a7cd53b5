using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using TransitionTracker.Application.Dashboards;
using TransitionTracker.Application.Editing;
using TransitionTracker.Application.Quality;
using TransitionTracker.Domain.Organisations;
using TransitionTracker.Domain.Quality;
using TransitionTracker.Web.Access;

namespace TransitionTracker.Web.Api;

/// <summary>
/// A PCT's monthly quality and finance indicators for scripts, with the editor's use case
/// (<see cref="QualityIndicatorEntry"/>), plausible ranges (<see cref="QualityIndicatorRules"/>), messages and revision
/// rule (docs/architecture.md, "Quality and finance indicators"). A month is put with the revision read; no revision
/// (absent, null or 0) means "I read no record of this month", so a month reported meanwhile is a 409, never
/// overwritten. A CSV file made from the template is imported whole or not at all, as the page uploads it.
/// </summary>
public static class QualityIndicatorApi
{
    /// <summary>The most months one list returns, and how many it returns unless asked.</summary>
    public const int MaxMonths = QualityIndicatorEntry.MaxRows;
    public const int DefaultMonths = 12;

    // A month's figures and a revision: small.
    private const int MaxRequestBytes = 4 * 1024;
    private const string CsvMediaType = "text/csv";

    // The body's names are the use case's field names in camel case (qipp-planned is qippPlanned), so a problem the
    // use case finds in a field is reported at the body's path of that field.
    private static readonly string QippPlanned = JsonName(QualityIndicatorRules.QippPlanned.Field);
    private static readonly string QippDelivered = JsonName(QualityIndicatorRules.QippDelivered.Field);
    private static readonly string EmergencyChange = JsonName(QualityIndicatorRules.EmergencyChange.Field);
    private static readonly string RttAdmitted = JsonName(QualityIndicatorRules.RttAdmitted.Field);
    private static readonly string RttNonAdmitted = JsonName(QualityIndicatorRules.RttNonAdmitted.Field);
    private const string WinterPlan = "winterPlan";
    private const string MonthField = "month";

    // What the audit trail calls the stored figures, by the body's names.
    private static readonly Dictionary<string, string> ChangeNames = new(StringComparer.Ordinal)
    {
        [nameof(QualityIndicator.QippPlannedThousands)] = QippPlanned,
        [nameof(QualityIndicator.QippDeliveredThousands)] = QippDelivered,
        [nameof(QualityIndicator.EmergencyAdmissionsChangePercent)] = EmergencyChange,
        [nameof(QualityIndicator.WinterPlan)] = WinterPlan,
        [nameof(QualityIndicator.RttAdmittedPercent)] = RttAdmitted,
        [nameof(QualityIndicator.RttNonAdmittedPercent)] = RttNonAdmitted,
        [nameof(QualityIndicator.RecordedAtUtc)] = "recordedAt",
    };

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static IEndpointRouteBuilder MapQualityIndicatorApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/pcts/{code}/quality").WithTags("Quality indicators");
        group.MapGet("/", ListAsync)
            .RequireAuthorization(Policies.For(OrganisationKind.Pct, AccessOperation.Read))
            .WithName("ListQualityIndicators")
            .WithSummary($"The PCT's latest reported months, newest first, each with its revision; ?months= how many, 1 to {MaxMonths} (default {DefaultMonths}).")
            .Produces(StatusCodes.Status200OK)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("/{month}", GetAsync)
            .RequireAuthorization(Policies.For(OrganisationKind.Pct, AccessOperation.Read))
            .WithName("GetQualityIndicators")
            .WithSummary("One reported month (month as YYYY-MM) with its revision; 404 when the month is not reported.")
            .Produces(StatusCodes.Status200OK)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPut("/{month}", PutAsync)
            .RequireAuthorization(Policies.For(OrganisationKind.Pct, AccessOperation.Edit))
            .WithName("PutQualityIndicators")
            .WithSummary(
                "Reports or replaces a month (YYYY-MM): { qippPlanned, qippDelivered, emergencyChange, rttAdmitted, rttNonAdmitted (numbers), "
                + "winterPlan: not-started | draft | agreed | tested, revision }. To replace a reported month send the revision read; "
                + "revision absent, null or 0 means you read no record of the month: a month reported meanwhile is a 409, never overwritten.")
            .Accepts<JsonElement>("application/json")
            .Produces(StatusCodes.Status200OK)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);
        group.MapPost("/import", ImportAsync)
            .RequireAuthorization(Policies.For(OrganisationKind.Pct, AccessOperation.Edit))
            .WithName("ImportQualityIndicators")
            .WithSummary(
                $"Imports the CSV template (GET /pcts/{{code}}/quality/template.csv) sent as text/csv in UTF-8, at most {QualityIndicatorEntry.MaxFileBytes / 1024} KB "
                + $"and {QualityIndicatorEntry.MaxRows} months: every row is checked and a file with any problem saves nothing. "
                + "Months already reported are replaced, as the page's upload does. Returns the months saved with their revisions.")
            .AddOpenApiOperationTransformer(DescribeCsvBody)
            .Produces(StatusCodes.Status200OK)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);
        return app;
    }

    // The CSV body is described here, not declared with Accepts: a declared content type is matched by routing, which
    // would answer 415 before the PCT policy (anonymous and out-of-scope callers must get 401 and 404) and without
    // saying what to send. The handler checks the content type itself.
    private static Task DescribeCsvBody(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        operation.RequestBody = new OpenApiRequestBody
        {
            Required = true,
            Description = "The CSV template's header row and one row per month, encoded as UTF-8.",
            Content = new Dictionary<string, OpenApiMediaType>(StringComparer.Ordinal)
            {
                [CsvMediaType] = new() { Schema = new OpenApiSchema { Type = JsonSchemaType.String } },
            },
        };
        return Task.CompletedTask;
    }

    private static async Task<IResult> ListAsync(string code, string? months, QualityIndicatorEntry entry, CurrentUser currentUser, CancellationToken cancellationToken)
    {
        var count = DefaultMonths;
        if (months is not null
            && (!int.TryParse(months, NumberStyles.None, CultureInfo.InvariantCulture, out count) || count is < 1 or > MaxMonths))
        {
            return ValidationProblems.From([("months", $"months must be a whole number from 1 to {MaxMonths}: how many of the latest reported months to list.")]);
        }

        var recent = await entry.RecentAsync(currentUser.Acting, code, count, cancellationToken);
        return TypedResults.Json(recent.Select(Describe).ToList());
    }

    private static async Task<IResult> GetAsync(string code, string month, QualityIndicatorEntry entry, CurrentUser currentUser, CancellationToken cancellationToken)
    {
        if (RouteMonth(month) is not { } first)
        {
            return BadRouteMonth();
        }

        return await entry.MonthAsync(currentUser.Acting, code, first, cancellationToken) is { } found
            ? TypedResults.Json(Describe(found))
            : ApiProblems.NotFound($"{MonthQuery.Display(first)} is not reported for this PCT.");
    }

    private static async Task<IResult> PutAsync(
        string code, string month, HttpRequest request, QualityIndicatorEntry entry, CurrentUser currentUser, CancellationToken cancellationToken)
    {
        if (RouteMonth(month) is not { } first)
        {
            return BadRouteMonth();
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
                return ValidationProblems.From([("$", $"The body must be a JSON object: {{ {QippPlanned}, {QippDelivered}, {EmergencyChange}, {WinterPlan}, {RttAdmitted}, {RttNonAdmitted}, revision }}.")]);
            }

            var problems = new List<(string Path, string Message)>();
            var form = new QualityIndicatorForm
            {
                Month = MonthQuery.Format(first),
                QippPlanned = Number(root, QippPlanned, problems),
                QippDelivered = Number(root, QippDelivered, problems),
                EmergencyChange = Number(root, EmergencyChange, problems),
                WinterPlan = JsonRequestBody.OptionalString(root, WinterPlan, problems),
                RttAdmitted = Number(root, RttAdmitted, problems),
                RttNonAdmitted = Number(root, RttNonAdmitted, problems),
            };

            // A month in the body (as a GET returns it) must be the address's: the address says which month is put.
            if (JsonRequestBody.OptionalString(root, MonthField, problems) is { } bodyMonth && MonthQuery.TryParse(bodyMonth) != first)
            {
                problems.Add(($"$.{MonthField}", $"month in the body ({bodyMonth}) is not the month in the address ({MonthQuery.Format(first)}): leave it out, or send the figures to that month's address."));
            }

            var revision = QualityIndicatorEntry.NoRecord;
            if (root.TryGetProperty(EditOutcome.RevisionField, out var value) && value.ValueKind != JsonValueKind.Null)
            {
                if (value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var r) && r >= 0)
                {
                    revision = r;
                }
                else
                {
                    problems.Add(("$.revision", "revision must be a whole number of 0 or more: the revision of the month you read (GET .../quality/{month}), or null when you read no record of it."));
                }
            }

            if (problems.Count > 0)
            {
                return ValidationProblems.From(problems);
            }

            var outcome = await entry.SaveAsync(currentUser.Acting, code, form, revision, cancellationToken);
            switch (outcome.Status)
            {
                case EditStatus.Saved:
                    var saved = await entry.MonthAsync(currentUser.Acting, code, first, cancellationToken);
                    return saved is null ? NotEditable() : TypedResults.Json(Describe(saved));
                case EditStatus.Invalid:
                    return ValidationProblems.From(outcome.Problems.Select(p => (p.Field == MonthField ? MonthField : "$." + JsonName(p.Field), p.Message)));
                case EditStatus.Conflict:
                    var current = await entry.MonthAsync(currentUser.Acting, code, first, cancellationToken);
                    return Conflict(outcome.Conflict, current, revision == QualityIndicatorEntry.NoRecord
                        ? $"{MonthQuery.Display(first)} is already reported and you sent no revision, so nothing was changed. Read it (GET .../quality/{MonthQuery.Format(first)}) and send its revision to replace it."
                        : $"{MonthQuery.Display(first)} is at revision {current?.Revision.ToString(CultureInfo.InvariantCulture) ?? "a later one"} now, not {revision}, so nothing was changed. Read it again and send what you still mean with its revision.");
                default:
                    // The use case finds no record of the month that a revision could be based on (records are never
                    // deleted, so the revision sent was not one read), or the user may no longer edit the PCT.
                    return revision == QualityIndicatorEntry.NoRecord
                        ? NotEditable()
                        : ApiProblems.NotFound($"{MonthQuery.Display(first)} is not reported for this PCT, so there is no revision {revision} of it to replace. Send revision null to report it. Nothing was changed.");
            }
        }
    }

    private static async Task<IResult> ImportAsync(string code, HttpRequest request, QualityIndicatorEntry entry, CurrentUser currentUser, CancellationToken cancellationToken)
    {
        var (text, problem) = await ReadCsvAsync(request, cancellationToken);
        if (text is null)
        {
            return problem!;
        }

        var outcome = await entry.ImportAsync(currentUser.Acting, code, text, cancellationToken);
        switch (outcome.Status)
        {
            case EditStatus.Saved:
                var months = outcome.Value!.ToHashSet();
                var stored = await entry.RecentAsync(currentUser.Acting, code, int.MaxValue, cancellationToken);
                var saved = stored.Where(q => months.Contains(q.Month)).OrderBy(q => q.Month).Select(Describe).ToList();
                return TypedResults.Json(new { saved = saved.Count, months = saved });
            case EditStatus.Invalid:
                var problems = outcome.Problems
                    .Select(p => new { row = int.TryParse(p.Item, NumberStyles.None, CultureInfo.InvariantCulture, out var row) ? row : (int?)null, field = p.Field, message = p.Message })
                    .ToList();
                return TypedResults.Problem(
                    title: "The file is not valid.",
                    detail: problems.Count == 1
                        ? $"{problems[0].message}. Nothing in the file was saved."
                        : $"{problems.Count} problems: see 'problems' (each with its row, counting the header as row 1). Nothing in the file was saved.",
                    statusCode: StatusCodes.Status400BadRequest,
                    extensions: new Dictionary<string, object?> { ["problems"] = problems });
            case EditStatus.Conflict:
                return Conflict(outcome.Conflict, null, "Someone else saved one of the file's months at the same time, so nothing in the file was saved. Read the latest months and send the file again.");
            default:
                return NotEditable();
        }
    }

    // The body as UTF-8 text of at most the upload's size, or the problem that refuses it.
    private static async Task<(string? Text, IResult? Problem)> ReadCsvAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var limit = QualityIndicatorEntry.MaxFileBytes;
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var type)
            || !string.Equals(type.MediaType, CsvMediaType, StringComparison.OrdinalIgnoreCase)
            || (type.CharSet is { } charset && !string.Equals(charset.Trim('"'), "utf-8", StringComparison.OrdinalIgnoreCase)))
        {
            return (null, TypedResults.Problem(
                title: "The request is not a CSV file.",
                detail: "Send the file made from the template (GET /pcts/{code}/quality/template.csv) as text/csv, encoded as UTF-8.",
                statusCode: StatusCodes.Status415UnsupportedMediaType));
        }

        if (request.ContentLength > limit)
        {
            return (null, TooLarge(limit));
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > limit)
            {
                return (null, TooLarge(limit));
            }

            buffer.Write(chunk, 0, read);
        }

        if (buffer.Length == 0)
        {
            return (null, FileProblem("The file is empty: send the CSV file with your months in it, made from the template (GET /pcts/{code}/quality/template.csv)."));
        }

        try
        {
            return (StrictUtf8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length), null);
        }
        catch (DecoderFallbackException)
        {
            return (null, FileProblem("The file is not UTF-8 text: save it as CSV UTF-8 and send it again."));
        }
    }

    private static IResult TooLarge(long limit) => TypedResults.Problem(
        title: "The file is too large.",
        detail: $"The file must be at most {limit / 1024} KB: send fewer months at once. Nothing was saved.",
        statusCode: StatusCodes.Status413PayloadTooLarge);

    private static IResult FileProblem(string message) => TypedResults.Problem(
        title: "The file is not valid.",
        detail: message,
        statusCode: StatusCodes.Status400BadRequest,
        extensions: new Dictionary<string, object?> { ["problems"] = new[] { new { row = (int?)null, field = "file", message } } });

    private static IResult Conflict(EditConflict? conflict, QualityIndicator? current, string detail)
    {
        // Months seeded without an audit entry still say who recorded them.
        var who = conflict?.ChangedBy ?? current?.RecordedBy ?? "Someone else";
        var at = conflict?.ChangedAtUtc ?? current?.RecordedAtUtc;
        return TypedResults.Problem(
            title: "Someone else saved first.",
            detail: $"{who} saved {(current is null ? "it" : $"revision {current.Revision}")}{(at is { } when ? $" at {when:O}" : "")}. {detail}",
            statusCode: StatusCodes.Status409Conflict,
            extensions: new Dictionary<string, object?>
            {
                ["revision"] = conflict?.CurrentRevision ?? current?.Revision,
                ["changedBy"] = who,
                ["changedAt"] = at,
                ["changes"] = conflict?.Changes.Select(c => new { field = ChangeNames.GetValueOrDefault(c.Field, JsonNamingPolicy.CamelCase.ConvertName(c.Field)), from = c.Old, to = c.New }),
                ["current"] = current is null ? null : Describe(current),
            });
    }

    private static IResult NotEditable() => ApiProblems.NotFound("There is no PCT with this code whose indicators you may enter. Nothing was changed.");

    // The month in the address: YYYY-MM, read as the use case reads months.
    private static DateOnly? RouteMonth(string month) => month.Length == 7 ? MonthQuery.TryParse(month) : null;

    private static IResult BadRouteMonth() => ValidationProblems.From(
        [(MonthField, "The month in the address must be written YYYY-MM, for example .../quality/2013-04 for April 2013.")]);

    // A figure: a JSON number, handed to the use case as the invariant text it reads (null when absent or null, so the
    // use case says it is missing). Anything else is a problem naming it.
    private static string? Number(JsonElement root, string name, List<(string Path, string Message)> problems)
    {
        if (!root.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.Number)
        {
            problems.Add(($"$.{name}", $"{name} must be a number, for example 12.5, or null."));
            return null;
        }

        if (!value.TryGetDecimal(out var number))
        {
            problems.Add(($"$.{name}", $"{name} is too large to be read as a figure: send it as an ordinary number, for example 12.5."));
            return null;
        }

        return number.ToString(CultureInfo.InvariantCulture);
    }

    // qipp-non-admitted → qippNonAdmitted.
    private static string JsonName(string field)
    {
        var parts = field.Split('-', StringSplitOptions.RemoveEmptyEntries);
        return string.Concat(parts.Select((p, i) => i == 0 ? p : char.ToUpperInvariant(p[0]) + p[1..]));
    }

    private static object Describe(QualityIndicator q) => new
    {
        pct = q.PctCode,
        month = MonthQuery.Format(q.Month),
        qippPlanned = q.QippPlannedThousands,
        qippDelivered = q.QippDeliveredThousands,
        emergencyChange = q.EmergencyAdmissionsChangePercent,
        winterPlan = QualityWords.ToWire(q.WinterPlan),
        rttAdmitted = q.RttAdmittedPercent,
        rttNonAdmitted = q.RttNonAdmittedPercent,
        rag = new
        {
            qipp = RagWord(q.QippRag),
            emergencyAdmissions = RagWord(q.EmergencyAdmissionsRag),
            winterPlan = RagWord(q.WinterPlanRag),
            rttAdmitted = RagWord(q.RttAdmittedRag),
            rttNonAdmitted = RagWord(q.RttNonAdmittedRag),
        },
        recordedBy = q.RecordedBy,
        recordedAt = q.RecordedAtUtc,
        revision = q.Revision,
    };

    private static string RagWord(Rag rag) => rag.ToString().ToLowerInvariant();
}
