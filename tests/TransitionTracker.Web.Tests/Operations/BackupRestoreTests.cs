using Microsoft.Data.Sqlite;
using TransitionTracker.Data;
using TransitionTracker.Web.Commands;
using TransitionTracker.Web.Tests.Infrastructure;

namespace TransitionTracker.Web.Tests.Operations;

/// <summary>The backup and restore commands on SQLite: a backup taken while the app runs, restored, gives back every row.</summary>
public sealed class BackupRestoreTests : IDisposable
{
    private readonly string _backup = Path.Combine(Path.GetTempPath(), $"transition-tracker-backup-{Guid.NewGuid():N}.db");
    private readonly List<string> _databases = [];

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        File.Delete(_backup);
        foreach (var database in _databases)
        {
            TestDatabases.Delete(database);
        }
    }

    [SqliteFact]
    public async Task A_backup_taken_while_the_app_runs_restores_every_table_exactly_after_the_data_changed()
    {
        string database;
        SortedDictionary<string, List<string>> original;
        using (var factory = new TransitionTrackerFactory())
        {
            database = factory.Database.Name;
            _databases.Add(database);
            var client = factory.CreateClient();
            Assert.Equal(System.Net.HttpStatusCode.OK, (await client.GetAsync("/")).StatusCode);

            // An evidence file on a draft's answer: its row and its bytes are in the database, so in the backup.
            using var manager = factory.CreateClientFor(TransitionTracker.Data.Seeding.DemoAccountSeeder.PctManager("5D7"));
            var draft = await manager.PutAsync("/api/consortia/00H/assessments/current", new System.Net.Http.StringContent("""{"responses":[]}""", System.Text.Encoding.UTF8, "application/json"));
            var draftId = (await System.Net.Http.Json.HttpContentJsonExtensions.ReadFromJsonAsync<System.Text.Json.JsonElement>(draft.Content)).GetProperty("id").GetInt32();
            var pdf = EvidenceSamples.Pdf("Kept by the backup");
            using var upload = new System.Net.Http.MultipartFormDataContent { { new System.Net.Http.ByteArrayContent(pdf), "file", "backed up.pdf" } };
            var uploaded = await manager.PostAsync($"/api/assessments/{draftId}/answers/GOV-01/attachments", upload);
            Assert.Equal(System.Net.HttpStatusCode.OK, uploaded.StatusCode);
            var download = (await System.Net.Http.Json.HttpContentJsonExtensions.ReadFromJsonAsync<System.Text.Json.JsonElement>(uploaded.Content)).GetProperty("download").GetString()!;
            original = await DatabaseSnapshot.TakeAsync(DatabaseProvider.Sqlite, factory.ConnectionString);
            Assert.Single(original["EvidenceAttachments"]);
            Assert.Contains(Convert.ToBase64String(pdf), Assert.Single(original["EvidenceContents"]));

            var (exitCode, output, error) = await RunAsync(BackupCommand.RunAsync, database, "backup", "--output", _backup);
            Assert.True(exitCode == 0, error);
            Assert.Contains($"to {_backup}", output);
            Assert.Contains("integrity check ok", output);

            // Changes after the backup, which the restore must undo; made while the app is still running.
            Assert.True(await DatabaseSnapshot.ExecuteAsync(DatabaseProvider.Sqlite, factory.ConnectionString, "UPDATE \"Consortia\" SET \"Name\" = 'Renamed after the backup'") > 0);
            Assert.True(await DatabaseSnapshot.ExecuteAsync(DatabaseProvider.Sqlite, factory.ConnectionString, "UPDATE \"Practices\" SET \"ListSize\" = \"ListSize\" + 1 WHERE \"PctCode\" = '5D7'") > 0);
            Assert.True(await DatabaseSnapshot.ExecuteAsync(DatabaseProvider.Sqlite, factory.ConnectionString, "DELETE FROM \"DomainScores\"") > 0);
            Assert.Equal(System.Net.HttpStatusCode.NoContent, (await manager.DeleteAsync(download)).StatusCode);
            Assert.Empty((await DatabaseSnapshot.TakeAsync(DatabaseProvider.Sqlite, factory.ConnectionString))["EvidenceContents"]);
            Assert.NotEqual(DatabaseSnapshot.Flatten(original), DatabaseSnapshot.Flatten(await DatabaseSnapshot.TakeAsync(DatabaseProvider.Sqlite, factory.ConnectionString)));

            // While another connection (as a running app's would be) has the database open, restoring is refused and changes nothing.
            var changed = await DatabaseSnapshot.TakeAsync(DatabaseProvider.Sqlite, factory.ConnectionString);
            int refused;
            string refusedError;
            await using (var openElsewhere = new SqliteConnection(factory.ConnectionString + ";Pooling=False"))
            {
                await openElsewhere.OpenAsync();
                await using var read = openElsewhere.CreateCommand();
                read.CommandText = "SELECT COUNT(*) FROM \"Consortia\"";
                Assert.Equal(211L, await read.ExecuteScalarAsync());
                (refused, _, refusedError) = await RunAsync(RestoreCommand.RunAsync, database, "restore", "--input", _backup);
            }

            Assert.Equal(1, refused);
            Assert.Contains("is in use by another process", refusedError);
            Assert.Equal(DatabaseSnapshot.Flatten(changed), DatabaseSnapshot.Flatten(await DatabaseSnapshot.TakeAsync(DatabaseProvider.Sqlite, factory.ConnectionString)));
        }

        SqliteConnection.ClearAllPools();
        var (restored, restoreOutput, restoreError) = await RunAsync(RestoreCommand.RunAsync, database, "restore", "--input", _backup);

        Assert.True(restored == 0, restoreError);
        Assert.Contains("integrity check ok", restoreOutput);
        var after = await DatabaseSnapshot.TakeAsync(DatabaseProvider.Sqlite, $"Data Source={database}");
        Assert.Equal(original.Keys, after.Keys);
        foreach (var table in original.Keys)
        {
            Assert.True(original[table].SequenceEqual(after[table]), $"Table {table} differs after the restore.");
        }

        Assert.Contains(original.Values, rows => rows.Count > 8000);
    }

    [SqliteFact]
    public async Task Backup_refuses_to_overwrite_an_existing_file()
    {
        var database = TestDatabases.NewSqliteFile();
        _databases.Add(database);
        await File.WriteAllTextAsync(_backup, "an earlier backup");

        var (exitCode, _, error) = await RunAsync(BackupCommand.RunAsync, database, "backup", "--output", _backup);
        var (noOutput, _, noOutputError) = await RunAsync(BackupCommand.RunAsync, database, "backup");

        Assert.Equal(1, exitCode);
        Assert.Contains("already exists", error);
        Assert.Equal("an earlier backup", await File.ReadAllTextAsync(_backup));
        Assert.Equal(1, noOutput);
        Assert.Contains("Give the backup file to write with --output", noOutputError);
    }

    [SqliteFact]
    public async Task Restore_refuses_a_file_that_is_not_one_of_our_databases_and_leaves_the_database_alone()
    {
        var database = TestDatabases.NewSqliteFile();
        _databases.Add(database);
        var before = await DatabaseSnapshot.TakeAsync(DatabaseProvider.Sqlite, $"Data Source={database}");
        await File.WriteAllTextAsync(_backup, "not a database at all, just some text that is long enough to have a header".PadRight(4096, '.'));
        var other = TestDatabases.NewSqlitePath();
        _databases.Add(other);
        await DatabaseSnapshot.ExecuteAsync(DatabaseProvider.Sqlite, $"Data Source={other}", "CREATE TABLE Something (Id INTEGER)");

        var (textExit, _, textError) = await RunAsync(RestoreCommand.RunAsync, database, "restore", "--input", _backup);
        var (otherExit, _, otherError) = await RunAsync(RestoreCommand.RunAsync, database, "restore", "--input", other);

        Assert.Equal(1, textExit);
        Assert.Contains("is not a readable SQLite database", textError);
        Assert.Equal(1, otherExit);
        Assert.Contains("not a Transition Tracker one", otherError);
        Assert.Equal(DatabaseSnapshot.Flatten(before), DatabaseSnapshot.Flatten(await DatabaseSnapshot.TakeAsync(DatabaseProvider.Sqlite, $"Data Source={database}")));
    }

    private static async Task<(int ExitCode, string Output, string Error)> RunAsync(
        Func<string[], TextWriter, TextWriter, Task<int>> command, string database, params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exitCode = await command([.. args, "--ConnectionStrings:TransitionTracker", $"Data Source={database}", "--Database:Provider", "Sqlite"], output, error);
        return (exitCode, output.ToString(), error.ToString());
    }
}
