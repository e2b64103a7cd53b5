using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using TransitionTracker.Data;
using TransitionTracker.Domain.Assessments;
using TransitionTracker.Domain.Scoring;
using TransitionTracker.Web.Frameworks;

namespace TransitionTracker.Web.Assessments;

/// <summary>Reads a consortium's standing on the default readiness framework in three queries.</summary>
public sealed class ConsortiumReadinessReader(TransitionTrackerDbContext db, FrameworkLibrary frameworks)
{
    public async Task<ConsortiumReadiness> ReadAsync(string consortiumCode, CancellationToken cancellationToken)
    {
        const string frameworkId = AssessmentWorkflow.DefaultFramework;
        var submitted = db.Assessments.AsNoTracking()
            .Where(a => a.ConsortiumCode == consortiumCode && a.FrameworkId == frameworkId && a.Status == AssessmentStatus.Submitted);
        var history = await submitted
            .OrderBy(a => a.SubmittedAtUtc).ThenBy(a => a.Id)
            .Select(a => new HistoryPoint(a.SubmittedAtUtc!.Value, a.Score, a.Track!.Value))
            .ToListAsync(cancellationToken);
        var latest = await submitted
            .OrderByDescending(a => a.SubmittedAtUtc).ThenByDescending(a => a.Id)
            .Select(a => new { a.ResultJson, a.FrameworkVersion, a.SubmittedAtUtc, a.SubmittedBy })
            .FirstOrDefaultAsync(cancellationToken);
        var decision = await db.TrackDecisions.AsNoTracking()
            .Where(d => d.ConsortiumCode == consortiumCode)
            .OrderByDescending(d => d.Id)
            .FirstOrDefaultAsync(cancellationToken);

        var framework = await frameworks.FindAsync(frameworkId, latest?.FrameworkVersion, cancellationToken)
            ?? throw new InvalidOperationException($"The framework {frameworkId} is missing.");
        var report = latest?.ResultJson is { } json ? JsonSerializer.Deserialize<ReadinessReport>(json, JsonSerializerOptions.Web) : null;
        return new ConsortiumReadiness(framework, report, latest?.SubmittedAtUtc, latest?.SubmittedBy, decision, history);
    }
}
