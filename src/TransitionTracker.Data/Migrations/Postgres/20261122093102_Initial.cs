using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace TransitionTracker.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Regions",
                columns: table => new
                {
                    Code = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    OnsCode = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Regions", x => x.Code);
                });

            migrationBuilder.CreateTable(
                name: "Consortia",
                columns: table => new
                {
                    Code = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    RegionCode = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    Stage = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Consortia", x => x.Code);
                    table.ForeignKey(
                        name: "FK_Consortia_Regions_RegionCode",
                        column: x => x.RegionCode,
                        principalTable: "Regions",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Pcts",
                columns: table => new
                {
                    Code = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    RegionCode = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    OnsCode = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Pcts", x => x.Code);
                    table.ForeignKey(
                        name: "FK_Pcts_Regions_RegionCode",
                        column: x => x.RegionCode,
                        principalTable: "Regions",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ConsortiumPcts",
                columns: table => new
                {
                    ConsortiumCode = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    PctCode = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    IsHost = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ConsortiumPcts", x => new { x.ConsortiumCode, x.PctCode });
                    table.ForeignKey(
                        name: "FK_ConsortiumPcts_Consortia_ConsortiumCode",
                        column: x => x.ConsortiumCode,
                        principalTable: "Consortia",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ConsortiumPcts_Pcts_PctCode",
                        column: x => x.PctCode,
                        principalTable: "Pcts",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Practices",
                columns: table => new
                {
                    Code = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    PctCode = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    ListSize = table.Column<int>(type: "integer", nullable: false),
                    PctSource = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Practices", x => x.Code);
                    table.ForeignKey(
                        name: "FK_Practices_Pcts_PctCode",
                        column: x => x.PctCode,
                        principalTable: "Pcts",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ConsortiumMemberships",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ConsortiumCode = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    PracticeCode = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    JoinedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    LeftOn = table.Column<DateOnly>(type: "date", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ConsortiumMemberships", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ConsortiumMemberships_Consortia_ConsortiumCode",
                        column: x => x.ConsortiumCode,
                        principalTable: "Consortia",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ConsortiumMemberships_Practices_PracticeCode",
                        column: x => x.PracticeCode,
                        principalTable: "Practices",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Consortia_RegionCode",
                table: "Consortia",
                column: "RegionCode");

            migrationBuilder.CreateIndex(
                name: "IX_ConsortiumMemberships_ConsortiumCode_LeftOn",
                table: "ConsortiumMemberships",
                columns: new[] { "ConsortiumCode", "LeftOn" });

            migrationBuilder.CreateIndex(
                name: "IX_ConsortiumMemberships_PracticeCode",
                table: "ConsortiumMemberships",
                column: "PracticeCode",
                unique: true,
                filter: "\"LeftOn\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_ConsortiumPcts_PctCode",
                table: "ConsortiumPcts",
                column: "PctCode");

            migrationBuilder.CreateIndex(
                name: "IX_Pcts_RegionCode",
                table: "Pcts",
                column: "RegionCode");

            migrationBuilder.CreateIndex(
                name: "IX_Practices_PctCode",
                table: "Practices",
                column: "PctCode");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ConsortiumMemberships");

            migrationBuilder.DropTable(
                name: "ConsortiumPcts");

            migrationBuilder.DropTable(
                name: "Practices");

            migrationBuilder.DropTable(
                name: "Consortia");

            migrationBuilder.DropTable(
                name: "Pcts");

            migrationBuilder.DropTable(
                name: "Regions");
        }
    }
}
