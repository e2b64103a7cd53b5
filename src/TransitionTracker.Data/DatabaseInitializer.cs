using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using TransitionTracker.Data.Seeding;

namespace TransitionTracker.Data;

/// <summary>On start: apply migrations, then reference data, then (when asked) demo data.</summary>
public sealed class DatabaseInitializer(
    TransitionTrackerDbContext db,
    ReferenceDataSeeder referenceData,
    DemoDataSeeder demoData,
    ILogger<DatabaseInitializer> logger)
{
    public async Task InitialiseAsync(bool seedDemoData, CancellationToken cancellationToken)
    {
        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
        if (pending.Count > 0)
        {
            logger.LogInformation("Applying {Count} migration(s): {Migrations}", pending.Count, string.Join(", ", pending));
            await db.Database.MigrateAsync(cancellationToken);
        }

        await referenceData.SeedAsync(cancellationToken);
        if (seedDemoData)
        {
            await demoData.SeedAsync(cancellationToken);
        }
    }
}
