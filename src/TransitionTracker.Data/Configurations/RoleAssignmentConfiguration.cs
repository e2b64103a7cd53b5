using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TransitionTracker.Data.Identity;
using TransitionTracker.Domain.Access;
using TransitionTracker.Domain.Organisations;

namespace TransitionTracker.Data.Configurations;

internal sealed class RoleAssignmentConfiguration : IEntityTypeConfiguration<RoleAssignment>
{
    public void Configure(EntityTypeBuilder<RoleAssignment> builder)
    {
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Role).HasConversion<string>().HasMaxLength(30);
        builder.Property(a => a.ScopeCode).HasMaxLength(OrganisationCode.MaxLength);
        builder.Property(a => a.UserId).HasMaxLength(450).IsRequired();
        builder.HasOne<TransitionTrackerUser>().WithMany().HasForeignKey(a => a.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(a => new { a.UserId, a.Role, a.ScopeCode }).IsUnique();
        builder.HasIndex(a => new { a.Role, a.ScopeCode });
    }
}
