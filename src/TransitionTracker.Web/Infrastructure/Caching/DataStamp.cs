using TransitionTracker.Data;
using TransitionTracker.Data.Versioning;

namespace TransitionTracker.Web.Infrastructure.Caching;

/// <summary>
/// The data's current stamp (<see cref="DataVersion"/>), read from the database at most once per request (one
/// primary-key read, by <see cref="DataStampReader"/>). A save through this request's DbContext forgets it, so reads
/// after the save see the new stamp.
/// </summary>
public sealed class DataStamp
{
    private readonly DataStampReader _reader;
    private readonly TransitionTrackerDbContext _db;
    private long? _stamp;

    public DataStamp(DataStampReader reader, TransitionTrackerDbContext db)
    {
        _reader = reader;
        _db = db;
        db.SavedChanges += (_, _) => _stamp = null;
    }

    /// <summary>
    /// True while this request's DbContext has a transaction open: what it reads may not be committed (and may be
    /// rolled back), so it must not be kept, and the committed stamp says nothing about it.
    /// </summary>
    public bool InTransaction => _db.Database.CurrentTransaction is not null;

    public async ValueTask<long> CurrentAsync(CancellationToken cancellationToken)
    {
        if (_stamp is { } known)
        {
            return known;
        }

        var stamp = await _reader.ReadAsync(cancellationToken);
        _stamp = stamp;
        return stamp;
    }
}
