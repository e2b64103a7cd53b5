using TransitionTracker.Data;
using TransitionTracker.Domain.Assessments;
using TransitionTracker.Domain.Scoring;
using TransitionTracker.Web.Access;

namespace TransitionTracker.Web.Assessments;

/// <summary>Regional leads confirming or overriding a consortium's track. The computed result is never touched.</summary>
public sealed class TrackReview(TransitionTrackerDbContext db, ConsortiumReadinessReader reader, TimeProvider clock, CurrentUser user)
{
    public async Task<TrackDecision> DecideAsync(string consortiumCode, Track track, string reason, CancellationToken cancellationToken)
    {
        var readiness = await reader.ReadAsync(consortiumCode, cancellationToken);
        var decision = new TrackDecision(consortiumCode, track, readiness.ComputedTrack, reason, user.Email ?? "unknown", clock.GetUtcNow().UtcDateTime);
        db.TrackDecisions.Add(decision);
        await db.SaveChangesAsync(cancellationToken);
        return decision;
    }
}
