using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace TransitionTracker.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ConsortiumFormation : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "MergedIntoCode",
                table: "Consortia",
                type: "character varying(10)",
                maxLength: 10,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "MergedOn",
                table: "Consortia",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SplitFromCode",
                table: "Consortia",
                type: "character varying(10)",
                maxLength: 10,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "SplitOn",
                table: "Consortia",
                type: "date",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "ConsortiumStageChanges",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ConsortiumCode = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    FromStage = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    ToStage = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    ChangedOn = table.Column<DateOnly>(type: "date", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ConsortiumStageChanges", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ConsortiumStageChanges_Consortia_ConsortiumCode",
                        column: x => x.ConsortiumCode,
                        principalTable: "Consortia",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Consortia_MergedIntoCode",
                table: "Consortia",
                column: "MergedIntoCode");

            migrationBuilder.CreateIndex(
                name: "IX_Consortia_SplitFromCode",
                table: "Consortia",
                column: "SplitFromCode");

            migrationBuilder.CreateIndex(
                name: "IX_ConsortiumStageChanges_ConsortiumCode_ChangedOn",
                table: "ConsortiumStageChanges",
                columns: new[] { "ConsortiumCode", "ChangedOn" });

            migrationBuilder.AddForeignKey(
                name: "FK_Consortia_Consortia_MergedIntoCode",
                table: "Consortia",
                column: "MergedIntoCode",
                principalTable: "Consortia",
                principalColumn: "Code",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_Consortia_Consortia_SplitFromCode",
                table: "Consortia",
                column: "SplitFromCode",
                principalTable: "Consortia",
                principalColumn: "Code",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Consortia_Consortia_MergedIntoCode",
                table: "Consortia");

            migrationBuilder.DropForeignKey(
                name: "FK_Consortia_Consortia_SplitFromCode",
                table: "Consortia");

            migrationBuilder.DropTable(
                name: "ConsortiumStageChanges");

            migrationBuilder.DropIndex(
                name: "IX_Consortia_MergedIntoCode",
                table: "Consortia");

            migrationBuilder.DropIndex(
                name: "IX_Consortia_SplitFromCode",
                table: "Consortia");

            migrationBuilder.DropColumn(
                name: "MergedIntoCode",
                table: "Consortia");

            migrationBuilder.DropColumn(
                name: "MergedOn",
                table: "Consortia");

            migrationBuilder.DropColumn(
                name: "SplitFromCode",
                table: "Consortia");

            migrationBuilder.DropColumn(
                name: "SplitOn",
                table: "Consortia");
        }
    }
}
