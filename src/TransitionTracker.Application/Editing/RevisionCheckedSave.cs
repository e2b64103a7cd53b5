using Microsoft.EntityFrameworkCore;
using TransitionTracker.Application.Telemetry;
using TransitionTracker.Data;
using TransitionTracker.Domain;

namespace TransitionTracker.Application.Editing;

/// <summary>
/// The one revision rule every editable record follows (docs/architecture.md, "Editing: one outcome, one revision
/// rule"): a change says which revision it was based on; if the record has moved on since, or another save wins the
/// race (the revision is also the row's concurrency token), the change is refused with what changed meanwhile, and
/// nothing is stored. A change that changes nothing is saved without a write.
/// </summary>
public sealed class RevisionCheckedSave(TransitionTrackerMetrics metrics)
{
    /// <param name="db">The operation's context, tracking <paramref name="stored"/>.</param>
    /// <param name="stored">The record as stored now, or null when there is none (or the acting user may not change it).</param>
    /// <param name="basedOn">The revision the change was based on; null when the edit did not say.</param>
    /// <param name="change">Checks the input and applies it to the record: the problems found (then nothing is applied), or none.</param>
    /// <param name="conflict">What changed meanwhile, from the audit trail, for the revision now stored.</param>
    public async Task<EditOutcome> SaveAsync<TRecord>(
        TransitionTrackerDbContext db,
        TRecord? stored,
        int? basedOn,
        Func<TRecord, IReadOnlyList<FieldProblem>> change,
        Func<TRecord, CancellationToken, Task<EditConflict>> conflict,
        Func<TRecord, int?> id,
        CancellationToken cancellationToken)
        where TRecord : class, IRevisioned
    {
        if (stored is null)
        {
            return EditOutcome.NotFound();
        }

        if (basedOn is null)
        {
            return EditOutcome.RevisionRequired();
        }

        if (basedOn != stored.Revision)
        {
            return await RefusedAsync(stored, conflict, cancellationToken);
        }

        var problems = change(stored);
        if (problems.Count > 0)
        {
            return EditOutcome.Invalid(problems);
        }

        if (!db.ChangeTracker.HasChanges())
        {
            return EditOutcome.Saved(id(stored), stored.Revision);
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return EditOutcome.Saved(id(stored), stored.Revision);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return await RefusedAsync(stored, conflict, cancellationToken);
        }
    }

    /// <summary>Counts a refused save (the conflicts counter, docs/operations.md "Telemetry") and says what changed meanwhile.</summary>
    public async Task<EditOutcome> RefusedAsync<TRecord>(
        TRecord stored, Func<TRecord, CancellationToken, Task<EditConflict>> conflict, CancellationToken cancellationToken)
        where TRecord : class
    {
        metrics.EditConflict(typeof(TRecord).Name);
        return EditOutcome.Refused(await conflict(stored, cancellationToken));
    }
}
