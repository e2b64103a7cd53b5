using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace TransitionTracker.Data.Seeding;

/// <summary>
/// A seeder's transaction: its own when none is open, otherwise the one already open, so that start-up seeding and
/// the <c>generate</c> command can run every seeder as one unit of work. Only the transaction's owner commits; a
/// joined one is committed (or rolled back) by whoever opened it.
/// </summary>
public sealed class SeedingTransaction : IAsyncDisposable
{
    private readonly IDbContextTransaction? _owned;

    private SeedingTransaction(IDbContextTransaction? owned) => _owned = owned;

    public static async Task<SeedingTransaction> BeginOrJoinAsync(TransitionTrackerDbContext db, CancellationToken cancellationToken) =>
        db.Database.CurrentTransaction is null
            ? new SeedingTransaction(await db.Database.BeginTransactionAsync(cancellationToken))
            : new SeedingTransaction(null);

    public Task CommitAsync(CancellationToken cancellationToken) =>
        _owned?.CommitAsync(cancellationToken) ?? Task.CompletedTask;

    public ValueTask DisposeAsync() => _owned?.DisposeAsync() ?? ValueTask.CompletedTask;
}
