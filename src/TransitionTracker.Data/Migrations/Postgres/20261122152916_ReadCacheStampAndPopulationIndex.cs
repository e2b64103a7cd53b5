using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TransitionTracker.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ReadCacheStampAndPopulationIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // PerformanceIndexes created this index under the name EF generated before the model named it (truncated to
            // PostgreSQL's 63 characters); give it the model's name, as on SQLite.
            migrationBuilder.RenameIndex(
                name: "IX_Assessments_FrameworkId_Status_ConsortiumCode_SubmittedAtUt~",
                table: "Assessments",
                newName: "IX_Assessments_LatestByConsortium");

            migrationBuilder.DropIndex(
                name: "IX_Practices_PctCode",
                table: "Practices");

            migrationBuilder.CreateTable(
                name: "DataVersion",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false),
                    Stamp = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DataVersion", x => x.Id);
                });

            migrationBuilder.InsertData(
                table: "DataVersion",
                columns: new[] { "Id", "Stamp" },
                values: new object[] { 1, 0L });

            migrationBuilder.CreateIndex(
                name: "IX_Practices_PctCode_ListSize",
                table: "Practices",
                columns: new[] { "PctCode", "ListSize" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.RenameIndex(
                name: "IX_Assessments_LatestByConsortium",
                table: "Assessments",
                newName: "IX_Assessments_FrameworkId_Status_ConsortiumCode_SubmittedAtUt~");

            migrationBuilder.DropTable(
                name: "DataVersion");

            migrationBuilder.DropIndex(
                name: "IX_Practices_PctCode_ListSize",
                table: "Practices");

            migrationBuilder.CreateIndex(
                name: "IX_Practices_PctCode",
                table: "Practices",
                column: "PctCode");
        }
    }
}
