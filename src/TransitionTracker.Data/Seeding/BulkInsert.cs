using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace TransitionTracker.Data.Seeding;

/// <summary>
/// Inserts many rows of one table in the current transaction, <see cref="RowsPerCommand"/> rows to a prepared
/// multi-row INSERT: for demo and generated data only, where EF's change tracking of a quarter of a million rows
/// would dominate start-up, and one round trip per row would dominate it on a database server. Rows are buffered:
/// call <see cref="FlushAsync"/> before reading them back or committing. Identifiers are quoted the way both SQLite
/// and PostgreSQL accept; values are passed as parameters.
/// </summary>
public sealed class BulkInsert : IDisposable
{
    public const int RowsPerCommand = 100;

    private readonly DbConnection _connection;
    private readonly DbTransaction _transaction;
    private readonly string _table;
    private readonly string[] _columns;
    private readonly List<object?[]> _pending = new(RowsPerCommand);
    private DbCommand? _fullCommand;

    public BulkInsert(TransitionTrackerDbContext db, string table, params string[] columns)
    {
        _connection = db.Database.GetDbConnection();
        _transaction = db.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("Bulk inserts run inside a transaction.");
        _table = table;
        _columns = columns;
    }

    public async Task AddAsync(CancellationToken cancellationToken, params object?[] values)
    {
        if (values.Length != _columns.Length)
        {
            throw new ArgumentException($"{_table} takes {_columns.Length} values per row, not {values.Length}.", nameof(values));
        }

        _pending.Add(values);
        if (_pending.Count == RowsPerCommand)
        {
            _fullCommand ??= CreateCommand(RowsPerCommand);
            await ExecuteAsync(_fullCommand, cancellationToken);
        }
    }

    /// <summary>Writes the rows still buffered.</summary>
    public async Task FlushAsync(CancellationToken cancellationToken)
    {
        if (_pending.Count == 0)
        {
            return;
        }

        if (_pending.Count == RowsPerCommand)
        {
            _fullCommand ??= CreateCommand(RowsPerCommand);
            await ExecuteAsync(_fullCommand, cancellationToken);
            return;
        }

        await using var command = CreateCommand(_pending.Count);
        await ExecuteAsync(command, cancellationToken);
    }

    public void Dispose() => _fullCommand?.Dispose();

    private async Task ExecuteAsync(DbCommand command, CancellationToken cancellationToken)
    {
        var parameter = 0;
        foreach (var row in _pending)
        {
            foreach (var value in row)
            {
                command.Parameters[parameter++].Value = value ?? DBNull.Value;
            }
        }

        await command.ExecuteNonQueryAsync(cancellationToken);
        _pending.Clear();
    }

    private DbCommand CreateCommand(int rows)
    {
        var command = _connection.CreateCommand();
        command.Transaction = _transaction;
        var values = new List<string>(rows);
        for (var row = 0; row < rows; row++)
        {
            var names = new string[_columns.Length];
            for (var column = 0; column < _columns.Length; column++)
            {
                var parameter = command.CreateParameter();
                parameter.ParameterName = $"@p{(row * _columns.Length) + column}";
                command.Parameters.Add(parameter);
                names[column] = parameter.ParameterName;
            }

            values.Add($"({string.Join(", ", names)})");
        }

        command.CommandText =
            $"INSERT INTO \"{_table}\" ({string.Join(", ", _columns.Select(c => $"\"{c}\""))}) VALUES {string.Join(", ", values)}";
        return command;
    }
}
