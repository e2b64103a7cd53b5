using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TransitionTracker.Domain.Organisations;

namespace TransitionTracker.Data.Configurations;

internal sealed class ConsortiumStageChangeConfiguration : IEntityTypeConfiguration<ConsortiumStageChange>
{
    public void Configure(EntityTypeBuilder<ConsortiumStageChange> builder)
    {
        builder.HasKey(s => s.Id);
        builder.Property(s => s.ConsortiumCode).HasMaxLength(OrganisationCode.MaxLength).IsRequired();
        builder.Property(s => s.FromStage).HasConversion<string>().HasMaxLength(20);
        builder.Property(s => s.ToStage).HasConversion<string>().HasMaxLength(20);
        builder.HasIndex(s => new { s.ConsortiumCode, s.ChangedOn });
    }
}
