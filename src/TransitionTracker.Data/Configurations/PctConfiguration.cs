using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TransitionTracker.Domain.Organisations;

namespace TransitionTracker.Data.Configurations;

internal sealed class PctConfiguration : IEntityTypeConfiguration<Pct>
{
    public void Configure(EntityTypeBuilder<Pct> builder)
    {
        builder.HasKey(p => p.Code);
        builder.Property(p => p.Code).HasMaxLength(OrganisationCode.MaxLength);
        builder.Property(p => p.Name).HasMaxLength(200).IsRequired();
        builder.Property(p => p.RegionCode).HasMaxLength(OrganisationCode.MaxLength).IsRequired();
        builder.Property(p => p.OnsCode).HasMaxLength(20);
        builder.HasOne<Region>().WithMany().HasForeignKey(p => p.RegionCode).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(p => p.RegionCode);
    }
}
