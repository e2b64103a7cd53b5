using Microsoft.EntityFrameworkCore;
using TransitionTracker.Application.Access;
using TransitionTracker.Application.Caching;
using TransitionTracker.Application.Consortia;
using TransitionTracker.Application.Exports;
using TransitionTracker.Application.Persistence;
using TransitionTracker.Data;
using TransitionTracker.Data.Seeding;
using TransitionTracker.Domain.Access;
using TransitionTracker.Domain.Organisations;

namespace TransitionTracker.Application.Organisations;

/// <summary>
/// Reads regions and PCTs with their counts for the browse pages: a region for users who may read it, a PCT for users
/// who may read it, and a user's own regions and PCTs for their home page.
/// </summary>
public sealed class OrganisationDirectory(DbContexts contexts, OrganisationScope scope, ConsortiumCatalogue consortia, CachedReads reads)
{
    /// <summary>
    /// A region with the PCTs in it the user may read, from the read cache while the data is unchanged; null when the
    /// user may not read the region (or there is none with that code).
    /// </summary>
    public async Task<RegionDetail?> GetRegionAsync(ActingUser? user, string code, CancellationToken cancellationToken) =>
        OrganisationCode.TryNormalise(code) is { } region && await scope.AllowsAsync(user, OrganisationKind.Region, AccessOperation.Read, region, cancellationToken)
            ? await RegionDetailAsync(region, user!.Access, cancellationToken)
            : null;

    /// <summary>
    /// A PCT with the consortia linked to it that the user may read and its practices, from the read cache while the
    /// data is unchanged; null when the user may not read the PCT (or there is none with that code).
    /// </summary>
    public async Task<PctDetail?> GetPctAsync(ActingUser? user, string code, CancellationToken cancellationToken) =>
        OrganisationCode.TryNormalise(code) is { } pct && await scope.AllowsAsync(user, OrganisationKind.Pct, AccessOperation.Read, pct, cancellationToken)
            ? await ReadPctAsync(pct, user!.Access, cancellationToken)
            : null;

    /// <summary>
    /// A PCT's practice table as a file (docs/architecture.md, "Exports"): every practice it finds with the search and
    /// sort of the address (not only one page), with the columns it shows. Values that cannot be used refuse the
    /// export with a note each; null when the user may not read the PCT.
    /// </summary>
    public async Task<ExportOutcome?> ExportPracticesAsync(
        ActingUser? user, string code, string? search, string? sort, string? dir, ExportFormat format, CancellationToken cancellationToken)
    {
        if (await GetPctAsync(user, code, cancellationToken) is not { } pct)
        {
            return null;
        }

        var (query, notes) = PracticeTableQuery.Parse(search, sort, dir, null);
        if (notes.Count > 0)
        {
            return ExportOutcome.Refused(notes);
        }

        var table = new ExportTable("Practices", ["Practice", "Code", "Consortium", "List size", "PCT inferred"],
            query.Apply(pct.Practices, allRows: true).Rows
                .Select(p => (IReadOnlyList<object?>)[p.Name, p.Code, p.ConsortiumCode ?? "None", (long)p.ListSize, p.PctInferred ? "Yes" : "No"])
                .ToList());
        return ExportOutcome.Of(ExportWriter.Write($"practices-{pct.Code}", format, table));
    }

    // A PCT's page shows its region's data only (the consortia it works with count their PCTs' regions as theirs):
    // kept under the region's stamp (docs/architecture.md, "The read cache").
    private Task<PctDetail?> ReadPctAsync(string pct, UserAccess access, CancellationToken cancellationToken) =>
        reads.GetForRegionAsync(ct => scope.RegionOfPctAsync(pct, ct), (nameof(GetPctAsync), pct, access.ScopeKey), ct => QueryPctAsync(pct, access, ct), cancellationToken);

