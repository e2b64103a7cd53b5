using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using TransitionTracker.Application.Access;
using TransitionTracker.Application.Persistence;
using TransitionTracker.Data.Auditing;
using TransitionTracker.Domain.Organisations;

namespace TransitionTracker.Application.Changes;

/// <summary>Reads a consortium's audit trail a page at a time, for those who may read the consortium.</summary>
public sealed class ChangeHistory(DbContexts contexts, OrganisationScope scope)
{
    public const int PageSize = 25;

    /// <summary>
    /// One page of the consortium's changes, newest first, or null when there is no such page (or the user may not
    /// read the consortium). A change is one save: the audit entries one person's save wrote at one moment (an
    /// assessment submission and all its answers).
    /// </summary>
    public async Task<ChangeHistoryPage?> PageAsync(ActingUser? user, string consortiumCode, int pageNumber, CancellationToken cancellationToken)
    {
        var code = OrganisationCode.TryNormalise(consortiumCode);
        if (code is null || !await scope.CanReadConsortiumAsync(user, code, cancellationToken))
        {
            return null;
        }

        await using var db = contexts.OpenForReading();
        var entries = db.AuditEntries.AsNoTracking().Where(a => a.ConsortiumCode == code);
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
        var recorded = page
            .Select(s => new RecordedSave(
                s.AtUtc,
                s.Actor,
                written.Where(a => a.AtUtc == s.AtUtc && a.Actor == s.Actor).Select(ToRecordedEntry).ToList()))
            .ToList();
        return new ChangeHistoryPage(recorded, pageNumber, pageCount, total);
    }

    private static RecordedEntry ToRecordedEntry(AuditEntry entry) => new(
        entry.EntityType,
        entry.EntityKey,
        entry.Action,
        JsonSerializer.Deserialize<List<FieldChange>>(entry.Changes, JsonSerializerOptions.Web) ?? []);
}
