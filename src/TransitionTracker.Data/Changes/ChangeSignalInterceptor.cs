using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using TransitionTracker.Data.Auditing;

namespace TransitionTracker.Data.Changes;

/// <summary>
/// Announces on <see cref="DataChangeHub"/> what each save changed, once it is committed: straight after the save, or
/// when the transaction it ran in commits (nothing when it rolls back). Only the records a user sees count: the audit
/// trail, the data stamp, throttles, keys, derived scores and monthly tracks are not changes of their own.
/// </summary>
public sealed class ChangeSignalInterceptor(DataChangeHub hub) : SaveChangesInterceptor, IDbTransactionInterceptor
{
    private static readonly HashSet<string> NotChanges = new(StringComparer.Ordinal)
    {
        nameof(AuditEntry), nameof(Versioning.DataVersion), nameof(Identity.SignInThrottle), "DataProtectionKey", "DomainScore", "MonthlyTrack", "MonthlyCompetencyAssessment", "ScheduledRun",
    };

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Collect(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Collect(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        Saved(eventData.Context);
        return result;
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Saved(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData) => Drop(eventData.Context);

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Drop(eventData.Context);
        return Task.CompletedTask;
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Committed(eventData.Context);

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Committed(eventData.Context);
        return Task.CompletedTask;
    }

    public void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => RolledBack(eventData.Context);

    public Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        RolledBack(eventData.Context);
        return Task.CompletedTask;
    }

    public void TransactionFailed(DbTransaction transaction, TransactionErrorEventData eventData) => RolledBack(eventData.Context);

    public Task TransactionFailedAsync(DbTransaction transaction, TransactionErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        RolledBack(eventData.Context);
        return Task.CompletedTask;
    }

    // Before the save, while the entries still say what is added, changed or deleted.
    private static void Collect(DbContext? context)
    {
        // The audit trail's own second save (its new records' keys) is part of the save under way.
        if (context is not TransitionTrackerDbContext { FixingAuditKeys: false } db)
        {
            return;
        }

        var kinds = new HashSet<string>(StringComparer.Ordinal);
        var consortia = new HashSet<string>(StringComparer.Ordinal);
        var pcts = new HashSet<string>(StringComparer.Ordinal);
        var recipients = new HashSet<string>(StringComparer.Ordinal);
        var draftsOnly = true;
        foreach (var entry in db.ChangeTracker.Entries())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted) || NotChanges.Contains(entry.Metadata.ClrType.Name))
            {
                continue;
            }

            kinds.Add(entry.Metadata.ClrType.Name);
            draftsOnly = draftsOnly && Versioning.ScopeStamps.IsDraftOnly(db, entry);
            if (AuditSaveChangesInterceptor.ConsortiumOf(db, entry) is { } consortium)
            {
                consortia.Add(consortium);
            }

            if (ValueOf(entry, "PctCode") is { } pct)
            {
                pcts.Add(pct);
            }

            if (ValueOf(entry, "RecipientId") is { } recipient)
            {
                recipients.Add(recipient);
            }
        }

        db.ChangeBeingSaved = kinds.Count == 0 ? null : new DataChange(kinds, consortia, pcts) { DraftsOnly = draftsOnly, Recipients = recipients };
    }

    private static string? ValueOf(EntityEntry entry, string propertyName) =>
        entry.Metadata.FindProperty(propertyName) is { } property ? entry.Property(property.Name).CurrentValue as string : null;

    private void Saved(DbContext? context)
    {
        if (context is not TransitionTrackerDbContext { FixingAuditKeys: false, ChangeBeingSaved: { } change } db)
        {
            return;
        }

        db.ChangeBeingSaved = null;
        if (db.Database.CurrentTransaction is null)
        {
            hub.Publish(change);
        }
        else
        {
            db.ChangesAwaitingCommit.Add(change);
        }
    }

    private static void Drop(DbContext? context)
    {
        if (context is TransitionTrackerDbContext db)
        {
            db.ChangeBeingSaved = null;
        }
    }

    private void Committed(DbContext? context)
    {
        if (context is not TransitionTrackerDbContext { ChangesAwaitingCommit.Count: > 0 } db)
        {
            return;
        }

        var change = db.ChangesAwaitingCommit.Aggregate((a, b) => a.With(b));
        db.ChangesAwaitingCommit.Clear();
        hub.Publish(change);
    }

    private static void RolledBack(DbContext? context)
    {
        if (context is TransitionTrackerDbContext db)
        {
            db.ChangesAwaitingCommit.Clear();
            db.ChangeBeingSaved = null;
        }
    }
}
