using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TransitionTracker.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ReadCacheStampAndPopulationIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Practices_PctCode",
                table: "Practices");

            migrationBuilder.CreateTable(
                name: "DataVersion",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false),
                    Stamp = table.Column<long>(type: "INTEGER", nullable: false)
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
