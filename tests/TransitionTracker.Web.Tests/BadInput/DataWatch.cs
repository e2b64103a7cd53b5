using System.Data.Common;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using TransitionTracker.Data;
using TransitionTracker.Web.Tests.Infrastructure;

namespace TransitionTracker.Web.Tests.BadInput;

/// <summary>
/// Shows that requests changed no data at all, on either provider: the row count of every table (the audit trail
/// and Identity's included), a hash of the contents of every table small enough to read quickly (all but the seeded
/// assessment history), and a sign of any write at all. On SQLite that sign is <c>data_version</c> (which moves when
/// any other connection commits anything) plus each table's last rowid; on PostgreSQL it is each table's newest
/// <c>xmin</c>, the transaction that last inserted or updated one of its rows.
/// </summary>
public sealed class DataWatch : IAsyncDisposable
{
    private const long HashedRowLimit = 20_000;

    private readonly DbConnection _connection;
    private readonly DatabaseProvider _provider;
    private readonly long _version;
    private readonly IReadOnlyDictionary<string, string> _tables;

    private DataWatch(DbConnection connection, DatabaseProvider provider, long version, IReadOnlyDictionary<string, string> tables)
    {
        _connection = connection;
        _provider = provider;
        _version = version;
        _tables = tables;
    }

    public static async Task<DataWatch> StartAsync(TransitionTrackerFactory factory)
    {
        var provider = factory.Database.Provider;
        var connection = factory.Database.OpenConnection();
        return new DataWatch(connection, provider, await VersionAsync(connection, provider), await TablesAsync(connection, provider));
    }

    /// <summary>What changed since the watch started: empty when nothing did.</summary>
    public async Task<IReadOnlyList<string>> ChangesAsync()
    {
        var now = await TablesAsync(_connection, _provider);
        var changes = now.Keys.Union(_tables.Keys)
            .Where(t => now.GetValueOrDefault(t) != _tables.GetValueOrDefault(t))
            .Select(t => $"{t}: {_tables.GetValueOrDefault(t)} → {now.GetValueOrDefault(t)}")
            .ToList();
        if (changes.Count == 0 && await VersionAsync(_connection, _provider) != _version)
        {
            changes.Add("a write was committed (SQLite data_version moved)");
        }

        return changes;
    }

    public ValueTask DisposeAsync() => _connection.DisposeAsync();

    // SQLite's data_version; PostgreSQL has no per-database equivalent, so there the per-table xmin stands for it.
    private static async Task<long> VersionAsync(DbConnection connection, DatabaseProvider provider)
    {
        if (provider == DatabaseProvider.Postgres)
        {
            return 0;
        }

        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA data_version";
        return Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }

    private static async Task<IReadOnlyDictionary<string, string>> TablesAsync(DbConnection connection, DatabaseProvider provider)
    {
        var postgres = provider == DatabaseProvider.Postgres;
        var tables = new List<string>();
        await using (var list = connection.CreateCommand())
        {
            list.CommandText = postgres
                ? "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name"
                : "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name";
            await using var reader = await list.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                // The scheduler's own tables (docs/operations.md, "Scheduled jobs") are its bookkeeping, not data a
                // request writes: a clustered scheduler checks in there every few seconds.
                if (!reader.GetString(0).StartsWith("qrtz_", StringComparison.OrdinalIgnoreCase))
                {
                    tables.Add(reader.GetString(0));
                }
            }
        }

        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var table in tables)
        {
            await using var count = connection.CreateCommand();
            count.CommandText = postgres
                ? $"SELECT count(*), coalesce(max(xmin::text::bigint), 0) FROM \"{table}\""
                : $"SELECT count(*), coalesce(max(rowid), 0) FROM \"{table}\"";
            long rows, lastWrite;
            await using (var reader = await count.ExecuteReaderAsync())
            {
                await reader.ReadAsync();
                (rows, lastWrite) = (reader.GetInt64(0), reader.GetInt64(1));
            }

            var written = postgres ? $"last written by transaction {lastWrite}" : $"last rowid {lastWrite}";
            result[table] = rows <= HashedRowLimit
                ? $"{rows} rows, {written}, {await HashAsync(connection, postgres, table)}"
                : $"{rows} rows, {written}";
        }

        return result;
    }

    private static async Task<string> HashAsync(DbConnection connection, bool postgres, string table)
    {
        await using var select = connection.CreateCommand();
        if (postgres)
        {
            // Each row as PostgreSQL's text form of the whole row, in the order of that text: no column is left out.
            select.CommandText = $"SELECT md5(coalesce(string_agg(t::text, chr(30) ORDER BY t::text COLLATE \"C\"), '')) FROM \"{table}\" t";
            return "md5 " + (string)(await select.ExecuteScalarAsync())!;
        }

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
