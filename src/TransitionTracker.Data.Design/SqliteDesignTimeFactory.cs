using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace TransitionTracker.Data.Design;

public sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteTransitionTrackerDbContext>
{
    public SqliteTransitionTrackerDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<SqliteTransitionTrackerDbContext>();
        DataServiceCollectionExtensions.ConfigureSqlite(options, "Data Source=design-time.db");
        return new SqliteTransitionTrackerDbContext(options.Options);
    }
}
