using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DanVan.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class LegacyPaths : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "LegacyPath",
                table: "Initiatives",
                type: "TEXT",
                maxLength: 40,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "LegacyPath",
                table: "AdminUnits",
                type: "TEXT",
                maxLength: 40,
                nullable: false,
                defaultValue: "");

            migrationBuilder.CreateIndex(
                name: "IX_Initiatives_LegacyPath_RegisteredOn",
                table: "Initiatives",
                columns: new[] { "LegacyPath", "RegisteredOn" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Initiatives_LegacyPath_RegisteredOn",
                table: "Initiatives");

            migrationBuilder.DropColumn(
                name: "LegacyPath",
                table: "Initiatives");

            migrationBuilder.DropColumn(
                name: "LegacyPath",
                table: "AdminUnits");
        }
    }
}
