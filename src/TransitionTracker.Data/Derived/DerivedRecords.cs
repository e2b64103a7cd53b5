using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using TransitionTracker.Domain.Assessments;
using TransitionTracker.Domain.Forecasting;
using TransitionTracker.Domain.Frameworks;
using TransitionTracker.Domain.Lessons;
using TransitionTracker.Domain.Organisations;
using TransitionTracker.Domain.Scoring;

namespace TransitionTracker.Data.Derived;

/// <summary>
/// Records kept so that pages read them instead of recomputing them after every change (docs/architecture.md, "The
/// monthly track snapshot"): each consortium's <see cref="MonthlyTrack"/> rows, its
/// <see cref="MonthlyCompetencyAssessment"/> rows, its latest readiness assessment and regional decision
/// (<see cref="Domain.Organisations.Consortium.LatestAssessmentId"/>, <see cref="Domain.Organisations.Consortium.LatestDecisionId"/>)
/// its population (<see cref="Domain.Organisations.Consortium.Population"/>) and each lesson's <see cref="Lesson.WriterScore"/>. <see cref="TransitionTrackerDbContext"/> rewrites what a save
/// touches in the same transaction, after the save's own writes, with single statements (no second save); bulk loads,
/// which bypass it, call <see cref="RebuildAsync"/> themselves.
/// </summary>
public static class DerivedRecords
{
    // Consortium codes per query, well under every provider's parameter limit.
    private const int Chunk = 500;

    /// <summary>
    /// What a save about to run changes that derived records are made from: per consortium whose track history changed,
    /// the earliest moment changed (null: unknown, so all of it); the consortia whose writer scores may change; those whose forecast may change (a submitted readiness assessment); the
    /// (consortium, UK month) pairs whose last World Class Commissioning submission may change; the consortia whose
    /// memberships changed, and the practices whose list size changed (their current consortia's populations).
    /// </summary>
    internal sealed record Inputs(
        IReadOnlyDictionary<string, DateTime?> TrackFrom,
        IReadOnlySet<string> ScoreConsortia,
        IReadOnlySet<string> ForecastConsortia,
        IReadOnlySet<(string ConsortiumCode, DateOnly Month)> CompetencyMonths,
        IReadOnlySet<string> PopulationConsortia,
        IReadOnlySet<string> PopulationPractices)
    {
        public bool IsEmpty => TrackFrom.Count == 0 && ScoreConsortia.Count == 0 && ForecastConsortia.Count == 0 && CompetencyMonths.Count == 0
            && PopulationConsortia.Count == 0 && PopulationPractices.Count == 0;
    }

