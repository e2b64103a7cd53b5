using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TransitionTracker.Data.Auditing;
using TransitionTracker.Domain.Organisations;

namespace TransitionTracker.Data.Configurations;

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> builder)
    {
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Actor).HasMaxLength(256).IsRequired();
        builder.Property(a => a.EntityType).HasMaxLength(100).IsRequired();
        builder.Property(a => a.EntityKey).HasMaxLength(200).IsRequired();
        builder.Property(a => a.Action).HasMaxLength(20).IsRequired();
        builder.Property(a => a.ConsortiumCode).HasMaxLength(OrganisationCode.MaxLength);
        builder.Property(a => a.Changes).IsRequired();
        builder.HasIndex(a => new { a.ConsortiumCode, a.Id });
        builder.HasIndex(a => new { a.EntityType, a.EntityKey });
    }
}
