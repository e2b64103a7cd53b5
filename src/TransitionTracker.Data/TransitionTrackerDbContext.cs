using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using TransitionTracker.Data.Auditing;
using TransitionTracker.Data.DataProtection;
using TransitionTracker.Data.Frameworks;
using TransitionTracker.Data.Identity;
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
/// (<see cref="SqliteTransitionTrackerDbContext"/>, <see cref="PostgresTransitionTrackerDbContext"/>).
/// </summary>
public abstract class TransitionTrackerDbContext : IdentityDbContext<TransitionTrackerUser>
{
    protected TransitionTrackerDbContext(DbContextOptions options)
        : base(options)
    {
    }

    public DbSet<Region> Regions => Set<Region>();

    public DbSet<Pct> Pcts => Set<Pct>();

    public DbSet<Practice> Practices => Set<Practice>();

    public DbSet<Consortium> Consortia => Set<Consortium>();

    public DbSet<ConsortiumMembership> ConsortiumMemberships => Set<ConsortiumMembership>();

    public DbSet<ConsortiumPct> ConsortiumPcts => Set<ConsortiumPct>();

    public DbSet<RoleAssignment> RoleAssignments => Set<RoleAssignment>();

    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    public DbSet<StoredFramework> Frameworks => Set<StoredFramework>();

    public DbSet<Assessment> Assessments => Set<Assessment>();

    public DbSet<AssessmentResponse> AssessmentResponses => Set<AssessmentResponse>();

    public DbSet<DomainScore> DomainScores => Set<DomainScore>();

    public DbSet<SupportAction> SupportActions => Set<SupportAction>();

    public DbSet<TrackDecision> TrackDecisions => Set<TrackDecision>();

    public DbSet<PlannedFunction> PlannedFunctions => Set<PlannedFunction>();

    public DbSet<Milestone> Milestones => Set<Milestone>();

    public DbSet<StaffTransfer> StaffTransfers => Set<StaffTransfer>();

    public DbSet<DeclaredInterest> DeclaredInterests => Set<DeclaredInterest>();

    public DbSet<Lesson> Lessons => Set<Lesson>();

    public DbSet<QualityIndicator> QualityIndicators => Set<QualityIndicator>();

    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    /// <summary>Off only for bulk loads of reference and demo data, which are not user changes.</summary>
    public bool AuditingEnabled { get; set; } = true;

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(TransitionTrackerDbContext).Assembly);
    }
}
