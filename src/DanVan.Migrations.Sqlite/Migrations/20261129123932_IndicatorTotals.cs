using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DanVan.Migrations.Sqlite.Migrations
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
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ScopePath = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    LegacyPath = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    IndicatorId = table.Column<int>(type: "INTEGER", nullable: false),
                    Category = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    Source = table.Column<int>(type: "INTEGER", nullable: false),
                    PeriodStart = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    PeriodEnd = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    CoverStart = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    CoverEnd = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    NextEnd = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    InTotal = table.Column<bool>(type: "INTEGER", nullable: false),
                    Whole = table.Column<long>(type: "INTEGER", nullable: false),
                    Millionths = table.Column<long>(type: "INTEGER", nullable: false)
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
