using Microsoft.EntityFrameworkCore;

namespace TransitionTracker.Data;

/// <summary>The embedded default: migrations in Migrations/Sqlite.</summary>
public sealed class SqliteTransitionTrackerDbContext : TransitionTrackerDbContext
{
    public SqliteTransitionTrackerDbContext(DbContextOptions<SqliteTransitionTrackerDbContext> options)
        : base(options)
    {
    }
}
