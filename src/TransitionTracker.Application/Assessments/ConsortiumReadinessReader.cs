using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using TransitionTracker.Application.Access;
using TransitionTracker.Application.Caching;
using TransitionTracker.Application.Frameworks;
using TransitionTracker.Application.Persistence;
using TransitionTracker.Domain.Assessments;
using TransitionTracker.Domain.Organisations;
using TransitionTracker.Domain.Scoring;

namespace TransitionTracker.Application.Assessments;

/// <summary>
/// Reads a consortium's standing on the default readiness framework in two queries, plus the framework when this
/// process has not read that version yet.
/// </summary>
public sealed class ConsortiumReadinessReader(DbContexts contexts, OrganisationScope scope, FrameworkLibrary frameworks, CachedReads reads)
{
    /// <summary>The consortium's standing; null when the user may not read the consortium.</summary>
    public async Task<ConsortiumReadiness?> ReadAsync(ActingUser? user, string consortiumCode, CancellationToken cancellationToken) =>
        await scope.CanReadConsortiumAsync(user, consortiumCode, cancellationToken)
            ? await FindAsync(OrganisationCode.Normalise(consortiumCode), cancellationToken)
            : null;

    /// <summary>
    /// The consortium's standing, from the read cache while the data is unchanged: for use cases that have already
    /// checked their acting user's scope.
    /// </summary>
    internal Task<ConsortiumReadiness> FindAsync(string consortiumCode, CancellationToken cancellationToken) =>
        reads.GetForRegionAsync(
            async ct => (await scope.ConsortiumAsync(consortiumCode, ct))?.RegionCode,
            (nameof(ConsortiumReadinessReader), consortiumCode),
            ct => QueryAsync(consortiumCode, ct),
            cancellationToken);

    private async Task<ConsortiumReadiness> QueryAsync(string consortiumCode, CancellationToken cancellationToken)
    {
        const string frameworkId = AssessmentWorkflow.DefaultFramework;
        await using var db = contexts.OpenForReading();
        var submitted = db.Assessments.AsNoTracking()
            .Where(a => a.ConsortiumCode == consortiumCode && a.FrameworkId == frameworkId && a.Status == AssessmentStatus.Submitted);

        // The history and the latest assessment's full result in one round trip: the result (a large document) is
        // read for the latest row only, which is also the last in history order.
        var rows = await (
                from a in submitted
                let latestId = submitted.OrderByDescending(b => b.SubmittedAtUtc).ThenByDescending(b => b.Id).Select(b => b.Id).FirstOrDefault()
                orderby a.SubmittedAtUtc, a.Id
                select new
                {
                    Point = new HistoryPoint(a.SubmittedAtUtc!.Value, a.Score, a.Track!.Value),
                    IsLatest = a.Id == latestId,
                    ResultJson = a.Id == latestId ? a.ResultJson : null,
                    a.FrameworkVersion,
                    a.SubmittedBy,
                })
            .ToListAsync(cancellationToken);
        var history = rows.Select(r => r.Point).ToList();
        var latest = rows.LastOrDefault(r => r.IsLatest);
        var decision = await db.TrackDecisions.AsNoTracking()
            .Where(d => d.ConsortiumCode == consortiumCode)
            .OrderByDescending(d => d.Id)
            .FirstOrDefaultAsync(cancellationToken);

        var framework = await frameworks.FindAsync(frameworkId, latest?.FrameworkVersion, cancellationToken)
            ?? throw new InvalidOperationException($"The framework {frameworkId} is missing.");
        var report = latest?.ResultJson is { } json ? JsonSerializer.Deserialize<ReadinessReport>(json, JsonSerializerOptions.Web) : null;
        return new ConsortiumReadiness(framework, report, latest?.Point.SubmittedAtUtc, latest?.SubmittedBy, decision, history);
    }
}
