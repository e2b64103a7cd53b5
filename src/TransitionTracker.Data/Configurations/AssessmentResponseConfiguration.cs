using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TransitionTracker.Domain.Assessments;

namespace TransitionTracker.Data.Configurations;

internal sealed class AssessmentResponseConfiguration : IEntityTypeConfiguration<AssessmentResponse>
{
    public void Configure(EntityTypeBuilder<AssessmentResponse> builder)
    {
        builder.HasKey(r => r.Id);
        builder.Property(r => r.CriterionId).HasMaxLength(100).IsRequired();
        builder.Property(r => r.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(r => r.Evidence).HasMaxLength(AssessmentResponse.EvidenceMaxLength);
        builder.Property(r => r.AnsweredBy).HasMaxLength(256).IsRequired();
        builder.HasIndex(r => new { r.AssessmentId, r.CriterionId }).IsUnique();
    }
}
