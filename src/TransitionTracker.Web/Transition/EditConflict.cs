using Microsoft.EntityFrameworkCore;
using TransitionTracker.Data;

namespace TransitionTracker.Web.Transition;

/// <summary>
/// Someone saved the record after the form was opened: who and when, from the audit trail (both null only if no
/// change is recorded). The page then shows the stored revision, so saving again is a deliberate choice.
/// </summary>
public sealed record EditConflict(string? ChangedBy, DateTime? ChangedAtUtc)
{
    /// <summary>The latest recorded change to the consortium's records of one type (to one of them when a key is given).</summary>
    internal static async Task<EditConflict> LatestAsync(
        TransitionTrackerDbContext db, string entityType, string consortiumCode, int? id, CancellationToken cancellationToken)
    {
        var key = id?.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var latest = await db.AuditEntries.AsNoTracking()
            .Where(a => a.EntityType == entityType && a.ConsortiumCode == consortiumCode && (key == null || a.EntityKey == key))
            .OrderByDescending(a => a.Id)
            .Select(a => new { a.Actor, a.AtUtc })
            .FirstOrDefaultAsync(cancellationToken);
        return new EditConflict(latest?.Actor, latest?.AtUtc);
    }
}
