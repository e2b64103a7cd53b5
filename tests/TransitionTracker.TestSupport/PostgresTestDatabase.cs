using System.Data.Common;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;
using TransitionTracker.Data;
using TransitionTracker.Data.Seeding;

namespace TransitionTracker.TestSupport;

/// <summary>
/// A temporary PostgreSQL database with a unique name, on the server named by <c>TEST_POSTGRES</c>
/// (<see cref="PostgresServer"/>) unless another is given. Server-side work (create, copy, rename, drop) goes through
/// that connection string's own database, or "postgres" when it names none.
/// </summary>
public sealed class PostgresTestDatabase : TestDatabase
{
    private readonly string _server;

    private PostgresTestDatabase(string server, string name)
    {
        _server = server;
        Name = name;
        ConnectionString = new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString;
    }

    public override DatabaseProvider Provider => DatabaseProvider.Postgres;

    public override string Name { get; }

    public override string ConnectionString { get; }

    /// <summary>
    /// A name no database on the <c>TEST_POSTGRES</c> server has yet; nothing is created until the code under test (or
    /// <see cref="Create"/>, <see cref="CopyFrom"/>) does. Without <c>TEST_POSTGRES</c> the test fails, saying so.
    /// </summary>
    public static PostgresTestDatabase NewName(string purpose) => NewName(PostgresServer.Require(), purpose);

    /// <summary>A name no database on <paramref name="server"/> has yet; nothing is created here.</summary>
    public static PostgresTestDatabase NewName(string server, string purpose) =>
        new(server, $"transition_tracker_{purpose}_{Guid.NewGuid():N}");

    /// <summary>A new database on <paramref name="server"/>, migrated and seeded with the reference and demo data as the app does on start.</summary>
    public static async Task<PostgresTestDatabase> CreateSeededAsync(string server, string purpose)
    {
        var database = NewName(server, purpose);
        await TestDatabases.SeedAsync(database);
        return database;
    }

    /// <summary>Creates the database, empty.</summary>
    public void Create() => Execute($"CREATE DATABASE {Quote(Name)}");

    public override bool Exists() =>
        Scalar("SELECT count(*) FROM pg_database WHERE datname = @name", ("name", Name)) is long and > 0;

    public override DbConnection OpenConnection()
    {
        var connection = new NpgsqlConnection(ConnectionString);
        connection.Open();
        return connection;
    }

    /// <summary>The number of rows in <paramref name="table"/>.</summary>
    public async Task<long> CountAsync(string table)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"SELECT count(*) FROM {Quote(table)}", connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    public override bool Owns(DbConnection connection) => connection is NpgsqlConnection && connection.Database == Name;

    /// <summary>
    /// A new database with the template's schema and rows. PostgreSQL copies the files, which takes well under a
    /// second for the seeded demo database; nobody may be connected to the template meanwhile.
    /// </summary>
    public void CopyFrom(PostgresTestDatabase template) => Execute($"CREATE DATABASE {Quote(Name)} TEMPLATE {Quote(template.Name)}");

    public override async Task<IAsyncDisposable> TakeAwayAsync()
    {
        var away = Name + "_away";
        await RenameAsync(Name, away);
        return new Restore(() => RenameAsync(away, Name));
    }

    public override void ReleaseConnections()
    {
        NpgsqlConnection.ClearAllPools();
        Terminate(Name);
    }

    // Not WITH (FORCE): that refuses while an autovacuum worker is busy on the database, which a plain DROP stops.
    protected override void Delete()
    {
        // Pooled connections ended by the server below would otherwise be handed out again, broken.
        NpgsqlConnection.ClearAllPools();
        for (var attempt = 1; ; attempt++)
        {
            Terminate(Name);
            try
            {
                Execute($"DROP DATABASE IF EXISTS {Quote(Name)}");
                return;
            }
            catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.ObjectInUse && attempt < 20)
            {
                Thread.Sleep(250);
            }
        }
    }

    private static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    private async Task RenameAsync(string from, string to)
    {
        // The app may open a connection between closing the others and renaming: try again a few times.
        for (var attempt = 1; ; attempt++)
        {
            NpgsqlConnection.ClearAllPools();
            Terminate(from);
            try
            {
                Execute($"ALTER DATABASE {Quote(from)} RENAME TO {Quote(to)}");
                return;
            }
            catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.ObjectInUse && attempt < 10)
            {
                await Task.Delay(100);
            }
        }
    }

    // This role's connections only: the server's own workers (autovacuum) are not ours to end.
    private void Terminate(string database) =>
        Scalar("SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE datname = @name AND usename = current_user", ("name", database));

    private void Execute(string sql) => Scalar(sql);

    private object? Scalar(string sql, params (string Name, object Value)[] parameters)
    {
        var server = new NpgsqlConnectionStringBuilder(_server) { Pooling = false };
        if (string.IsNullOrEmpty(server.Database))
        {
            // Without a database named, Npgsql would open the one named after the user, which a server made only for
            // tests (the outage cluster) does not have; every cluster has "postgres".
            server.Database = "postgres";
        }

        using var connection = new NpgsqlConnection(server.ConnectionString);
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        return command.ExecuteScalar();
    }
}
