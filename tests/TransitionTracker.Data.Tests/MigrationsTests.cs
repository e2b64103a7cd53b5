using Microsoft.EntityFrameworkCore;

namespace TransitionTracker.Data.Tests;

public sealed class MigrationsTests
{
    [Fact]
    public void Sqlite_model_has_no_changes_missing_a_migration()
    {
        var options = new DbContextOptionsBuilder<SqliteTransitionTrackerDbContext>();
        DataServiceCollectionExtensions.ConfigureSqlite(options, "Data Source=:memory:");
        using var db = new SqliteTransitionTrackerDbContext(options.Options);

        Assert.False(db.Database.HasPendingModelChanges(), "The SQLite model changed without a migration: see docs/architecture.md.");
        Assert.NotEmpty(db.Database.GetMigrations());
    }

    [Fact]
    public void Postgres_model_has_no_changes_missing_a_migration()
    {
        var options = new DbContextOptionsBuilder<PostgresTransitionTrackerDbContext>();
        DataServiceCollectionExtensions.ConfigurePostgres(options, "Host=127.0.0.1;Database=unused");
        using var db = new PostgresTransitionTrackerDbContext(options.Options);

        Assert.False(db.Database.HasPendingModelChanges(), "The PostgreSQL model changed without a migration: see docs/architecture.md.");
        Assert.Equal(
            new SqliteTransitionTrackerDbContext(new DbContextOptionsBuilder<SqliteTransitionTrackerDbContext>().UseSqlite("Data Source=:memory:").Options)
                .Database.GetMigrations().Select(m => m[15..]),
            db.Database.GetMigrations().Select(m => m[15..]));
    }
}
