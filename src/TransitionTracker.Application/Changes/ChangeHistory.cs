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

    /// <summary>One page of the consortium's changes, newest first, as <see cref="PageAsync(ActingUser?, string, ChangeListQuery, CancellationToken)"/>.</summary>
    public Task<ChangeHistoryPage?> PageAsync(ActingUser? user, string consortiumCode, int pageNumber, CancellationToken cancellationToken) =>
        PageAsync(user, consortiumCode, new ChangeListQuery(Page: pageNumber), cancellationToken);

    /// <summary>
    /// One page of the consortium's changes that match <paramref name="query"/>, searched, filtered, ordered and paged
    /// in the database, or null when there is no such page (or the user may not read the consortium). A change is one
    /// save: the audit entries one person's save wrote at one moment (an assessment submission and all its answers).
    /// A change matches a kind when one of its entries is about a record of that kind, and a search when the person's
    /// e-mail address, the kind of one of its records, or a value one of its entries recorded contains the text.
    /// </summary>
    public async Task<ChangeHistoryPage?> PageAsync(ActingUser? user, string consortiumCode, ChangeListQuery query, CancellationToken cancellationToken)
    {
        var code = OrganisationCode.TryNormalise(consortiumCode);
        if (code is null || !await scope.CanReadConsortiumAsync(user, code, cancellationToken))
        {
            return null;
        }

        return await ReadAsync(code, query, PageSize, cancellationToken);
    }

    /// <summary>
    /// Every change of the consortium that matches <paramref name="query"/> (its page is not used), in its order: what
    /// an export of the list holds (docs/architecture.md, "Exports"); null as for <see cref="PageAsync(ActingUser?, string, ChangeListQuery, CancellationToken)"/>.
    /// </summary>
    public async Task<IReadOnlyList<RecordedSave>?> AllAsync(ActingUser? user, string consortiumCode, ChangeListQuery query, CancellationToken cancellationToken)
    {
        var code = OrganisationCode.TryNormalise(consortiumCode);
        if (code is null || !await scope.CanReadConsortiumAsync(user, code, cancellationToken))
        {
            return null;
        }

        return (await ReadAsync(code, query with { Page = 1 }, int.MaxValue, cancellationToken))!.Saves;
    }

    // One page of pageSize changes (every change on one page for int.MaxValue), or null when there is no such page.
    private async Task<ChangeHistoryPage?> ReadAsync(string code, ChangeListQuery query, int pageSize, CancellationToken cancellationToken)
    {
        await using var db = contexts.OpenForReading();
        var entries = db.AuditEntries.AsNoTracking().Where(a => a.ConsortiumCode == code);
        var groups = entries.GroupBy(a => new { a.AtUtc, a.Actor });
        var total = await groups.CountAsync(cancellationToken);
        if (query.Kind is { } kind)
        {
            var types = ChangeListQuery.InfoOf(kind).EntityTypes.ToList();
            groups = groups.Where(g => g.Count(a => types.Contains(a.EntityType)) > 0);
        }

        if (!string.IsNullOrEmpty(query.Search))
        {
            var search = query.Search.ToUpperInvariant();
            var stored = ChangeListQuery.AsStored(query.Search).ToUpperInvariant();
            var named = ChangeListQuery.Kinds.Where(k => k.Name.Contains(query.Search, StringComparison.OrdinalIgnoreCase)).SelectMany(k => k.EntityTypes).ToList();
            groups = groups.Where(g => g.Key.Actor.ToUpper().Contains(search)
                || g.Count(a => named.Contains(a.EntityType) || a.Changes.ToUpper().Contains(stored)) > 0);
        }

        var saves = groups.Select(g => new { g.Key.AtUtc, g.Key.Actor, First = g.Min(a => a.Id), Last = g.Max(a => a.Id) });
        var matching = query.IsFiltered ? await saves.CountAsync(cancellationToken) : total;
        var pageCount = pageSize == int.MaxValue ? 1 : Math.Max(1, (matching + pageSize - 1) / pageSize);
        if (query.Page < 1 || query.Page > pageCount)
        {
            return null;
        }

        // Ids grow with every save, so they order changes even when several share a time.
        var ordered = query.OldestFirst ? saves.OrderBy(s => s.Last) : saves.OrderByDescending(s => s.Last);
        var page = await ordered
            .Skip((query.Page - 1) * pageSize).Take(pageSize)
            .ToListAsync(cancellationToken);
        if (page.Count == 0)
        {
            return new ChangeHistoryPage([], query.Page, pageCount, total, matching);
        }

        var from = page.Min(s => s.First);
        var to = page.Max(s => s.Last);
        // A filtered page's changes can lie far apart: their times keep out the entries of the changes between them.
        var times = page.Select(s => s.AtUtc).Distinct().ToList();
        var written = await entries.Where(a => a.Id >= from && a.Id <= to && times.Contains(a.AtUtc)).OrderBy(a => a.Id).ToListAsync(cancellationToken);
        var recorded = page
            .Select(s => new RecordedSave(
                s.AtUtc,
                s.Actor,
                written.Where(a => a.AtUtc == s.AtUtc && a.Actor == s.Actor).Select(ToRecordedEntry).ToList()))
            .ToList();
        return new ChangeHistoryPage(recorded, query.Page, pageCount, total, matching);
    }

    private static RecordedEntry ToRecordedEntry(AuditEntry entry) => new(
        entry.EntityType,
        entry.EntityKey,
        entry.Action,
        JsonSerializer.Deserialize<List<FieldChange>>(entry.Changes, JsonSerializerOptions.Web) ?? []);
}
