using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TransitionTracker.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class MonthlyTracks : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The rows for the data already there are written by DatabaseInitializer.MigrateAsync once this has run.
            migrationBuilder.AddColumn<double>(
                name: "WriterScore",
                table: "Lessons",
                type: "REAL",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "MonthlyTracks",
                columns: table => new
                {
                    ConsortiumCode = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    Month = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Track = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    PreviousTrack = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MonthlyTracks", x => new { x.ConsortiumCode, x.Month });
                    table.ForeignKey(
                        name: "FK_MonthlyTracks_Consortia_ConsortiumCode",
                        column: x => x.ConsortiumCode,
                        principalTable: "Consortia",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Lessons_DomainId_WriterScore",
                table: "Lessons",
                columns: new[] { "DomainId", "WriterScore" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "MonthlyTracks");

            migrationBuilder.DropIndex(
                name: "IX_Lessons_DomainId_WriterScore",
                table: "Lessons");

            migrationBuilder.DropColumn(
                name: "WriterScore",
                table: "Lessons");
        }
    }
}
