using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TransitionTracker.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class QualityIndicators : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "QualityIndicators",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PctCode = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    Month = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    QippPlannedThousands = table.Column<decimal>(type: "TEXT", precision: 12, scale: 1, nullable: false),
                    QippDeliveredThousands = table.Column<decimal>(type: "TEXT", precision: 12, scale: 1, nullable: false),
                    EmergencyAdmissionsChangePercent = table.Column<decimal>(type: "TEXT", precision: 6, scale: 1, nullable: false),
                    WinterPlan = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    RttAdmittedPercent = table.Column<decimal>(type: "TEXT", precision: 5, scale: 1, nullable: false),
                    RttNonAdmittedPercent = table.Column<decimal>(type: "TEXT", precision: 5, scale: 1, nullable: false),
                    RecordedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    RecordedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Revision = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_QualityIndicators", x => x.Id);
                    table.ForeignKey(
                        name: "FK_QualityIndicators_Pcts_PctCode",
                        column: x => x.PctCode,
                        principalTable: "Pcts",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_QualityIndicators_Month",
                table: "QualityIndicators",
                column: "Month");

            migrationBuilder.CreateIndex(
                name: "IX_QualityIndicators_PctCode_Month",
                table: "QualityIndicators",
                columns: new[] { "PctCode", "Month" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "QualityIndicators");
        }
    }
}
