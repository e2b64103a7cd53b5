using Microsoft.EntityFrameworkCore;
using TransitionTracker.Data;
using TransitionTracker.Domain.Assessments;
using TransitionTracker.Domain.Scoring;
using TransitionTracker.Web.Access;
using TransitionTracker.Application.Telemetry;

namespace TransitionTracker.Web.Assessments;

/// <summary>
/// Regional leads confirming or overriding a consortium's track. The computed result is never touched. A decision
/// is based on the latest decision the lead saw (its revision, 0 for none): if anyone decided since, it is refused,
/// as every other edit is, and the lead is shown the other decision.
/// </summary>
public sealed class TrackReview(TransitionTrackerDbContext db, ConsortiumReadinessReader reader, TimeProvider clock, CurrentUser user, TransitionTrackerMetrics metrics)
{
    public async Task<TrackDecisionOutcome> DecideAsync(string consortiumCode, Track track, string reason, int baseRevision, CancellationToken cancellationToken)
    {
        var readiness = await reader.ReadAsync(consortiumCode, cancellationToken);
        var latest = readiness.Decision;
        if ((latest?.Revision ?? 0) != baseRevision)
        {
            return Refused(latest);
        }

        var decision = new TrackDecision(consortiumCode, track, readiness.ComputedTrack, reason, user.Email ?? "unknown", clock.GetUtcNow().UtcDateTime, latest);
        db.TrackDecisions.Add(decision);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return new TrackDecisionOutcome(decision, null);
        }
        catch (DbUpdateException)
        {
            // Another lead's decision with the same revision went in first (the unique index refused this one).
            var meanwhile = await LatestAsync(consortiumCode, cancellationToken);
            if (meanwhile is null || meanwhile.Revision <= baseRevision)
            {
                throw;
            }

            return Refused(meanwhile);
        }
    }

    private TrackDecisionOutcome Refused(TrackDecision? theirs)
    {
        metrics.EditConflict(nameof(TrackDecision));
        return new TrackDecisionOutcome(null, theirs);
    }

    private async Task<TrackDecision?> LatestAsync(string consortiumCode, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        return await db.TrackDecisions.AsNoTracking()
            .Where(d => d.ConsortiumCode == consortiumCode)
            .OrderByDescending(d => d.Revision)
            .FirstOrDefaultAsync(cancellationToken);
    }
}
