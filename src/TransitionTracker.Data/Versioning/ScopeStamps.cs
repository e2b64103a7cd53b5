using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using TransitionTracker.Domain.Assessments;
using TransitionTracker.Domain.Organisations;

namespace TransitionTracker.Data.Versioning;

/// <summary>
/// The stamps of narrower scopes than the whole data (docs/architecture.md, "The read cache"): besides
/// <see cref="DataVersion.RowId"/>, which every save replaces, <see cref="DataVersion"/> holds one row per region
/// (<see cref="DataVersion.RegionRowId"/>) and one for "wide" changes (<see cref="DataVersion.WideRowId"/>). A save
/// replaces, in its own transaction, the row of every region whose reads it can change, or the wide row when it cannot
/// say (a framework, a region, PCT or practice, a user, a renamed consortium, anything not listed here); edits of a
/// draft checklist replace neither, since no region read shows drafts. A read of one region is then valid while the
/// wide row and that region's row are both unchanged. Rows are made by the first save
/// that needs them; a missing row reads as 0.
/// </summary>
public static class ScopeStamps
{
    // Records no region-scoped read shows: they count for the whole-data stamp only.
    private static readonly HashSet<string> Unscoped = new(StringComparer.Ordinal)
    {
        "AuditEntry", nameof(DataVersion), "SignInThrottle", "DataProtectionKey", "UserSession", "Notification", "ScheduledRun",
        "EvidenceAttachment", "EvidenceContent",
    };

    // Records of one consortium (or PCT) only: a save of them changes the reads of the regions it sits in.
    private static readonly HashSet<string> Scoped = new(StringComparer.Ordinal)
    {
        nameof(Assessment), nameof(AssessmentResponse), nameof(DomainScore), nameof(TrackDecision), nameof(MonthlyTrack),
        "SupportAction", "PlannedFunction", "Milestone", "StaffTransfer", "DeclaredInterest", "Lesson", "QualityIndicator",
        nameof(ConsortiumMembership), nameof(ConsortiumPct), nameof(ConsortiumStageChange), nameof(Consortium),
    };

    /// <summary>What a pending save touches, gathered before it runs (afterwards the entries no longer say).</summary>
    internal sealed class Touched
    {
        public bool Wide { get; set; }

        public HashSet<string> Consortia { get; } = new(StringComparer.Ordinal);

        public HashSet<string> Pcts { get; } = new(StringComparer.Ordinal);

        public HashSet<string> Practices { get; } = new(StringComparer.Ordinal);

        public HashSet<string> Regions { get; } = new(StringComparer.Ordinal);

        public HashSet<int> Assessments { get; } = [];

        public bool IsEmpty => !Wide && Consortia.Count == 0 && Pcts.Count == 0 && Practices.Count == 0 && Regions.Count == 0 && Assessments.Count == 0;
    }

