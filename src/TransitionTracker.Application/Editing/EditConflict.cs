using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using TransitionTracker.Data;
using TransitionTracker.Data.Auditing;

namespace TransitionTracker.Application.Editing;

/// <summary>
/// Someone saved the record after the editor read it: the revision now stored (a deliberate second save is based on
/// it), and who changed what and when, from the audit trail (null and empty only if no change is recorded).
/// </summary>
public sealed record EditConflict(int? CurrentRevision, string? ChangedBy, DateTime? ChangedAtUtc, IReadOnlyList<FieldChange> Changes)
{
    /// <summary>
    /// The latest recorded change to a record of <paramref name="entityType"/> with <paramref name="key"/> (to any of
    /// the consortium's records of that type when the key is null).
    /// </summary>
    public static Task<EditConflict> LatestAsync(
        TransitionTrackerDbContext db, string entityType, string? consortiumCode, string? key, int? currentRevision, CancellationToken cancellationToken) =>
        LatestAmongAsync(
            db.AuditEntries.Where(a => a.EntityType == entityType && (consortiumCode == null || a.ConsortiumCode == consortiumCode) && (key == null || a.EntityKey == key)),
            currentRevision,
            cancellationToken);

    /// <summary>The latest of <paramref name="entries"/>: for a change that spans several records or types.</summary>
    public static async Task<EditConflict> LatestAmongAsync(IQueryable<AuditEntry> entries, int? currentRevision, CancellationToken cancellationToken)
    {
        var latest = await entries.AsNoTracking()
            .OrderByDescending(a => a.Id)
            .Select(a => new { a.Actor, a.AtUtc, a.Changes })
            .FirstOrDefaultAsync(cancellationToken);
        var changes = latest is null ? [] : JsonSerializer.Deserialize<List<FieldChange>>(latest.Changes, JsonSerializerOptions.Web) ?? [];
        return new EditConflict(currentRevision, latest?.Actor, latest?.AtUtc, changes);
    }
}
