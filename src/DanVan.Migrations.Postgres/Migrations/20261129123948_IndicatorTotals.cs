using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace DanVan.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class IndicatorTotals : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "IndicatorTotals",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ScopePath = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false, collation: "C"),
                    LegacyPath = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false, collation: "C"),
                    IndicatorId = table.Column<int>(type: "integer", nullable: false),
                    Category = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    Source = table.Column<int>(type: "integer", nullable: false),
                    PeriodStart = table.Column<DateOnly>(type: "date", nullable: false),
                    PeriodEnd = table.Column<DateOnly>(type: "date", nullable: false),
                    CoverStart = table.Column<DateOnly>(type: "date", nullable: false),
                    CoverEnd = table.Column<DateOnly>(type: "date", nullable: false),
                    NextEnd = table.Column<DateOnly>(type: "date", nullable: false),
                    InTotal = table.Column<bool>(type: "boolean", nullable: false),
                    Whole = table.Column<long>(type: "bigint", nullable: false),
                    Millionths = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IndicatorTotals", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_IndicatorTotals_Legacy",
                table: "IndicatorTotals",
                columns: new[] { "LegacyPath", "PeriodStart", "PeriodEnd", "CoverStart", "CoverEnd", "NextEnd", "IndicatorId", "Category", "Source", "InTotal", "Whole", "Millionths" });

            migrationBuilder.CreateIndex(
                name: "IX_IndicatorTotals_Scope",
                table: "IndicatorTotals",
                columns: new[] { "ScopePath", "PeriodStart", "PeriodEnd", "CoverStart", "CoverEnd", "NextEnd", "IndicatorId", "Category", "Source", "InTotal", "Whole", "Millionths" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "IndicatorTotals");
        }
    }
}
