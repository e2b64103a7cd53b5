using Microsoft.EntityFrameworkCore;

namespace TransitionTracker.Data;

/// <summary>Production and scale-out: migrations in Migrations/Postgres.</summary>
public sealed class PostgresTransitionTrackerDbContext(DbContextOptions<PostgresTransitionTrackerDbContext> options)
    : TransitionTrackerDbContext(options);
