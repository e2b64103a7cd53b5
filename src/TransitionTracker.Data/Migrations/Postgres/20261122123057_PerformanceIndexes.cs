using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TransitionTracker.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class PerformanceIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_Assessments_FrameworkId_Status_ConsortiumCode_SubmittedAtUt~",
                table: "Assessments",
                columns: new[] { "FrameworkId", "Status", "ConsortiumCode", "SubmittedAtUtc", "Id", "Track" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Assessments_FrameworkId_Status_ConsortiumCode_SubmittedAtUt~",
                table: "Assessments");
        }
    }
}
