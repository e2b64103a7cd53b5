using Microsoft.EntityFrameworkCore;
using TransitionTracker.Data;
using TransitionTracker.Data.Seeding;
using TransitionTracker.Web.Consortia;

namespace TransitionTracker.Web.Organisations;

/// <summary>Reads regions and PCTs with their counts for the browse pages.</summary>
public sealed class OrganisationDirectory(TransitionTrackerDbContext db, ConsortiumCatalogue consortia)
{
    public async Task<IReadOnlyList<RegionSummary>> ListRegionsAsync(CancellationToken cancellationToken)
    {
        var practices = await (
                from p in db.Practices
                join pct in db.Pcts on p.PctCode equals pct.Code
                group p by pct.RegionCode into g
                select new { Region = g.Key, Count = g.Count(), Population = g.Sum(p => (long)p.ListSize) })
            .ToDictionaryAsync(x => x.Region, cancellationToken);

        var regions = await db.Regions.AsNoTracking()
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

    public async Task<RegionDetail?> GetRegionAsync(string code, CancellationToken cancellationToken)
    {
        var region = await db.Regions.AsNoTracking().SingleOrDefaultAsync(r => r.Code == code, cancellationToken);
        if (region is null)
        {
            return null;
        }

        var pcts = await db.Pcts.AsNoTracking()
            .Where(p => p.RegionCode == code)
            .OrderBy(p => p.Name)
            .Select(p => new PctSummary(
                p.Code,
                p.Name,
                db.ConsortiumPcts.Count(cp => cp.PctCode == p.Code),
                db.Practices.Count(pr => pr.PctCode == p.Code),
                db.Practices.Where(pr => pr.PctCode == p.Code).Sum(pr => (long)pr.ListSize)))
            .ToListAsync(cancellationToken);
        return new RegionDetail(region.Code, region.Name, pcts);
    }

    public async Task<PctDetail?> GetPctAsync(string code, CancellationToken cancellationToken)
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

        var linked = await consortia.ListAsync(new ConsortiumFilter(PctCode: code), cancellationToken);
        var practices = await (
                from p in db.Practices.AsNoTracking()
                where p.PctCode == code
                orderby p.Name, p.Code
                select new PracticeListing(
                    p.Code,
                    p.Name,
                    p.ListSize,
                    db.ConsortiumMemberships.Where(m => m.PracticeCode == p.Code && m.LeftOn == null).Select(m => m.ConsortiumCode).FirstOrDefault(),
                    p.PctSource.EndsWith(ReferenceDataFiles.FirstCandidateNote)))
            .ToListAsync(cancellationToken);
        return new PctDetail(pct.Code, pct.Name, pct.RegionCode, pct.RegionName, linked, practices);
    }
}
