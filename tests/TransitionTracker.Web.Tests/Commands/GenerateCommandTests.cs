using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;
using TransitionTracker.Web.Commands;
using TransitionTracker.Web.Tests.Infrastructure;

namespace TransitionTracker.Web.Tests.Commands;

/// <summary>
/// The generate command is one transaction: killed part-way it leaves the database exactly as it was, and run
/// again it completes. It runs as its own process, killed with its whole process tree as an operator's kill would.
/// </summary>
public sealed class GenerateCommandTests
{
    private const int DemoConsortia = 211;

    [SqliteFact]
    public async Task Killed_mid_way_it_leaves_a_sqlite_database_as_it_was_and_run_again_it_completes()
    {
        var path = TestDatabases.NewSqliteFile();
        try
        {
            var before = await CountAsync(SqliteConnection(path));

            var killed = await GenerateCommandProcess.KillWhenAsync(IsMidWay, "--scale", "2", "--database", path);

            Assert.DoesNotContain("Committing", killed, StringComparison.Ordinal);
            Assert.Equal("ok", await ScalarAsync(SqliteConnection(path), "PRAGMA integrity_check"));
            Assert.Empty(await RowsAsync(SqliteConnection(path), "PRAGMA foreign_key_check"));
            Assert.Equal(before, await CountAsync(SqliteConnection(path)));

            var (exitCode, output) = await GenerateCommandProcess.RunAsync("--scale", "2", "--database", path);

            Assert.True(exitCode == 0, output);
            Assert.Equal("ok", await ScalarAsync(SqliteConnection(path), "PRAGMA integrity_check"));
            Assert.Empty(await RowsAsync(SqliteConnection(path), "PRAGMA foreign_key_check"));
            var scaled = await CountAsync(SqliteConnection(path));
            AssertScaleTwo(before, scaled, output);

            // Asked again for the scale it holds, it adds nothing; asked for less, it refuses and changes nothing.
            var (again, againOutput) = await GenerateCommandProcess.RunAsync("--scale", "2", "--database", path);
            Assert.True(again == 0, againOutput);
            Assert.Contains("already holds scale 2; nothing was added", againOutput, StringComparison.Ordinal);
            var (smaller, smallerOutput) = await GenerateCommandProcess.RunAsync("--scale", "1", "--database", path);
            Assert.True(smaller == 1, smallerOutput);
            Assert.Contains("already holds scale 2; it cannot be reduced to scale 1", smallerOutput, StringComparison.Ordinal);
            Assert.Equal(scaled, await CountAsync(SqliteConnection(path)));
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            TestDatabases.Delete(path);
        }
    }

    [PostgresFact]
    public async Task Killed_mid_way_it_leaves_a_postgres_database_as_it_was_and_run_again_it_completes()
    {
        using var generated = PostgresTestDatabase.NewName("generate");
        generated.Create();
        var database = new NpgsqlConnectionStringBuilder(generated.ConnectionString) { Pooling = false }.ConnectionString;
        string[] target = ["--Database:Provider", "Postgres", "--ConnectionStrings:TransitionTracker", database];
        var (seeded, seedOutput) = await GenerateCommandProcess.RunAsync(["--scale", "1", .. target]);
        Assert.True(seeded == 0, seedOutput);
        var before = await CountAsync(new NpgsqlConnection(database));
        Assert.Equal(DemoConsortia, before["Consortia"]);

        var killed = await GenerateCommandProcess.KillWhenAsync(IsMidWay, ["--scale", "2", .. target]);

        Assert.DoesNotContain("Committing", killed, StringComparison.Ordinal);

        // PostgreSQL enforces every foreign key as rows are written, so the counts are the whole check here.
        Assert.Equal(before, await CountAsync(new NpgsqlConnection(database)));

        var (exitCode, output) = await GenerateCommandProcess.RunAsync(["--scale", "2", .. target]);

        Assert.True(exitCode == 0, output);
        AssertScaleTwo(before, await CountAsync(new NpgsqlConnection(database)), output);
    }

    [Theory]
    [InlineData("--scale", "0")]
    [InlineData("--scale", "101")]
    [InlineData("--scale", "ten")]
    [InlineData("--database", "x.db")]
    [InlineData("--scale", "2", "stray")]
    public async Task Bad_arguments_are_refused_with_the_usage_before_any_database_is_touched(params string[] arguments)
    {
        var output = new StringWriter();
        var error = new StringWriter();

        var exitCode = await GenerateDataCommand.RunAsync(["generate", .. arguments], output, error);

        Assert.Equal(1, exitCode);
        Assert.Contains("generate: nothing was generated.", error.ToString(), StringComparison.Ordinal);
        Assert.Contains("Usage: generate --scale <N>", error.ToString(), StringComparison.Ordinal);
        Assert.Equal(string.Empty, output.ToString());
    }

