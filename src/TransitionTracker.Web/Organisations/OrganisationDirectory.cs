using Microsoft.EntityFrameworkCore;
using TransitionTracker.Data;
using TransitionTracker.Data.Seeding;
using TransitionTracker.Domain.Access;
using TransitionTracker.Application.Consortia;
using TransitionTracker.Application.Caching;

namespace TransitionTracker.Web.Organisations;

/// <summary>Reads regions and PCTs with their counts for the browse pages.</summary>
public sealed class OrganisationDirectory(TransitionTrackerDbContext db, ConsortiumCatalogue consortia, CachedReads reads)
{
    /// <summary>A region with the PCTs in it the user may read, from the read cache while the data is unchanged.</summary>
    public Task<RegionDetail?> GetRegionAsync(string code, UserAccess access, CancellationToken cancellationToken) =>
        reads.GetAsync((nameof(GetRegionAsync), code, access.ScopeKey), ct => QueryRegionAsync(code, access, ct), cancellationToken);

    /// <summary>A PCT with the consortia linked to it that the user may read, from the read cache while the data is unchanged.</summary>
    public Task<PctDetail?> GetPctAsync(string code, UserAccess access, CancellationToken cancellationToken) =>
        reads.GetAsync((nameof(GetPctAsync), code, access.ScopeKey), ct => QueryPctAsync(code, access, ct), cancellationToken);

    /// <summary>Regions the user reads in full: every region for national roles, their own for regional leads.</summary>
    public async Task<IReadOnlyList<RegionSummary>> ListRegionsAsync(UserAccess access, CancellationToken cancellationToken)
    {
        var leadRegions = access.LeadRegions.ToArray();
        var everything = access.ReadsEverything;
        var practices = await (
                from p in db.Practices
                join pct in db.Pcts on p.PctCode equals pct.Code
                group p by pct.RegionCode into g
                select new { Region = g.Key, Count = g.Count(), Population = g.Sum(p => (long)p.ListSize) })
            .ToDictionaryAsync(x => x.Region, cancellationToken);

        var regions = await db.Regions.AsNoTracking()
            .Where(r => everything || leadRegions.Contains(r.Code))
            .OrderBy(r => r.Code)
            .Select(r => new
            {
                r.Code,
                r.Name,
                Pcts = db.Pcts.Count(p => p.RegionCode == r.Code),
                Consortia = db.Consortia.Count(c => c.RegionCode == r.Code),
            })
            .ToListAsync(cancellationToken);

        return regions.Select(r =>
        {
            var p = practices.GetValueOrDefault(r.Code);
            return new RegionSummary(r.Code, r.Name, r.Pcts, r.Consortia, p?.Count ?? 0, p?.Population ?? 0);
        }).ToList();
    }

    private async Task<RegionDetail?> QueryRegionAsync(string code, UserAccess access, CancellationToken cancellationToken)
    {
        var region = await db.Regions.AsNoTracking().SingleOrDefaultAsync(r => r.Code == code, cancellationToken);
        if (region is null)
        {
            return null;
        }

        var pcts = db.Pcts.AsNoTracking().Where(p => p.RegionCode == code);
        if (!access.ReadsEverything && !access.LeadRegions.Contains(code))
        {
            var managed = access.ManagedPcts.ToArray();
            pcts = pcts.Where(p => managed.Contains(p.Code));
        }

        return new RegionDetail(region.Code, region.Name, await SummariesAsync(pcts, cancellationToken));
    }

    /// <summary>The PCTs a PCT manager holds, for their home page.</summary>
    public async Task<IReadOnlyList<PctSummary>> ListManagedPctsAsync(UserAccess access, CancellationToken cancellationToken)
    {
        var managed = access.ManagedPcts.ToArray();
        return managed.Length == 0 ? [] : await SummariesAsync(db.Pcts.AsNoTracking().Where(p => managed.Contains(p.Code)), cancellationToken);
    }

    private Task<List<PctSummary>> SummariesAsync(IQueryable<Domain.Organisations.Pct> pcts, CancellationToken cancellationToken) =>
        pcts.OrderBy(p => p.Name)
            .Select(p => new PctSummary(
                p.Code,
                p.Name,
                db.ConsortiumPcts.Count(cp => cp.PctCode == p.Code),
                db.Practices.Count(pr => pr.PctCode == p.Code),
                db.Practices.Where(pr => pr.PctCode == p.Code).Sum(pr => (long)pr.ListSize)))
            .ToListAsync(cancellationToken);

    private async Task<PctDetail?> QueryPctAsync(string code, UserAccess access, CancellationToken cancellationToken)
    {
        var pct = await (
                from p in db.Pcts.AsNoTracking()
                where p.Code == code
                join r in db.Regions on p.RegionCode equals r.Code
                select new { p.Code, p.Name, p.RegionCode, RegionName = r.Name })
            .SingleOrDefaultAsync(cancellationToken);
        if (pct is null)
        {
            return null;
        }

        var linked = await consortia.ListAsync(new ConsortiumFilter(PctCode: code), access, cancellationToken);
        var practices = await (
                from p in db.Practices.AsNoTracking()
                where p.PctCode == code
                orderby p.Name, p.Code
                select new PracticeListing(
                    p.Code,
                    p.Name,
                    p.ListSize,
                    db.ConsortiumMemberships.Where(m => m.PracticeCode == p.Code && m.LeftOn == null).Select(m => m.ConsortiumCode).FirstOrDefault(),
                    p.PctSource.EndsWith(ReferenceDataFiles.ChosenCandidateNote)))
            .ToListAsync(cancellationToken);
        return new PctDetail(pct.Code, pct.Name, pct.RegionCode, pct.RegionName, linked, practices);
    }
}
