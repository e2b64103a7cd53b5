using TransitionTracker.Data;
using TransitionTracker.Web.Commands;

namespace TransitionTracker.Web.Tests.Operations;

/// <summary>The backup and restore commands on PostgreSQL (pg_dump / pg_restore): a restore gives back every row.</summary>
public sealed class PostgresBackupRestoreTests : IAsyncLifetime
{
    private readonly string _backup = Path.Combine(Path.GetTempPath(), $"transition-tracker-backup-{Guid.NewGuid():N}.dump");
    private PostgresTestDatabase? _database;

    public Task InitializeAsync() => Task.CompletedTask;

    // xunit 2 calls IAsyncLifetime.DisposeAsync on test classes, not IAsyncDisposable.
    public async Task DisposeAsync()
    {
        File.Delete(_backup);
        if (_database is not null)
        {
            _database.Dispose();
        }
    }

    [PostgresFact]
    public async Task Backup_then_restore_puts_back_every_row_of_every_table()
    {
        _database = PostgresTestDatabase.NewName("test");
        var connectionString = _database.ConnectionString;
        var (migrated, _, migrateError) = await RunAsync(MigrateCommand.RunAsync, "migrate", "--Seed:Demo", "false");
        Assert.True(migrated == 0, migrateError);
        // An evidence file's bytes (bytea), which the restore must give back exactly.
        var pdf = Convert.ToHexStringLower(EvidenceSamples.Pdf("Kept by the backup"));
        Assert.Equal(1, await DatabaseSnapshot.ExecuteAsync(DatabaseProvider.Postgres, connectionString,
            $"INSERT INTO \"EvidenceContents\" (\"Sha256\", \"Bytes\") VALUES ('{new string('0', 64)}', decode('{pdf}', 'hex'))"));
        var original = await DatabaseSnapshot.TakeAsync(DatabaseProvider.Postgres, connectionString);

        var (backedUp, backupOutput, backupError) = await RunAsync(BackupCommand.RunAsync, "backup", "--output", _backup);
        Assert.True(backedUp == 0, backupError);
        Assert.Contains("with pg_dump", backupOutput);
        Assert.DoesNotContain("Password", backupOutput, StringComparison.OrdinalIgnoreCase);

        Assert.True(await DatabaseSnapshot.ExecuteAsync(DatabaseProvider.Postgres, connectionString, "UPDATE \"Pcts\" SET \"Name\" = 'Renamed after the backup'") > 0);
        Assert.True(await DatabaseSnapshot.ExecuteAsync(DatabaseProvider.Postgres, connectionString, "DELETE FROM \"Practices\" WHERE \"PctCode\" = '5D7'") > 0);
        Assert.Equal(1, await DatabaseSnapshot.ExecuteAsync(DatabaseProvider.Postgres, connectionString, "DELETE FROM \"EvidenceContents\""));
        Assert.NotEqual(original["Pcts"], (await DatabaseSnapshot.TakeAsync(DatabaseProvider.Postgres, connectionString))["Pcts"]);

        var (restored, _, restoreError) = await RunAsync(RestoreCommand.RunAsync, "restore", "--input", _backup);

        Assert.True(restored == 0, restoreError);
        var after = await DatabaseSnapshot.TakeAsync(DatabaseProvider.Postgres, connectionString);
        Assert.Equal(original.Keys, after.Keys);
        foreach (var table in original.Keys)
        {
            Assert.True(original[table].SequenceEqual(after[table]), $"Table {table} differs after the restore.");
        }

        Assert.Equal(8058, after["Practices"].Count);
        Assert.Single(after["EvidenceContents"]);
    }

    [PostgresFact]
    public async Task Restore_refuses_a_file_that_is_not_a_pg_dump_archive_and_changes_nothing()
    {
        _database = PostgresTestDatabase.NewName("test");
        var (migrated, _, migrateError) = await RunAsync(MigrateCommand.RunAsync, "migrate", "--Seed:Demo", "false");
        Assert.True(migrated == 0, migrateError);
        var before = await DatabaseSnapshot.TakeAsync(DatabaseProvider.Postgres, _database.ConnectionString);
        await File.WriteAllTextAsync(_backup, "not an archive");

        var (exitCode, _, error) = await RunAsync(RestoreCommand.RunAsync, "restore", "--input", _backup);

        Assert.Equal(1, exitCode);
        Assert.Contains("pg_restore failed", error);
        Assert.Equal(DatabaseSnapshot.Flatten(before), DatabaseSnapshot.Flatten(await DatabaseSnapshot.TakeAsync(DatabaseProvider.Postgres, _database.ConnectionString)));
    }

    private async Task<(int ExitCode, string Output, string Error)> RunAsync(
        Func<string[], TextWriter, TextWriter, Task<int>> command, params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exitCode = await command([.. args, "--ConnectionStrings:TransitionTracker", _database!.ConnectionString, "--Database:Provider", "Postgres"], output, error);
        return (exitCode, output.ToString(), error.ToString());
    }
}
