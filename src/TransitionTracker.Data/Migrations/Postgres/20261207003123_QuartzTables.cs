using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TransitionTracker.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class QuartzTables : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The scheduler's tables (Data/Scheduling/QuartzSchema, docs/operations.md "Scheduled jobs").
            foreach (var statement in TransitionTracker.Data.Scheduling.QuartzSchema.Create(DatabaseProvider.Postgres))
            {
                migrationBuilder.Sql(statement);
            }
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var statement in TransitionTracker.Data.Scheduling.QuartzSchema.Drop())
            {
                migrationBuilder.Sql(statement);
            }
        }
    }
}
