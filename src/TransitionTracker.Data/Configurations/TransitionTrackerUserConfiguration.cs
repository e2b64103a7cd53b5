using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TransitionTracker.Data.Identity;

namespace TransitionTracker.Data.Configurations;

internal sealed class TransitionTrackerUserConfiguration : IEntityTypeConfiguration<TransitionTrackerUser>
{
    public void Configure(EntityTypeBuilder<TransitionTrackerUser> builder)
    {
        builder.Property(u => u.DisplayName).HasMaxLength(TransitionTrackerUser.DisplayNameMaxLength).IsRequired();
    }
}