    [Fact]
    public async Task A_database_folder_that_does_not_exist_is_refused()
    {
        var missing = Path.Combine(Path.GetTempPath(), $"transition-tracker-missing-{Guid.NewGuid():N}", "data.db");
        var error = new StringWriter();

        var exitCode = await GenerateDataCommand.RunAsync(["generate", "--scale", "1", "--database", missing], new StringWriter(), error);

        Assert.Equal(1, exitCode);
        Assert.Contains("The folder for --database does not exist", error.ToString(), StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.GetDirectoryName(missing)));
    }

    // Half-way through the copy's history: thousands of rows written, the commit still to come.
    private static bool IsMidWay(string line) => line.Contains("Copy 1 of 1: history of 100 of 211 consortia", StringComparison.Ordinal);

    private static void AssertScaleTwo(Dictionary<string, long> before, Dictionary<string, long> after, string output)
    {
        Assert.Equal(DemoConsortia, before["Consortia"]);
        foreach (var table in new[] { "Consortia", "Practices", "ConsortiumMemberships", "ConsortiumPcts", "Assessments", "AssessmentResponses", "DomainScores", "Milestones" })
        {
            Assert.True(2 * before[table] == after[table], $"{table}: {before[table]} before, {after[table]} after; expected twice as many.\n{output}");
        }

        foreach (var table in new[] { "Regions", "Pcts", "QualityIndicators", "Frameworks" })
        {
            Assert.Equal(before[table], after[table]);
        }

        // A lead account for each copied consortium; the real list sizes shared, not duplicated.
        Assert.Equal(before["AspNetUsers"] + DemoConsortia, after["AspNetUsers"]);
        Assert.Equal(before["sum(Practices.ListSize)"], after["sum(Practices.ListSize)"]);
        Assert.Contains($"generate: scale 2 in", output, StringComparison.Ordinal);
        Assert.Contains($"{after["Consortia"]:N0} consortia, {after["Practices"]:N0} practices, {after["Assessments"]:N0} assessments, {after["AssessmentResponses"]:N0} answers", output, StringComparison.Ordinal);
    }

    private static SqliteConnection SqliteConnection(string path) =>
        new(new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadWrite, Pooling = false }.ToString());

    // Every table's row count, and the total registered population.
    private static async Task<Dictionary<string, long>> CountAsync(DbConnection connection)
    {
        await using (connection)
        {
            await connection.OpenAsync();
            var tables = await RowsAsync(connection, connection is NpgsqlConnection
                ? "SELECT tablename FROM pg_tables WHERE schemaname = 'public'"
                : "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'");
            var counts = new Dictionary<string, long>();
            foreach (var table in tables)
            {
                counts[table] = Convert.ToInt64(await ScalarAsync(connection, $"SELECT COUNT(*) FROM \"{table}\""), System.Globalization.CultureInfo.InvariantCulture);
            }

            counts["sum(Practices.ListSize)"] = Convert.ToInt64(await ScalarAsync(connection, "SELECT SUM(\"ListSize\") FROM \"Practices\""), System.Globalization.CultureInfo.InvariantCulture);
            return counts;
        }
    }

    private static async Task<object?> ScalarAsync(DbConnection connection, string sql)
    {
        await using var scope = await OpenedAsync(connection);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync();
    }

    private static async Task<List<string>> RowsAsync(DbConnection connection, string sql)
    {
        await using var scope = await OpenedAsync(connection);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<string>();
        while (await reader.ReadAsync())
        {
            rows.Add(string.Join(", ", Enumerable.Range(0, reader.FieldCount).Select(i => Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture))));
        }

        return rows;
    }

    // A connection the caller opened stays open; one that was closed is opened for the call and disposed after it.
    private static async Task<IAsyncDisposable> OpenedAsync(DbConnection connection)
    {
        if (connection.State == System.Data.ConnectionState.Open)
        {
            return new NoDispose();
        }

        await connection.OpenAsync();
        return connection;
    }

    private sealed class NoDispose : IAsyncDisposable
    {
        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
