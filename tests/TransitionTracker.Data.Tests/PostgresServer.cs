using Npgsql;

namespace TransitionTracker.Data.Tests;

/// <summary>
/// The PostgreSQL server for tests, from the TEST_POSTGRES connection string (a role that may create databases).
/// Each test gets a uniquely named database and drops it afterwards.
/// </summary>
public static class PostgresServer
{
    public const string Variable = "TEST_POSTGRES";

    public static string? ConnectionString =>
        Environment.GetEnvironmentVariable(Variable) is { } value && !string.IsNullOrWhiteSpace(value) ? value : null;

    /// <summary>True when the environment variable CI is "true": a missing server is then a failure, never a skip.</summary>
    public static bool RunningInCi =>
        string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    public static string MissingMessage =>
        $"PostgreSQL is not configured: set {Variable} to a connection string for a role that may create databases, " +
        "e.g. Host=127.0.0.1;Port=5432;Username=...;Password=...";

    /// <summary>A connection string for a database that does not exist yet, with a unique name.</summary>
    public static string NewDatabase()
    {
        var server = ConnectionString ?? throw new InvalidOperationException(MissingMessage);
        return new NpgsqlConnectionStringBuilder(server) { Database = $"transition_tracker_data_test_{Guid.NewGuid():N}" }.ConnectionString;
    }

    /// <summary>
    /// Drops the database of <paramref name="connectionString"/> after closing this role's connections to it. Not WITH
    /// (FORCE): that refuses while an autovacuum worker is busy on a freshly loaded database, which a plain DROP stops.
    /// </summary>
    public static void Drop(string connectionString)
    {
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database!;
        NpgsqlConnection.ClearAllPools();
        using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(ConnectionString!) { Pooling = false }.ConnectionString);
        connection.Open();
        for (var attempt = 1; ; attempt++)
        {
            using var terminate = new NpgsqlCommand(
                "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE datname = @name AND usename = current_user", connection);
            terminate.Parameters.AddWithValue("name", name);
            terminate.ExecuteScalar();
            try
            {
                using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\"", connection);
                drop.ExecuteNonQuery();
                return;
            }
            catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.ObjectInUse && attempt < 20)
            {
                Thread.Sleep(250);
            }
        }
    }
}
