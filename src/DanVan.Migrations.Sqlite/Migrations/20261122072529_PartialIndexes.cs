using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DanVan.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class PartialIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Initiatives_CampaignId",
                table: "Initiatives");

            migrationBuilder.DropIndex(
                name: "IX_Initiatives_ReplicatedFromId",
                table: "Initiatives");

            migrationBuilder.CreateIndex(
                name: "IX_Initiatives_CampaignId",
                table: "Initiatives",
                column: "CampaignId",
                filter: "\"CampaignId\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Initiatives_ReplicatedFromId",
                table: "Initiatives",
                column: "ReplicatedFromId",
                filter: "\"ReplicatedFromId\" IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Initiatives_CampaignId",
                table: "Initiatives");

            migrationBuilder.DropIndex(
                name: "IX_Initiatives_ReplicatedFromId",
                table: "Initiatives");

            migrationBuilder.CreateIndex(
                name: "IX_Initiatives_CampaignId",
                table: "Initiatives",
                column: "CampaignId");

            migrationBuilder.CreateIndex(
                name: "IX_Initiatives_ReplicatedFromId",
                table: "Initiatives",
                column: "ReplicatedFromId");
        }
    }
}
