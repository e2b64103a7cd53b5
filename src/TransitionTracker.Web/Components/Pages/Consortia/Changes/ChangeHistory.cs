using Microsoft.EntityFrameworkCore;
using TransitionTracker.Data;
using TransitionTracker.Data.Auditing;

namespace TransitionTracker.Web.Components.Pages.Consortia.Changes;

/// <summary>Reads the audit trail: a consortium's changes a page at a time, or the latest change to one entity.</summary>
public sealed class ChangeHistory(TransitionTrackerDbContext db)
{
    public const int PageSize = 25;

    /// <summary>
    /// One page of the consortium's changes, newest first, or null when there is no such page. A change is one save:
    /// the audit entries one person's save wrote at one moment (an assessment submission and all its answers).
    /// </summary>
    public async Task<ChangeHistoryPage?> PageAsync(string consortiumCode, int pageNumber, CancellationToken cancellationToken)
    {
        var entries = db.AuditEntries.AsNoTracking().Where(a => a.ConsortiumCode == consortiumCode);
        var saves = entries
            .GroupBy(a => new { a.AtUtc, a.Actor })
            .Select(g => new { g.Key.AtUtc, g.Key.Actor, First = g.Min(a => a.Id), Last = g.Max(a => a.Id) });
        var total = await saves.CountAsync(cancellationToken);
        var pageCount = Math.Max(1, (total + PageSize - 1) / PageSize);
        if (pageNumber < 1 || pageNumber > pageCount)
        {
            return null;
        }

        // Ids grow with every save, so they order changes even when several share a time.
        var page = await saves
            .OrderByDescending(s => s.Last)
            .Skip((pageNumber - 1) * PageSize).Take(PageSize)
            .ToListAsync(cancellationToken);
        if (page.Count == 0)
        {
            return new ChangeHistoryPage([], pageNumber, pageCount, total);
        }

        var from = page.Min(s => s.First);
        var to = page.Max(s => s.Last);
        var written = await entries.Where(a => a.Id >= from && a.Id <= to).OrderBy(a => a.Id).ToListAsync(cancellationToken);
        var changes = page
            .Select(s => new ChangeSet(s.AtUtc, s.Actor, ChangeItems.From(written.Where(a => a.AtUtc == s.AtUtc && a.Actor == s.Actor).ToList())))
            .ToList();
        return new ChangeHistoryPage(changes, pageNumber, pageCount, total);
    }

    /// <summary>The most recent change to one entity (by its audit type name and key), or null when none is recorded.</summary>
    public async Task<RecordedChange?> LatestAsync(string entityType, string entityKey, CancellationToken cancellationToken)
    {
        var entry = await db.AuditEntries.AsNoTracking()
            .Where(a => a.EntityType == entityType && a.EntityKey == entityKey)
            .OrderByDescending(a => a.Id)
            .FirstOrDefaultAsync(cancellationToken);
        return entry is null ? null : ToRecordedChange(entry);
    }

    private static RecordedChange ToRecordedChange(AuditEntry entry) => new(
        entry.AtUtc,
        entry.Actor,
        ChangeWording.Entity(entry.EntityType),
        ChangeWording.Action(entry.Action),
        entry.EntityKey,
        ChangeWording.Fields(entry.Changes));
}
