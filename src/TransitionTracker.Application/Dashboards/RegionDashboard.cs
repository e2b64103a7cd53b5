using Microsoft.EntityFrameworkCore;
using TransitionTracker.Application.Access;
using TransitionTracker.Application.Caching;
using TransitionTracker.Application.Consortia;
using TransitionTracker.Application.Forecasts;
using TransitionTracker.Application.Organisations;
using TransitionTracker.Application.Persistence;
using TransitionTracker.Application.SupportActions;
using TransitionTracker.Data;
using TransitionTracker.Domain.Access;
using TransitionTracker.Domain.Assessments;
using TransitionTracker.Domain.Forecasting;
using TransitionTracker.Domain.Frameworks;
using TransitionTracker.Domain.Organisations;
using TransitionTracker.Domain.Scoring;

namespace TransitionTracker.Application.Dashboards;

/// <summary>
/// The regional and national dashboards and their headline summaries. Every figure is one aggregate query in the
/// database: a region code narrows to one region, null means the whole country; only consortia the user may read are
/// counted. Readiness figures use the default framework; competencies use World Class Commissioning. A region's
/// dashboard is for users who may read the region; the national one for users who read everything.
/// </summary>
public sealed class RegionDashboard(
    DbContexts contexts,
    OrganisationScope scope,
    OrganisationDirectory directory,
    TimeProvider clock,
    CachedReads reads,
    DashboardReferenceDate referenceDate,
    ConsortiumForecasts forecasts)
{
    /// <summary>"Not recently assessed" means no submission in this many months up to the reference date.</summary>
    public const int RecentMonths = 3;

    /// <summary>Today in the UK, against which support actions are overdue (<see cref="SupportActionRules.Overdue"/>).</summary>
    public DateOnly Today => UkCalendar.Today(clock);

    /// <summary>The date the figures are as at (see <see cref="DashboardReferenceDate"/>).</summary>
    public DashboardReferenceDate ReferenceDate => referenceDate;

    /// <summary>
    /// A region's dashboard: the region and its PCTs, the consortia table as <paramref name="request"/> asks for it (with
    /// a note for each value that could not be used), and every figure over the consortia the user may read; null when
    /// the user may not read the region (or there is none with that code).
    /// </summary>
    public async Task<RegionDashboardView?> RegionAsync(ActingUser? user, string regionCode, RegionDashboardRequest request, CancellationToken cancellationToken)
    {
        var region = await ReadableRegionAsync(user, regionCode, cancellationToken);
        if (region is null)
        {
            return null;
        }

        var access = user!.Access;
        var (query, queryNotes) = ConsortiumTableQuery.Parse(
            request.Sort, request.Dir, request.Pct, request.Track, request.Stage, request.Page, region.Pcts.Select(p => p.Code).ToList(), request.Search, request.Forecast);
        var (from, to, monthNotes) = MonthQuery.Parse(request.From, request.To);
        var figures = (await HeadlinesAsync(region.Code, access, cancellationToken)).Single().Figures;
        var table = await TableAsync(region.Code, access, query, allRows: false, cancellationToken);
        var heatmap = await HeatmapAsync(region.Code, access, cancellationToken);
        var trend = await TrendAsync(region.Code, access, cancellationToken);
        var overdue = await OverdueActionsAsync(region.Code, access, cancellationToken);
        var (qualityMonth, quality) = await QualityAsync(region.Code, access, cancellationToken);
        var competency = await CompetencyAsync(region.Code, access, from, to, cancellationToken);
        return new RegionDashboardView(region, query, [.. queryNotes, .. monthNotes], figures, table, heatmap, trend, overdue, qualityMonth, quality, competency);
    }

    /// <summary>
    /// Only the consortia table of a region's dashboard, as <paramref name="request"/> asks for it (its months are not
    /// used), for a dashboard already open whose sort, filters, search or page change; null when the user may not read
    /// the region (or there is none with that code).
    /// </summary>
    public async Task<RegionTableView?> RegionTableAsync(ActingUser? user, string regionCode, RegionDashboardRequest request, CancellationToken cancellationToken)
    {
        var region = await ReadableRegionAsync(user, regionCode, cancellationToken);
        if (region is null)
        {
            return null;
        }

        var (query, notes) = ConsortiumTableQuery.Parse(
            request.Sort, request.Dir, request.Pct, request.Track, request.Stage, request.Page, region.Pcts.Select(p => p.Code).ToList(), request.Search, request.Forecast);
        var table = await TableAsync(region.Code, user!.Access, query, allRows: false, cancellationToken);
        return new RegionTableView(query, notes, table);
    }

    /// <summary>
    /// The national dashboard: each region's headline figures and the country's, the track trend, and competencies
    /// between the two months asked for (defaults, with a note, for values that cannot be read); null unless the user
    /// reads everything (national viewers and administrators).
    /// </summary>
    public async Task<NationalDashboardView?> NationalAsync(ActingUser? user, string? from, string? to, CancellationToken cancellationToken)
    {
        if (user is not { Access.ReadsEverything: true })
        {
            return null;
        }

        var (fromMonth, toMonth, notes) = MonthQuery.Parse(from, to);
        var regions = await HeadlinesAsync(null, user.Access, cancellationToken);
        var trend = await TrendAsync(null, user.Access, cancellationToken);
        var competency = await CompetencyAsync(null, user.Access, fromMonth, toMonth, cancellationToken);
        return new NationalDashboardView(regions, HeadlineFigures.Sum(regions.Select(r => r.Figures)), trend, competency, notes);
    }

    /// <summary>A region's headline figures as the summary API answers them; null when the user may not read the region.</summary>
    public async Task<HeadlineSummaryResponse?> RegionSummaryAsync(ActingUser? user, string regionCode, CancellationToken cancellationToken)
    {
        if (OrganisationCode.TryNormalise(regionCode) is not { } code
            || !await scope.AllowsAsync(user, OrganisationKind.Region, AccessOperation.Read, code, cancellationToken))
        {
            return null;
        }

        var headline = (await HeadlinesAsync(code, user!.Access, cancellationToken)).Single();
        return HeadlineSummaryResponse.From(headline.Code, headline.Name, referenceDate.Date, headline.Figures);
    }

    /// <summary>The country's headline figures and each region's, as the summary API answers them; null unless the user reads everything.</summary>
    public async Task<HeadlineSummaryResponse?> NationalSummaryAsync(ActingUser? user, CancellationToken cancellationToken)
    {
        if (user is not { Access.ReadsEverything: true })
        {
            return null;
        }

        var asAt = referenceDate.Date;
        var regions = await HeadlinesAsync(null, user.Access, cancellationToken);
        var total = HeadlineFigures.Sum(regions.Select(r => r.Figures));
        return HeadlineSummaryResponse.From(
            null, "England", asAt, total, regions.Select(r => HeadlineSummaryResponse.From(r.Code, r.Name, asAt, r.Figures)).ToList());
    }

    /// <summary>
    /// The codes of the consortia in a region (of every stage, merged ones too), for an open dashboard to tell which
    /// changes are its own; empty when the user may not read the region.
    /// </summary>
    public async Task<IReadOnlySet<string>> RegionConsortiaAsync(ActingUser? user, string regionCode, CancellationToken cancellationToken)
    {
        if (OrganisationCode.TryNormalise(regionCode) is not { } code
            || !await scope.AllowsAsync(user, OrganisationKind.Region, AccessOperation.Read, code, cancellationToken))
        {
            return new HashSet<string>();
        }

        var codes = await reads.GetForRegionAsync(code, (nameof(RegionConsortiaAsync), code), async ct =>
        {
            await using var db = contexts.OpenForReading();
            return await db.Consortia.Where(c => c.RegionCode == code).Select(c => c.Code).ToListAsync(ct);
        }, cancellationToken);
        return codes.ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>The region with the PCTs in it the user may read, or null when the user may not read the region.</summary>
    internal async Task<RegionDetail?> ReadableRegionAsync(ActingUser? user, string regionCode, CancellationToken cancellationToken) =>
        OrganisationCode.TryNormalise(regionCode) is { } code && await scope.AllowsAsync(user, OrganisationKind.Region, AccessOperation.Read, code, cancellationToken)
            ? await directory.RegionDetailAsync(code, user!.Access, cancellationToken)
            : null;

    // Every figure is kept in the read cache (docs/architecture.md, "The read cache") under what shapes it: the
    // region (null for the whole country), the reader's scope, the reference date (and today, for overdue actions)
    // and the query's own arguments. A region's figures are kept under the region's stamp, which only saves that can
    // change them replace; the country's under the whole data's stamp, which every save replaces.
    // These take the reader's access: their callers have checked scope already.

    private Task<T> Read<T>(string? regionCode, object key, Func<CancellationToken, Task<T>> load, CancellationToken cancellationToken) =>
        regionCode is null ? reads.GetAsync(key, load, cancellationToken) : reads.GetForRegionAsync(regionCode, key, load, cancellationToken);

    /// <summary>Headline figures per region (every region in view, in code order), in one query.</summary>
    internal Task<IReadOnlyList<RegionHeadline>> HeadlinesAsync(string? regionCode, UserAccess access, CancellationToken cancellationToken) =>
        Read(regionCode, (nameof(HeadlinesAsync), regionCode, access.ScopeKey, referenceDate.Date, Today), ct => QueryHeadlinesAsync(regionCode, access, ct), cancellationToken);

    /// <summary>The consortia table: one page (or every row, for exports) after filters and sort, in two queries.</summary>
    internal Task<ConsortiumTablePage> TableAsync(string? regionCode, UserAccess access, ConsortiumTableQuery query, bool allRows, CancellationToken cancellationToken) =>
        Read(regionCode, (nameof(TableAsync), regionCode, access.ScopeKey, query, allRows, referenceDate.Date, Today), ct => QueryTableAsync(regionCode, access, query, allRows, ct), cancellationToken);

    /// <summary>Each consortium's domain scores from its latest submitted readiness assessment, in one query.</summary>
    internal Task<IReadOnlyList<HeatmapRow>> HeatmapAsync(string? regionCode, UserAccess access, CancellationToken cancellationToken) =>
        Read(regionCode, (nameof(HeatmapAsync), regionCode, access.ScopeKey, referenceDate.Date), ct => QueryHeatmapAsync(regionCode, access, ct), cancellationToken);

    /// <summary>Consortia per effective track at the end of each month up to the reference date's (see <see cref="TrackTrend"/>).</summary>
    internal Task<IReadOnlyList<TrackTrendPoint>> TrendAsync(string? regionCode, UserAccess access, CancellationToken cancellationToken) =>
        Read(regionCode, (nameof(TrendAsync), regionCode, access.ScopeKey, referenceDate.Date), ct => QueryTrendAsync(regionCode, access, ct), cancellationToken);

    /// <summary>Overdue support actions (<see cref="SupportActionRules.Overdue"/>), most overdue first.</summary>
    internal Task<IReadOnlyList<OverdueAction>> OverdueActionsAsync(string? regionCode, UserAccess access, CancellationToken cancellationToken) =>
        Read(regionCode, (nameof(OverdueActionsAsync), regionCode, access.ScopeKey, Today), ct => QueryOverdueActionsAsync(regionCode, access, ct), cancellationToken);

    /// <summary>Every PCT of the region (or the PCTs the user reads) with its indicators for the latest month any of them reported.</summary>
    internal Task<(DateOnly? Month, IReadOnlyList<PctQuality> Pcts)> QualityAsync(string regionCode, UserAccess access, CancellationToken cancellationToken) =>
        reads.GetForRegionAsync(regionCode, (nameof(QualityAsync), regionCode, access.ScopeKey), ct => QueryQualityAsync(regionCode, access, ct), cancellationToken);

    /// <summary>World Class Commissioning competencies between two months (see <see cref="QueryCompetencyAsync"/>).</summary>
    internal Task<CompetencyImprovement> CompetencyAsync(string? regionCode, UserAccess access, DateOnly from, DateOnly to, CancellationToken cancellationToken) =>
        Read(regionCode, (nameof(CompetencyAsync), regionCode, access.ScopeKey, from, to), ct => QueryCompetencyAsync(regionCode, access, from, to, ct), cancellationToken);

    /// <summary>
    /// Headline figures per region (every region in view, in code order), in one query. The population share is over
    /// the consortia in view: fast movers' population over the population of every consortium counted.
    /// </summary>
    private async Task<IReadOnlyList<RegionHeadline>> QueryHeadlinesAsync(string? regionCode, UserAccess access, CancellationToken cancellationToken)
    {
        await using var db = contexts.OpenForReading();
        var cutoff = DashboardReferenceDate.EndOfUkDayUtc(referenceDate.Date.AddMonths(-RecentMonths));
        var groups = await Standings(db, Consortia(db, regionCode, access))
            .GroupBy(s => new { s.RegionCode, s.Track })
            .Select(g => new
            {
                g.Key.RegionCode,
                g.Key.Track,
                Count = g.Count(),
                Population = g.Sum(s => s.Population),
                Overdue = g.Count(s => s.HasOverdueAction),
                NotRecent = g.Count(s => s.LastAssessedUtc == null || s.LastAssessedUtc < cutoff),
            })
            .ToListAsync(cancellationToken);

        var regions = db.Regions.AsNoTracking().Where(r => regionCode == null || r.Code == regionCode);
        if (regionCode is null && !access.ReadsEverything)
        {
            var readable = groups.Select(g => g.RegionCode).Distinct().ToArray();
            regions = regions.Where(r => readable.Contains(r.Code));
        }

        var names = await regions.OrderBy(r => r.Code).Select(r => new { r.Code, r.Name }).ToListAsync(cancellationToken);
        return names.Select(r =>
        {
            var mine = groups.Where(g => g.RegionCode == r.Code).ToList();
            return new RegionHeadline(r.Code, r.Name, new HeadlineFigures(
                mine.Sum(g => g.Count),
                mine.Where(g => g.Track == Track.FastMover).Sum(g => g.Count),
                mine.Where(g => g.Track == Track.NeedsSupport).Sum(g => g.Count),
                mine.Where(g => g.Track == null).Sum(g => g.Count),
                mine.Where(g => g.Track == Track.FastMover).Sum(g => g.Population),
                mine.Sum(g => g.Population),
                mine.Sum(g => g.Overdue),
                mine.Sum(g => g.NotRecent)));
        }).ToList();
    }

    /// <summary>The consortia table: one page (or every row, for exports) after filters and sort, in two queries.</summary>
    private async Task<ConsortiumTablePage> QueryTableAsync(string? regionCode, UserAccess access, ConsortiumTableQuery query, bool allRows, CancellationToken cancellationToken)
    {
        await using var db = contexts.OpenForReading();
        var consortia = Consortia(db, regionCode, access);
        if (query.PctCode is { } pct)
        {
            consortia = consortia.Where(c => c.Pcts.Any(p => p.PctCode == pct));
        }

        if (query.Stage is { } stage)
        {
            consortia = consortia.Where(c => c.Stage == stage);
        }

        if (query.Search is { } search)
        {
            var term = search.ToLowerInvariant();
            consortia = consortia.Where(c => c.Name.ToLower().Contains(term) || c.Code.ToLower().Contains(term));
        }

        // A forecast is stored as at the consortium's latest submission; where that is after the reference date (a
        // configured date in the past), the forecast as at the reference date is worked out for that consortium.
        var asAt = referenceDate.Date;
        var stale = new Dictionary<string, ForecastView>(StringComparer.Ordinal);
        foreach (var code in await consortia.Where(c => c.ForecastFrom > asAt).Select(c => c.Code).ToListAsync(cancellationToken))
        {
            stale[code] = await forecasts.FindAsync(code, cancellationToken);
        }

        var standings = Standings(db, consortia);
        if (query.Track is { } track)
        {
            standings = standings.Where(s => s.Track == track);
        }

        if (query.AtRisk is { } atRisk)
        {
            if (stale.Count == 0)
            {
                standings = standings.Where(s => s.ForecastAtRisk == atRisk);
            }
            else
            {
                var staleCodes = stale.Keys.ToList();
                var staleMatching = stale.Where(s => s.Value.AtRisk == atRisk).Select(s => s.Key).ToList();
                standings = standings.Where(s => staleCodes.Contains(s.Code) ? staleMatching.Contains(s.Code) : s.ForecastAtRisk == atRisk);
            }
        }

        var sorted = Sort(standings, query);
        List<ConsortiumStanding> WithStale(List<ConsortiumStanding> rows) =>
            stale.Count == 0 ? rows : rows.ConvertAll(r => stale.TryGetValue(r.Code, out var f) ? r.WithForecast(f.Forecast.Basis, f.AtRisk) : r);

        if (allRows)
        {
            var all = WithStale(await sorted.ToListAsync(cancellationToken));
            return new ConsortiumTablePage(all, all.Count, 1, 1);
        }

        var total = await standings.CountAsync(cancellationToken);
        var pageCount = Math.Max(1, (total + ConsortiumTableQuery.PageSize - 1) / ConsortiumTableQuery.PageSize);
        var page = Math.Min(query.Page, pageCount);
        var rows = WithStale(await sorted.Skip((page - 1) * ConsortiumTableQuery.PageSize).Take(ConsortiumTableQuery.PageSize).ToListAsync(cancellationToken));
        return new ConsortiumTablePage(rows, total, page, pageCount);
    }

    /// <summary>Each consortium's domain scores from its latest submitted readiness assessment, in one query.</summary>
    private async Task<IReadOnlyList<HeatmapRow>> QueryHeatmapAsync(string? regionCode, UserAccess access, CancellationToken cancellationToken)
    {
        await using var db = contexts.OpenForReading();
        var submitted = Submitted(db, ShippedFrameworks.Default);
        var cells = await (
                from c in Consortia(db, regionCode, access)
                let latestId = submitted.Where(a => a.ConsortiumCode == c.Code)
                    .OrderByDescending(a => a.SubmittedAtUtc).ThenByDescending(a => a.Id)
                    .Select(a => (int?)a.Id)
                    .FirstOrDefault()
                join d in db.DomainScores on latestId equals d.AssessmentId
                where d.Score != null
                select new { c.Code, c.Name, d.DomainId, Score = d.Score!.Value })
            .ToListAsync(cancellationToken);
        return cells
            .GroupBy(c => (c.Code, c.Name))
            .OrderBy(g => g.Key.Name, StringComparer.Ordinal).ThenBy(g => g.Key.Code, StringComparer.Ordinal)
            .Select(g => new HeatmapRow(g.Key.Code, g.Key.Name, g.ToDictionary(c => c.DomainId, c => c.Score)))
            .ToList();
    }

    /// <summary>
    /// The track trend from the monthly track snapshot (<see cref="MonthlyTrack"/>): its rows for the consortia in view
    /// up to the reference month, counted by month, track and the track before, in one query. A row holds the track at
    /// the end of its month, so when anything was recorded after the end of the reference date but within its month
    /// (only possible with a configured date) the trend is worked out from the assessments and decisions instead.
    /// </summary>
    private async Task<IReadOnlyList<TrackTrendPoint>> QueryTrendAsync(string? regionCode, UserAccess access, CancellationToken cancellationToken)
    {
        await using var db = contexts.OpenForReading();
        var last = referenceDate.Month;
        var end = referenceDate.EndUtc;
        var monthEnd = DashboardReferenceDate.EndOfUkDayUtc(last.AddMonths(1).AddDays(-1));
        if (end < monthEnd
            && (await db.Assessments.AnyAsync(
                    a => a.FrameworkId == ShippedFrameworks.Default && a.Status == AssessmentStatus.Submitted && a.SubmittedAtUtc >= end && a.SubmittedAtUtc < monthEnd,
                    cancellationToken)
                || await db.TrackDecisions.AnyAsync(d => d.DecidedAtUtc >= end && d.DecidedAtUtc < monthEnd, cancellationToken)))
        {
            return await QueryTrendFromHistoryAsync(db, regionCode, access, cancellationToken);
        }

        var codes = Consortia(db, regionCode, access).Select(c => c.Code);
        var changes = await db.MonthlyTracks.AsNoTracking()
            .Where(m => codes.Contains(m.ConsortiumCode) && m.Month <= last)
            .GroupBy(m => new { m.Month, m.Track, m.PreviousTrack })
            .Select(g => new TrackChangeCount(g.Key.Month, g.Key.Track, g.Key.PreviousTrack, g.Count()))
            .ToListAsync(cancellationToken);
        return TrackTrend.FromChanges(changes, last);
    }

    /// <summary>
    /// The track trend in two queries: every submitted readiness assessment and every regional decision of the
    /// consortia in view up to the end of the reference date (a few small columns each), carried forward month by
    /// month in memory by <see cref="TrackTrend.Build"/>.
    /// </summary>
    private async Task<IReadOnlyList<TrackTrendPoint>> QueryTrendFromHistoryAsync(TransitionTrackerDbContext db, string? regionCode, UserAccess access, CancellationToken cancellationToken)
    {
        var codes = Consortia(db, regionCode, access).Select(c => c.Code);
        var submissions = await Submitted(db, ShippedFrameworks.Default)
            .Where(a => codes.Contains(a.ConsortiumCode) && a.Track != null)
            .Select(a => new { a.ConsortiumCode, At = a.SubmittedAtUtc!.Value, a.Id, Track = a.Track!.Value })
            .ToListAsync(cancellationToken);
        var decisions = await Decisions(db)
            .Where(d => codes.Contains(d.ConsortiumCode))
            .Select(d => new { d.ConsortiumCode, d.DecidedAtUtc, d.Id, d.Track })
            .ToListAsync(cancellationToken);
        var events = submissions.Select(a => new TrackEvent(a.ConsortiumCode, a.At, a.Id, a.Track, IsDecision: false))
            .Concat(decisions.Select(d => new TrackEvent(d.ConsortiumCode, d.DecidedAtUtc, d.Id, d.Track, IsDecision: true)));
        return TrackTrend.Build(events, referenceDate.Month);
    }

    /// <summary>Overdue support actions (<see cref="SupportActionRules.Overdue"/>), most overdue first.</summary>
    private async Task<IReadOnlyList<OverdueAction>> QueryOverdueActionsAsync(string? regionCode, UserAccess access, CancellationToken cancellationToken)
    {
        await using var db = contexts.OpenForReading();
        var today = Today;
        var rows = await (
                from a in SupportActionRules.Overdue(db, today)
                join c in Consortia(db, regionCode, access) on a.ConsortiumCode equals c.Code
                orderby a.DueOn, c.Name, a.Id
                select new { a.Id, a.ConsortiumCode, c.Name, a.CriterionId, a.Description, a.Owner, a.DueOn })
            .ToListAsync(cancellationToken);
        return rows.Select(r => new OverdueAction(r.Id, r.ConsortiumCode, r.Name, r.CriterionId, r.Description, r.Owner, r.DueOn, today.DayNumber - r.DueOn.DayNumber)).ToList();
    }

    /// <summary>Every PCT of the region (or the PCTs the user reads) with its indicators for the latest month any of them reported.</summary>
    private async Task<(DateOnly? Month, IReadOnlyList<PctQuality> Pcts)> QueryQualityAsync(string regionCode, UserAccess access, CancellationToken cancellationToken)
    {
        await using var db = contexts.OpenForReading();
        var pcts = db.Pcts.AsNoTracking().Where(p => p.RegionCode == regionCode);
        if (!access.ReadsEverything && !access.LeadRegions.Contains(regionCode))
        {
            var managed = access.ManagedPcts.ToArray();
            pcts = pcts.Where(p => managed.Contains(p.Code));
        }

        var inRegion = db.QualityIndicators.Where(q => pcts.Any(p => p.Code == q.PctCode));
        var rows = await (
                from p in pcts
                orderby p.Name
                select new
                {
                    p.Code,
                    p.Name,
                    Indicator = db.QualityIndicators.FirstOrDefault(q => q.PctCode == p.Code && q.Month == inRegion.Max(x => x.Month)),
                })
            .ToListAsync(cancellationToken);
        var month = rows.Select(r => r.Indicator?.Month).Where(m => m is not null).Max();
        return (month, rows.Select(r => new PctQuality(r.Code, r.Name, r.Indicator)).ToList());
    }

    /// <summary>
    /// World Class Commissioning competencies between two UK months: per domain the mean score in each month over
    /// consortia with a submitted assessment in both (their last one in each month) and a score in both. The last one
    /// of each consortium and month is stored with its domain scores (<see cref="MonthlyCompetencyAssessment"/>, kept
    /// by the data layer with every save), so this reads two months' rows, one per consortium, and pairs the scores in
    /// memory. Only when a month runs past the end of the reference date and something was submitted in it after that
    /// end (a configured date) is it worked out from the assessments instead, in one GROUP BY query.
    /// </summary>
    private async Task<CompetencyImprovement> QueryCompetencyAsync(string? regionCode, UserAccess access, DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        await using var db = contexts.OpenForReading();
        var framework = ShippedFrameworks.Find(ShippedFrameworks.WorldClassCommissioning)!;
        var codes = Consortia(db, regionCode, access).Select(c => c.Code);
        IReadOnlyList<(string DomainId, int Count, double From, double To)> means;
        if (await SubmittedAfterReferenceDateAsync(db, framework.Id, from, cancellationToken) || await SubmittedAfterReferenceDateAsync(db, framework.Id, to, cancellationToken))
        {
            var first = LastInMonth(db, framework.Id, codes, from);
            var second = LastInMonth(db, framework.Id, codes, to);
            means = (await (
                    from a in first
                    join b in second on a.ConsortiumCode equals b.ConsortiumCode
                    join da in db.DomainScores on a.AssessmentId equals da.AssessmentId
                    join db2 in db.DomainScores on new { Id = b.AssessmentId, da.DomainId } equals new { Id = db2.AssessmentId, db2.DomainId }
                    where da.Score != null && db2.Score != null
                    group new { From = da.Score!.Value, To = db2.Score!.Value } by da.DomainId into g
                    select new { DomainId = g.Key, Count = g.Count(), From = g.Average(x => x.From), To = g.Average(x => x.To) })
                .ToListAsync(cancellationToken))
                .Select(m => (m.DomainId, m.Count, m.From, m.To))
                .ToList();
        }
        else
        {
            // Each consortium in view with a row in both months: its two assessments' scores, paired by domain here.
            var pairs = await (
                    from a in db.MonthlyCompetencyAssessments
                    where a.Month == @from && codes.Contains(a.ConsortiumCode)
                    join b in db.MonthlyCompetencyAssessments on a.ConsortiumCode equals b.ConsortiumCode
                    where b.Month == to
                    select new { From = a.Scores, To = b.Scores })
                .ToListAsync(cancellationToken);
            var sums = new Dictionary<string, (int Count, double From, double To)>(StringComparer.Ordinal);
            foreach (var pair in pairs)
            {
                var before = MonthlyCompetencyAssessment.ParseScores(pair.From).ToDictionary(s => s.DomainId, s => s.Score, StringComparer.Ordinal);
                foreach (var (domainId, score) in MonthlyCompetencyAssessment.ParseScores(pair.To))
                {
                    if (before.TryGetValue(domainId, out var was))
                    {
                        var sum = sums.GetValueOrDefault(domainId);
                        sums[domainId] = (sum.Count + 1, sum.From + was, sum.To + score);
                    }
                }
            }

            means = sums.Select(s => (s.Key, s.Value.Count, s.Value.From / s.Value.Count, s.Value.To / s.Value.Count)).ToList();
        }

        var byId = means.ToDictionary(m => m.DomainId);
        var domains = framework.Domains
            .Where(d => byId.ContainsKey(d.Id))
            .Select(d => new CompetencyChange(d.Id, d.Name, byId[d.Id].Count, byId[d.Id].From, byId[d.Id].To))
            .ToList();
        return new CompetencyImprovement(from, to, domains.Count == 0 ? 0 : domains.Max(d => d.Consortia), domains);
    }

    /// <summary>Whether anything of the framework was submitted in the UK month after the end of the reference date.</summary>
    private async Task<bool> SubmittedAfterReferenceDateAsync(TransitionTrackerDbContext db, string frameworkId, DateOnly month, CancellationToken cancellationToken)
    {
        var end = referenceDate.EndUtc;
        var monthEnd = TrackHistory.UkMonthStartUtc(month.AddMonths(1));
        if (monthEnd <= end)
        {
            return false;
        }

        var after = end > TrackHistory.UkMonthStartUtc(month) ? end : TrackHistory.UkMonthStartUtc(month);
        return await db.Assessments.AnyAsync(
            a => a.FrameworkId == frameworkId && a.Status == AssessmentStatus.Submitted && a.SubmittedAtUtc >= after && a.SubmittedAtUtc < monthEnd,
            cancellationToken);
    }

    /// <summary>The id of each consortium's last assessment of the framework submitted in the UK month by the end of the reference date.</summary>
    private IQueryable<MonthSubmission> LastInMonth(TransitionTrackerDbContext db, string frameworkId, IQueryable<string> codes, DateOnly month)
    {
        var submitted = Submitted(db, frameworkId);
        var start = TrackHistory.UkMonthStartUtc(month);
        var end = TrackHistory.UkMonthStartUtc(month.AddMonths(1));
        return submitted.Where(a => codes.Contains(a.ConsortiumCode) && a.SubmittedAtUtc >= start && a.SubmittedAtUtc < end)
            .Where(a => !submitted.Any(b => b.ConsortiumCode == a.ConsortiumCode && b.SubmittedAtUtc >= start && b.SubmittedAtUtc < end
                && (b.SubmittedAtUtc > a.SubmittedAtUtc || (b.SubmittedAtUtc == a.SubmittedAtUtc && b.Id > a.Id))))
            .Select(a => new MonthSubmission { ConsortiumCode = a.ConsortiumCode, AssessmentId = a.Id });
    }

    /// <summary>A consortium's last submission of a month (a class with settable properties, so that EF Core can join on it).</summary>
    private sealed class MonthSubmission
    {
        public string ConsortiumCode { get; init; } = "";

        public int AssessmentId { get; init; }
    }

    // The consortia standing on the reference date: one that merged into another by then is counted in that one.
    private IQueryable<Consortium> Consortia(TransitionTrackerDbContext db, string? regionCode, UserAccess access)
    {
        var on = referenceDate.Date;
        var consortia = ConsortiumCatalogue.Readable(db.Consortia.AsNoTracking(), access).Where(c => c.MergedOn == null || c.MergedOn > on);
        return regionCode is null ? consortia : consortia.Where(c => c.RegionCode == regionCode);
    }

    /// <summary>Assessments of the framework submitted by the end of the reference date.</summary>
    private IQueryable<Assessment> Submitted(TransitionTrackerDbContext db, string frameworkId)
    {
        var end = referenceDate.EndUtc;
        return db.Assessments.AsNoTracking().Where(a => a.Status == AssessmentStatus.Submitted && a.FrameworkId == frameworkId && a.SubmittedAtUtc < end);
    }

    /// <summary>Regional decisions recorded by the end of the reference date.</summary>
    private IQueryable<TrackDecision> Decisions(TransitionTrackerDbContext db)
    {
        var end = referenceDate.EndUtc;
        return db.TrackDecisions.AsNoTracking().Where(d => d.DecidedAtUtc < end);
    }

    // Per consortium: its latest readiness assessment and latest decision are stored on it (Consortium.LatestAssessmentId,
    // LatestDecisionId, kept by the data layer with every save), so each is one primary-key join. Only when the stored
    // one was recorded after the end of the reference date (a configured date in the past) is the latest one before it
    // looked up, by a correlated subquery served by an index: (FrameworkId, Status, ConsortiumCode, SubmittedAtUtc, Id)
    // for assessments, (ConsortiumCode, Id) for decisions. The population is stored on it too (Consortium.Population); the host PCT and
    // overdue actions ((ConsortiumCode, Status, DueOn)) are correlated subqueries.
    private IQueryable<ConsortiumStanding> Standings(TransitionTrackerDbContext db, IQueryable<Consortium> consortia)
    {
        var end = referenceDate.EndUtc;
        var submitted = Submitted(db, ShippedFrameworks.Default);
        var decisions = Decisions(db);
        var overdue = SupportActionRules.Overdue(db, Today);
        var pastDeadline = referenceDate.Date >= ReadinessForecast.Deadline;
        return from c in consortia
               join la in db.Assessments.AsNoTracking() on c.LatestAssessmentId equals (int?)la.Id into latestAssessment
               from a in latestAssessment.DefaultIfEmpty()
               join ld in db.TrackDecisions.AsNoTracking() on c.LatestDecisionId equals (int?)ld.Id into latestDecision
               from d in latestDecision.DefaultIfEmpty()
               let overrideTrack = d == null ? null
                   : d.DecidedAtUtc < end ? (Track?)d.Track
                   : decisions.Where(x => x.ConsortiumCode == c.Code).OrderByDescending(x => x.Id).Select(x => (Track?)x.Track).FirstOrDefault()
               let computedTrack = a == null ? null : a.SubmittedAtUtc < end ? a.Track : submitted.Where(x => x.ConsortiumCode == c.Code).OrderByDescending(x => x.SubmittedAtUtc).ThenByDescending(x => x.Id).Select(x => x.Track).FirstOrDefault()
               select new ConsortiumStanding
               {
                   Code = c.Code,
                   Name = c.Name,
                   RegionCode = c.RegionCode,
                   Stage = c.Stage,
                   HostPctCode = c.Pcts.Where(p => p.IsHost).Select(p => p.PctCode).FirstOrDefault(),
                   Population = c.Population,
                   Override = overrideTrack,
                   ComputedTrack = computedTrack,
                   Track = overrideTrack ?? computedTrack,
                   Score = a == null ? null : a.SubmittedAtUtc < end ? a.Score : submitted.Where(x => x.ConsortiumCode == c.Code).OrderByDescending(x => x.SubmittedAtUtc).ThenByDescending(x => x.Id).Select(x => x.Score).FirstOrDefault(),
                   LastAssessedUtc = a == null ? null : a.SubmittedAtUtc < end ? a.SubmittedAtUtc : submitted.Where(x => x.ConsortiumCode == c.Code).OrderByDescending(x => x.SubmittedAtUtc).ThenByDescending(x => x.Id).Select(x => x.SubmittedAtUtc).FirstOrDefault(),
                   HasOverdueAction = overdue.Any(s => s.ConsortiumCode == c.Code),
                   ForecastOutcome = c.ForecastOutcome,
                   ForecastFrom = c.ForecastFrom,
                   ForecastToClose = c.ForecastToClose,
                   ForecastClosed = c.ForecastClosed,
                   ForecastWindowDays = c.ForecastWindowDays,
                   // Stored as at its latest submission: later, it can only have become at risk (the deadline passed).
                   ForecastAtRisk = c.ForecastOutcome != ForecastOutcome.FastMover && overrideTrack != Track.FastMover && (c.ForecastAtRisk || pastDeadline),
               };
    }

    private static IQueryable<ConsortiumStanding> Sort(IQueryable<ConsortiumStanding> standings, ConsortiumTableQuery query)
    {
        var d = query.Descending;
        IOrderedQueryable<ConsortiumStanding> sorted = query.Sort switch
        {
            "pct" => d ? standings.OrderByDescending(s => s.HostPctCode) : standings.OrderBy(s => s.HostPctCode),
            "stage" => d
                ? standings.OrderByDescending(s => s.Stage == ConsortiumStage.Shadow ? 0 : s.Stage == ConsortiumStage.Pathfinder ? 1 : s.Stage == ConsortiumStage.DelegatedBudget ? 2 : 3)
                : standings.OrderBy(s => s.Stage == ConsortiumStage.Shadow ? 0 : s.Stage == ConsortiumStage.Pathfinder ? 1 : s.Stage == ConsortiumStage.DelegatedBudget ? 2 : 3),
            "population" => d ? standings.OrderByDescending(s => s.Population) : standings.OrderBy(s => s.Population),
            // Consortia with no score or track sort last either way, as they would in a spreadsheet.
            "score" => d ? standings.OrderBy(s => s.Score == null).ThenByDescending(s => s.Score) : standings.OrderBy(s => s.Score == null).ThenBy(s => s.Score),
            "track" => d
                ? standings.OrderBy(s => s.Track == null).ThenByDescending(s => s.Track == Track.FastMover ? 0 : 1)
                : standings.OrderBy(s => s.Track == null).ThenBy(s => s.Track == Track.FastMover ? 0 : 1),
            "assessed" => d ? standings.OrderBy(s => s.LastAssessedUtc == null).ThenByDescending(s => s.LastAssessedUtc) : standings.OrderBy(s => s.LastAssessedUtc == null).ThenBy(s => s.LastAssessedUtc),
            _ => d ? standings.OrderByDescending(s => s.Name) : standings.OrderBy(s => s.Name),
        };
        return sorted.ThenBy(s => s.Code);
    }
}
