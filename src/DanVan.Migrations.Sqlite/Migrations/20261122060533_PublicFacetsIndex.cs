using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DanVan.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class PublicFacetsIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_Initiatives_PublicFacets",
                table: "Initiatives",
                columns: new[] { "Id", "HighestLevel", "Status", "HiddenFromPublic", "Field", "Kind", "FirstRecognizedOn", "CurrentUnitId", "ScopePath" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Initiatives_PublicFacets",
                table: "Initiatives");
        }
    }
}
