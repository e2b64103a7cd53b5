using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TransitionTracker.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ConsortiumPopulation : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "Population",
                table: "Consortia",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            // The derived population (docs/architecture.md, "The monthly track snapshot") for the data already there.
            migrationBuilder.Sql(
                """
                UPDATE "Consortia" SET "Population" = COALESCE((
                    SELECT SUM(p."ListSize") FROM "ConsortiumMemberships" m JOIN "Practices" p ON p."Code" = m."PracticeCode"
                    WHERE m."ConsortiumCode" = "Consortia"."Code" AND m."LeftOn" IS NULL), 0)
                """);

            // The wide stamp row (docs/architecture.md, "The read cache"), so that a stamp replaced by hand reaches every
            // region from the start; a database that already made it keeps its own.
            migrationBuilder.Sql(
                """
                INSERT INTO "DataVersion" ("Id", "Stamp") SELECT 2, "Stamp" FROM "DataVersion" WHERE "Id" = 1
                ON CONFLICT ("Id") DO NOTHING
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Population",
                table: "Consortia");
        }
    }
}
