using Microsoft.EntityFrameworkCore;
using TransitionTracker.Data;
using TransitionTracker.Data.Auditing;

namespace TransitionTracker.Web.Components.Pages.Consortia.Changes;

/// <summary>Reads the audit trail: a consortium's changes a page at a time, or the latest change to one entity.</summary>
public sealed class ChangeHistory(TransitionTrackerDbContext db)
{
    public const int PageSize = 25;

    /// <summary>One page of the consortium's changes, newest first, or null when there is no such page.</summary>
    public async Task<ChangeHistoryPage?> PageAsync(string consortiumCode, int pageNumber, CancellationToken cancellationToken)
    {
        var entries = db.AuditEntries.AsNoTracking().Where(a => a.ConsortiumCode == consortiumCode);
        var total = await entries.CountAsync(cancellationToken);
        var pageCount = Math.Max(1, (total + PageSize - 1) / PageSize);
        if (pageNumber < 1 || pageNumber > pageCount)
        {
            return null;
        }

        // Ids grow with every save, so they order changes even when several share a time.
        var page = await entries
            .OrderByDescending(a => a.Id)
            .Skip((pageNumber - 1) * PageSize).Take(PageSize)
            .ToListAsync(cancellationToken);
        return new ChangeHistoryPage(page.Select(ToRecordedChange).ToList(), pageNumber, pageCount, total);
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
