using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TransitionTracker.Domain.Organisations;

namespace TransitionTracker.Data.Configurations;

internal sealed class ConsortiumPctConfiguration : IEntityTypeConfiguration<ConsortiumPct>
{
    public void Configure(EntityTypeBuilder<ConsortiumPct> builder)
    {
        builder.HasKey(p => new { p.ConsortiumCode, p.PctCode });
        builder.Property(p => p.ConsortiumCode).HasMaxLength(OrganisationCode.MaxLength);
        builder.Property(p => p.PctCode).HasMaxLength(OrganisationCode.MaxLength);
        builder.HasOne<Pct>().WithMany().HasForeignKey(p => p.PctCode).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(p => p.PctCode);
    }
}
