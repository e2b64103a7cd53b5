using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TransitionTracker.Data.Identity;

namespace TransitionTracker.Data.Configurations;

internal sealed class TransitionTrackerUserConfiguration : IEntityTypeConfiguration<TransitionTrackerUser>
{
    public void Configure(EntityTypeBuilder<TransitionTrackerUser> builder)
    {
        builder.Property(u => u.DisplayName).HasMaxLength(TransitionTrackerUser.DisplayNameMaxLength).IsRequired();

        // By name, so the column reads plainly; accounts made before the column existed follow the browser.
        builder.Property(u => u.ColourScheme)
            .HasConversion<string>()
            .HasMaxLength(TransitionTrackerUser.ColourSchemeMaxLength)
            .HasDefaultValue(ColourScheme.System);

        builder.Property(u => u.DigestFrequency)
            .HasConversion<string>()
            .HasMaxLength(TransitionTrackerUser.ColourSchemeMaxLength)
            .HasDefaultValue(Notifications.DigestFrequency.Daily);

        // Checked on every save as well as Identity's own concurrency stamp: a save based on an older revision fails.
        builder.Property(u => u.Revision).IsConcurrencyToken();
    }
}
