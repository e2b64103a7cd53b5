using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TransitionTracker.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class TrackDecisionRevision : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "Revision",
                table: "TrackDecisions",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            // Decisions made before revisions existed are numbered in the order they were made, per consortium.
            migrationBuilder.Sql("""
                UPDATE "TrackDecisions" SET "Revision" =
                    (SELECT COUNT(*) FROM "TrackDecisions" AS "Earlier"
                     WHERE "Earlier"."ConsortiumCode" = "TrackDecisions"."ConsortiumCode" AND "Earlier"."Id" <= "TrackDecisions"."Id")
                """);

            migrationBuilder.CreateIndex(
                name: "IX_TrackDecisions_ConsortiumCode_Revision",
                table: "TrackDecisions",
                columns: new[] { "ConsortiumCode", "Revision" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_TrackDecisions_ConsortiumCode_Revision",
                table: "TrackDecisions");

            migrationBuilder.DropColumn(
                name: "Revision",
                table: "TrackDecisions");
        }
    }
}
