using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DanVan.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class NominationRounds : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "RoundId",
                table: "Nominations",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "NominationRounds",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    UnitId = table.Column<int>(type: "INTEGER", nullable: false),
                    ScopePath = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    OpensOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ClosesOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    QuotaPerUnit = table.Column<int>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_NominationRounds", x => x.Id);
                    table.ForeignKey(
                        name: "FK_NominationRounds_AdminUnits_UnitId",
                        column: x => x.UnitId,
                        principalTable: "AdminUnits",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Nominations_RoundId",
                table: "Nominations",
                column: "RoundId");

            migrationBuilder.CreateIndex(
                name: "IX_NominationRounds_ScopePath_ClosesOn",
                table: "NominationRounds",
                columns: new[] { "ScopePath", "ClosesOn" });

            migrationBuilder.CreateIndex(
                name: "IX_NominationRounds_UnitId",
                table: "NominationRounds",
                column: "UnitId");

            migrationBuilder.AddForeignKey(
                name: "FK_Nominations_NominationRounds_RoundId",
                table: "Nominations",
                column: "RoundId",
                principalTable: "NominationRounds",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Nominations_NominationRounds_RoundId",
                table: "Nominations");

            migrationBuilder.DropTable(
                name: "NominationRounds");

            migrationBuilder.DropIndex(
                name: "IX_Nominations_RoundId",
                table: "Nominations");

            migrationBuilder.DropColumn(
                name: "RoundId",
                table: "Nominations");
        }
    }
}
