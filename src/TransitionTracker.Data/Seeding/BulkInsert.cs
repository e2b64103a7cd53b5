using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace TransitionTracker.Data.Seeding;

/// <summary>
/// Inserts many rows of one table through a single prepared command in the current transaction: for demo and
/// generated data only, where EF's change tracking of a quarter of a million rows would dominate start-up.
/// Identifiers are quoted the way both SQLite and PostgreSQL accept.
/// </summary>
public sealed class BulkInsert : IDisposable
{
    private readonly DbCommand _command;
    private readonly DbParameter[] _parameters;

    public BulkInsert(TransitionTrackerDbContext db, string table, params string[] columns)
    {
        _command = db.Database.GetDbConnection().CreateCommand();
        _command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("Bulk inserts run inside a transaction.");
        _command.CommandText =
            $"INSERT INTO \"{table}\" ({string.Join(", ", columns.Select(c => $"\"{c}\""))}) " +
            $"VALUES ({string.Join(", ", columns.Select((_, i) => $"@p{i}"))})";
        _parameters = columns.Select((_, i) =>
        {
            var parameter = _command.CreateParameter();
            parameter.ParameterName = $"@p{i}";
            _command.Parameters.Add(parameter);
            return parameter;
        }).ToArray();
    }

    public async Task AddAsync(CancellationToken cancellationToken, params object?[] values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            _parameters[i].Value = values[i] ?? DBNull.Value;
        }

        await _command.ExecuteNonQueryAsync(cancellationToken);
    }

    public void Dispose() => _command.Dispose();
}
