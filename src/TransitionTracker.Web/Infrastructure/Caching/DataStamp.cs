using Microsoft.EntityFrameworkCore;
using TransitionTracker.Data;
using TransitionTracker.Data.Versioning;

namespace TransitionTracker.Web.Infrastructure.Caching;

/// <summary>
/// The data's current stamp (<see cref="DataVersion"/>), read from the database at most once per request: one
/// primary-key read. A save in this request forgets it, so reads after the save see the new stamp.
/// </summary>
public sealed class DataStamp
{
    private readonly TransitionTrackerDbContext _db;
    private long? _stamp;

    public DataStamp(TransitionTrackerDbContext db)
    {
        _db = db;
        _db.SavedChanges += (_, _) => _stamp = null;
    }

    public async ValueTask<long> CurrentAsync(CancellationToken cancellationToken)
    {
        if (_stamp is { } known)
        {
            return known;
        }

        var stamp = _db switch
        {
            SqliteTransitionTrackerDbContext sqlite => await SqliteStamp(sqlite, cancellationToken),
            PostgresTransitionTrackerDbContext postgres => await PostgresStamp(postgres, cancellationToken),
            _ => await Stamp(_db).FirstAsync(cancellationToken),
        };
        _stamp = stamp;
        return stamp;
    }

    // Compiled once per provider: the read runs on every request, and building and looking up the LINQ query cost more
    // than the read itself.
    private static readonly Func<SqliteTransitionTrackerDbContext, CancellationToken, Task<long>> SqliteStamp =
        EF.CompileAsyncQuery((SqliteTransitionTrackerDbContext db, CancellationToken _) => Stamp(db).First());

    private static readonly Func<PostgresTransitionTrackerDbContext, CancellationToken, Task<long>> PostgresStamp =
        EF.CompileAsyncQuery((PostgresTransitionTrackerDbContext db, CancellationToken _) => Stamp(db).First());

    private static IQueryable<long> Stamp(TransitionTrackerDbContext db) =>
        db.DataVersions.AsNoTracking().Where(v => v.Id == DataVersion.RowId).Select(v => v.Stamp);

    /// <summary>Forgets the stamp read in this request, after a write that did not go through SaveChanges.</summary>
    public void Forget() => _stamp = null;
}
