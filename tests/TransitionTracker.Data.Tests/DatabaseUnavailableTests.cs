using System.Net.Sockets;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace TransitionTracker.Data.Tests;

public sealed class DatabaseUnavailableTests
{
    public static TheoryData<string, Exception> Outages() => new()
    {
        { "connection refused", new NpgsqlException("Failed to connect to 127.0.0.1:5433", new SocketException((int)SocketError.ConnectionRefused)) },
        { "stream broken", new NpgsqlException("Exception while reading from stream", new IOException("end of stream")) },
        { "pool exhausted", new NpgsqlException("The connection pool has been exhausted", new TimeoutException()) },
        { "admin shutdown", new PostgresException("terminating connection due to administrator command", "FATAL", "FATAL", "57P01") },
        { "crash shutdown", new PostgresException("terminating connection", "FATAL", "FATAL", "57P02") },
        { "starting or shutting down", new PostgresException("the database system is shutting down", "FATAL", "FATAL", "57P03") },
        { "connection failure", new PostgresException("connection failure", "FATAL", "FATAL", "08006") },
        { "SQLite file missing", new SqliteException("SQLite Error 14: 'unable to open database file'.", 14) },
        { "SQLite I/O error", new SqliteException("SQLite Error 10: 'disk I/O error'.", 10) },
        { "wrapped by EF Core", new InvalidOperationException("An exception has been raised that is likely due to a transient failure.", new PostgresException("x", "FATAL", "FATAL", "57P01")) },
        { "wrapped in a failed save", new DbUpdateException("An error occurred while saving the entity changes.", new NpgsqlException("Exception while writing to stream", new IOException())) },
        { "retries used up", new RetryLimitExceededException("The maximum number of retries was exceeded.", new TimeoutException()) },
        { "aggregate", new AggregateException(new ArgumentException("other"), new SqliteException("unable to open", 14)) },
    };

    public static TheoryData<string, Exception> NotOutages() => new()
    {
        { "unique violation", new PostgresException("duplicate key value", "ERROR", "ERROR", "23505") },
        { "serialization failure", new PostgresException("could not serialize access", "ERROR", "ERROR", "40001") },
        { "syntax error", new PostgresException("syntax error", "ERROR", "ERROR", "42601") },
        { "SQLite constraint", new SqliteException("SQLite Error 19: 'UNIQUE constraint failed'.", 19) },
        { "failed save", new DbUpdateException("An error occurred while saving the entity changes.", new PostgresException("x", "ERROR", "ERROR", "23503")) },
        { "a bug", new NullReferenceException() },
    };

    [Theory]
    [MemberData(nameof(Outages))]
    public void An_unreachable_database_is_recognised_however_it_is_wrapped(string what, Exception exception)
    {
        Assert.True(DatabaseUnavailable.FindCause(exception) is not null, what);
    }

    [Theory]
    [MemberData(nameof(NotOutages))]
    public void Errors_of_a_database_that_answers_are_not_outages(string what, Exception exception)
    {
        Assert.True(DatabaseUnavailable.FindCause(exception) is null, what);
    }
}
