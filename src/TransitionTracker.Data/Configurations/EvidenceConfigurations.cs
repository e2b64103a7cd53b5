using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TransitionTracker.Domain.Evidence;
using TransitionTracker.Domain.Organisations;

namespace TransitionTracker.Data.Configurations;

internal sealed class EvidenceAttachmentConfiguration : IEntityTypeConfiguration<EvidenceAttachment>
{
    public void Configure(EntityTypeBuilder<EvidenceAttachment> builder)
    {
        builder.HasKey(a => a.Id);
        builder.Property(a => a.ConsortiumCode).HasMaxLength(OrganisationCode.MaxLength).IsRequired();
        builder.Property(a => a.CriterionId).HasMaxLength(100).IsRequired();
        builder.Property(a => a.FileName).HasMaxLength(EvidenceAttachment.FileNameMaxLength).IsRequired();
        builder.Property(a => a.FileType).HasConversion<string>().HasMaxLength(20);
        builder.Property(a => a.Sha256).HasMaxLength(64).IsFixedLength().IsRequired();
        builder.Property(a => a.UploadedBy).HasMaxLength(256).IsRequired();
        builder.HasIndex(a => new { a.AssessmentId, a.CriterionId });

        // The bytes stay while any attachment names them; the last attachment's removal removes them too.
        builder.HasOne<EvidenceContent>().WithMany().HasForeignKey(a => a.Sha256).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class EvidenceContentConfiguration : IEntityTypeConfiguration<EvidenceContent>
{
    public void Configure(EntityTypeBuilder<EvidenceContent> builder)
    {
        builder.HasKey(c => c.Sha256);
        builder.Property(c => c.Sha256).HasMaxLength(64).IsFixedLength();
        builder.Property(c => c.Bytes).IsRequired();
    }
}
