using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TransitionTracker.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ConsortiumForecasts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "ForecastAtRisk",
                table: "Consortia",
                type: "INTEGER",
                nullable: false,
                defaultValue: true);

            migrationBuilder.AddColumn<int>(
                name: "ForecastClosed",
                table: "Consortia",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<DateOnly>(
                name: "ForecastFrom",
                table: "Consortia",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ForecastOutcome",
                table: "Consortia",
                type: "TEXT",
                maxLength: 20,
                nullable: false,
                defaultValue: "NotAssessed");

            migrationBuilder.AddColumn<int>(
                name: "ForecastToClose",
                table: "Consortia",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ForecastWindowDays",
                table: "Consortia",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "ForecastAtRisk",
                table: "Consortia");

            migrationBuilder.DropColumn(
                name: "ForecastClosed",
                table: "Consortia");

            migrationBuilder.DropColumn(
                name: "ForecastFrom",
                table: "Consortia");

            migrationBuilder.DropColumn(
                name: "ForecastOutcome",
                table: "Consortia");

            migrationBuilder.DropColumn(
                name: "ForecastToClose",
                table: "Consortia");

            migrationBuilder.DropColumn(
                name: "ForecastWindowDays",
                table: "Consortia");
        }
    }
}
