using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TransitionTracker.Domain.Organisations;
using TransitionTracker.Domain.Quality;

namespace TransitionTracker.Data.Configurations;

internal sealed class QualityIndicatorConfiguration : IEntityTypeConfiguration<QualityIndicator>
{
    public void Configure(EntityTypeBuilder<QualityIndicator> builder)
    {
        builder.HasKey(q => q.Id);
        builder.Property(q => q.PctCode).HasMaxLength(OrganisationCode.MaxLength).IsRequired();
        builder.Property(q => q.QippPlannedThousands).HasPrecision(12, 1);
        builder.Property(q => q.QippDeliveredThousands).HasPrecision(12, 1);
        builder.Property(q => q.EmergencyAdmissionsChangePercent).HasPrecision(6, 1);
        builder.Property(q => q.RttAdmittedPercent).HasPrecision(5, 1);
        builder.Property(q => q.RttNonAdmittedPercent).HasPrecision(5, 1);
        builder.Property(q => q.WinterPlan).HasConversion<string>().HasMaxLength(20);
        builder.Property(q => q.RecordedBy).HasMaxLength(256).IsRequired();
        builder.Property(q => q.Revision).IsConcurrencyToken();
        builder.Ignore(q => q.QippRag);
        builder.Ignore(q => q.EmergencyAdmissionsRag);
        builder.Ignore(q => q.WinterPlanRag);
        builder.Ignore(q => q.RttAdmittedRag);
        builder.Ignore(q => q.RttNonAdmittedRag);
        builder.HasOne<Pct>().WithMany().HasForeignKey(q => q.PctCode).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(q => new { q.PctCode, q.Month }).IsUnique();
        builder.HasIndex(q => q.Month);
    }
}
