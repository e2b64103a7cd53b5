using Microsoft.EntityFrameworkCore;
using TransitionTracker.Application.Access;
using TransitionTracker.Application.Assessments;
using TransitionTracker.Application.Caching;
using TransitionTracker.Application.Dashboards;
using TransitionTracker.Application.Persistence;
using TransitionTracker.Domain.Assessments;
using TransitionTracker.Domain.Forecasting;
using TransitionTracker.Domain.Organisations;
using TransitionTracker.Domain.Scoring;

namespace TransitionTracker.Application.Forecasts;

/// <summary>
/// When a consortium reaches fast mover at its pace so far (docs/scoring.md, "Forecast"), as at the date the
/// dashboards use: its submitted readiness assessments' answers in one query (beside its standing, which the caller
/// has usually read already), the model in
/// <see cref="ReadinessForecast"/>. The same for every reader, so kept in the read cache while the data is unchanged.
/// </summary>
public sealed class ConsortiumForecasts(
    DbContexts contexts,
    OrganisationScope scope,
    ConsortiumReadinessReader readiness,
    DashboardReferenceDate referenceDate,
    CachedReads reads)
{
    /// <summary>The consortium's forecast; null when there is no such consortium or the user may not read it.</summary>
    public async Task<ForecastView?> GetAsync(ActingUser? user, string code, CancellationToken cancellationToken)
    {
        if (OrganisationCode.TryNormalise(code) is not { } normalised || !await scope.CanReadConsortiumAsync(user, normalised, cancellationToken))
        {
            return null;
        }

        return await FindAsync(normalised, await readiness.FindAsync(normalised, cancellationToken), cancellationToken);
    }

    /// <summary>The forecast of a consortium, for use cases that have already checked scope.</summary>
    internal async Task<ForecastView> FindAsync(string code, CancellationToken cancellationToken) =>
        await FindAsync(code, await readiness.FindAsync(code, cancellationToken), cancellationToken);

    /// <summary>
    /// The forecast of a consortium whose standing the caller has read, from the read cache while its region's data
    /// is unchanged (it reads only the consortium's own records, as its standing does): for use cases that have
    /// already checked scope.
    /// </summary>
    internal Task<ForecastView> FindAsync(string code, ConsortiumReadiness standing, CancellationToken cancellationToken)
    {
        var asAt = referenceDate.Date;
        return reads.GetForRegionAsync(
            async ct => (await scope.ConsortiumAsync(code, ct))?.RegionCode,
            (nameof(ConsortiumForecasts), code, asAt),
            ct => LoadAsync(code, standing, asAt, ct),
            cancellationToken);
    }

    private async Task<ForecastView> LoadAsync(string code, ConsortiumReadiness standing, DateOnly asAt, CancellationToken cancellationToken)
    {
        const string frameworkId = AssessmentWorkflow.DefaultFramework;
        await using var db = contexts.OpenForReading();
        var endUtc = DashboardReferenceDate.EndOfUkDayUtc(asAt);
        var rows = await db.Assessments.AsNoTracking()
            .Where(a => a.ConsortiumCode == code && a.FrameworkId == frameworkId && a.Status == AssessmentStatus.Submitted && a.SubmittedAtUtc < endUtc)
            .Select(a => new
            {
                SubmittedAtUtc = a.SubmittedAtUtc!.Value,
                Answers = a.Responses
                    .Where(r => r.Status != null || r.Level != null)
                    .Select(r => new CriterionResponse(r.CriterionId, r.Status, r.Level))
                    .ToList(),
            })
            .ToListAsync(cancellationToken);
        var submissions = rows.Select(r => new ForecastSubmission(UkCalendar.DateOf(r.SubmittedAtUtc), r.Answers)).ToList();

        var framework = standing.Framework;
        var forecast = ReadinessForecast.Build(framework, submissions, asAt);
        var decidedFastMover = standing.Decision is { Track: Track.FastMover } decision && decision.DecidedAtUtc < endUtc;
        var toClose = forecast.CriteriaToClose
            .Select(id => framework.FindCriterion(id) is { } criterion
                ? new ForecastCriterion(id, criterion.Text, framework.FindDomain(criterion.DomainId)?.Name ?? criterion.DomainId, criterion.Essential)
                : new ForecastCriterion(id, id, "", false))
            .ToList();
        return new ForecastView(code, asAt, forecast, toClose, decidedFastMover);
    }
}
