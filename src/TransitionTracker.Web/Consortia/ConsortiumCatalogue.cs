using Microsoft.EntityFrameworkCore;
using TransitionTracker.Data;
using TransitionTracker.Domain.Access;
using TransitionTracker.Domain.Organisations;

namespace TransitionTracker.Web.Consortia;

/// <summary>Reads consortia for pages and the API, each list in one query.</summary>
public sealed class ConsortiumCatalogue(TransitionTrackerDbContext db)
{
    /// <summary>The consortia matching the filter that the user may read.</summary>
    public async Task<IReadOnlyList<ConsortiumSummary>> ListAsync(ConsortiumFilter filter, UserAccess access, CancellationToken cancellationToken)
    {
        var consortia = Readable(db.Consortia.AsNoTracking(), access);
        if (filter.RegionCode is { } region)
        {
            consortia = consortia.Where(c => c.RegionCode == region);
        }

        if (filter.PctCode is { } pct)
        {
            consortia = consortia.Where(c => c.Pcts.Any(p => p.PctCode == pct));
        }

        var rows = await Project(consortia.OrderBy(c => c.Code)).ToListAsync(cancellationToken);
        return rows.Select(ToSummary).ToList();
    }

    public async Task<ConsortiumSummary?> FindAsync(string code, CancellationToken cancellationToken)
    {
        var row = await Project(db.Consortia.AsNoTracking().Where(c => c.Code == code)).SingleOrDefaultAsync(cancellationToken);
        return row is null ? null : ToSummary(row);
    }

    public async Task<ConsortiumDetail?> GetDetailAsync(string code, CancellationToken cancellationToken)
    {
        var summary = await FindAsync(code, cancellationToken);
        if (summary is null)
        {
            return null;
        }

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

    private IQueryable<ConsortiumRow> Project(IQueryable<Consortium> consortia) =>
        consortia.Select(c => new ConsortiumRow(
            c.Code,
            c.Name,
            c.RegionCode,
            c.Stage,
            c.Pcts.Where(p => p.IsHost).Select(p => p.PctCode).FirstOrDefault(),
            c.Pcts.OrderByDescending(p => p.IsHost).ThenBy(p => p.PctCode).Select(p => p.PctCode).ToList(),
            c.Memberships.Count(m => m.LeftOn == null),
            (from m in db.ConsortiumMemberships
             where m.ConsortiumCode == c.Code && m.LeftOn == null
             join p in db.Practices on m.PracticeCode equals p.Code
             select (long)p.ListSize).Sum()));

    private static ConsortiumSummary ToSummary(ConsortiumRow row) =>
        new(row.Code, row.Name, row.RegionCode, row.HostPctCode, row.PctCodes, row.Stage.ToWire(), row.PracticeCount, row.Population);

    private sealed record ConsortiumRow(
        string Code,
        string Name,
        string RegionCode,
        ConsortiumStage Stage,
        string? HostPctCode,
        List<string> PctCodes,
        int PracticeCount,
        long Population);
}
