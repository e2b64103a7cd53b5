using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using TransitionTracker.Domain.Assessments;
using TransitionTracker.Domain.Organisations;

namespace TransitionTracker.Data.Auditing;

/// <summary>
/// Records every change saved through the DbContext, in the same save: who, when, which entity, and the old and
/// new value of each changed field. Secrets (password hashes, stamps) are recorded as changed, never by value;
/// data-protection keys not at all.
/// An added row's key, and its foreign keys to other added rows, hold temporary values until the database generates
/// them, so its entry is written again right after the save, with the real values. One instance serves every
/// context: the actor and the save's working state belong to the context (<see cref="TransitionTrackerDbContext.Actor"/>).
/// </summary>
public sealed class AuditSaveChangesInterceptor(TimeProvider clock) : SaveChangesInterceptor
{
    private static readonly HashSet<string> Secret = new(StringComparer.Ordinal)
    {
        "PasswordHash", "SecurityStamp", "ConcurrencyStamp",
    };

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Record(eventData.Context);
        return base.SavingChangesAsync(eventData, result, cancellationToken);
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Record(eventData.Context);
        return base.SavingChanges(eventData, result);
    }

    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is TransitionTrackerDbContext db && FixKeys(db))
        {
            db.FixingAuditKeys = true;
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            finally
            {
                db.FixingAuditKeys = false;
            }
        }

        return await base.SavedChangesAsync(eventData, result, cancellationToken);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        if (eventData.Context is TransitionTrackerDbContext db && FixKeys(db))
        {
            db.FixingAuditKeys = true;
            try
            {
                db.SaveChanges();
            }
            finally
            {
                db.FixingAuditKeys = false;
            }
        }

        return base.SavedChanges(eventData, result);
    }

    private void Record(DbContext? context)
    {
        if (context is not TransitionTrackerDbContext { AuditingEnabled: true, FixingAuditKeys: false } db)
        {
            return;
        }

        db.ChangeTracker.DetectChanges();
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var entry in db.ChangeTracker.Entries().ToList())
        {
            // Data-protection keys are key material: never copied into the trail that administrators read. An evidence
            // file's bytes are not either: its attachment's row, with the file's SHA-256, records the upload or removal.
            if (entry.Entity is AuditEntry or Domain.Evidence.EvidenceContent or DomainScore or MonthlyTrack or MonthlyCompetencyAssessment or Versioning.DataVersion or Identity.SignInThrottle or DataProtectionKey or Notifications.Notification or Notifications.ScheduledRun || entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted))
            {
                continue;
            }

            var changes = Changes(entry, entry.State);
            if (entry.State == EntityState.Modified && changes.All(c => c.Old == c.New))
            {
                continue;
            }

            var audit = new AuditEntry
            {
                AtUtc = now,
                Actor = db.Actor.Name,
                EntityType = entry.Metadata.ClrType.Name,
                EntityKey = Key(entry),
                Action = entry.State.ToString(),
                ConsortiumCode = ConsortiumOf(db, entry),
                Changes = JsonSerializer.Serialize(changes, JsonSerializerOptions.Web),
            };
            db.AuditEntries.Add(audit);
            if (entry.State == EntityState.Added && entry.Properties.Any(p => p.IsTemporary))
            {
                db.AuditKeysPending.Add((entry, audit));
            }
        }
    }

    private static bool FixKeys(TransitionTrackerDbContext db)
    {
        if (db.AuditKeysPending.Count == 0 || db.FixingAuditKeys)
        {
            return false;
        }

        foreach (var (entity, audit) in db.AuditKeysPending)
        {
            audit.EntityKey = Key(entity);
            audit.Changes = JsonSerializer.Serialize(Changes(entity, EntityState.Added), JsonSerializerOptions.Web);
        }

        db.AuditKeysPending.Clear();
        return true;
    }

    /// <param name="state">The state the entry was saved in (after the save an entry is unchanged).</param>
    private static List<FieldChange> Changes(EntityEntry entry, EntityState state)
    {
        var changes = new List<FieldChange>();
        foreach (var property in entry.Properties)
        {
            var name = property.Metadata.Name;
            if (property.Metadata.IsPrimaryKey())
            {
                // The key is the entry's EntityKey, filled in after the save when the database generates it.
                continue;
            }

            var old = state == EntityState.Added ? null : Format(property.OriginalValue);
            var current = state == EntityState.Deleted ? null : Format(property.CurrentValue);
            // A modified row keeps the field that says what it is about (the criterion of an answer), changed or not.
            var identifying = name is "CriterionId";
            if (state == EntityState.Modified && !identifying && (!property.IsModified || old == current))
            {
                continue;
            }

            if (Secret.Contains(name))
            {
                changes.Add(new FieldChange(name, old is null ? null : "(secret)", current is null ? null : "(secret, changed)"));
                continue;
            }

            changes.Add(new FieldChange(name, old, current));
        }

        return changes;
    }

    private static string Key(EntityEntry entry) =>
        string.Join("/", entry.Metadata.FindPrimaryKey()!.Properties.Select(p => Format(entry.Property(p.Name).CurrentValue)));

    /// <summary>The consortium a changed record belongs to, when it belongs to one.</summary>
    internal static string? ConsortiumOf(DbContext db, EntityEntry entry) => entry.Entity switch
    {
        Consortium consortium => consortium.Code,
        AssessmentResponse response => db.ChangeTracker.Entries<Assessment>().FirstOrDefault(a => a.Entity.Id == response.AssessmentId || a.Entity.Responses.Contains(response))?.Entity.ConsortiumCode,
        _ => entry.Metadata.FindProperty("ConsortiumCode") is { } property ? entry.Property(property.Name).CurrentValue as string : null,
    };

    private static string? Format(object? value) => value switch
    {
        null => null,
        DateTime d => d.ToString("O", CultureInfo.InvariantCulture),
        DateTimeOffset d => d.ToString("O", CultureInfo.InvariantCulture),
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };
}
