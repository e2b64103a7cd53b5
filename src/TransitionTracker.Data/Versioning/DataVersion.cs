using Microsoft.EntityFrameworkCore;

namespace TransitionTracker.Data.Versioning;

/// <summary>
/// The one row (<see cref="RowId"/>) whose <see cref="Stamp"/> is replaced, in the same transaction, by every save
/// that changes anything (<see cref="TransitionTrackerDbContext"/>). Two reads of the same stamp therefore saw the same
/// committed data, which is what lets every app instance keep the results of its read queries in memory and reuse them
/// until the stamp changes (the web app's <c>ReadCache</c>). A stamp is a random number, not a counter, so that writing
/// it needs no read first; any new value means "changed".
/// </summary>
public sealed class DataVersion
{
    public const int RowId = 1;

    public int Id { get; set; }

    public long Stamp { get; set; }

    /// <summary>A new stamp: random, never zero (zero is the value a fresh database starts with).</summary>
    public static long NewStamp()
    {
        long stamp;
        do
        {
            stamp = Random.Shared.NextInt64(long.MinValue, long.MaxValue);
        }
        while (stamp == 0);

        return stamp;
    }

    /// <summary>
    /// Gives the data a new stamp, for writes that do not go through <c>SaveChanges</c> (bulk loads): in the caller's
    /// transaction when one is open.
    /// </summary>
    public static Task<int> RestampAsync(TransitionTrackerDbContext db, CancellationToken cancellationToken)
    {
        var stamp = NewStamp();
        return db.DataVersions.Where(v => v.Id == RowId).ExecuteUpdateAsync(s => s.SetProperty(v => v.Stamp, stamp), cancellationToken);
    }
}
