using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TransitionTracker.Domain.Assessments;

namespace TransitionTracker.Data.Configurations;

internal sealed class DomainScoreConfiguration : IEntityTypeConfiguration<DomainScore>
{
    public void Configure(EntityTypeBuilder<DomainScore> builder)
    {
        builder.HasKey(d => new { d.AssessmentId, d.DomainId });
        builder.Property(d => d.DomainId).HasMaxLength(100);
    }
}
