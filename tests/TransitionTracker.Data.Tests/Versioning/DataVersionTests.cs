using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using TransitionTracker.Data.Versioning;
using TransitionTracker.Domain.Organisations;

namespace TransitionTracker.Data.Tests.Versioning;

/// <summary>
/// The data stamp the web app's read cache trusts: every save that changes anything gives it a new value in the same
/// transaction, and nothing else does. Synchronous saves work, except those that would have to rewrite derived records.
/// </summary>
public sealed class DataVersionTests : IAsyncLifetime
{
    private readonly string _file = Path.Combine(Path.GetTempPath(), $"tt-stamp-{Guid.NewGuid():N}.db");

    private string ConnectionString => $"Data Source={_file}";

    public async Task InitializeAsync()
    {
        await using var db = Initialisers.NewContext(DatabaseProvider.Sqlite, ConnectionString);
        await db.Database.MigrateAsync();
    }

    public Task DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        File.Delete(_file);
        return Task.CompletedTask;
    }

    [Fact]
    public async Task A_new_database_starts_at_stamp_zero_and_a_save_that_adds_something_replaces_it()
    {
        Assert.Equal(0, await StampAsync());

        await using (var db = NewContext())
        {
            db.Regions.Add(new Region("Q99", "Test region", null));
            await db.SaveChangesAsync();
        }

        var afterAdd = await StampAsync();
        Assert.NotEqual(0, afterAdd);

        await using (var db = NewContext())
        {
            db.Regions.Remove(await db.Regions.SingleAsync(r => r.Code == "Q99"));
            db.SaveChanges();
        }

        var afterDelete = await StampAsync();
        Assert.NotEqual(0, afterDelete);
        Assert.NotEqual(afterAdd, afterDelete);
    }

    [Fact]
    public async Task A_synchronous_save_of_what_derived_records_are_made_from_is_refused_and_writes_nothing()
    {
        var before = await StampAsync();
        await using (var db = NewContext())
        {
            db.Lessons.Add(new TransitionTracker.Domain.Lessons.Lesson("00G", "governance", "A lesson", "What we learned.", "test", DateTime.UtcNow));
            var refused = Assert.Throws<InvalidOperationException>(() => db.SaveChanges());
            Assert.Contains("SaveChangesAsync", refused.Message, StringComparison.Ordinal);
        }

        Assert.Equal(before, await StampAsync());
        await using (var db = NewContext())
        {
            Assert.Equal(0, await db.Lessons.CountAsync());
        }
    }

    [Fact]
    public async Task A_save_with_nothing_changed_keeps_the_stamp()
    {
        await using (var db = NewContext())
        {
            db.Regions.Add(new Region("Q98", "Test region", null));
            await db.SaveChangesAsync();
        }

        var before = await StampAsync();
        await using (var db = NewContext())
        {
            _ = await db.Regions.SingleAsync(r => r.Code == "Q98");
            Assert.Equal(0, await db.SaveChangesAsync());
        }

        Assert.Equal(before, await StampAsync());
    }

    [Fact]
    public async Task A_save_rolled_back_leaves_the_stamp_as_it_was()
    {
        var before = await StampAsync();
        await using (var db = NewContext())
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            db.Regions.Add(new Region("Q97", "Test region", null));
            await db.SaveChangesAsync();
            Assert.NotEqual(before, await db.DataVersions.AsNoTracking().Where(v => v.Id == DataVersion.RowId).Select(v => v.Stamp).SingleAsync());
            await transaction.RollbackAsync();
        }

        Assert.Equal(before, await StampAsync());
        await using var check = NewContext();
        Assert.False(await check.Regions.AnyAsync(r => r.Code == "Q97"));
    }

    [Fact]
    public async Task A_migrated_database_has_the_whole_data_and_wide_rows_so_stamps_replaced_by_hand_reach_every_scope()
    {
        await using var db = NewContext();
        Assert.Equal(
            [DataVersion.RowId, DataVersion.WideRowId],
            await db.DataVersions.AsNoTracking().OrderBy(v => v.Id).Select(v => v.Id).ToListAsync());
    }

    [Fact]
    public async Task Restamping_for_a_bulk_load_gives_every_row_one_new_stamp()
    {
        var before = await StampAsync();
        await using (var db = NewContext())
        {
            await DataVersion.UpsertAsync(db, [DataVersion.RegionRowId("Q30")], 5, CancellationToken.None);
            await DataVersion.RestampAsync(db, CancellationToken.None);
        }

        Assert.NotEqual(before, await StampAsync());
        await using var check = NewContext();
        var stamps = await check.DataVersions.AsNoTracking().Select(v => v.Stamp).ToListAsync();
        Assert.Equal(3, stamps.Count);
        Assert.Single(stamps.Distinct());
    }

    private TransitionTrackerDbContext NewContext() => Initialisers.NewContext(DatabaseProvider.Sqlite, ConnectionString);

    private async Task<long> StampAsync()
    {
        await using var db = NewContext();
        return await db.DataVersions.AsNoTracking().Where(v => v.Id == DataVersion.RowId).Select(v => v.Stamp).SingleAsync();
    }
}
