using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TransitionTracker.Data.Versioning;

namespace TransitionTracker.Data.Configurations;

internal sealed class DataVersionConfiguration : IEntityTypeConfiguration<DataVersion>
{
    public void Configure(EntityTypeBuilder<DataVersion> builder)
    {
        builder.ToTable("DataVersion");
        builder.HasKey(v => v.Id);
        builder.Property(v => v.Id).ValueGeneratedNever();
        builder.HasData(new DataVersion { Id = DataVersion.RowId, Stamp = 0 });
    }
}