    /// <summary>The scopes the pending changes of <paramref name="db"/> touch; empty when none counts.</summary>
    internal static Touched Collect(TransitionTrackerDbContext db)
    {
        var touched = new Touched();
        foreach (var entry in db.ChangeTracker.Entries())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted))
            {
                continue;
            }

            var kind = entry.Metadata.ClrType.Name;
            if (Unscoped.Contains(kind) || IsDraftOnly(db, entry))
            {
                continue;
            }

            if (!Scoped.Contains(kind) || !CollectScoped(db, entry, touched))
            {
                touched.Wide = true;
                return touched;
            }
        }

        return touched;
    }

    /// <summary>
    /// A draft checklist, or an answer of one, that was a draft before the save and still is: no read kept under a
    /// region's stamp shows drafts (every one reads submitted assessments only), so a draft's edits count for the
    /// whole-data stamp only. Submitting changes the status, which is not draft-only. An answer whose assessment is not
    /// among the entries is placed by the assessment instead (it may not be a draft).
    /// </summary>
    internal static bool IsDraftOnly(TransitionTrackerDbContext db, EntityEntry entry) => entry.Entity switch
    {
        Assessment => IsDraft(entry),
        AssessmentResponse response => db.ChangeTracker.Entries<Assessment>()
            .FirstOrDefault(a => a.Entity.Id == response.AssessmentId || a.Entity.Responses.Contains(response)) is { } assessment && IsDraft(assessment),
        _ => false,
    };

    private static bool IsDraft(EntityEntry assessment)
    {
        var status = assessment.Property(nameof(Assessment.Status));
        return Equals(status.CurrentValue, AssessmentStatus.Draft)
            && (assessment.State == EntityState.Added || Equals(status.OriginalValue, AssessmentStatus.Draft));
    }

    // False when the entry cannot be placed: the save then counts as wide.
    private static bool CollectScoped(TransitionTrackerDbContext db, EntityEntry entry, Touched touched)
    {
        var found = false;
        if (entry.Entity is Consortium consortium)
        {
            // Its name shows beside other regions' consortia (lessons from others): a rename is wide.
            if (entry.State == EntityState.Modified && entry.Property(nameof(Consortium.Name)).IsModified)
            {
                return false;
            }

            if (consortium.RegionCode is { Length: > 0 } region)
            {
                touched.Regions.Add(region);
                found = true;
            }

            found |= Add(entry, nameof(Consortium.Code), touched.Consortia);
            Add(entry, nameof(Consortium.MergedIntoCode), touched.Consortia);
            Add(entry, nameof(Consortium.SplitFromCode), touched.Consortia);
            return found;
        }

        found |= Add(entry, "ConsortiumCode", touched.Consortia);
        found |= Add(entry, "PctCode", touched.Pcts);
        found |= Add(entry, "PracticeCode", touched.Practices);
        if (entry.Metadata.FindProperty("AssessmentId") is not null)
        {
            var id = entry.Property("AssessmentId").CurrentValue as int?;
            var assessment = db.ChangeTracker.Entries<Assessment>().FirstOrDefault(a => a.Entity.Id == id || (entry.Entity is AssessmentResponse r && a.Entity.Responses.Contains(r)));
            if (assessment is not null)
            {
                touched.Consortia.Add(assessment.Entity.ConsortiumCode);
                found = true;
            }
            else if (id is > 0 && !entry.Property("AssessmentId").IsTemporary)
            {
                touched.Assessments.Add(id.Value);
                found = true;
            }
        }

        return found;
    }

    // The property's value, and its value before the change when it changed: both places' reads change.
    private static bool Add(EntityEntry entry, string name, HashSet<string> codes)
    {
        if (entry.Metadata.FindProperty(name) is null)
        {
            return false;
        }

        var property = entry.Property(name);
        var found = false;
        foreach (var value in new[] { property.CurrentValue, entry.State == EntityState.Added ? null : property.OriginalValue })
        {
            if (value is string { Length: > 0 } code)
            {
                codes.Add(code);
                found = true;
            }
        }

        return found;
    }

    /// <summary>
    /// Gives every scope <paramref name="touched"/> names a new stamp, in the open transaction of <paramref name="db"/>.
    /// Called after the save's own writes, which replace the whole-data stamp first, so concurrent saves take the rows
    /// in the same order.
    /// </summary>
    internal static async Task StampAsync(TransitionTrackerDbContext db, Touched touched, CancellationToken cancellationToken)
    {
        if (touched.IsEmpty)
        {
            return;
        }

        var rows = new SortedSet<int>();
        if (touched.Wide)
        {
            rows.Add(DataVersion.WideRowId);
        }
        else
        {
            foreach (var region in touched.Regions.Concat(await RegionsAsync(db, touched, cancellationToken)))
            {
                rows.Add(DataVersion.RegionRowId(region));
            }
        }

        if (rows.Count > 0)
        {
            await DataVersion.UpsertAsync(db, rows, DataVersion.NewStamp(), cancellationToken);
        }
    }

    /// <summary>
    /// The regions of the consortia (where they sit, and every PCT they work with), PCTs and practices touched, in one
    /// query. Regions of these never change (reference data loads restamp everything).
    /// </summary>
    private static Task<List<string>> RegionsAsync(TransitionTrackerDbContext db, Touched touched, CancellationToken cancellationToken)
    {
        var consortia = touched.Consortia.ToList();
        var assessments = touched.Assessments.ToList();
        var pcts = touched.Pcts.ToList();
        var practices = touched.Practices.ToList();
        var codes = db.Consortia.AsNoTracking().Where(c => consortia.Contains(c.Code)).Select(c => c.Code)
            .Union(db.Assessments.AsNoTracking().Where(a => assessments.Contains(a.Id)).Select(a => a.ConsortiumCode));
        var regions = db.Consortia.AsNoTracking().Where(c => codes.Contains(c.Code)).Select(c => c.RegionCode)
            .Union(
                from link in db.ConsortiumPcts.AsNoTracking()
                where codes.Contains(link.ConsortiumCode)
                join pct in db.Pcts.AsNoTracking() on link.PctCode equals pct.Code
                select pct.RegionCode)
            .Union(db.Pcts.AsNoTracking().Where(p => pcts.Contains(p.Code)).Select(p => p.RegionCode))
            .Union(
                from practice in db.Practices.AsNoTracking()
                where practices.Contains(practice.Code)
                join pct in db.Pcts.AsNoTracking() on practice.PctCode equals pct.Code
                select pct.RegionCode);
        return regions.ToListAsync(cancellationToken);
    }
}
