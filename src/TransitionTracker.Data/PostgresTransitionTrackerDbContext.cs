using Microsoft.EntityFrameworkCore;

namespace TransitionTracker.Data;

/// <summary>Production and scale-out: migrations in Migrations/Postgres.</summary>
public sealed class PostgresTransitionTrackerDbContext : TransitionTrackerDbContext
{
    public PostgresTransitionTrackerDbContext(DbContextOptions<PostgresTransitionTrackerDbContext> options)
        : base(options)
    {
    }
}
