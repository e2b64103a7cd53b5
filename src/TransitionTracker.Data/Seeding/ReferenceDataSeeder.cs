using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using TransitionTracker.Domain.Organisations;

namespace TransitionTracker.Data.Seeding;

/// <summary>
/// Loads the real SHAs, PCTs and GP practices. Idempotent: rows already present (by code) are left alone.
/// On every start it first compares the database's row counts with the files' row counts; when they agree (a seeded
/// database) no row is mapped or loaded, so the check costs three COUNT queries and a pass of the CSV parser. Only when a
/// count differs (a new database, or a file with rows added) are the files parsed and the missing codes added.
/// </summary>
public sealed class ReferenceDataSeeder(TransitionTrackerDbContext db, ILogger<ReferenceDataSeeder> logger, ReferenceDataSource? source = null)
{
    private readonly ReferenceDataSource _files = source ?? ReferenceDataSource.Embedded;

    /// <returns>True when rows were added.</returns>
    public async Task<bool> SeedAsync(CancellationToken cancellationToken)
    {
        var inFiles = _files.CountRows();
        var inDatabase = new ReferenceDataCounts(
            await db.Regions.CountAsync(cancellationToken),
            await db.Pcts.CountAsync(cancellationToken),
            await db.Practices.CountAsync(cancellationToken));
        if (inDatabase == inFiles)
        {
            logger.LogInformation("Reference data present: {Regions} regions, {Pcts} PCTs, {Practices} practices", inFiles.Shas, inFiles.Pcts, inFiles.Practices);
            return false;
        }

        var shas = _files.ReadShas();
        var pcts = _files.ReadPcts();
        var practices = _files.ReadPractices();
        var regionCodes = await db.Regions.Select(r => r.Code).ToHashSetAsync(cancellationToken);
        var pctCodes = await db.Pcts.Select(p => p.Code).ToHashSetAsync(cancellationToken);
        var practiceCodes = await db.Practices.Select(p => p.Code).ToHashSetAsync(cancellationToken);

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

        // A database generated at a larger scale holds more rows than the files, all of them present: nothing was loaded.
        return newRegions.Count + newPcts.Count + newPractices.Count > 0;
    }
}
