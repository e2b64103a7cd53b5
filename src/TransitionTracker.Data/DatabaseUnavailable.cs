using System.Net.Sockets;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace TransitionTracker.Data;

/// <summary>
/// Tells an outage of the database (server stopped or restarting, refusing connections, network gone, pool
/// exhausted, SQLite file missing or unreadable) from a bug, whichever provider raised it and however EF Core
/// wrapped it, so that the web app can answer "try again shortly" (503) instead of a server error.
/// </summary>
public static class DatabaseUnavailable
{
    // SQLite primary result codes: SQLITE_BUSY, SQLITE_IOERR, SQLITE_CANTOPEN.
    private const int SqliteBusy = 5;
    private const int SqliteIoError = 10;
    private const int SqliteCannotOpen = 14;

    /// <summary>The outage exception found in <paramref name="exception"/> or its inner exceptions, or null.</summary>
    public static Exception? FindCause(Exception exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            if (IsOutage(current))
            {
                return current;
            }

            if (current is AggregateException aggregate)
            {
                return aggregate.InnerExceptions.Select(FindCause).FirstOrDefault(e => e is not null);
            }
        }

        return null;
    }

    /// <summary>
    /// Drops pooled connections that may be dead (a restarted server closed them), so the first requests after the
    /// database returns get fresh connections instead of failing one stale connection at a time.
    /// </summary>
    public static void ForgetPooledConnections(Exception cause)
    {
        switch (cause)
        {
            case NpgsqlException:
                NpgsqlConnection.ClearAllPools();
                break;
            case SqliteException:
                SqliteConnection.ClearAllPools();
                break;
        }
    }

    private static bool IsOutage(Exception exception) => exception switch
    {
        PostgresException postgres => IsUnavailableState(postgres.SqlState),

        // Raised by the client itself: refused or broken connection, I/O error, timeout (including waiting for the pool).
        NpgsqlException npgsql => npgsql.IsTransient || npgsql.InnerException is SocketException or IOException or TimeoutException,
        SqliteException sqlite => (sqlite.SqliteErrorCode & 0xFF) is SqliteBusy or SqliteIoError or SqliteCannotOpen,
        TimeoutException or SocketException => true,
        _ => false,
    };

    // 08xxx connection exceptions; 57P01 admin shutdown, 57P02 crash shutdown, 57P03 cannot connect now
    // (starting up or shutting down); 53300 too many connections.
    private static bool IsUnavailableState(string sqlState) =>
        sqlState.StartsWith("08", StringComparison.Ordinal) || sqlState is "57P01" or "57P02" or "57P03" or "53300";
}
