using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using TransitionTracker.Domain.Organisations;

namespace TransitionTracker.Data.Seeding;

/// <summary>
/// Demo consortia are the real shadow consortia that became the April 2013 CCGs: each has the practices the
/// reference data puts in that CCG. Only the stage and joining dates are generated, from a fixed seed, so every
/// database gets the same demo data.
/// Linked PCTs are the PCTs of its members plus the PCTs it succeeded in part: those with at least
/// <see cref="PredecessorSharePercent"/>% of their postcodes in its area. The host holds most of its registered list.
/// </summary>
public sealed class DemoDataSeeder(TransitionTrackerDbContext db, ILogger<DemoDataSeeder> logger)
{
    public const int RandomSeed = 2010;

    public const double PredecessorSharePercent = 5;

    private static readonly DateOnly EarliestJoin = new(2010, 10, 1);

    /// <returns>True when the demo consortia were added.</returns>
    public async Task<bool> SeedAsync(CancellationToken cancellationToken)
    {
        // The demo consortia go in as one transaction, so any present means all are: no need to rebuild them from
        // the reference files on every start.
        var present = await db.Consortia.CountAsync(cancellationToken);
        if (present > 0)
        {
            logger.LogInformation("Demo consortia present: {Count}", present);
            return false;
        }

        var consortia = BuildConsortia();

        await using var transaction = await SeedingTransaction.BeginOrJoinAsync(db, cancellationToken);
        db.AuditingEnabled = false;
        try
        {
            db.Consortia.AddRange(consortia);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        finally
        {
            db.AuditingEnabled = true;
            db.ChangeTracker.Clear();
        }
        logger.LogInformation("Seeding demo data: {Count} consortia added", consortia.Count);
        return true;
    }

    /// <summary>The demo consortia, deterministic for a given reference data set.</summary>
    public static IReadOnlyList<Consortium> BuildConsortia() => BuildConsortia(copy: 0);

    /// <summary>
    /// The demo consortia (copy 0), or one synthetic copy of them for the <c>generate</c> command: the same practices'
    /// copies in the same PCTs and region, named and coded by <see cref="ScaleCopy"/>, with stages and joining dates
    /// drawn from the copy's own seed.
    /// </summary>
    public static IReadOnlyList<Consortium> BuildConsortia(int copy)
    {
        var pctRegion = ReferenceDataFiles.ReadPcts().ToDictionary(p => p.Code, p => p.ShaCode);
        var successors = ReferenceDataFiles.ReadCcgSuccessors();
        var names = successors
            .GroupBy(s => s.CcgCode)
            .ToDictionary(g => g.Key, g => g.First().CcgName);
        var predecessors = successors
            .Where(s => s.PctPostcodeSharePercent is null or >= PredecessorSharePercent)
            .ToLookup(s => s.CcgCode, s => s.PctCode);
        var random = new Random(ScaleCopy.Seed(RandomSeed, copy));
        var consortia = new List<Consortium>();

        foreach (var group in ReferenceDataFiles.ReadPractices()
                     .Where(p => p.CcgCode2013 is not null)
                     .GroupBy(p => p.CcgCode2013!)
                     .OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var listByPct = group.GroupBy(p => p.PctCode)
                .Select(g => (Pct: g.Key, List: g.Sum(p => (long)p.ListSize)))
                .OrderByDescending(x => x.List)
                .ThenBy(x => x.Pct, StringComparer.Ordinal)
                .ToList();
            var host = listByPct[0].Pct;
            var name = ScaleCopy.ConsortiumBaseName(names.GetValueOrDefault(group.Key, group.Key), copy);
            var consortium = new Consortium(ScaleCopy.ConsortiumCode(group.Key, copy), ShadowName(name), pctRegion[host], NextStage(random));
            foreach (var (pct, _) in listByPct)
            {
                consortium.LinkPct(pct, pct == host);
            }

            foreach (var pct in predecessors[group.Key].Where(p => listByPct.All(x => x.Pct != p)).Order(StringComparer.Ordinal))
            {
                consortium.LinkPct(pct, isHost: false);
            }

            foreach (var practice in group.OrderBy(p => p.Code, StringComparer.Ordinal))
            {
                var joined = EarliestJoin.AddDays(random.Next(0, 182));
                if (practice.OpenedOn is { } opened && opened > joined)
                {
                    joined = opened;
                }

                consortium.AddMember(ScaleCopy.PracticeCode(practice.Code, copy), joined);
            }

            consortia.Add(consortium);
        }

        return consortia;
    }

    // "NHS Leeds North CCG" was, in 2010, the shadow "Leeds North" consortium.
    private static string ShadowName(string ccgName)
    {
        var name = ccgName.StartsWith("NHS ", StringComparison.Ordinal) ? ccgName[4..] : ccgName;
        return name + " GP commissioning consortium";
    }

    private static ConsortiumStage NextStage(Random random) => random.Next(100) switch
    {
        < 35 => ConsortiumStage.Shadow,
        < 75 => ConsortiumStage.Pathfinder,
        < 95 => ConsortiumStage.DelegatedBudget,
        _ => ConsortiumStage.Authorised,
    };
}
