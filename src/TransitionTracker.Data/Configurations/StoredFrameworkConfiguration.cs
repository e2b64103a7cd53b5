using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TransitionTracker.Data.Frameworks;

namespace TransitionTracker.Data.Configurations;

internal sealed class StoredFrameworkConfiguration : IEntityTypeConfiguration<StoredFramework>
{
    public void Configure(EntityTypeBuilder<StoredFramework> builder)
    {
        builder.ToTable("Frameworks");
        builder.HasKey(f => f.Id);
        builder.Property(f => f.FrameworkId).HasMaxLength(100).IsRequired();
        builder.Property(f => f.Name).HasMaxLength(300).IsRequired();
        builder.Property(f => f.Definition).IsRequired();
        builder.Property(f => f.PublishedBy).HasMaxLength(256).IsRequired();

        // Two publishers racing for the same next version: one of them fails instead of both succeeding.
        builder.HasIndex(f => new { f.FrameworkId, f.Version }).IsUnique();
    }
}
