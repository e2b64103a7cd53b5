using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TransitionTracker.Domain.Organisations;

namespace TransitionTracker.Data.Configurations;

internal sealed class PracticeConfiguration : IEntityTypeConfiguration<Practice>
{
    public void Configure(EntityTypeBuilder<Practice> builder)
    {
        builder.HasKey(p => p.Code);
        builder.Property(p => p.Code).HasMaxLength(OrganisationCode.MaxLength);
        builder.Property(p => p.Name).HasMaxLength(200).IsRequired();
        builder.Property(p => p.PctCode).HasMaxLength(OrganisationCode.MaxLength).IsRequired();
        builder.Property(p => p.PctSource).HasMaxLength(300).IsRequired();
        builder.HasOne<Pct>().WithMany().HasForeignKey(p => p.PctCode).OnDelete(DeleteBehavior.Restrict);
        // PctCode leads (the PCT's practices); ListSize lets population sums read the index alone.
        builder.HasIndex(p => new { p.PctCode, p.ListSize });
    }
}
