using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TransitionTracker.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class LatestAssessments : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The values for the data already there are written by DatabaseInitializer.MigrateAsync once this has run.
            migrationBuilder.AddColumn<int>(
                name: "LatestAssessmentId",
                table: "Consortia",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "LatestDecisionId",
                table: "Consortia",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "MonthlyCompetencyAssessments",
                columns: table => new
                {
                    ConsortiumCode = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    Month = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    AssessmentId = table.Column<int>(type: "INTEGER", nullable: false),
                    Scores = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MonthlyCompetencyAssessments", x => new { x.ConsortiumCode, x.Month });
                    table.ForeignKey(
                        name: "FK_MonthlyCompetencyAssessments_Consortia_ConsortiumCode",
                        column: x => x.ConsortiumCode,
                        principalTable: "Consortia",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_MonthlyCompetencyAssessments_Month_ConsortiumCode",
                table: "MonthlyCompetencyAssessments",
                columns: new[] { "Month", "ConsortiumCode" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "MonthlyCompetencyAssessments");

            migrationBuilder.DropColumn(
                name: "LatestAssessmentId",
                table: "Consortia");

            migrationBuilder.DropColumn(
                name: "LatestDecisionId",
                table: "Consortia");
        }
    }
}
