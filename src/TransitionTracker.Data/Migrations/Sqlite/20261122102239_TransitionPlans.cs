using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TransitionTracker.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class TransitionPlans : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "DeclaredInterests",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ConsortiumCode = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    Person = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Interest = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    DeclaredOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Management = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    Revision = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DeclaredInterests", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DeclaredInterests_Consortia_ConsortiumCode",
                        column: x => x.ConsortiumCode,
                        principalTable: "Consortia",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Lessons",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ConsortiumCode = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    DomainId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 150, nullable: false),
                    Body = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    WrittenBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    WrittenAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Lessons", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Lessons_Consortia_ConsortiumCode",
                        column: x => x.ConsortiumCode,
                        principalTable: "Consortia",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Milestones",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ConsortiumCode = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    PlannedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    AchievedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Revision = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Milestones", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Milestones_Consortia_ConsortiumCode",
                        column: x => x.ConsortiumCode,
                        principalTable: "Consortia",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PlannedFunctions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ConsortiumCode = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ReceivingBody = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    TargetOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Revision = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PlannedFunctions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PlannedFunctions_Consortia_ConsortiumCode",
                        column: x => x.ConsortiumCode,
                        principalTable: "Consortia",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "StaffTransfers",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ConsortiumCode = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    Function = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Headcount = table.Column<int>(type: "INTEGER", nullable: false),
                    Destination = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    Revision = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StaffTransfers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_StaffTransfers_Consortia_ConsortiumCode",
                        column: x => x.ConsortiumCode,
                        principalTable: "Consortia",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "TrackDecisions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ConsortiumCode = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    Track = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    ComputedTrack = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    DecidedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    DecidedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TrackDecisions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_TrackDecisions_Consortia_ConsortiumCode",
                        column: x => x.ConsortiumCode,
                        principalTable: "Consortia",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_DeclaredInterests_ConsortiumCode",
                table: "DeclaredInterests",
                column: "ConsortiumCode");

            migrationBuilder.CreateIndex(
                name: "IX_Lessons_ConsortiumCode",
                table: "Lessons",
                column: "ConsortiumCode");

            migrationBuilder.CreateIndex(
                name: "IX_Lessons_DomainId_ConsortiumCode",
                table: "Lessons",
                columns: new[] { "DomainId", "ConsortiumCode" });

            migrationBuilder.CreateIndex(
                name: "IX_Milestones_ConsortiumCode_Kind",
                table: "Milestones",
                columns: new[] { "ConsortiumCode", "Kind" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PlannedFunctions_ConsortiumCode",
                table: "PlannedFunctions",
                column: "ConsortiumCode");

            migrationBuilder.CreateIndex(
                name: "IX_StaffTransfers_ConsortiumCode",
                table: "StaffTransfers",
                column: "ConsortiumCode");

            migrationBuilder.CreateIndex(
                name: "IX_TrackDecisions_ConsortiumCode_Id",
                table: "TrackDecisions",
                columns: new[] { "ConsortiumCode", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "DeclaredInterests");

            migrationBuilder.DropTable(
                name: "Lessons");

            migrationBuilder.DropTable(
                name: "Milestones");

            migrationBuilder.DropTable(
                name: "PlannedFunctions");

            migrationBuilder.DropTable(
                name: "StaffTransfers");

            migrationBuilder.DropTable(
                name: "TrackDecisions");
        }
    }
}
