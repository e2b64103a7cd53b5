using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TransitionTracker.Domain.Organisations;

namespace TransitionTracker.Data.Configurations;

internal sealed class ConsortiumConfiguration : IEntityTypeConfiguration<Consortium>
{
    public void Configure(EntityTypeBuilder<Consortium> builder)
    {
        builder.HasKey(c => c.Code);
        builder.Property(c => c.Code).HasMaxLength(OrganisationCode.MaxLength);
        builder.Property(c => c.Name).HasMaxLength(200).IsRequired();
        builder.Property(c => c.RegionCode).HasMaxLength(OrganisationCode.MaxLength).IsRequired();
        builder.Property(c => c.Stage).HasConversion<string>().HasMaxLength(20);
        builder.Ignore(c => c.HostPctCode);
        builder.Ignore(c => c.IsMerged);
        builder.Property(c => c.ForecastOutcome).HasConversion<string>().HasMaxLength(20);
        builder.Ignore(c => c.Forecast);
        builder.Property(c => c.MergedIntoCode).HasMaxLength(OrganisationCode.MaxLength);
        builder.HasOne<Consortium>().WithMany().HasForeignKey(c => c.MergedIntoCode).OnDelete(DeleteBehavior.Restrict);
        builder.Property(c => c.SplitFromCode).HasMaxLength(OrganisationCode.MaxLength);
        builder.HasOne<Consortium>().WithMany().HasForeignKey(c => c.SplitFromCode).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Region>().WithMany().HasForeignKey(c => c.RegionCode).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(c => c.RegionCode);

        builder.HasMany(c => c.Memberships).WithOne().HasForeignKey(m => m.ConsortiumCode).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(c => c.Memberships).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasMany(c => c.Pcts).WithOne().HasForeignKey(p => p.ConsortiumCode).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(c => c.Pcts).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasMany(c => c.StageChanges).WithOne().HasForeignKey(s => s.ConsortiumCode).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(c => c.StageChanges).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}