    /// <summary>
    /// The consortia whose track history (a submitted default-framework assessment or a regional decision added, changed
    /// or deleted; from the earliest moment among the old and new values), whose lessons' writer scores (that, or a
    /// lesson added), or whose monthly World Class Commissioning submissions the pending changes touch.
    /// </summary>
    internal static Inputs Touched(ChangeTracker tracker)
    {
        var tracks = new Dictionary<string, DateTime?>(StringComparer.Ordinal);
        var scores = new HashSet<string>(StringComparer.Ordinal);
        var forecasts = new HashSet<string>(StringComparer.Ordinal);
        var competency = new HashSet<(string, DateOnly)>();
        var populations = new HashSet<string>(StringComparer.Ordinal);
        var practices = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entry in tracker.Entries())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted))
            {
                continue;
            }

            switch (entry.Entity)
            {
                case Assessment a:
                    var wasSubmitted = entry.State != EntityState.Added && Equals(entry.Property(nameof(Assessment.Status)).OriginalValue, AssessmentStatus.Submitted);
                    var isSubmitted = entry.State != EntityState.Deleted && a.Status == AssessmentStatus.Submitted;
                    if (!wasSubmitted && !isSubmitted)
                    {
                        break;
                    }

                    var moments = new List<DateTime?>();
                    if (wasSubmitted)
                    {
                        moments.Add((DateTime?)entry.Property(nameof(Assessment.SubmittedAtUtc)).OriginalValue);
                    }

                    if (isSubmitted)
                    {
                        moments.Add(a.SubmittedAtUtc);
                    }

                    if (a.FrameworkId == ShippedFrameworks.Default)
                    {
                        Widen(tracks, a.ConsortiumCode, moments);
                        scores.Add(a.ConsortiumCode);
                        forecasts.Add(a.ConsortiumCode);
                    }
                    else if (a.FrameworkId == ShippedFrameworks.WorldClassCommissioning)
                    {
                        foreach (var moment in moments.OfType<DateTime>())
                        {
                            competency.Add((a.ConsortiumCode, TrackHistory.UkMonthOf(moment)));
                        }
                    }

                    break;
                case TrackDecision d:
                    Widen(tracks, d.ConsortiumCode, [
                        entry.State == EntityState.Added ? d.DecidedAtUtc : (DateTime?)entry.Property(nameof(TrackDecision.DecidedAtUtc)).OriginalValue,
                        d.DecidedAtUtc]);
                    break;
                case Lesson l when entry.State == EntityState.Added:
                    scores.Add(l.ConsortiumCode);
                    break;
                case ConsortiumMembership:
                    foreach (var code in new[]
                             {
                                 entry.State == EntityState.Added ? null : entry.Property(nameof(ConsortiumMembership.ConsortiumCode)).OriginalValue,
                                 entry.Property(nameof(ConsortiumMembership.ConsortiumCode)).CurrentValue,
                             }.OfType<string>())
                    {
                        populations.Add(code);
                    }

                    break;
                case Practice p when entry.State != EntityState.Added:
                    // A new practice is in no consortium until a membership (above) says so.
                    practices.Add(p.Code);
                    break;
            }
        }

        return new Inputs(tracks, scores, forecasts, competency, populations, practices);
    }

    // The earliest of the moments for the consortium; null (all of its history) when any is unknown.
    private static void Widen(Dictionary<string, DateTime?> tracks, string code, IReadOnlyList<DateTime?> moments)
    {
        var earliest = moments.Any(m => m is null) ? null : moments.Min();
        if (tracks.TryGetValue(code, out var known))
        {
            tracks[code] = known is null || earliest is null ? null : known < earliest ? known : earliest;
        }
        else
        {
            tracks[code] = earliest;
        }
    }

    /// <summary>Rewrites what <paramref name="inputs"/> names from the saved data, in the open transaction, without saving through the context.</summary>
    internal static async Task RefreshAsync(TransitionTrackerDbContext db, Inputs inputs, CancellationToken cancellationToken)
    {
        foreach (var (code, from) in inputs.TrackFrom)
        {
            await RefreshMonthlyTracksFromAsync(db, code, from, cancellationToken);
        }

        await RefreshLatestAsync(db, inputs.TrackFrom.Keys.ToList(), cancellationToken);
        foreach (var (code, month) in inputs.CompetencyMonths)
        {
            await RefreshCompetencyMonthAsync(db, code, month, cancellationToken);
        }

        await RefreshWriterScoresAsync(db, inputs.ScoreConsortia, cancellationToken);
        await RefreshForecastsAsync(db, inputs.ForecastConsortia, cancellationToken);
        await RefreshPopulationsAsync(db, inputs.PopulationConsortia, cancellationToken);
        foreach (var chunk in inputs.PopulationPractices.Chunk(Chunk))
        {
            var practiceCodes = chunk.ToList();
            await RefreshPopulationsAsync(
                db,
                db.Consortia.Where(c => db.ConsortiumMemberships.Any(m => m.ConsortiumCode == c.Code && m.LeftOn == null && practiceCodes.Contains(m.PracticeCode))),
                cancellationToken);
        }
    }

    /// <summary>
    /// Sets each consortium's forecast figures (<see cref="Consortium.Forecast"/>) as at its latest submitted readiness
    /// assessment, from all its submitted ones and the framework version of the latest (as the status page's forecast
    /// is made): one query for the answers per consortium, one per framework version not parsed yet, one update.
    /// </summary>
    public static async Task RefreshForecastsAsync(TransitionTrackerDbContext db, IReadOnlyCollection<string> consortiumCodes, CancellationToken cancellationToken)
    {
        foreach (var chunk in consortiumCodes.Chunk(Chunk))
        {
            var codes = chunk.ToList();
            var rows = await db.Assessments.AsNoTracking()
                .Where(a => codes.Contains(a.ConsortiumCode) && a.Status == AssessmentStatus.Submitted && a.FrameworkId == ShippedFrameworks.Default && a.SubmittedAtUtc != null)
                .Select(a => new
                {
                    a.ConsortiumCode,
                    a.Id,
                    SubmittedAtUtc = a.SubmittedAtUtc!.Value,
                    a.FrameworkVersion,
                    Answers = a.Responses
                        .Where(r => r.Status != null || r.Level != null)
                        .Select(r => new CriterionResponse(r.CriterionId, r.Status, r.Level))
                        .ToList(),
                })
                .ToListAsync(cancellationToken);
            var byConsortium = rows.ToLookup(r => r.ConsortiumCode, StringComparer.Ordinal);
            foreach (var code in codes)
            {
                var history = byConsortium[code].ToList();
                var latest = history.OrderByDescending(r => r.SubmittedAtUtc).ThenByDescending(r => r.Id).FirstOrDefault();
                var basis = new ForecastBasis(ForecastOutcome.NotAssessed, null, 0, 0, 0);
                if (latest is not null && await FrameworkAsync(db, ShippedFrameworks.Default, latest.FrameworkVersion, cancellationToken) is { } framework)
                {
                    var latestOn = TrackHistory.UkDateOf(latest.SubmittedAtUtc);
                    basis = ReadinessForecast.Build(framework, history.Select(r => new ForecastSubmission(TrackHistory.UkDateOf(r.SubmittedAtUtc), r.Answers)), latestOn).Basis;
                }

                var atRisk = basis.AsAt(basis.LatestSubmittedOn ?? DateOnly.MinValue).AtRisk;
                await db.Consortia.Where(c => c.Code == code).ExecuteUpdateAsync(
                    s => s.SetProperty(c => c.ForecastOutcome, basis.Outcome)
                        .SetProperty(c => c.ForecastFrom, basis.LatestSubmittedOn)
                        .SetProperty(c => c.ForecastToClose, basis.ToClose)
                        .SetProperty(c => c.ForecastClosed, basis.ClosedInWindow)
                        .SetProperty(c => c.ForecastWindowDays, basis.WindowDays)
                        .SetProperty(c => c.ForecastAtRisk, atRisk),
                    cancellationToken);
            }
        }
    }

    // Published framework versions never change, so each is parsed once per process (keyed by its definition, so
    // that databases with different documents under one version, as tests make, do not share a parse).
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, Framework?> Parsed = new(StringComparer.Ordinal);

    private static async Task<Framework?> FrameworkAsync(TransitionTrackerDbContext db, string id, int version, CancellationToken cancellationToken)
    {
        var definition = await db.Frameworks.AsNoTracking()
            .Where(f => f.FrameworkId == id && f.Version == version)
            .Select(f => f.Definition)
            .FirstOrDefaultAsync(cancellationToken);
        return definition is null ? null : Parsed.GetOrAdd(definition, json => FrameworkLoader.Load(json).Framework);
    }

    /// <summary>Sets <see cref="Domain.Organisations.Consortium.Population"/> of <paramref name="consortiumCodes"/>, in one statement per chunk.</summary>
    public static async Task RefreshPopulationsAsync(TransitionTrackerDbContext db, IReadOnlyCollection<string> consortiumCodes, CancellationToken cancellationToken)
    {
        foreach (var chunk in consortiumCodes.Chunk(Chunk))
        {
            var codes = chunk.ToList();
            await RefreshPopulationsAsync(db, db.Consortia.Where(c => codes.Contains(c.Code)), cancellationToken);
        }
    }

    /// <summary>Sets the population of every consortium, in one statement: after a bulk change of practices' list sizes.</summary>
    public static Task RefreshAllPopulationsAsync(TransitionTrackerDbContext db, CancellationToken cancellationToken) =>
        RefreshPopulationsAsync(db, db.Consortia, cancellationToken);

    // The sum of the current members' list sizes, 0 for none.
    private static Task<int> RefreshPopulationsAsync(TransitionTrackerDbContext db, IQueryable<Consortium> consortia, CancellationToken cancellationToken) =>
        consortia.ExecuteUpdateAsync(
            s => s.SetProperty(
                c => c.Population,
                c => (from m in db.ConsortiumMemberships
                      where m.ConsortiumCode == c.Code && m.LeftOn == null
                      join p in db.Practices on m.PracticeCode equals p.Code
                      select (long)p.ListSize).Sum()),
            cancellationToken);

    /// <summary>
    /// Rewrites one consortium's <see cref="MonthlyTrack"/> rows from the UK month of <paramref name="fromUtc"/> onwards
    /// (all of them when null): the entries from the start of that month, carried on from its latest decision and
    /// latest submitted assessment before it (<see cref="TrackHistory"/>), changing only the rows that differ.
    /// </summary>
    private static async Task RefreshMonthlyTracksFromAsync(TransitionTrackerDbContext db, string code, DateTime? fromUtc, CancellationToken cancellationToken)
    {
        DateOnly? month = fromUtc is { } from ? TrackHistory.UkMonthOf(from) : null;
        var submitted = db.Assessments.AsNoTracking()
            .Where(a => a.ConsortiumCode == code && a.Status == AssessmentStatus.Submitted && a.FrameworkId == ShippedFrameworks.Default && a.Track != null);
        var decisions = db.TrackDecisions.AsNoTracking().Where(d => d.ConsortiumCode == code);
        var submittedSince = submitted;
        var decisionsSince = decisions;

        Track? decidedBefore = null, computedBefore = null;
        if (month is { } first)
        {
            var start = TrackHistory.UkMonthStartUtc(first);
            decidedBefore = await decisions.Where(d => d.DecidedAtUtc < start)
                .OrderByDescending(d => d.DecidedAtUtc).ThenByDescending(d => d.Id).Select(d => (Track?)d.Track).FirstOrDefaultAsync(cancellationToken);
            computedBefore = await submitted.Where(a => a.SubmittedAtUtc < start)
                .OrderByDescending(a => a.SubmittedAtUtc).ThenByDescending(a => a.Id).Select(a => a.Track).FirstOrDefaultAsync(cancellationToken);
            submittedSince = submitted.Where(a => a.SubmittedAtUtc >= start);
            decisionsSince = decisions.Where(d => d.DecidedAtUtc >= start);
        }

        var entries = (await submittedSince
                .Select(a => new { At = a.SubmittedAtUtc!.Value, a.Id, Track = a.Track!.Value }).ToListAsync(cancellationToken))
            .Select(a => new TrackHistory.Entry(a.At, a.Id, a.Track, IsDecision: false))
            .Concat((await decisionsSince
                    .Select(d => new { d.DecidedAtUtc, d.Id, d.Track }).ToListAsync(cancellationToken))
                .Select(d => new TrackHistory.Entry(d.DecidedAtUtc, d.Id, d.Track, IsDecision: true)));
        var rows = TrackHistory.MonthlyTracks(code, entries, decidedBefore, computedBefore);

        var fromMonth = month ?? DateOnly.MinValue;
        var stored = (await db.MonthlyTracks.AsNoTracking().Where(t => t.ConsortiumCode == code && t.Month >= fromMonth).ToListAsync(cancellationToken))
            .ToDictionary(t => t.Month);
        foreach (var row in rows)
        {
            if (!stored.Remove(row.Month, out var existing))
            {
                var previous = row.PreviousTrack?.ToString();
                await db.Database.ExecuteSqlAsync(
                    $"""INSERT INTO "MonthlyTracks" ("ConsortiumCode", "Month", "Track", "PreviousTrack") VALUES ({code}, {row.Month}, {row.Track.ToString()}, {previous})""",
                    cancellationToken);
            }
            else if (existing.UpdateFrom(row))
            {
                await db.MonthlyTracks.Where(t => t.ConsortiumCode == code && t.Month == row.Month)
                    .ExecuteUpdateAsync(s => s.SetProperty(t => t.Track, row.Track).SetProperty(t => t.PreviousTrack, row.PreviousTrack), cancellationToken);
            }
        }

        if (stored.Count > 0)
        {
            var gone = stored.Keys.ToList();
            await db.MonthlyTracks.Where(t => t.ConsortiumCode == code && gone.Contains(t.Month)).ExecuteDeleteAsync(cancellationToken);
        }
    }

    /// <summary>
    /// Sets each consortium's latest submitted readiness assessment (latest by time, then by id) and latest regional
    /// decision (highest id), in one statement per chunk.
    /// </summary>
    private static async Task RefreshLatestAsync(TransitionTrackerDbContext db, IReadOnlyCollection<string> consortiumCodes, CancellationToken cancellationToken)
    {
        foreach (var chunk in consortiumCodes.Chunk(Chunk))
        {
            var codes = chunk.ToList();
            await db.Consortia
                .Where(c => codes.Contains(c.Code))
                .ExecuteUpdateAsync(
                    s => s
                        .SetProperty(
                            c => c.LatestAssessmentId,
                            c => db.Assessments
                                .Where(a => a.ConsortiumCode == c.Code && a.Status == AssessmentStatus.Submitted && a.FrameworkId == ShippedFrameworks.Default)
                                .OrderByDescending(a => a.SubmittedAtUtc).ThenByDescending(a => a.Id)
                                .Select(a => (int?)a.Id)
                                .FirstOrDefault())
                        .SetProperty(c => c.LatestDecisionId, c => db.TrackDecisions.Where(d => d.ConsortiumCode == c.Code).Max(d => (int?)d.Id)),
                    cancellationToken);
        }
    }

    /// <summary>Rewrites one consortium's <see cref="MonthlyCompetencyAssessment"/> for one UK month: its last submission then, or no row.</summary>
    private static async Task RefreshCompetencyMonthAsync(TransitionTrackerDbContext db, string code, DateOnly month, CancellationToken cancellationToken)
    {
        var start = TrackHistory.UkMonthStartUtc(month);
        var end = TrackHistory.UkMonthStartUtc(month.AddMonths(1));
        var last = await db.Assessments.AsNoTracking()
            .Where(a => a.ConsortiumCode == code && a.Status == AssessmentStatus.Submitted && a.FrameworkId == ShippedFrameworks.WorldClassCommissioning
                && a.SubmittedAtUtc >= start && a.SubmittedAtUtc < end)
            .OrderByDescending(a => a.SubmittedAtUtc).ThenByDescending(a => a.Id)
            .Select(a => (int?)a.Id)
            .FirstOrDefaultAsync(cancellationToken);
        var rows = db.MonthlyCompetencyAssessments.Where(m => m.ConsortiumCode == code && m.Month == month);
        if (last is not { } id)
        {
            await rows.ExecuteDeleteAsync(cancellationToken);
            return;
        }

        var scores = MonthlyCompetencyAssessment.FormatScores(
            (await db.DomainScores.AsNoTracking().Where(d => d.AssessmentId == id).Select(d => new { d.DomainId, d.Score }).ToListAsync(cancellationToken))
                .Select(d => (d.DomainId, d.Score)));
        if (await rows.ExecuteUpdateAsync(s => s.SetProperty(m => m.AssessmentId, id).SetProperty(m => m.Scores, scores), cancellationToken) == 0)
        {
            await db.Database.ExecuteSqlAsync(
                $"""INSERT INTO "MonthlyCompetencyAssessments" ("ConsortiumCode", "Month", "AssessmentId", "Scores") VALUES ({code}, {month}, {id}, {scores})""",
                cancellationToken);
        }
    }

    /// <summary>
    /// Rewrites the <see cref="MonthlyTrack"/> rows of <paramref name="consortiumCodes"/> from their whole history of
    /// submitted readiness assessments and regional decisions (<see cref="TrackHistory"/>), changing only the rows that
    /// differ, and saves: for bulk loads, outside a save.
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
    /// Rewrites the <see cref="MonthlyCompetencyAssessment"/> rows of <paramref name="consortiumCodes"/> from all their
    /// submitted World Class Commissioning assessments, and saves: for bulk loads, outside a save.
    /// </summary>
    public static async Task RefreshCompetencyMonthsAsync(TransitionTrackerDbContext db, IReadOnlyCollection<string> consortiumCodes, CancellationToken cancellationToken)
    {
        foreach (var chunk in consortiumCodes.Chunk(Chunk))
        {
            var codes = chunk.ToList();
            var submitted = await db.Assessments.AsNoTracking()
                .Where(a => codes.Contains(a.ConsortiumCode) && a.Status == AssessmentStatus.Submitted && a.FrameworkId == ShippedFrameworks.WorldClassCommissioning && a.SubmittedAtUtc != null)
                .Select(a => new { a.ConsortiumCode, At = a.SubmittedAtUtc!.Value, a.Id })
                .ToListAsync(cancellationToken);
            var lasts = submitted
                .GroupBy(a => (a.ConsortiumCode, Month: TrackHistory.UkMonthOf(a.At)))
                .Select(g => (g.Key.ConsortiumCode, g.Key.Month, g.OrderByDescending(a => a.At).ThenByDescending(a => a.Id).First().Id))
                .ToList();
            var scores = new List<(int AssessmentId, string DomainId, double? Score)>();
            foreach (var ids in lasts.Select(l => l.Id).Chunk(Chunk))
            {
                scores.AddRange((await db.DomainScores.AsNoTracking().Where(d => ids.Contains(d.AssessmentId))
                        .Select(d => new { d.AssessmentId, d.DomainId, d.Score }).ToListAsync(cancellationToken))
                    .Select(d => (d.AssessmentId, d.DomainId, d.Score)));
            }

            var byAssessment = scores.ToLookup(d => d.AssessmentId, d => (d.DomainId, d.Score));
            await db.MonthlyCompetencyAssessments.Where(m => codes.Contains(m.ConsortiumCode)).ExecuteDeleteAsync(cancellationToken);
            db.MonthlyCompetencyAssessments.AddRange(lasts.Select(l =>
                new MonthlyCompetencyAssessment(l.ConsortiumCode, l.Month, l.Id, MonthlyCompetencyAssessment.FormatScores(byAssessment[l.Id]))));
            await db.SaveChangesAsync(cancellationToken);
            foreach (var entry in db.ChangeTracker.Entries<MonthlyCompetencyAssessment>().ToList())
            {
                entry.State = EntityState.Detached;
            }
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

    /// <summary>
    /// Rewrites every derived record of <paramref name="consortiumCodes"/> from their whole history: after a bulk load
    /// that went past the context's save.
    /// </summary>
    public static async Task RebuildAsync(TransitionTrackerDbContext db, IReadOnlyCollection<string> consortiumCodes, CancellationToken cancellationToken)
    {
        await RefreshMonthlyTracksAsync(db, consortiumCodes, cancellationToken);
        await RefreshCompetencyMonthsAsync(db, consortiumCodes, cancellationToken);
        await RefreshLatestAsync(db, consortiumCodes, cancellationToken);
        await RefreshWriterScoresAsync(db, consortiumCodes, cancellationToken);
        await RefreshForecastsAsync(db, consortiumCodes, cancellationToken);
        await RefreshPopulationsAsync(db, consortiumCodes, cancellationToken);
    }

    /// <summary>Rewrites every consortium's derived records: after the migrations that introduced them, for the data already there.</summary>
    public static async Task RebuildAllAsync(TransitionTrackerDbContext db, CancellationToken cancellationToken) =>
        await RebuildAsync(db, await db.Consortia.AsNoTracking().Select(c => c.Code).ToListAsync(cancellationToken), cancellationToken);
}
