using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TransitionTracker.Domain.Organisations;

namespace TransitionTracker.Data.Configurations;

internal sealed class ConsortiumMembershipConfiguration : IEntityTypeConfiguration<ConsortiumMembership>
{
    public void Configure(EntityTypeBuilder<ConsortiumMembership> builder)
    {
        builder.HasKey(m => m.Id);
        builder.Property(m => m.ConsortiumCode).HasMaxLength(OrganisationCode.MaxLength).IsRequired();
        builder.Property(m => m.PracticeCode).HasMaxLength(OrganisationCode.MaxLength).IsRequired();
        builder.Ignore(m => m.IsCurrent);
        builder.HasOne<Practice>().WithMany().HasForeignKey(m => m.PracticeCode).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(m => new { m.ConsortiumCode, m.LeftOn });

        // A practice is in at most one consortium at a time.
        builder.HasIndex(m => m.PracticeCode).IsUnique().HasFilter("\"LeftOn\" IS NULL");
    }
}
