using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using TransitionTracker.Domain.Organisations;

namespace TransitionTracker.Data.Seeding;

/// <summary>
/// Loads the real SHAs, PCTs and GP practices. Idempotent: rows already present (by code) are left alone,
/// so running it on every start costs three key lookups.
/// </summary>
public sealed class ReferenceDataSeeder(TransitionTrackerDbContext db, ILogger<ReferenceDataSeeder> logger)
{
    /// <returns>True when rows were added.</returns>
    public async Task<bool> SeedAsync(CancellationToken cancellationToken)
    {
        var shas = ReferenceDataFiles.ReadShas();
        var pcts = ReferenceDataFiles.ReadPcts();
        var practices = ReferenceDataFiles.ReadPractices();

        var regionCodes = await db.Regions.Select(r => r.Code).ToHashSetAsync(cancellationToken);
        var pctCodes = await db.Pcts.Select(p => p.Code).ToHashSetAsync(cancellationToken);
        var practiceCodes = await db.Practices.Select(p => p.Code).ToHashSetAsync(cancellationToken);
        if (regionCodes.Count == shas.Count && pctCodes.Count == pcts.Count && practiceCodes.Count == practices.Count)
        {
            logger.LogInformation("Reference data present: {Regions} regions, {Pcts} PCTs, {Practices} practices", shas.Count, pcts.Count, practices.Count);
            return false;
        }

        await using var transaction = await SeedingTransaction.BeginOrJoinAsync(db, cancellationToken);
        db.AuditingEnabled = false;

        var newRegions = shas.Where(s => !regionCodes.Contains(s.Code)).Select(s => new Region(s.Code, s.Name, s.OnsCode)).ToList();
        db.Regions.AddRange(newRegions);
        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("Seeding reference data: {New} of {Total} regions added", newRegions.Count, shas.Count);

        var newPcts = pcts.Where(p => !pctCodes.Contains(p.Code)).Select(p => new Pct(p.Code, p.Name, p.ShaCode, p.OnsCode)).ToList();
        db.Pcts.AddRange(newPcts);
        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("Seeding reference data: {New} of {Total} PCTs added", newPcts.Count, pcts.Count);

        var newPractices = practices.Where(p => !practiceCodes.Contains(p.Code))
            .Select(p => new Practice(p.Code, p.Name, p.PctCode, p.ListSize, p.PctSource)).ToList();
        db.Practices.AddRange(newPractices);
        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("Seeding reference data: {New} of {Total} practices added", newPractices.Count, practices.Count);

        await transaction.CommitAsync(cancellationToken);
        db.AuditingEnabled = true;
        db.ChangeTracker.Clear();
        return true;
    }
}
