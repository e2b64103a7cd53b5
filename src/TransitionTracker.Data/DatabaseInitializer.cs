using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using TransitionTracker.Data.Seeding;

namespace TransitionTracker.Data;

/// <summary>On start: apply migrations, then reference data and the shipped frameworks, then (when asked) demo data.</summary>
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
        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
        if (pending.Count > 0)
        {
            logger.LogInformation("Applying {Count} migration(s): {Migrations}", pending.Count, string.Join(", ", pending));
            await db.Database.MigrateAsync(cancellationToken);
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
