using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DanVan.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class ModelChangedOn : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateOnly>(
                name: "ChangedOn",
                table: "Initiatives",
                type: "date",
                nullable: false,
                defaultValue: new DateOnly(1, 1, 1));

            // Models saved before the day was kept count as changed on the day of this migration: a syncing system's
            // next read takes them all once, rather than missing an edit it cannot see.
            migrationBuilder.Sql("UPDATE \"Initiatives\" SET \"ChangedOn\" = (now() AT TIME ZONE 'Asia/Ho_Chi_Minh')::date;");

            migrationBuilder.CreateIndex(
                name: "IX_Initiatives_ChangedOn_Id",
                table: "Initiatives",
                columns: new[] { "ChangedOn", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Initiatives_ChangedOn_Id",
                table: "Initiatives");

            migrationBuilder.DropColumn(
                name: "ChangedOn",
                table: "Initiatives");
        }
    }
}
