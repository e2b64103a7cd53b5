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
using TransitionTracker.Application.Forecasts;
using TransitionTracker.Domain.Forecasting;
using TransitionTracker.Application.Peers;
using TransitionTracker.Domain.Peers;

namespace TransitionTracker.Web.Api;

/// <summary>`GET /api/consortia`, `GET /api/consortia/{code}`, its readiness, its forecast and its peers.</summary>
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
        group.MapGet("/{code}/forecast", ForecastAsync)
            .RequireAuthorization(Policies.For(OrganisationKind.Consortium, AccessOperation.Read))
            .WithName("GetConsortiumForecast")
            .WithSummary("When the consortium reaches fast mover at its pace so far, with an 80 % range and whether it is at risk for April 2013 (docs/scoring.md, \"Forecast\").")
            .Produces<ForecastJson>()
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("/{code}/peers", PeersAsync)
            .RequireAuthorization(Policies.For(OrganisationKind.Consortium, AccessOperation.Read))
            .WithName("GetConsortiumPeers")
            .WithSummary("Consortia like this one (same population band, same starting track, its region first), how long each took from needs support to fast mover, the criteria each closed first, and the lessons you may read that each recorded on criteria still open here (docs/scoring.md, \"Peers\").")
            .Produces<PeersJson>()
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

    private static async Task<Results<Ok<ForecastJson>, ProblemHttpResult>> ForecastAsync(
        string code,
        ConsortiumForecasts forecasts,
        CurrentUser currentUser,
        CancellationToken cancellationToken) =>
        await forecasts.GetAsync(currentUser.Acting, code, cancellationToken) is { } view
            ? TypedResults.Ok(ForecastJson.From(view))
            : ApiProblems.NotFound($"There is no consortium with code '{code}'.");

    private static async Task<Results<Ok<PeersJson>, ProblemHttpResult>> PeersAsync(
        string code,
        ConsortiumPeers peers,
        CurrentUser currentUser,
        CancellationToken cancellationToken) =>
        await peers.GetAsync(currentUser.Acting, code, cancellationToken) is { } view
            ? TypedResults.Ok(PeersJson.From(view))
            : ApiProblems.NotFound($"There is no consortium with code '{code}'.");

    /// <summary>
    /// A consortium's peers as the API gives them: dates are UK calendar dates; <c>days</c> is from the first "needs
    /// support" to the first "fast mover" after it (null when not yet), <c>daysSoFar</c> the time since the first "needs
    /// support" of a peer not there yet; lessons only of peers the caller may read.
    /// </summary>
    public sealed record PeersJson(
        string Consortium,
        DateOnly AsAt,
        string PopulationBand,
        long Population,
        string Region,
        Track? StartedAs,
        string Rule,
        IReadOnlyList<PeerJson> Peers)
    {
        public static PeersJson From(PeersView view) => new(
            view.ConsortiumCode,
            view.AsAt,
            view.Band.ToWireName(),
            view.Population,
            view.RegionCode,
            view.StartedAs,
            view.Rule,
            view.Peers.Select(p => new PeerJson(
                p.Code, p.Name, p.RegionCode, p.Population, p.StartedAs, p.NeedsSupportOn, p.FastMoverOn, p.Days, p.DaysSoFar, p.Took,
                p.ClosedFirst.Select(c => new PeerCriterionJson(c.Id, c.Text, c.Domain, c.ClosedOn, c.OpenHere)).ToList(),
                p.ClosedCount,
                p.Lessons.Select(l => new PeerLessonJson(l.Id, l.DomainId, l.Title, $"/consortia/{p.Code}/lessons?domain={l.DomainId}")).ToList())).ToList());
    }

    public sealed record PeerJson(
        string Code,
        string Name,
        string Region,
        long Population,
        Track? StartedAs,
        DateOnly? NeedsSupportOn,
        DateOnly? FastMoverOn,
        int? Days,
        int? DaysSoFar,
        string Took,
        IReadOnlyList<PeerCriterionJson> ClosedFirst,
        int ClosedCount,
        IReadOnlyList<PeerLessonJson> Lessons);

    public sealed record PeerCriterionJson(string Id, string Text, string Domain, DateOnly ClosedOn, bool OpenHere);

    public sealed record PeerLessonJson(int Id, string Domain, string Title, string Link);

    /// <summary>A consortium's forecast as the API gives it; dates are UK calendar dates, the pace is criteria per month.</summary>
    public sealed record ForecastJson(
        string Consortium,
        DateOnly AsAt,
        string Outcome,
        string Summary,
        bool AtRisk,
        DateOnly Deadline,
        DateOnly? LatestSubmittedOn,
        int ClosedInWindow,
        double WindowMonths,
        double? ClosedPerMonth,
        DateOnly? Expected,
        DateOnly? Earliest,
        DateOnly? Latest,
        IReadOnlyList<ForecastCriterion> CriteriaToClose)
    {
        public static ForecastJson From(ForecastView view)
        {
            var f = view.Forecast;
            return new(
                view.ConsortiumCode,
                view.AsAt,
                WireName(f.Outcome),
                view.Summary,
                view.AtRisk,
                ReadinessForecast.Deadline,
                f.LatestSubmittedOn,
                f.ClosedInWindow,
                Math.Round(f.WindowMonths, 1, MidpointRounding.AwayFromZero),
                f.ClosedPerMonth is { } pace ? Math.Round(pace, 2, MidpointRounding.AwayFromZero) : null,
                f.Expected,
                f.Earliest,
                f.Latest,
                view.CriteriaToClose);
        }

        private static string WireName(ForecastOutcome outcome) => outcome switch
        {
            ForecastOutcome.NotAssessed => "not-assessed",
            ForecastOutcome.FastMover => "fast-mover",
            ForecastOutcome.NotEnoughHistory => "not-enough-history",
            ForecastOutcome.NoProgress => "no-progress",
            _ => "projected",
        };
    }

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
