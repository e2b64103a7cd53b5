using Microsoft.EntityFrameworkCore;
using TransitionTracker.Data.Auditing;

namespace TransitionTracker.Data;

/// <summary>Production and scale-out: migrations in Migrations/Postgres.</summary>
public sealed class PostgresTransitionTrackerDbContext : TransitionTrackerDbContext
{
    public PostgresTransitionTrackerDbContext(DbContextOptions<PostgresTransitionTrackerDbContext> options)
        : base(options)
    {
    }

    /// <summary>The app's constructor: changes saved through this context are recorded as made by <paramref name="actor"/>.</summary>
    public PostgresTransitionTrackerDbContext(DbContextOptions<PostgresTransitionTrackerDbContext> options, AuditActor actor)
        : base(options, actor)
    {
    }
}