    /// <summary>Regions the user reads in full: every region for national roles, their own for regional leads; none for nobody signed in.</summary>
    public async Task<IReadOnlyList<RegionSummary>> ListRegionsAsync(ActingUser? user, CancellationToken cancellationToken)
    {
        if (user is null)
        {
            return [];
        }

        var leadRegions = user.Access.LeadRegions.ToArray();
        var everything = user.Access.ReadsEverything;
        await using var db = contexts.OpenForReading();
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

    /// <summary>The PCTs a PCT manager holds, for their home page; none for anyone else.</summary>
    public async Task<IReadOnlyList<PctSummary>> ListManagedPctsAsync(ActingUser? user, CancellationToken cancellationToken)
    {
        var managed = user?.Access.ManagedPcts.ToArray() ?? [];
        if (managed.Length == 0)
        {
            return [];
        }

        await using var db = contexts.OpenForReading();
        return await SummariesAsync(db, db.Pcts.AsNoTracking().Where(p => managed.Contains(p.Code)), cancellationToken);
    }

    /// <summary>A region with the PCTs in it that <paramref name="access"/> reads, for use cases that have checked scope already.</summary>
    internal Task<RegionDetail?> RegionDetailAsync(string code, UserAccess access, CancellationToken cancellationToken) =>
        reads.GetForRegionAsync(code, (nameof(GetRegionAsync), code, access.ScopeKey), ct => QueryRegionAsync(code, access, ct), cancellationToken);

    private async Task<RegionDetail?> QueryRegionAsync(string code, UserAccess access, CancellationToken cancellationToken)
    {
        await using var db = contexts.OpenForReading();
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

        return new RegionDetail(region.Code, region.Name, await SummariesAsync(db, pcts, cancellationToken));
    }

    private static Task<List<PctSummary>> SummariesAsync(TransitionTrackerDbContext db, IQueryable<Pct> pcts, CancellationToken cancellationToken) =>
        pcts.OrderBy(p => p.Name)
            .Select(p => new PctSummary(
                p.Code,
                p.Name,
                db.ConsortiumPcts.Count(cp => cp.PctCode == p.Code),
                db.Practices.Count(pr => pr.PctCode == p.Code),
                db.Practices.Where(pr => pr.PctCode == p.Code).Sum(pr => (long)pr.ListSize)))
            .ToListAsync(cancellationToken);

    // The PCT, its region's name and its practices in one query; the consortia linked to it through the catalogue.
    private async Task<PctDetail?> QueryPctAsync(string code, UserAccess access, CancellationToken cancellationToken)
    {
        PctRow? pct;
        await using (var db = contexts.OpenForReading())
        {
            pct = await (
                    from p in db.Pcts.AsNoTracking()
                    where p.Code == code
                    join r in db.Regions on p.RegionCode equals r.Code
                    select new PctRow(
                        p.Code,
                        p.Name,
                        p.RegionCode,
                        r.Name,
                        db.Practices
                            .Where(pr => pr.PctCode == p.Code)
                            .OrderBy(pr => pr.Name).ThenBy(pr => pr.Code)
                            .Select(pr => new PracticeListing(
                                pr.Code,
                                pr.Name,
                                pr.ListSize,
                                db.ConsortiumMemberships.Where(m => m.PracticeCode == pr.Code && m.LeftOn == null).Select(m => m.ConsortiumCode).FirstOrDefault(),
                                pr.PctSource.EndsWith(ReferenceDataFiles.ChosenCandidateNote)))
                            .ToList()))
                .SingleOrDefaultAsync(cancellationToken);
        }

        if (pct is null)
        {
            return null;
        }

        var linked = await consortia.ListReadableAsync(access, new ConsortiumFilter(PctCode: code), cancellationToken);
        return new PctDetail(pct.Code, pct.Name, pct.RegionCode, pct.RegionName, linked, pct.Practices);
    }

    private sealed record PctRow(string Code, string Name, string RegionCode, string RegionName, List<PracticeListing> Practices);
}
