using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TransitionTracker.Domain.Assessments;
using TransitionTracker.Domain.Lessons;
using TransitionTracker.Domain.Organisations;
using TransitionTracker.Domain.Transition;

namespace TransitionTracker.Data.Configurations;

internal sealed class TrackDecisionConfiguration : IEntityTypeConfiguration<TrackDecision>
{
    public void Configure(EntityTypeBuilder<TrackDecision> builder)
    {
        builder.HasKey(d => d.Id);
        builder.Property(d => d.ConsortiumCode).HasMaxLength(OrganisationCode.MaxLength).IsRequired();
        builder.Property(d => d.Track).HasConversion<string>().HasMaxLength(20);
        builder.Property(d => d.ComputedTrack).HasConversion<string>().HasMaxLength(20);
        builder.Property(d => d.Reason).HasMaxLength(TrackDecision.ReasonMaxLength).IsRequired();
        builder.Property(d => d.DecidedBy).HasMaxLength(256).IsRequired();
        builder.Ignore(d => d.IsConfirmation);
        builder.HasOne<Consortium>().WithMany().HasForeignKey(d => d.ConsortiumCode).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(d => new { d.ConsortiumCode, d.Id });

        // Two regional leads deciding from the same page: the second insert breaks this and is refused.
        builder.HasIndex(d => new { d.ConsortiumCode, d.Revision }).IsUnique();
    }
}

internal sealed class MonthlyTrackConfiguration : IEntityTypeConfiguration<MonthlyTrack>
{
    public void Configure(EntityTypeBuilder<MonthlyTrack> builder)
    {
        builder.HasKey(m => new { m.ConsortiumCode, m.Month });
        builder.Property(m => m.ConsortiumCode).HasMaxLength(OrganisationCode.MaxLength);
        builder.Property(m => m.Track).HasConversion<string>().HasMaxLength(20);
        builder.Property(m => m.PreviousTrack).HasConversion<string>().HasMaxLength(20);
        builder.HasOne<Consortium>().WithMany().HasForeignKey(m => m.ConsortiumCode).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class MonthlyCompetencyAssessmentConfiguration : IEntityTypeConfiguration<MonthlyCompetencyAssessment>
{
    public void Configure(EntityTypeBuilder<MonthlyCompetencyAssessment> builder)
    {
        builder.HasKey(m => new { m.ConsortiumCode, m.Month });
        builder.Property(m => m.ConsortiumCode).HasMaxLength(OrganisationCode.MaxLength);
        builder.Property(m => m.Scores).IsRequired();
        builder.HasOne<Consortium>().WithMany().HasForeignKey(m => m.ConsortiumCode).OnDelete(DeleteBehavior.Cascade);

        // The competency comparison reads one month's rows by this index. No foreign key to the assessment: a deleted
        // one is replaced in the same transaction (DerivedRecords).
        builder.HasIndex(m => new { m.Month, m.ConsortiumCode });
    }
}

internal sealed class PlannedFunctionConfiguration : IEntityTypeConfiguration<PlannedFunction>
{
    public void Configure(EntityTypeBuilder<PlannedFunction> builder)
    {
        builder.HasKey(f => f.Id);
        builder.Property(f => f.ConsortiumCode).HasMaxLength(OrganisationCode.MaxLength).IsRequired();
        builder.Property(f => f.Name).HasMaxLength(PlannedFunction.NameMaxLength).IsRequired();
        builder.Property(f => f.ReceivingBody).HasConversion<string>().HasMaxLength(30);
        builder.Property(f => f.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(f => f.Revision).IsConcurrencyToken();
        builder.HasOne<Consortium>().WithMany().HasForeignKey(f => f.ConsortiumCode).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(f => f.ConsortiumCode);
    }
}

internal sealed class MilestoneConfiguration : IEntityTypeConfiguration<Milestone>
{
    public void Configure(EntityTypeBuilder<Milestone> builder)
    {
        builder.HasKey(m => m.Id);
        builder.Property(m => m.ConsortiumCode).HasMaxLength(OrganisationCode.MaxLength).IsRequired();
        builder.Property(m => m.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(m => m.Revision).IsConcurrencyToken();
        builder.Ignore(m => m.IsLate);
        builder.HasOne<Consortium>().WithMany().HasForeignKey(m => m.ConsortiumCode).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(m => new { m.ConsortiumCode, m.Kind }).IsUnique();
    }
}

internal sealed class StaffTransferConfiguration : IEntityTypeConfiguration<StaffTransfer>
{
    public void Configure(EntityTypeBuilder<StaffTransfer> builder)
    {
        builder.HasKey(t => t.Id);
        builder.Property(t => t.ConsortiumCode).HasMaxLength(OrganisationCode.MaxLength).IsRequired();
        builder.Property(t => t.Function).HasMaxLength(StaffTransfer.FunctionMaxLength).IsRequired();
        builder.Property(t => t.Destination).HasConversion<string>().HasMaxLength(30);
        builder.Property(t => t.Revision).IsConcurrencyToken();
        builder.HasOne<Consortium>().WithMany().HasForeignKey(t => t.ConsortiumCode).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(t => t.ConsortiumCode);
    }
}

internal sealed class DeclaredInterestConfiguration : IEntityTypeConfiguration<DeclaredInterest>
{
    public void Configure(EntityTypeBuilder<DeclaredInterest> builder)
    {
        builder.HasKey(i => i.Id);
        builder.Property(i => i.ConsortiumCode).HasMaxLength(OrganisationCode.MaxLength).IsRequired();
        builder.Property(i => i.Person).HasMaxLength(DeclaredInterest.PersonMaxLength).IsRequired();
        builder.Property(i => i.Interest).HasMaxLength(DeclaredInterest.TextMaxLength).IsRequired();
        builder.Property(i => i.Management).HasMaxLength(DeclaredInterest.TextMaxLength).IsRequired();
        builder.Property(i => i.Revision).IsConcurrencyToken();
        builder.HasOne<Consortium>().WithMany().HasForeignKey(i => i.ConsortiumCode).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(i => i.ConsortiumCode);
    }
}

internal sealed class LessonConfiguration : IEntityTypeConfiguration<Lesson>
{
    public void Configure(EntityTypeBuilder<Lesson> builder)
    {
        builder.HasKey(l => l.Id);
        builder.Property(l => l.ConsortiumCode).HasMaxLength(OrganisationCode.MaxLength).IsRequired();
        builder.Property(l => l.DomainId).HasMaxLength(100).IsRequired();
        builder.Property(l => l.Title).HasMaxLength(Lesson.TitleMaxLength).IsRequired();
        builder.Property(l => l.Body).HasMaxLength(Lesson.BodyMaxLength).IsRequired();
        builder.Property(l => l.WrittenBy).HasMaxLength(256).IsRequired();
        builder.HasOne<Consortium>().WithMany().HasForeignKey(l => l.ConsortiumCode).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(l => new { l.DomainId, l.ConsortiumCode });

        // Lessons from others: the strong writers' lessons in a domain are one range of this index.
        builder.HasIndex(l => new { l.DomainId, l.WriterScore });
    }
}
