using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using TransitionTracker.Domain.Assessments;
using TransitionTracker.Domain.Frameworks;
using TransitionTracker.Domain.Lessons;

namespace TransitionTracker.Data.Derived;

/// <summary>
/// Records kept so that pages read them instead of recomputing them after every change (docs/architecture.md, "The
/// monthly track snapshot"): each consortium's <see cref="MonthlyTrack"/> rows and each lesson's
/// <see cref="Lesson.WriterScore"/>. <see cref="TransitionTrackerDbContext"/> rewrites them in the same transaction as
/// every save that changes what they are made from; bulk loads, which bypass it, call these methods themselves.
/// </summary>
public static class DerivedRecords
{
    // Consortium codes per query, well under every provider's parameter limit.
    private const int Chunk = 500;

    /// <summary>What a save about to run changes that derived records are made from.</summary>
    internal sealed record Inputs(IReadOnlySet<string> TrackConsortia, IReadOnlySet<string> ScoreConsortia)
    {
        public bool IsEmpty => TrackConsortia.Count == 0 && ScoreConsortia.Count == 0;
    }

    /// <summary>
    /// The consortia whose track history (a submitted default-framework assessment or a regional decision added, changed
    /// or deleted) or whose lessons' writer scores (that, or a lesson added) the pending changes touch.
    /// </summary>
    internal static Inputs Touched(ChangeTracker tracker)
    {
        var tracks = new HashSet<string>(StringComparer.Ordinal);
        var scores = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entry in tracker.Entries())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted))
            {
                continue;
            }

            switch (entry.Entity)
            {
                case Assessment a when a.FrameworkId == ShippedFrameworks.Default
                    && (a.Status == AssessmentStatus.Submitted
                        || (entry.State != EntityState.Added && Equals(entry.Property(nameof(Assessment.Status)).OriginalValue, AssessmentStatus.Submitted))):
                    tracks.Add(a.ConsortiumCode);
                    scores.Add(a.ConsortiumCode);
                    break;
                case TrackDecision d:
                    tracks.Add(d.ConsortiumCode);
                    break;
                case Lesson l when entry.State == EntityState.Added:
                    scores.Add(l.ConsortiumCode);
                    break;
            }
        }

        return new Inputs(tracks, scores);
    }

    /// <summary>Rewrites what <paramref name="inputs"/> names from the saved data, in the open transaction.</summary>
    internal static async Task RefreshAsync(TransitionTrackerDbContext db, Inputs inputs, CancellationToken cancellationToken)
    {
        await RefreshMonthlyTracksAsync(db, inputs.TrackConsortia, cancellationToken);
        await RefreshWriterScoresAsync(db, inputs.ScoreConsortia, cancellationToken);
    }

    /// <summary>
    /// Rewrites the <see cref="MonthlyTrack"/> rows of <paramref name="consortiumCodes"/> from their submitted readiness
    /// assessments and regional decisions (<see cref="TrackHistory"/>), changing only the rows that differ, and saves.
    /// </summary>
    public static async Task RefreshMonthlyTracksAsync(TransitionTrackerDbContext db, IReadOnlyCollection<string> consortiumCodes, CancellationToken cancellationToken)
    {
        foreach (var chunk in consortiumCodes.Chunk(Chunk))
        {
            var codes = chunk.ToList();
            var submitted = await db.Assessments.AsNoTracking()
                .Where(a => codes.Contains(a.ConsortiumCode) && a.Status == AssessmentStatus.Submitted && a.FrameworkId == ShippedFrameworks.Default && a.Track != null)
                .Select(a => new { a.ConsortiumCode, At = a.SubmittedAtUtc!.Value, a.Id, Track = a.Track!.Value })
                .ToListAsync(cancellationToken);
            var decided = await db.TrackDecisions.AsNoTracking()
                .Where(d => codes.Contains(d.ConsortiumCode))
                .Select(d => new { d.ConsortiumCode, At = d.DecidedAtUtc, d.Id, d.Track })
                .ToListAsync(cancellationToken);
            var entries = submitted.Select(a => (a.ConsortiumCode, Entry: new TrackHistory.Entry(a.At, a.Id, a.Track, IsDecision: false)))
                .Concat(decided.Select(d => (d.ConsortiumCode, Entry: new TrackHistory.Entry(d.At, d.Id, d.Track, IsDecision: true))))
                .ToLookup(e => e.ConsortiumCode, e => e.Entry, StringComparer.Ordinal);
            var stored = (await db.MonthlyTracks.Where(m => codes.Contains(m.ConsortiumCode)).ToListAsync(cancellationToken))
                .ToDictionary(m => (m.ConsortiumCode, m.Month));

            foreach (var code in codes)
            {
                foreach (var row in TrackHistory.MonthlyTracks(code, entries[code]))
                {
                    if (stored.Remove((row.ConsortiumCode, row.Month), out var existing))
                    {
                        if (existing.UpdateFrom(row))
                        {
                            db.Entry(existing).State = EntityState.Modified;
                        }
                    }
                    else
                    {
                        db.MonthlyTracks.Add(row);
                    }
                }
            }

            db.MonthlyTracks.RemoveRange(stored.Values);
            await db.SaveChangesAsync(cancellationToken);
        }
    }

    /// <summary>
    /// Sets <see cref="Lesson.WriterScore"/> on every lesson of <paramref name="consortiumCodes"/> from the consortium's
    /// latest submitted default-framework assessment (latest by time, then by id), in one statement per chunk.
    /// </summary>
    public static async Task RefreshWriterScoresAsync(TransitionTrackerDbContext db, IReadOnlyCollection<string> consortiumCodes, CancellationToken cancellationToken)
    {
        foreach (var chunk in consortiumCodes.Chunk(Chunk))
        {
            var codes = chunk.ToList();
            await db.Lessons
                .Where(l => codes.Contains(l.ConsortiumCode))
                .ExecuteUpdateAsync(
                    s => s.SetProperty(
                        l => l.WriterScore,
                        l => db.DomainScores
                            .Where(d => d.DomainId == l.DomainId && d.AssessmentId == db.Assessments
                                .Where(a => a.ConsortiumCode == l.ConsortiumCode && a.Status == AssessmentStatus.Submitted && a.FrameworkId == ShippedFrameworks.Default)
                                .OrderByDescending(a => a.SubmittedAtUtc).ThenByDescending(a => a.Id)
                                .Select(a => a.Id)
                                .FirstOrDefault())
                            .Select(d => d.Score)
                            .FirstOrDefault()),
                    cancellationToken);
        }
    }

    /// <summary>Rewrites every consortium's derived records: after the migration that introduced them, for the data already there.</summary>
    public static async Task RebuildAllAsync(TransitionTrackerDbContext db, CancellationToken cancellationToken)
    {
        var codes = await db.Consortia.AsNoTracking().Select(c => c.Code).ToListAsync(cancellationToken);
        await RefreshMonthlyTracksAsync(db, codes, cancellationToken);
        await RefreshWriterScoresAsync(db, codes, cancellationToken);
    }
}
