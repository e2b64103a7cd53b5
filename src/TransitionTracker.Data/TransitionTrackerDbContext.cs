using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using TransitionTracker.Data.Auditing;
using TransitionTracker.Data.Frameworks;
using TransitionTracker.Data.Identity;
using TransitionTracker.Data.Notifications;
using TransitionTracker.Data.Versioning;
using TransitionTracker.Domain.Access;
using TransitionTracker.Domain.Assessments;
using TransitionTracker.Domain.Lessons;
using TransitionTracker.Domain.SupportActions;
using TransitionTracker.Domain.Transition;
using TransitionTracker.Domain.Organisations;
using TransitionTracker.Domain.Quality;

namespace TransitionTracker.Data;

/// <summary>
/// The application's unit of work. Each database provider has a subclass so that its migrations live apart
/// (<see cref="SqliteTransitionTrackerDbContext"/>, <see cref="PostgresTransitionTrackerDbContext"/>). It is also the
/// framework's data-protection key store (<see cref="IDataProtectionKeyContext"/>, table DataProtectionKeys).
/// </summary>
public abstract class TransitionTrackerDbContext : IdentityDbContext<TransitionTrackerUser>, IDataProtectionKeyContext
{
    protected TransitionTrackerDbContext(DbContextOptions options)
        : base(options)
    {
    }

    /// <summary>Who the changes saved through this context are recorded as made by (the operation's acting user, or the scope's).</summary>
    public AuditActor Actor { get; set; } = new();

    /// <summary>Audit entries of the save in progress holding temporary key values (rewritten with the real ones after it).</summary>
    internal List<(Microsoft.EntityFrameworkCore.ChangeTracking.EntityEntry Entity, AuditEntry Audit)> AuditKeysPending { get; } = [];

    /// <summary>True during the follow-up save that fills in those keys.</summary>
    internal bool FixingAuditKeys { get; set; }

    /// <summary>What the save under way changes (<see cref="Changes.ChangeSignalInterceptor"/>).</summary>
    internal Changes.DataChange? ChangeBeingSaved { get; set; }

    /// <summary>Saved changes of the open transaction, announced when it commits.</summary>
    internal List<Changes.DataChange> ChangesAwaitingCommit { get; } = [];

    public DbSet<Region> Regions => Set<Region>();

    public DbSet<Pct> Pcts => Set<Pct>();

    public DbSet<Practice> Practices => Set<Practice>();

    public DbSet<Consortium> Consortia => Set<Consortium>();

    public DbSet<ConsortiumMembership> ConsortiumMemberships => Set<ConsortiumMembership>();
    public DbSet<ConsortiumStageChange> ConsortiumStageChanges => Set<ConsortiumStageChange>();

    public DbSet<ConsortiumPct> ConsortiumPcts => Set<ConsortiumPct>();

    public DbSet<RoleAssignment> RoleAssignments => Set<RoleAssignment>();

    public DbSet<UserSession> UserSessions => Set<UserSession>();

    public DbSet<SignInThrottle> SignInThrottles => Set<SignInThrottle>();

    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    public DbSet<StoredFramework> Frameworks => Set<StoredFramework>();

    public DbSet<Assessment> Assessments => Set<Assessment>();

    public DbSet<AssessmentResponse> AssessmentResponses => Set<AssessmentResponse>();

    /// <summary>Files attached to answers as evidence (docs/operations.md, "Evidence files").</summary>
    public DbSet<Domain.Evidence.EvidenceAttachment> EvidenceAttachments => Set<Domain.Evidence.EvidenceAttachment>();

    /// <summary>The bytes of those files, once per SHA-256.</summary>
    public DbSet<Domain.Evidence.EvidenceContent> EvidenceContents => Set<Domain.Evidence.EvidenceContent>();

    public DbSet<DomainScore> DomainScores => Set<DomainScore>();

    public DbSet<SupportAction> SupportActions => Set<SupportAction>();

    public DbSet<TrackDecision> TrackDecisions => Set<TrackDecision>();

    /// <summary>Each consortium's track at the end of the months in which it changed (kept by <see cref="Derived.DerivedRecords"/>).</summary>
    public DbSet<MonthlyTrack> MonthlyTracks => Set<MonthlyTrack>();

    /// <summary>Each consortium's last World Class Commissioning submission of each month (kept by <see cref="Derived.DerivedRecords"/>).</summary>
    public DbSet<MonthlyCompetencyAssessment> MonthlyCompetencyAssessments => Set<MonthlyCompetencyAssessment>();

