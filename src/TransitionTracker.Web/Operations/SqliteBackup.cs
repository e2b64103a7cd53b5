using Microsoft.Data.Sqlite;

namespace TransitionTracker.Web.Operations;

/// <summary>
/// Backup and restore of the SQLite database file with SQLite's online backup API, which copies a consistent
/// snapshot while the app keeps reading and writing (WAL mode readers do not block writers).
/// </summary>
public static class SqliteBackup
{
    /// <summary>Copies the live database to <paramref name="output"/> (which must not exist), then checks the copy.</summary>
    /// <returns>What was checked, for the operator.</returns>
    public static BackupCheck Backup(string databasePath, string output, IReadOnlyCollection<string> knownMigrations)
    {
        if (!File.Exists(databasePath))
        {
            throw new BackupException($"There is no database file at {databasePath} to back up.");
        }

        // Written beside the target under a temporary name and moved into place only once checked,
        // so a failed or interrupted backup never leaves a file that looks like a good one.
        var partial = $"{output}.partial-{Guid.NewGuid():N}";
        try
        {
            CopyDatabase(databasePath, partial, readOnlySource: true);
            var check = Verify(partial, knownMigrations);
            File.Move(partial, output, overwrite: false);
            return check;
        }
        finally
        {
            DeleteWithSidecars(partial);
        }
    }

    /// <summary>
    /// Replaces the database with the backup at <paramref name="input"/>: the backup is checked, copied beside the
    /// database, and renamed over it in one step. Refuses when another process has the database open.
    /// </summary>
    public static BackupCheck Restore(string input, string databasePath, IReadOnlyCollection<string> knownMigrations)
    {
        var check = Verify(input, knownMigrations);
        var folder = Path.GetDirectoryName(databasePath)!;
        Directory.CreateDirectory(folder);
        var incoming = Path.Combine(folder, $"{Path.GetFileName(databasePath)}.restore-{Guid.NewGuid():N}");
        try
        {
            CopyDatabase(input, incoming, readOnlySource: true);
            Verify(incoming, knownMigrations);
            if (File.Exists(databasePath))
            {
                EnsureNotInUse(databasePath);
            }

            // A rename within one folder is atomic: readers see the old database or the new one, never a mixture.
            File.Move(incoming, databasePath, overwrite: true);
            return check;
        }
        finally
        {
            DeleteWithSidecars(incoming);
        }
    }

    /// <summary>Checks that <paramref name="path"/> is an intact SQLite database carrying this app's migrations and none it does not know.</summary>
    public static BackupCheck Verify(string path, IReadOnlyCollection<string> knownMigrations)
    {
        if (!File.Exists(path))
        {
            throw new BackupException($"There is no file at {path}.");
        }

        try
        {
            using var connection = Open(path, SqliteOpenMode.ReadOnly);
            var integrity = ReadColumn(connection, "PRAGMA integrity_check");
            if (integrity is not ["ok"])
            {
                throw new BackupException($"{path} failed SQLite's integrity check: {string.Join("; ", integrity.Take(5))}");
            }

            if (ReadColumn(connection, "SELECT name FROM sqlite_master WHERE type = 'table' AND name = '__EFMigrationsHistory'").Count == 0)
            {
                throw new BackupException($"{path} is a SQLite database but not a Transition Tracker one (it has no migrations history).");
            }

            var migrations = ReadColumn(connection, "SELECT MigrationId FROM \"__EFMigrationsHistory\" ORDER BY MigrationId");
            var unknown = migrations.Where(m => !knownMigrations.Contains(m)).ToList();
            if (migrations.Count == 0 || unknown.Count > 0)
            {
                throw new BackupException(migrations.Count == 0
                    ? $"{path} has no migrations applied, so holds no Transition Tracker data."
                    : $"{path} comes from a newer version of the app (unknown migrations: {string.Join(", ", unknown)}).");
            }

            return new BackupCheck(new FileInfo(path).Length, migrations.Count, migrations[^1]);
        }
        catch (SqliteException e)
        {
            throw new BackupException($"{path} is not a readable SQLite database: {e.Message}", e);
        }
    }

    private static void CopyDatabase(string source, string destination, bool readOnlySource)
    {
        using (var from = Open(source, readOnlySource ? SqliteOpenMode.ReadOnly : SqliteOpenMode.ReadWrite))
        using (var to = Open(destination, SqliteOpenMode.ReadWriteCreate))
        {
            from.BackupDatabase(to);

            // One self-contained file: no write-ahead log beside it that a copy could leave behind.
            using var journal = to.CreateCommand();
            journal.CommandText = "PRAGMA journal_mode = DELETE";
            journal.ExecuteNonQuery();
        }
    }

    // The app opens its database in WAL mode, and SQLite removes the -wal file when the last connection closes.
    // After checkpointing and closing our own connection, a -wal file still there means another process has it open.
    private static void EnsureNotInUse(string databasePath)
    {
        using (var connection = Open(databasePath, SqliteOpenMode.ReadWrite))
        {
            using var checkpoint = connection.CreateCommand();
            checkpoint.CommandText = "PRAGMA wal_checkpoint(TRUNCATE)";
            checkpoint.ExecuteNonQuery();
        }

        if (File.Exists(databasePath + "-wal"))
        {
            throw new BackupException(
                $"The database {databasePath} is in use by another process (its write-ahead log is open). Stop every instance of the app, then restore.");
        }
    }

    private static SqliteConnection Open(string path, SqliteOpenMode mode)
    {
        // Unpooled, so closing really closes the file (the in-use check depends on it).
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = mode, Pooling = false }.ConnectionString);
        connection.Open();
        return connection;
    }

    private static List<string> ReadColumn(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var values = new List<string>();
        while (reader.Read())
        {
            values.Add(reader.GetString(0));
        }

        return values;
    }

    private static void DeleteWithSidecars(string path)
    {
        foreach (var file in new[] { path, path + "-journal", path + "-wal", path + "-shm" })
        {
            File.Delete(file);
        }
    }
}
