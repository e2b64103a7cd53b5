using System.Text.Json;
using TransitionTracker.Application.Assessments;
using TransitionTracker.Application.Editing;
using TransitionTracker.Domain.Assessments;
using TransitionTracker.Domain.Organisations;
using TransitionTracker.Domain.Scoring;
using TransitionTracker.Web.Access;

namespace TransitionTracker.Web.Api;

/// <summary>
/// A regional lead's decision on a consortium's track, as the track decision dialog records it: the same use case
/// (<see cref="TrackReview"/>), rules, messages and revision rule (docs/architecture.md, "Editing: one outcome, one
/// revision rule").
/// </summary>
public static class TrackDecisionApi
{
    public static IEndpointRouteBuilder MapTrackDecisionApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/consortia/{code}/track-decision").WithTags("Track decisions");
        group.MapGet("/", GetAsync)
            .RequireAuthorization(Policies.For(OrganisationKind.Consortium, AccessOperation.Read))
            .WithName("GetTrackDecision")
            .WithSummary("The computed track, the latest decision (null when none) and the revision a new decision is based on (0 when none).")
            .Produces(StatusCodes.Status200OK)
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("/", DecideAsync)
            .RequireAuthorization(Policies.For(OrganisationKind.Consortium, AccessOperation.Review))
            .WithName("DecideTrack")
            .WithSummary("Confirms or overrides the track: { track: fast-mover | needs-support, reason, revision }, revision that of the latest decision (0 for none).")
            .Accepts<JsonElement>("application/json")
            .Produces(StatusCodes.Status200OK)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);
        return app;
    }

    // Small: a track, a reason of at most TrackDecision.ReasonMaxLength characters and a number.
    private const int MaxRequestBytes = 64 * 1024;

    private static async Task<IResult> GetAsync(string code, ConsortiumReadinessReader reader, CurrentUser currentUser, CancellationToken cancellationToken)
    {
        if (await reader.ReadAsync(currentUser.Acting, code, cancellationToken) is not { } readiness)
        {
            return ApiProblems.NotFound("There is no consortium with this code that you may read.");
        }

        return TypedResults.Json(new
        {
            computedTrack = readiness.ComputedTrack?.ToWireName(),
            effectiveTrack = readiness.EffectiveTrack?.ToWireName(),
            revision = readiness.Decision?.Revision ?? 0,
            decision = readiness.Decision is { } decision ? Describe(decision) : null,
        });
    }

    private static async Task<IResult> DecideAsync(string code, HttpRequest request, TrackReview review, CurrentUser currentUser, CancellationToken cancellationToken)
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
                return ValidationProblems.From([("$", "The body must be a JSON object: { track, reason, revision }.")]);
            }

            var shapeProblems = new List<(string Path, string Message)>();
            var track = JsonRequestBody.OptionalString(root, TrackReview.TrackField, shapeProblems);
            var reason = JsonRequestBody.OptionalString(root, TrackReview.ReasonField, shapeProblems);
            int? revision = null;
            if (root.TryGetProperty(EditOutcome.RevisionField, out var value) && value.ValueKind != JsonValueKind.Null)
            {
                if (value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var r) && r >= 0)
                {
                    revision = r;
                }
                else
                {
                    shapeProblems.Add(("$.revision", "revision must be a whole number of 0 or more: the revision of the latest decision (GET .../track-decision), 0 for none."));
                }
            }

            if (shapeProblems.Count > 0)
            {
                return ValidationProblems.From(shapeProblems);
            }

            var outcome = await review.DecideAsync(currentUser.Acting, code, revision, track, reason, cancellationToken);
            return outcome switch
            {
                { Status: EditStatus.Saved, Value: { } saved } => TypedResults.Json(Describe(saved)),
                { Status: EditStatus.Invalid } => ValidationProblems.From(outcome.Problems.Select(p => (
                    "$." + p.Field,
                    p.Field == EditOutcome.RevisionField
                        ? "revision is required: the revision of the latest decision (GET .../track-decision), 0 for none."
                        : p.Message))),
                { Status: EditStatus.Conflict } => TypedResults.Problem(
                    title: "Someone else decided first.",
                    detail: outcome.Value is { } theirs
                        ? $"{theirs.DecidedBy} decided {theirs.Track.ToWireName()} at {theirs.DecidedAtUtc:O} (revision {theirs.Revision}). Nothing was changed: read the decision and try again."
                        : "The decision you based this on is not the latest. Nothing was changed: read the decision and try again.",
                    statusCode: StatusCodes.Status409Conflict,
                    extensions: new Dictionary<string, object?> { ["current"] = outcome.Value is { } current ? Describe(current) : null }),
                _ => ApiProblems.NotFound("There is no consortium with this code whose track you may decide."),
            };
        }
    }

    private static object Describe(TrackDecision decision) => new
    {
        track = decision.Track.ToWireName(),
        computedTrack = decision.ComputedTrack?.ToWireName(),
        reason = decision.Reason,
        decidedBy = decision.DecidedBy,
        decidedAt = decision.DecidedAtUtc,
        revision = decision.Revision,
    };
}
