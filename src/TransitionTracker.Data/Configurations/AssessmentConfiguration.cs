using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TransitionTracker.Domain.Assessments;
using TransitionTracker.Domain.Organisations;

namespace TransitionTracker.Data.Configurations;

internal sealed class AssessmentConfiguration : IEntityTypeConfiguration<Assessment>
{
    public void Configure(EntityTypeBuilder<Assessment> builder)
    {
        builder.HasKey(a => a.Id);
        builder.Property(a => a.ConsortiumCode).HasMaxLength(OrganisationCode.MaxLength).IsRequired();
        builder.Property(a => a.FrameworkId).HasMaxLength(100).IsRequired();
        builder.Property(a => a.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(a => a.Track).HasConversion<string>().HasMaxLength(20);
        builder.Property(a => a.CreatedBy).HasMaxLength(256).IsRequired();
        builder.Property(a => a.UpdatedBy).HasMaxLength(256).IsRequired();
        builder.Property(a => a.SubmittedBy).HasMaxLength(256);
        builder.Property(a => a.Revision).IsConcurrencyToken();
        builder.Ignore(a => a.IsDraft);
        builder.HasOne<Consortium>().WithMany().HasForeignKey(a => a.ConsortiumCode).OnDelete(DeleteBehavior.Cascade);

        builder.HasMany(a => a.Responses).WithOne().HasForeignKey(r => r.AssessmentId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(a => a.Responses).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasMany(a => a.DomainScores).WithOne().HasForeignKey(d => d.AssessmentId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(a => a.DomainScores).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasMany(a => a.Attachments).WithOne().HasForeignKey(e => e.AssessmentId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(a => a.Attachments).UsePropertyAccessMode(PropertyAccessMode.Field);

        // One draft at a time per consortium and framework.
        builder.HasIndex(a => new { a.ConsortiumCode, a.FrameworkId }).IsUnique().HasFilter("\"Status\" = 'Draft'");
        builder.HasIndex(a => new { a.ConsortiumCode, a.Status, a.SubmittedAtUtc });
        builder.HasIndex(a => new { a.FrameworkId, a.Status, a.SubmittedAtUtc });

        // "The latest submission of each consortium" (ORDER BY SubmittedAtUtc DESC, Id DESC LIMIT 1, one seek per
        // consortium), the dashboards' latest per month and the competency comparison read this index alone, in
        // consortium and date order, without touching the table (docs/performance.md, "Query plans").
        builder.HasIndex(a => new { a.FrameworkId, a.Status, a.ConsortiumCode, a.SubmittedAtUtc, a.Id, a.Track })
            .HasDatabaseName("IX_Assessments_LatestByConsortium");
    }
}
