using TransitionTracker.Data;

namespace TransitionTracker.Web.Infrastructure;

/// <summary>
/// Which database to use: `Database:Provider` (Sqlite by default, or Postgres) and
/// `ConnectionStrings:TransitionTracker` (by default a SQLite file under data/ in the content root).
/// </summary>
public sealed record DatabaseSettings(DatabaseProvider Provider, string ConnectionString)
{
    public const string ConnectionStringName = "TransitionTracker";

    public static DatabaseSettings From(IConfiguration configuration, IHostEnvironment environment)
    {
        var providerText = configuration["Database:Provider"];
        var provider = DatabaseProvider.Sqlite;
        if (!string.IsNullOrWhiteSpace(providerText) && !Enum.TryParse(providerText, ignoreCase: true, out provider))
        {
            throw new InvalidOperationException(
                $"Database:Provider is '{providerText}'; it must be one of: {string.Join(", ", Enum.GetNames<DatabaseProvider>())}.");
        }

        var connectionString = configuration.GetConnectionString(ConnectionStringName);
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            if (provider != DatabaseProvider.Sqlite)
            {
                throw new InvalidOperationException($"ConnectionStrings:{ConnectionStringName} must be set for {provider}.");
            }

            var folder = Path.Combine(environment.ContentRootPath, "data");
            Directory.CreateDirectory(folder);
            connectionString = $"Data Source={Path.Combine(folder, "transition-tracker.db")}";
        }

        return new DatabaseSettings(provider, connectionString);
    }
}
