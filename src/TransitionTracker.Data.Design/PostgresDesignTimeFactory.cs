using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace TransitionTracker.Data.Design;

public sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresTransitionTrackerDbContext>
{
    // Adding a migration never connects; the connection string only tells Npgsql which server version to target.
    public PostgresTransitionTrackerDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<PostgresTransitionTrackerDbContext>();
        DataServiceCollectionExtensions.ConfigurePostgres(options, "Host=127.0.0.1;Database=transition_tracker_design");
        return new PostgresTransitionTrackerDbContext(options.Options);
    }
}
