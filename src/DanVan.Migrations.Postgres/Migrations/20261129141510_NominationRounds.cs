using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace DanVan.Migrations.Postgres.Migrations
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
                type: "integer",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "NominationRounds",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    UnitId = table.Column<int>(type: "integer", nullable: false),
                    ScopePath = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false, collation: "C"),
                    Name = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    OpensOn = table.Column<DateOnly>(type: "date", nullable: false),
                    ClosesOn = table.Column<DateOnly>(type: "date", nullable: false),
                    QuotaPerUnit = table.Column<int>(type: "integer", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
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
