using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using TransitionTracker.Data.Seeding;

namespace TransitionTracker.Data.Tests.Seeding;

/// <summary>The start-up check on a seeded database, and what it still notices, on a SQLite file seeded once per test.</summary>
public sealed class ReferenceDataSeederTests : IAsyncLifetime
{
    // A practice line in practices.csv's columns, for a code the real data does not have.
    private const string NewPracticeLine = "Z99999,THE NEW SURGERY,5D7,Q30,1234,00G,2013-04/2013-06,test row,,2012-01-01,";

    private readonly string _path = Path.Combine(Path.GetTempPath(), $"transition-tracker-reference-test-{Guid.NewGuid():N}.db");

    private string ConnectionString => $"Data Source={_path}";

    public Task InitializeAsync() => Initialisers.InitialiseAsync(DatabaseProvider.Sqlite, ConnectionString, seedDemo: false);

    [Fact]
    public async Task A_seeded_database_is_not_parsed_again()
    {
        // Practice rows that the parser refuses, as many as the real file has: only a seeder that parses fails on them.
        var unparseable = ReferenceDataFiles.ReadPractices().Count;
        var source = SourceWith(ReferenceDataFiles.Practices, "code,name\n" + string.Concat(Enumerable.Repeat("not,a practice\n", unparseable)));
        Assert.ThrowsAny<Exception>(() => source.ReadPractices());

        var loaded = await SeedAsync(source);

        Assert.False(loaded);
        Assert.Equal(unparseable, await CountPracticesAsync());
    }

    [Fact]
    public async Task A_practice_added_to_the_file_is_noticed_and_loaded()
    {
        var embedded = ReadEmbedded(ReferenceDataFiles.Practices);
        var before = await CountPracticesAsync();

        var loaded = await SeedAsync(SourceWith(ReferenceDataFiles.Practices, embedded.TrimEnd('\n', '\r') + "\n" + NewPracticeLine + "\n"));

        Assert.True(loaded);
        Assert.Equal(before + 1, await CountPracticesAsync());
        await using var db = Initialisers.NewContext(DatabaseProvider.Sqlite, ConnectionString);
        var added = await db.Practices.SingleAsync(p => p.Code == "Z99999");
        Assert.Equal(("THE NEW SURGERY", "5D7", 1234), (added.Name, added.PctCode, added.ListSize));
    }

    [Fact]
    public async Task A_practice_missing_from_the_database_is_added_back()
    {
        await using (var db = Initialisers.NewContext(DatabaseProvider.Sqlite, ConnectionString))
        {
            Assert.Equal(1, await db.Practices.Where(p => p.Code == "A81001").ExecuteDeleteAsync());
        }

        var loaded = await SeedAsync(ReferenceDataSource.Embedded);

        Assert.True(loaded);
        Assert.Equal(ReferenceDataFiles.ReadPractices().Count, await CountPracticesAsync());
        await using var check = Initialisers.NewContext(DatabaseProvider.Sqlite, ConnectionString);
        Assert.True(await check.Practices.AnyAsync(p => p.Code == "A81001"));
    }

    [Fact]
    public async Task A_database_holding_more_practices_than_the_files_loads_nothing()
    {
        // As a database from the generate command does: every file row present, plus synthetic copies.
        await using (var db = Initialisers.NewContext(DatabaseProvider.Sqlite, ConnectionString))
        {
            db.AuditingEnabled = false;
            db.Practices.Add(new Domain.Organisations.Practice("Z99999", "THE NEW SURGERY", "5D7", 1234, "test row"));
            await db.SaveChangesAsync();
        }

        var loaded = await SeedAsync(ReferenceDataSource.Embedded);

        Assert.False(loaded);
        Assert.Equal(ReferenceDataFiles.ReadPractices().Count + 1, await CountPracticesAsync());
    }

    public Task DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        File.Delete(_path);
        File.Delete(_path + ".migrations.lock");
        return Task.CompletedTask;
    }

    private async Task<bool> SeedAsync(ReferenceDataSource source)
    {
        await using var db = Initialisers.NewContext(DatabaseProvider.Sqlite, ConnectionString);
        return await new ReferenceDataSeeder(db, NullLogger<ReferenceDataSeeder>.Instance, source).SeedAsync(CancellationToken.None);
    }

    private async Task<int> CountPracticesAsync()
    {
        await using var db = Initialisers.NewContext(DatabaseProvider.Sqlite, ConnectionString);
        return await db.Practices.CountAsync();
    }

    /// <summary>The embedded files, except one whose text is given.</summary>
    private static ReferenceDataSource SourceWith(string file, string text) =>
        new(name => name == file ? new StringReader(text) : ReferenceDataFiles.OpenEmbedded(name));

    private static string ReadEmbedded(string file)
    {
        using var reader = ReferenceDataFiles.OpenEmbedded(file);
        return reader.ReadToEnd();
    }
}
