using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Data.Sqlite;
using TransitionTracker.Web.Tests.Infrastructure;

namespace TransitionTracker.Web.Tests.BadInput;

/// <summary>
/// Shows that requests changed no data at all: SQLite's <c>data_version</c> (which moves when any other
/// connection commits anything), the row count of every table (the audit trail and Identity's included), and a
/// hash of the contents of every table small enough to read quickly (all but the seeded assessment history).
/// </summary>
public sealed class DataWatch : IAsyncDisposable
{
    private const long HashedRowLimit = 20_000;

    private readonly SqliteConnection _connection;
    private readonly long _version;
    private readonly IReadOnlyDictionary<string, string> _tables;

    private DataWatch(SqliteConnection connection, long version, IReadOnlyDictionary<string, string> tables)
    {
        _connection = connection;
        _version = version;
        _tables = tables;
    }

    public static async Task<DataWatch> StartAsync(TransitionTrackerFactory factory)
    {
        var connection = new SqliteConnection(factory.ConnectionString);
        await connection.OpenAsync();
        return new DataWatch(connection, await VersionAsync(connection), await TablesAsync(connection));
    }

    /// <summary>What changed since the watch started: empty when nothing did.</summary>
    public async Task<IReadOnlyList<string>> ChangesAsync()
    {
        var now = await TablesAsync(_connection);
        var changes = now.Keys.Union(_tables.Keys)
            .Where(t => now.GetValueOrDefault(t) != _tables.GetValueOrDefault(t))
            .Select(t => $"{t}: {_tables.GetValueOrDefault(t)} → {now.GetValueOrDefault(t)}")
            .ToList();
        if (changes.Count == 0 && await VersionAsync(_connection) != _version)
        {
            changes.Add("a write was committed (SQLite data_version moved)");
        }

        return changes;
    }

    public ValueTask DisposeAsync() => _connection.DisposeAsync();

    private static async Task<long> VersionAsync(SqliteConnection connection)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA data_version";
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private static async Task<IReadOnlyDictionary<string, string>> TablesAsync(SqliteConnection connection)
    {
        var tables = new List<string>();
        await using (var list = connection.CreateCommand())
        {
            list.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name";
            await using var reader = await list.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                tables.Add(reader.GetString(0));
            }
        }

        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var table in tables)
        {
            await using var count = connection.CreateCommand();
            count.CommandText = $"SELECT count(*), coalesce(max(rowid), 0) FROM \"{table}\"";
            long rows, lastRowId;
            await using (var reader = await count.ExecuteReaderAsync())
            {
                await reader.ReadAsync();
                (rows, lastRowId) = (reader.GetInt64(0), reader.GetInt64(1));
            }

            result[table] = rows <= HashedRowLimit
                ? $"{rows} rows, {await HashAsync(connection, table)}"
                : $"{rows} rows, last rowid {lastRowId}";
        }

        return result;
    }

    private static async Task<string> HashAsync(SqliteConnection connection, string table)
    {
        await using var select = connection.CreateCommand();
        select.CommandText = $"SELECT * FROM \"{table}\" ORDER BY rowid";
        await using var reader = await select.ExecuteReaderAsync();
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        while (await reader.ReadAsync())
        {
            for (var i = 0; i < reader.FieldCount; i++)
            {
                var value = reader.IsDBNull(i) ? "\u2400" : Convert.ToString(reader.GetValue(i), CultureInfo.InvariantCulture) ?? "";
                hash.AppendData(Encoding.UTF8.GetBytes(value));
                hash.AppendData([0x1F]);
            }

            hash.AppendData([0x1E]);
        }

        return "sha256 " + Convert.ToHexString(hash.GetHashAndReset())[..16];
    }
}
