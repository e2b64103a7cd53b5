using Microsoft.EntityFrameworkCore;
using TransitionTracker.Application.Access;
using TransitionTracker.Application.Exports;
using TransitionTracker.Application.Persistence;
using TransitionTracker.Data;
using TransitionTracker.Domain.Access;
using TransitionTracker.Domain.Assessments;
using TransitionTracker.Domain.Frameworks;
using TransitionTracker.Domain.Scoring;
using TransitionTracker.Domain.Organisations;

namespace TransitionTracker.Application.Consortia;

/// <summary>Reads consortia for pages and the API, each list in one query.</summary>
public sealed class ConsortiumCatalogue(DbContexts contexts)
{
    /// <summary>The consortia matching the filter that the user may read (none without a user).</summary>
    public async Task<IReadOnlyList<ConsortiumSummary>> ListAsync(ActingUser? user, ConsortiumFilter filter, CancellationToken cancellationToken)
    {
        return user is null ? [] : await ListReadableAsync(user.Access, filter, cancellationToken);
    }

    /// <summary>The consortia matching the filter that <paramref name="access"/> reads, for use cases that hold only the scope.</summary>
    internal async Task<IReadOnlyList<ConsortiumSummary>> ListReadableAsync(UserAccess access, ConsortiumFilter filter, CancellationToken cancellationToken)
    {
        await using var db = contexts.OpenForReading();
        var consortia = Readable(db.Consortia.AsNoTracking(), access);
        if (filter.RegionCode is { } region)
        {
            consortia = consortia.Where(c => c.RegionCode == region);
        }

        if (filter.PctCode is { } pct)
        {
            consortia = consortia.Where(c => c.Pcts.Any(p => p.PctCode == pct));
        }

        var rows = await Project(db, consortia.OrderBy(c => c.Code)).ToListAsync(cancellationToken);
        var summaries = await WithStandingsAsync(db, rows, cancellationToken);
        return filter.Track is { } track ? summaries.Where(s => s.Track == track.ToWireName()).ToList() : summaries;
    }

    /// <summary>
    /// A consortium and where it sits, or null when there is none with that code or the user may not read it; pages that
    /// show where it stands read that separately.
    /// </summary>
    public async Task<ConsortiumSummary?> FindAsync(ActingUser? user, string code, CancellationToken cancellationToken)
    {
        await using var db = contexts.OpenForReading();
        var row = await FindReadableRowAsync(db, user, code, cancellationToken);
        return row is null ? null : SummaryOf(row);
    }

    /// <summary>A consortium with its track, override and scores, as the API shows it; null as for <see cref="FindAsync"/>.</summary>
    public async Task<ConsortiumSummary?> FindWithStandingAsync(ActingUser? user, string code, CancellationToken cancellationToken)
    {
        await using var db = contexts.OpenForReading();
        var row = await FindReadableRowAsync(db, user, code, cancellationToken);
        return row is null ? null : (await WithStandingsAsync(db, [row], cancellationToken))[0];
    }

    // The scope check needs nothing more than the row itself: its region and PCTs decide who may read it, so a refusal
    // costs no extra round trip and looks exactly like a code that does not exist.
    private static async Task<ConsortiumRow?> FindReadableRowAsync(TransitionTrackerDbContext db, ActingUser? user, string code, CancellationToken cancellationToken)
    {
        if (user is null || OrganisationCode.TryNormalise(code) is not { } normalised)
        {
            return null;
        }

        var row = await FindRowAsync(db, normalised, cancellationToken);
        return row is not null && user.Access.CanReadConsortium(new ConsortiumRef(row.Code, row.RegionCode, row.PctCodes)) ? row : null;
    }

    /// <summary>A consortium with its linked PCTs and member practices; null as for <see cref="FindAsync"/>.</summary>
    public async Task<ConsortiumDetail?> GetDetailAsync(ActingUser? user, string code, CancellationToken cancellationToken)
    {
        var summary = await FindAsync(user, code, cancellationToken);
        return summary is null ? null : await DetailOfAsync(summary, cancellationToken);
    }

    /// <summary>The longest search of member practices an export takes, as the status page's search box.</summary>
    public const int MemberSearchMaxLength = 100;

