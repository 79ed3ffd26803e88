using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DanVan.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class AwardNumberKey : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "NumberKey",
                table: "AwardDecisions",
                type: "character varying(420)",
                maxLength: 420,
                nullable: false,
                defaultValue: "");

            // Decisions saved before the key: each its own key (the number check in the command still applies to them).
            migrationBuilder.Sql("UPDATE \"AwardDecisions\" SET \"NumberKey\" = 'before-key|' || \"Id\"");

            migrationBuilder.CreateIndex(
                name: "IX_AwardDecisions_NumberKey",
                table: "AwardDecisions",
                column: "NumberKey",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_AwardDecisions_NumberKey",
                table: "AwardDecisions");

            migrationBuilder.DropColumn(
                name: "NumberKey",
                table: "AwardDecisions");
        }
    }
}
