using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using TransitionTracker.Data.Seeding;

namespace TransitionTracker.Data;

/// <summary>
/// On start: apply migrations, then reference data and the shipped frameworks, then (when asked) demo data; all under
/// <see cref="DatabaseMigrationLock"/>, so instances starting together take turns and only the first does the work.
/// All the seeding is one transaction, so a start killed part-way leaves no seeded data at all and the next start
/// seeds afresh (migrations are applied before it, each in EF's own transaction). After a load, the database's
/// planner statistics are brought up to date.
/// </summary>
public sealed class DatabaseInitializer(
    TransitionTrackerDbContext db,
    ReferenceDataSeeder referenceData,
    FrameworkSeeder frameworks,
    DemoDataSeeder demoData,
    DemoAccountSeeder demoAccounts,
    DemoHistorySeeder demoHistory,
    DatabaseMigrationLock migrationLock,
    ILogger<DatabaseInitializer> logger)
{
    /// <param name="demoPassword">The demo accounts' password; null seeds no demo data at all.</param>
    /// <returns>The migrations this call applied (none when another process had already applied them).</returns>
    public async Task<IReadOnlyList<string>> InitialiseAsync(string? demoPassword, CancellationToken cancellationToken)
    {
        await using var held = await migrationLock.AcquireAsync(cancellationToken);
        var applied = await MigrateAsync(cancellationToken);
        bool loaded;
        await using (var transaction = await SeedingTransaction.BeginOrJoinAsync(db, cancellationToken))
        {
            loaded = await SeedAsync(demoPassword, cancellationToken);
            if (loaded)
            {
                // Bulk loads bypass SaveChanges, which otherwise gives every change a new stamp.
                await Versioning.DataVersion.RestampAsync(db, cancellationToken);
            }

            await transaction.CommitAsync(cancellationToken);
        }

        if (loaded)
        {
            await RefreshStatisticsAsync(cancellationToken);
            logger.LogInformation("Statistics updated after loading data");
        }

        return applied;
    }

    /// <summary>
    /// Fresh planner statistics after a bulk load, outside its transaction: without them PostgreSQL plans the first
    /// queries as if the tables were empty until autovacuum runs. On PostgreSQL VACUUM also sets the visibility map,
    /// without which the planner avoids index-only scans on the new rows.
    /// </summary>
    public Task RefreshStatisticsAsync(CancellationToken cancellationToken) =>
        db.Database.ExecuteSqlRawAsync(db.Database.IsNpgsql() ? "VACUUM ANALYZE" : "ANALYZE", cancellationToken);

    /// <summary>
    /// Applies any pending migrations; returns those applied. When they include one that introduced derived records
    /// (<see cref="Derived.DerivedRecords"/>), all of those are written for the data already there, in one transaction.
    /// </summary>
    public async Task<IReadOnlyList<string>> MigrateAsync(CancellationToken cancellationToken)
    {
        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
        if (pending.Count > 0)
        {
            logger.LogInformation("Applying {Count} migration(s): {Migrations}", pending.Count, string.Join(", ", pending));
            await db.Database.MigrateAsync(cancellationToken);
        }

        if (pending.Any(m => DerivedRecordsMigrations.Any(d => m.EndsWith(d, StringComparison.Ordinal))))
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await Derived.DerivedRecords.RebuildAllAsync(db, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            db.ChangeTracker.Clear();
            logger.LogInformation("Derived records (monthly tracks, monthly competency assessments, latest assessments and decisions, lesson writer scores, forecasts, populations) written for the data present");
        }

        return pending;
    }

    // The migrations that added derived records (named alike for both providers): MonthlyTracks and
    // Lessons.WriterScore; MonthlyCompetencyAssessments and Consortia.LatestAssessmentId / LatestDecisionId; the
    // consortia's forecast figures.
    private static readonly string[] DerivedRecordsMigrations = ["_MonthlyTracks", "_LatestAssessments", "_ConsortiumForecasts"];

    /// <summary>
    /// Adds whatever reference, framework and (with a password) demo data is missing, in the transaction already open;
    /// true when reference or demo rows were added.
    /// </summary>
    public async Task<bool> SeedAsync(string? demoPassword, CancellationToken cancellationToken)
    {
        if (db.Database.CurrentTransaction is null)
        {
            throw new InvalidOperationException("Seeding runs inside a transaction.");
        }

        var loaded = await referenceData.SeedAsync(cancellationToken);
        await frameworks.SeedAsync(cancellationToken);
        if (demoPassword is not null)
        {
            loaded |= await demoData.SeedAsync(cancellationToken);
            await demoAccounts.SeedAsync(demoPassword, cancellationToken);
            loaded |= await demoHistory.SeedAsync(cancellationToken);
        }

        return loaded;
    }
}