    /// <summary>
    /// The consortium's current member practices as its status page's grid shows them, matching <paramref name="search"/>
    /// (in the name, code or PCT code, as the grid's search box) in name order, as CSV or Excel (docs/architecture.md,
    /// "Exports"); null as for <see cref="FindAsync"/>; refused, with a note, for a search longer than the box takes.
    /// </summary>
    public async Task<ExportOutcome?> ExportMembersAsync(ActingUser? user, string code, string? search, ExportFormat format, CancellationToken cancellationToken)
    {
        if (await GetDetailAsync(user, code, cancellationToken) is not { } detail)
        {
            return null;
        }

        var text = search?.Trim() ?? "";
        if (text.Length > MemberSearchMaxLength)
        {
            return ExportOutcome.Refused([$"The search was longer than {MemberSearchMaxLength} characters: search for at most {MemberSearchMaxLength}."]);
        }

        var rows = detail.Members
            .Where(m => text.Length == 0
                || m.Name.Contains(text, StringComparison.OrdinalIgnoreCase)
                || m.Code.Contains(text, StringComparison.OrdinalIgnoreCase)
                || m.PctCode.Contains(text, StringComparison.OrdinalIgnoreCase))
            .Select(m => (IReadOnlyList<object?>)[m.Name, m.Code, m.PctCode, UkCalendar.Date(m.JoinedOn), (long)m.ListSize])
            .ToList();
        var table = new ExportTable("Member practices", ["Practice", "Code", "PCT", "Joined", "List size"], rows);
        return ExportOutcome.Of(ExportWriter.Write($"member-practices-{detail.Summary.Code}", format, table));
    }

    /// <summary>
    /// <see cref="GetDetailAsync"/> without the scope check, for use cases that have checked their acting user's scope
    /// themselves and share one result between readers.
    /// </summary>
    internal async Task<ConsortiumDetail?> FindDetailAsync(string code, CancellationToken cancellationToken)
    {
        ConsortiumRow? row;
        await using (var db = contexts.OpenForReading())
        {
            row = await FindRowAsync(db, code, cancellationToken);
        }

        return row is null ? null : await DetailOfAsync(SummaryOf(row), cancellationToken);
    }

    private static Task<ConsortiumRow?> FindRowAsync(TransitionTrackerDbContext db, string code, CancellationToken cancellationToken) =>
        Project(db, db.Consortia.AsNoTracking().Where(c => c.Code == code)).SingleOrDefaultAsync(cancellationToken);

    private static ConsortiumSummary SummaryOf(ConsortiumRow row) =>
        new(row.Code, row.Name, row.RegionCode, row.HostPctCode, row.PctCodes, row.Stage.ToWire(), row.PracticeCount, row.Population, MergedInto: row.MergedInto);

    private async Task<ConsortiumDetail> DetailOfAsync(ConsortiumSummary summary, CancellationToken cancellationToken)
    {
        var code = summary.Code;
        await using var db = contexts.OpenForReading();
        var regionName = await db.Regions.AsNoTracking().Where(r => r.Code == summary.RegionCode).Select(r => r.Name).SingleAsync(cancellationToken);
        var members = await (
                from m in db.ConsortiumMemberships.AsNoTracking()
                where m.ConsortiumCode == code && m.LeftOn == null
                join p in db.Practices on m.PracticeCode equals p.Code
                orderby p.Name, p.Code
                select new MemberPractice(p.Code, p.Name, p.PctCode, p.ListSize, m.JoinedOn))
            .ToListAsync(cancellationToken);
        var pcts = await (
                from cp in db.ConsortiumPcts.AsNoTracking()
                where cp.ConsortiumCode == code
                join p in db.Pcts on cp.PctCode equals p.Code
                select new { p.Code, p.Name, p.RegionCode, cp.IsHost })
            .ToListAsync(cancellationToken);

        var linked = pcts
            .Select(p => new LinkedPct(
                p.Code,
                p.Name,
                p.RegionCode,
                p.IsHost,
                members.Count(m => m.PctCode == p.Code),
                members.Where(m => m.PctCode == p.Code).Sum(m => (long)m.ListSize)))
            .OrderByDescending(p => p.IsHost)
            .ThenByDescending(p => p.MemberPopulation)
            .ThenBy(p => p.Code, StringComparer.Ordinal)
            .ToList();
        return new ConsortiumDetail(summary, regionName, linked, members);
    }

