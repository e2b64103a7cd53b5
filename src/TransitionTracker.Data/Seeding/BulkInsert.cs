using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace TransitionTracker.Data.Seeding;

/// <summary>
/// Inserts many rows of one table in the current transaction without EF: for demo and generated data only, where
/// EF's change tracking of millions of rows would dominate. Rows are buffered; on SQLite they go in as prepared
/// multi-row INSERT ... VALUES statements, on PostgreSQL through binary COPY. Call <see cref="FlushAsync"/> before
/// committing: rows still buffered when the inserter is disposed are not written.
/// Identifiers are quoted the way both SQLite and PostgreSQL accept.
/// </summary>
public sealed class BulkInsert : IAsyncDisposable
{
    /// <summary>Rows per INSERT statement: well under SQLite's limit of 32,766 parameters for the widest table here.</summary>
    public const int RowsPerStatement = 200;

    /// <summary>Rows per COPY on PostgreSQL.</summary>
    public const int RowsPerCopy = 20_000;

    private readonly TransitionTrackerDbContext _db;
    private readonly string _table;
    private readonly string[] _columns;
    private readonly bool _copy;
    private readonly List<object?[]> _pending = [];
    private DbCommand? _fullStatement;

    public BulkInsert(TransitionTrackerDbContext db, string table, params string[] columns)
    {
        if (db.Database.CurrentTransaction is null)
        {
            throw new InvalidOperationException("Bulk inserts run inside a transaction.");
        }

        _db = db;
        _table = table;
        _columns = columns;
        _copy = db.Database.GetDbConnection() is NpgsqlConnection;
    }

    /// <summary>Rows written to the database so far.</summary>
    public long RowsWritten { get; private set; }

    public async Task AddAsync(CancellationToken cancellationToken, params object?[] values)
    {
        if (values.Length != _columns.Length)
        {
            throw new ArgumentException($"{_table} takes {_columns.Length} values a row, not {values.Length}.", nameof(values));
        }

        _pending.Add(values);
        if (_pending.Count >= (_copy ? RowsPerCopy : RowsPerStatement))
        {
            await FlushAsync(cancellationToken);
        }
    }

    /// <summary>Writes every buffered row.</summary>
    public async Task FlushAsync(CancellationToken cancellationToken)
    {
        if (_pending.Count == 0)
        {
            return;
        }

        if (_copy)
        {
            await CopyAsync(cancellationToken);
        }
        else
        {
            await InsertAsync(cancellationToken);
        }

        RowsWritten += _pending.Count;
        _pending.Clear();
    }

    public async ValueTask DisposeAsync()
    {
        if (_fullStatement is not null)
        {
            await _fullStatement.DisposeAsync();
        }
    }

    private async Task InsertAsync(CancellationToken cancellationToken)
    {
        for (var start = 0; start < _pending.Count; start += RowsPerStatement)
        {
            var rows = Math.Min(RowsPerStatement, _pending.Count - start);
            if (rows == RowsPerStatement)
            {
                _fullStatement ??= await PrepareAsync(rows, cancellationToken);
                await ExecuteAsync(_fullStatement, start, rows, cancellationToken);
            }
            else
            {
                // The last, shorter statement of a flush: used once, so not kept.
                await using var statement = await PrepareAsync(rows, cancellationToken);
                await ExecuteAsync(statement, start, rows, cancellationToken);
            }
        }
    }

    private async Task<DbCommand> PrepareAsync(int rows, CancellationToken cancellationToken)
    {
        var command = _db.Database.GetDbConnection().CreateCommand();
        command.Transaction = _db.Database.CurrentTransaction!.GetDbTransaction();
        var values = Enumerable.Range(0, rows)
            .Select(r => "(" + string.Join(", ", _columns.Select((_, c) => $"@p{(r * _columns.Length) + c}")) + ")");
        command.CommandText = $"INSERT INTO \"{_table}\" ({ColumnList()}) VALUES {string.Join(", ", values)}";
        for (var i = 0; i < rows * _columns.Length; i++)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = $"@p{i}";
            parameter.Value = DBNull.Value;
            command.Parameters.Add(parameter);
        }

        await command.PrepareAsync(cancellationToken);
        return command;
    }

    private async Task ExecuteAsync(DbCommand command, int start, int rows, CancellationToken cancellationToken)
    {
        for (var r = 0; r < rows; r++)
        {
            var row = _pending[start + r];
            for (var c = 0; c < row.Length; c++)
            {
                command.Parameters[(r * _columns.Length) + c].Value = row[c] ?? DBNull.Value;
            }
        }

        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    // COPY runs in the connection's open transaction; nothing else may use the connection until it completes.
    private async Task CopyAsync(CancellationToken cancellationToken)
    {
        var connection = (NpgsqlConnection)_db.Database.GetDbConnection();
        await using var importer = await connection.BeginBinaryImportAsync(
            $"COPY \"{_table}\" ({ColumnList()}) FROM STDIN (FORMAT BINARY)", cancellationToken);
        foreach (var row in _pending)
        {
            await importer.StartRowAsync(cancellationToken);
            foreach (var value in row)
            {
                await WriteAsync(importer, value, cancellationToken);
            }
        }

        await importer.CompleteAsync(cancellationToken);
    }

    // Binary COPY takes each value in its column's exact binary form, so each is written as its own CLR type.
    private static Task WriteAsync(NpgsqlBinaryImporter importer, object? value, CancellationToken cancellationToken) => value switch
    {
        null or DBNull => importer.WriteNullAsync(cancellationToken),
        string text => importer.WriteAsync(text, cancellationToken),
        int number => importer.WriteAsync(number, cancellationToken),
        long number => importer.WriteAsync(number, cancellationToken),
        double number => importer.WriteAsync(number, cancellationToken),
        decimal number => importer.WriteAsync(number, cancellationToken),
        bool flag => importer.WriteAsync(flag, cancellationToken),
        DateTime moment => importer.WriteAsync(moment, cancellationToken),
        DateOnly day => importer.WriteAsync(day, cancellationToken),
        _ => throw new NotSupportedException($"Bulk inserts do not write values of type {value.GetType().Name}."),
    };

    private string ColumnList() => string.Join(", ", _columns.Select(c => $"\"{c}\""));
}
