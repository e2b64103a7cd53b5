using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace TransitionTracker.Data.Migrations.Postgres
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
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    PctCode = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    Month = table.Column<DateOnly>(type: "date", nullable: false),
                    QippPlannedThousands = table.Column<decimal>(type: "numeric(12,1)", precision: 12, scale: 1, nullable: false),
                    QippDeliveredThousands = table.Column<decimal>(type: "numeric(12,1)", precision: 12, scale: 1, nullable: false),
                    EmergencyAdmissionsChangePercent = table.Column<decimal>(type: "numeric(6,1)", precision: 6, scale: 1, nullable: false),
                    WinterPlan = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    RttAdmittedPercent = table.Column<decimal>(type: "numeric(5,1)", precision: 5, scale: 1, nullable: false),
                    RttNonAdmittedPercent = table.Column<decimal>(type: "numeric(5,1)", precision: 5, scale: 1, nullable: false),
                    RecordedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    RecordedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Revision = table.Column<int>(type: "integer", nullable: false)
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
