using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DanVan.Migrations.Postgres.Migrations
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
                type: "character varying(40)",
                maxLength: 40,
                nullable: false,
                defaultValue: "",
                collation: "C");

            migrationBuilder.AddColumn<string>(
                name: "LegacyPath",
                table: "AdminUnits",
                type: "character varying(40)",
                maxLength: 40,
                nullable: false,
                defaultValue: "",
                collation: "C");

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
