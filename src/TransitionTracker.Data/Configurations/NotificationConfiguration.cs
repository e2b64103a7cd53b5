using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TransitionTracker.Data.Identity;
using TransitionTracker.Data.Notifications;
using TransitionTracker.Domain.Organisations;

namespace TransitionTracker.Data.Configurations;

internal sealed class NotificationConfiguration : IEntityTypeConfiguration<Notification>
{
    public void Configure(EntityTypeBuilder<Notification> builder)
    {
        builder.HasKey(n => n.Id);
        builder.Property(n => n.RecipientId).HasMaxLength(450).IsRequired();
        builder.Property(n => n.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(n => n.AboutConsortium).HasMaxLength(OrganisationCode.MaxLength).IsRequired();
        builder.Property(n => n.Text).HasMaxLength(Notification.TextMaxLength).IsRequired();
        builder.Property(n => n.Link).HasMaxLength(Notification.LinkMaxLength).IsRequired();
        builder.Property(n => n.DedupeKey).HasMaxLength(Notification.DedupeKeyMaxLength).IsRequired();
        builder.HasOne<TransitionTrackerUser>().WithMany().HasForeignKey(n => n.RecipientId).OnDelete(DeleteBehavior.Cascade);

        // The same reminder once per person; also the reminder run's "made already?" lookup.
        builder.HasIndex(n => new { n.RecipientId, n.DedupeKey }).IsUnique();

        // The app bar's unread count and the centre's newest first.
        builder.HasIndex(n => new { n.RecipientId, n.ReadAtUtc, n.CreatedAtUtc });
    }
}

internal sealed class ScheduledRunConfiguration : IEntityTypeConfiguration<ScheduledRun>
{
    public void Configure(EntityTypeBuilder<ScheduledRun> builder)
    {
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Job).HasMaxLength(ScheduledRun.JobMaxLength).IsRequired();
        builder.Property(r => r.FireId).HasMaxLength(ScheduledRun.FireIdMaxLength).IsRequired();
        builder.Property(r => r.Instance).HasMaxLength(ScheduledRun.InstanceMaxLength).IsRequired();
        builder.HasIndex(r => r.FireId).IsUnique();
        builder.HasIndex(r => new { r.Job, r.ScheduledForUtc });
    }
}
