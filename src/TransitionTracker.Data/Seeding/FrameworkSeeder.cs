using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using TransitionTracker.Data.Auditing;
using TransitionTracker.Data.Frameworks;
using TransitionTracker.Domain.Frameworks;

namespace TransitionTracker.Data.Seeding;

/// <summary>Stores the shipped frameworks as version 1 when a database has no version of them yet.</summary>
public sealed class FrameworkSeeder(TransitionTrackerDbContext db, TimeProvider clock, ILogger<FrameworkSeeder> logger)
{
    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        var present = await db.Frameworks.Select(f => f.FrameworkId).Distinct().ToListAsync(cancellationToken);
        var missing = ShippedFrameworks.All.Where(f => !present.Contains(f.Id)).ToList();
        foreach (var framework in missing)
        {
            db.Frameworks.Add(new StoredFramework
            {
                FrameworkId = framework.Id,
                Version = framework.Version,
                Name = framework.Name,
                Definition = FrameworkLoader.ToJson(framework),
                PublishedAtUtc = clock.GetUtcNow().UtcDateTime,
                PublishedBy = AuditActor.System,
            });
        }

        if (missing.Count > 0)
        {
            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();
        }

        logger.LogInformation("Frameworks: {New} shipped framework(s) added, {Present} present", missing.Count, present.Count);
    }
}