    /// <summary>The rules of <see cref="UserAccess.CanReadConsortium"/>, as a query.</summary>
    public static IQueryable<Consortium> Readable(IQueryable<Consortium> consortia, UserAccess access)
    {
        if (access.ReadsEverything)
        {
            return consortia;
        }

        var led = access.LedConsortia.ToArray();
        var regions = access.LeadRegions.ToArray();
        var pcts = access.ManagedPcts.ToArray();
        return consortia.Where(c => led.Contains(c.Code) || regions.Contains(c.RegionCode) || c.Pcts.Any(p => pcts.Contains(p.PctCode)));
    }

    private static IQueryable<ConsortiumRow> Project(TransitionTrackerDbContext db, IQueryable<Consortium> consortia) =>
        consortia.Select(c => new ConsortiumRow(
            c.Code,
            c.Name,
            c.RegionCode,
            c.Stage,
            c.Pcts.Where(p => p.IsHost).Select(p => p.PctCode).FirstOrDefault(),
            c.Pcts.OrderByDescending(p => p.IsHost).ThenBy(p => p.PctCode).Select(p => p.PctCode).ToList(),
            c.Memberships.Count(m => m.LeftOn == null),
            c.Population,
            c.MergedIntoCode));

    // Where each consortium stands, in three queries whatever the number of consortia or assessments: the latest
    // submitted assessment of each, its domain scores, and the latest track decision of each.
    private static async Task<List<ConsortiumSummary>> WithStandingsAsync(TransitionTrackerDbContext db, IReadOnlyList<ConsortiumRow> rows, CancellationToken cancellationToken)
    {
        const string framework = ShippedFrameworks.Default;
        var codes = rows.Select(r => r.Code).ToList();
        var submitted = db.Assessments.AsNoTracking().Where(a => a.Status == AssessmentStatus.Submitted && a.FrameworkId == framework);
        // Driven by the consortia, not by their histories: one index seek per consortium for its latest submission.
        var latestIds = db.Consortia
            .Where(c => codes.Contains(c.Code))
            .Select(c => submitted
                .Where(b => b.ConsortiumCode == c.Code)
                .OrderByDescending(b => b.SubmittedAtUtc).ThenByDescending(b => b.Id)
                .Select(b => (int?)b.Id)
                .FirstOrDefault());
        var latest = await db.Assessments.AsNoTracking()
            .Where(a => latestIds.Contains(a.Id))
            .Select(a => new { a.Id, a.ConsortiumCode, a.Track, a.Score })
            .ToDictionaryAsync(a => a.ConsortiumCode, cancellationToken);
        var ids = latest.Values.Select(l => l.Id).ToList();
        var domains = (await db.DomainScores.AsNoTracking().Where(d => ids.Contains(d.AssessmentId)).ToListAsync(cancellationToken))
            .ToLookup(d => d.AssessmentId);
        var decisions = await db.TrackDecisions.AsNoTracking()
            .Where(d => codes.Contains(d.ConsortiumCode))
            .Where(d => d.Id == db.TrackDecisions.Where(x => x.ConsortiumCode == d.ConsortiumCode).Max(x => x.Id))
            .ToDictionaryAsync(d => d.ConsortiumCode, cancellationToken);

        return rows.Select(row =>
        {
            var assessment = latest.GetValueOrDefault(row.Code);
            var decision = decisions.GetValueOrDefault(row.Code);
            var computed = assessment?.Track?.ToWireName();
            return new ConsortiumSummary(
                row.Code, row.Name, row.RegionCode, row.HostPctCode, row.PctCodes, row.Stage.ToWire(), row.PracticeCount, row.Population,
                decision?.Track.ToWireName() ?? computed,
                computed,
                decision is null ? null : new TrackOverride(decision.Track.ToWireName(), decision.Reason, decision.DecidedBy, decision.DecidedAtUtc),
                assessment?.Score,
                assessment is null ? [] : domains[assessment.Id].Select(d => new DomainScoreItem(d.DomainId, d.Score)).ToList(),
                row.MergedInto);
        }).ToList();
    }

    private sealed record ConsortiumRow(
        string Code,
        string Name,
        string RegionCode,
        ConsortiumStage Stage,
        string? HostPctCode,
        List<string> PctCodes,
        int PracticeCount,
        long Population,
        string? MergedInto);
}
