using System.Data.Common;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Npgsql;
using TransitionTracker.Data;

namespace TransitionTracker.Web.Tests.Operations;

/// <summary>Every table's full contents (all rows, all columns, rows ordered by every column), for comparing two states of a database.</summary>
public static class DatabaseSnapshot
{
    public static async Task<SortedDictionary<string, List<string>>> TakeAsync(DatabaseProvider provider, string connectionString)
    {
        await using DbConnection connection = provider == DatabaseProvider.Postgres
            ? new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString)
            : new SqliteConnection(new SqliteConnectionStringBuilder(connectionString) { Pooling = false, Mode = SqliteOpenMode.ReadOnly }.ConnectionString);
        await connection.OpenAsync();

        var tables = await ReadColumnAsync(connection, provider == DatabaseProvider.Postgres
            ? "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'"
            : "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'");
        var snapshot = new SortedDictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var table in tables)
        {
            await using var probe = connection.CreateCommand();
            probe.CommandText = $"SELECT * FROM \"{table}\" LIMIT 0";
            int columns;
            await using (var reader = await probe.ExecuteReaderAsync())
            {
                columns = reader.FieldCount;
            }

            var rows = new List<string>();
            await using var select = connection.CreateCommand();
            select.CommandText = $"SELECT * FROM \"{table}\" ORDER BY {string.Join(", ", Enumerable.Range(1, columns))}";
            await using (var reader = await select.ExecuteReaderAsync())
            {
                while (await reader.ReadAsync())
                {
                    rows.Add(string.Join(" | ", Enumerable.Range(0, columns).Select(i => reader.GetName(i) + "=" + Format(reader.GetValue(i)))));
                }
            }

            snapshot[table] = rows;
        }

        return snapshot;
    }

    /// <summary>One line per row, prefixed with its table, for comparing whole snapshots at once.</summary>
    public static List<string> Flatten(SortedDictionary<string, List<string>> snapshot) =>
        snapshot.SelectMany(table => table.Value.Select(row => table.Key + ": " + row)).ToList();

    /// <summary>Runs one SQL statement that changes data, returning the rows affected.</summary>
    public static async Task<int> ExecuteAsync(DatabaseProvider provider, string connectionString, string sql)
    {
        await using DbConnection connection = provider == DatabaseProvider.Postgres
            ? new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString)
            : new SqliteConnection(new SqliteConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteNonQueryAsync();
    }

    private static string Format(object value) => value switch
    {
        DBNull => "NULL",
        byte[] bytes => Convert.ToBase64String(bytes),
        DateTime dateTime => dateTime.ToString("O", CultureInfo.InvariantCulture),
        DateTimeOffset dateTime => dateTime.ToString("O", CultureInfo.InvariantCulture),
        double number => number.ToString("R", CultureInfo.InvariantCulture),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };

    private static async Task<List<string>> ReadColumnAsync(DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        var values = new List<string>();
        while (await reader.ReadAsync())
        {
            values.Add(reader.GetString(0));
        }

        return values;
    }
}
