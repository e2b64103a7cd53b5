using Microsoft.EntityFrameworkCore;
using TransitionTracker.Application.Access;
using TransitionTracker.Application.Caching;
using TransitionTracker.Data;
using TransitionTracker.Data.Auditing;

namespace TransitionTracker.Application.Persistence;

/// <summary>
/// Opens the short-lived DbContext of one operation (docs/architecture.md, "Layers"): each use case opens one, uses
/// it, and disposes it, so nothing tracked survives between two calls and a use case is safe to call from a long-lived
/// interactive circuit. Changes saved through it are audited as made by the acting user, and a save makes this scope
/// forget the data stamp it read (<see cref="DataStamp"/>), so its next read sees the change.
/// </summary>
public sealed class DbContexts(IDbContextFactory<TransitionTrackerDbContext> factory, DataStamp stamp)
{
    /// <summary>A new context for reading only: nothing it loads is tracked.</summary>
    public TransitionTrackerDbContext OpenForReading()
    {
        var db = Open(new AuditActor());
        db.ChangeTracker.QueryTrackingBehavior = QueryTrackingBehavior.NoTracking;
        return db;
    }

    /// <summary>A new context; its saves are recorded as made by <paramref name="actor"/> (the system when null).</summary>
    public TransitionTrackerDbContext Open(ActingUser? actor) =>
        Open(new AuditActor { Name = actor?.AuditName ?? AuditActor.System });

    /// <summary>A new context whose saves are recorded as made by <paramref name="actor"/>.</summary>
    public TransitionTrackerDbContext Open(AuditActor actor)
    {
        var db = factory.CreateDbContext();
        db.Actor = actor;
        db.SavedChanges += (_, _) => stamp.Forget();
        return db;
    }
}