    public DbSet<PlannedFunction> PlannedFunctions => Set<PlannedFunction>();

    public DbSet<Milestone> Milestones => Set<Milestone>();

    public DbSet<StaffTransfer> StaffTransfers => Set<StaffTransfer>();

    public DbSet<DeclaredInterest> DeclaredInterests => Set<DeclaredInterest>();

    public DbSet<Lesson> Lessons => Set<Lesson>();

    public DbSet<QualityIndicator> QualityIndicators => Set<QualityIndicator>();

    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    /// <summary>Reminders and other messages to one user each (Application/Notifications).</summary>
    public DbSet<Notification> Notifications => Set<Notification>();

    /// <summary>One row per run of a scheduled job.</summary>
    public DbSet<ScheduledRun> ScheduledRuns => Set<ScheduledRun>();

    /// <summary>The one row whose stamp every save that changes data replaces (<see cref="DataVersion"/>).</summary>
    public DbSet<DataVersion> DataVersions => Set<DataVersion>();

    /// <summary>Off only for bulk loads of reference and demo data, which are not user changes.</summary>
    public bool AuditingEnabled { get; set; } = true;

    /// <summary>
    /// Saves synchronously (the data-protection key store saves this way). A save that touches what
    /// <see cref="Derived.DerivedRecords"/> are made from is refused before anything is written: those records are
    /// rewritten asynchronously, so such saves go through <see cref="SaveChangesAsync(bool, CancellationToken)"/>. A
    /// save of records a region's reads show gives the wide stamp a new value in the same transaction
    /// (<see cref="ScopeStamps"/>): finding which regions it touched would take queries, which are asynchronous.
    /// </summary>
    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        if (!FixingAuditKeys && !Derived.DerivedRecords.Touched(ChangeTracker).IsEmpty)
        {
            throw new InvalidOperationException(
                "This save changes submitted assessments, regional decisions or lessons, whose derived records are rewritten in the same transaction asynchronously: call SaveChangesAsync instead. Nothing was saved.");
        }

        var scoped = !FixingAuditKeys && !ScopeStamps.Collect(this).IsEmpty;
        StampChanges();
        if (!scoped)
        {
            return base.SaveChanges(acceptAllChangesOnSuccess);
        }

        using var own = Database.CurrentTransaction is null ? Database.BeginTransaction() : null;
        var saved = base.SaveChanges(acceptAllChangesOnSuccess);
        DataVersion.Upsert(this, [DataVersion.WideRowId], DataVersion.NewStamp());
        own?.Commit();
        return saved;
    }

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        var touched = FixingAuditKeys ? null : Derived.DerivedRecords.Touched(ChangeTracker);
        var scopes = FixingAuditKeys ? null : ScopeStamps.Collect(this);
        StampChanges();
        if ((touched is null || touched.IsEmpty) && (scopes is null || scopes.IsEmpty))
        {
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }

        // The scopes it touched get new stamps (ScopeStamps), and the derived records are rewritten from the saved
        // data, in the same transaction (one of its own when none is open), by single statements rather than a second
        // save. They are read after the save's own writes, which replace the data stamp: a concurrent save waits for
        // that row until this transaction ends, so it reads this one's changes too.
        var own = Database.CurrentTransaction is null ? await Database.BeginTransactionAsync(cancellationToken) : null;
        try
        {
            var saved = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
            if (scopes is not null)
            {
                await ScopeStamps.StampAsync(this, scopes, cancellationToken);
            }

            if (touched is not null && !touched.IsEmpty)
            {
                await Derived.DerivedRecords.RefreshAsync(this, touched, cancellationToken);
            }

            if (own is not null)
            {
                await own.CommitAsync(cancellationToken);
            }

            return saved;
        }
        finally
        {
            if (own is not null)
            {
                await own.DisposeAsync();
            }
        }
    }

    /// <summary>
    /// A save that adds, changes or deletes anything also gives <see cref="DataVersion"/> a new stamp, in the same
    /// transaction as the changes, so no reader can see the new data under the old stamp once it is committed.
    /// </summary>
    private void StampChanges()
    {
        if (!ChangeTracker.HasChanges())
        {
            return;
        }

        var version = DataVersions.Local.FirstOrDefault(v => v.Id == DataVersion.RowId);
        if (version is null)
        {
            version = new DataVersion { Id = DataVersion.RowId };
            DataVersions.Attach(version);
        }

        version.Stamp = DataVersion.NewStamp();
        Entry(version).Property(v => v.Stamp).IsModified = true;
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(TransitionTrackerDbContext).Assembly);
    }
}
