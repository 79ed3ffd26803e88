using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DanVan.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class RecognitionDates : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Initiatives_LegacyPath_RegisteredOn",
                table: "Initiatives");

            migrationBuilder.DropIndex(
                name: "IX_Initiatives_ScopePath_RegisteredOn",
                table: "Initiatives");

            migrationBuilder.AddColumn<DateOnly>(
                name: "CommuneRecognizedOn",
                table: "Initiatives",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "DistrictRecognizedOn",
                table: "Initiatives",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "NationalRecognizedOn",
                table: "Initiatives",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "ProvinceRecognizedOn",
                table: "Initiatives",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Initiatives_Summary_Current",
                table: "Initiatives",
                columns: new[] { "ScopePath", "RegisteredOn", "Field", "Kind", "Origin", "Status", "RetiredOn", "FirstRecognizedOn", "CommuneRecognizedOn", "DistrictRecognizedOn", "ProvinceRecognizedOn", "NationalRecognizedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_Initiatives_Summary_Legacy",
                table: "Initiatives",
                columns: new[] { "LegacyPath", "RegisteredOn", "Field", "Kind", "Origin", "Status", "RetiredOn", "FirstRecognizedOn", "CommuneRecognizedOn", "DistrictRecognizedOn", "ProvinceRecognizedOn", "NationalRecognizedOn", "ScopePath" });

            // Existing records take their dates from their recognitions.
            foreach (var (column, level) in new[] { ("CommuneRecognizedOn", 0), ("DistrictRecognizedOn", 1), ("ProvinceRecognizedOn", 2), ("NationalRecognizedOn", 3) })
            {
                migrationBuilder.Sql($"UPDATE \"Initiatives\" SET \"{column}\" = (SELECT MIN(r.\"Date\") FROM \"Recognitions\" r WHERE r.\"InitiativeId\" = \"Initiatives\".\"Id\" AND r.\"Level\" = {level})");
            }
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Initiatives_Summary_Current",
                table: "Initiatives");

            migrationBuilder.DropIndex(
                name: "IX_Initiatives_Summary_Legacy",
                table: "Initiatives");

            migrationBuilder.DropColumn(
                name: "CommuneRecognizedOn",
                table: "Initiatives");

            migrationBuilder.DropColumn(
                name: "DistrictRecognizedOn",
                table: "Initiatives");

            migrationBuilder.DropColumn(
                name: "NationalRecognizedOn",
                table: "Initiatives");

            migrationBuilder.DropColumn(
                name: "ProvinceRecognizedOn",
                table: "Initiatives");

            migrationBuilder.CreateIndex(
                name: "IX_Initiatives_LegacyPath_RegisteredOn",
                table: "Initiatives",
                columns: new[] { "LegacyPath", "RegisteredOn" });

            migrationBuilder.CreateIndex(
                name: "IX_Initiatives_ScopePath_RegisteredOn",
                table: "Initiatives",
                columns: new[] { "ScopePath", "RegisteredOn" });
        }
    }
}
