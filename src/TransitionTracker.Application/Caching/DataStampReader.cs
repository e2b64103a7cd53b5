using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;
using TransitionTracker.Data;

namespace TransitionTracker.Application.Caching;

/// <summary>
/// Reads the data stamp (<see cref="TransitionTracker.Data.Versioning.DataVersion"/>) with one plain command on a
/// pooled connection. It runs on every request, most of which then need nothing else from the database, so it does
/// not go through EF Core: building a DbContext and its query pipeline cost several times the read itself.
/// </summary>
public sealed class DataStampReader(DatabaseProvider provider, string connectionString)
{
    public const string Sql = "SELECT \"Stamp\" FROM \"DataVersion\" WHERE \"Id\" = 1";

    /// <summary>Raised after each read with the command's text and duration (the round-trip tests count it).</summary>
    public event Action<string, TimeSpan>? Executed;

    public async Task<long> ReadAsync(CancellationToken cancellationToken)
    {
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        await using var connection = Connect();
        await connection.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = Sql;
        var stamp = await command.ExecuteScalarAsync(cancellationToken)
            ?? throw new InvalidOperationException("The DataVersion row is missing: the database's migrations have not been applied.");
        Executed?.Invoke(Sql, System.Diagnostics.Stopwatch.GetElapsedTime(started));
        return Convert.ToInt64(stamp, System.Globalization.CultureInfo.InvariantCulture);
    }

    private DbConnection Connect() => provider switch
    {
        DatabaseProvider.Sqlite => new SqliteConnection(connectionString),
        DatabaseProvider.Postgres => new NpgsqlConnection(connectionString),
        _ => throw new InvalidOperationException($"Unknown database provider {provider}."),
    };
}
