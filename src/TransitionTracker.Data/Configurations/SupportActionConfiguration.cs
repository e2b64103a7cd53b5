using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TransitionTracker.Domain.Organisations;
using TransitionTracker.Domain.SupportActions;

namespace TransitionTracker.Data.Configurations;

internal sealed class SupportActionConfiguration : IEntityTypeConfiguration<SupportAction>
{
    public void Configure(EntityTypeBuilder<SupportAction> builder)
    {
        builder.HasKey(a => a.Id);
        builder.Property(a => a.ConsortiumCode).HasMaxLength(OrganisationCode.MaxLength).IsRequired();
        builder.Property(a => a.CriterionId).HasMaxLength(100).IsRequired();
        builder.Property(a => a.Description).HasMaxLength(SupportAction.DescriptionMaxLength).IsRequired();
        builder.Property(a => a.Owner).HasMaxLength(SupportAction.OwnerMaxLength).IsRequired();
        builder.Property(a => a.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(a => a.CreatedBy).HasMaxLength(256).IsRequired();
        builder.Property(a => a.Revision).IsConcurrencyToken();
        builder.HasOne<Consortium>().WithMany().HasForeignKey(a => a.ConsortiumCode).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(a => new { a.ConsortiumCode, a.Status, a.DueOn });
        builder.HasIndex(a => new { a.Status, a.DueOn });
    }
}
