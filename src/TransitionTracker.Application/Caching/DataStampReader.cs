using System.Data.Common;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Npgsql;
using TransitionTracker.Data;
using TransitionTracker.Data.Versioning;

namespace TransitionTracker.Application.Caching;

/// <summary>
/// Reads the data stamps (<see cref="TransitionTracker.Data.Versioning.DataVersion"/>: the whole data's, the wide
/// one and each region's, a dozen rows) with one plain command on a pooled connection. It runs on every request, most of which then need nothing else from the database, so it does
/// not go through EF Core: building a DbContext and its query pipeline cost several times the read itself.
/// </summary>
public sealed class DataStampReader(DatabaseProvider provider, string connectionString)
{
    public const string Sql = "SELECT \"Id\", \"Stamp\" FROM \"DataVersion\"";

    /// <summary>Raised after each read with the command's text and duration (the round-trip tests count it).</summary>
    public event Action<string, TimeSpan>? Executed;

    public async Task<DataStamps> ReadAsync(CancellationToken cancellationToken)
    {
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        await using var connection = Connect();
        await connection.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = Sql;
        var rows = new Dictionary<int, long>();
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                rows[Convert.ToInt32(reader.GetValue(0), CultureInfo.InvariantCulture)] = Convert.ToInt64(reader.GetValue(1), CultureInfo.InvariantCulture);
            }
        }

        Executed?.Invoke(Sql, System.Diagnostics.Stopwatch.GetElapsedTime(started));
        return rows.ContainsKey(DataVersion.RowId)
            ? new DataStamps(rows)
            : throw new InvalidOperationException("The DataVersion row is missing: the database's migrations have not been applied.");
    }

    private DbConnection Connect() => provider switch
    {
        DatabaseProvider.Sqlite => new SqliteConnection(connectionString),
        DatabaseProvider.Postgres => new NpgsqlConnection(connectionString),
        _ => throw new InvalidOperationException($"Unknown database provider {provider}."),
    };
}
