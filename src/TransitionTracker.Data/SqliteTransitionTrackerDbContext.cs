using Microsoft.EntityFrameworkCore;
using TransitionTracker.Data.Auditing;

namespace TransitionTracker.Data;

/// <summary>The embedded default: migrations in Migrations/Sqlite.</summary>
public sealed class SqliteTransitionTrackerDbContext : TransitionTrackerDbContext
{
    public SqliteTransitionTrackerDbContext(DbContextOptions<SqliteTransitionTrackerDbContext> options)
        : base(options)
    {
    }

    /// <summary>The app's constructor: changes saved through this context are recorded as made by <paramref name="actor"/>.</summary>
    public SqliteTransitionTrackerDbContext(DbContextOptions<SqliteTransitionTrackerDbContext> options, AuditActor actor)
        : base(options, actor)
    {
    }
}
