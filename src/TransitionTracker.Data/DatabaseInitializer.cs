using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using TransitionTracker.Data.Seeding;

namespace TransitionTracker.Data;

/// <summary>
/// On start: apply migrations, then reference data and the shipped frameworks, then (when asked) demo data. All the
/// seeding is one transaction, so a start killed part-way leaves no seeded data at all and the next start seeds
/// afresh. (Migrations are applied before it, each in EF's own transaction.)
/// </summary>
public sealed class DatabaseInitializer(
    TransitionTrackerDbContext db,
    ReferenceDataSeeder referenceData,
    FrameworkSeeder frameworks,
    DemoDataSeeder demoData,
    DemoAccountSeeder demoAccounts,
    DemoHistorySeeder demoHistory,
    ILogger<DatabaseInitializer> logger)
{
    /// <param name="demoPassword">The demo accounts' password; null seeds no demo data at all.</param>
    public async Task InitialiseAsync(string? demoPassword, CancellationToken cancellationToken)
    {
        await MigrateAsync(cancellationToken);
        await using var transaction = await SeedingTransaction.BeginOrJoinAsync(db, cancellationToken);
        await SeedAsync(demoPassword, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>Applies any pending migrations.</summary>
    public async Task MigrateAsync(CancellationToken cancellationToken)
    {
        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
        if (pending.Count > 0)
        {
            logger.LogInformation("Applying {Count} migration(s): {Migrations}", pending.Count, string.Join(", ", pending));
            await db.Database.MigrateAsync(cancellationToken);
        }
    }

    /// <summary>Adds whatever reference, framework and (with a password) demo data is missing, in the transaction already open.</summary>
    public async Task SeedAsync(string? demoPassword, CancellationToken cancellationToken)
    {
        if (db.Database.CurrentTransaction is null)
        {
            throw new InvalidOperationException("Seeding runs inside a transaction.");
        }

        await referenceData.SeedAsync(cancellationToken);
        await frameworks.SeedAsync(cancellationToken);
        if (demoPassword is not null)
        {
            await demoData.SeedAsync(cancellationToken);
            await demoAccounts.SeedAsync(demoPassword, cancellationToken);
            await demoHistory.SeedAsync(cancellationToken);
        }
    }
}
