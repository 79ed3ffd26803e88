using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace DanVan.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class Indicators : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<decimal>(
                name: "CanonicalValue",
                table: "IndicatorValues",
                type: "numeric(24,4)",
                precision: 24,
                scale: 4,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Category",
                table: "IndicatorValues",
                type: "character varying(30)",
                maxLength: 30,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "IndicatorId",
                table: "IndicatorValues",
                type: "integer",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "Indicators",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Code = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Unit = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    Aggregation = table.Column<int>(type: "integer", nullable: false),
                    Categories = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ScopePath = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false, collation: "C"),
                    BuiltIn = table.Column<bool>(type: "boolean", nullable: false),
                    SortOrder = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Indicators", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "UnitReports",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    UnitId = table.Column<int>(type: "integer", nullable: false),
                    ScopePath = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false, collation: "C"),
                    LegacyPath = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false, collation: "C"),
                    OrganizationId = table.Column<int>(type: "integer", nullable: true),
                    Period = table.Column<string>(type: "character varying(7)", maxLength: 7, nullable: false),
                    PeriodStart = table.Column<DateOnly>(type: "date", nullable: false),
                    PeriodEnd = table.Column<DateOnly>(type: "date", nullable: false),
                    Note = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    SubmittedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    SubmittedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_UnitReports", x => x.Id);
                    table.ForeignKey(
                        name: "FK_UnitReports_AdminUnits_UnitId",
                        column: x => x.UnitId,
                        principalTable: "AdminUnits",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_UnitReports_Organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "UnitReportValues",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ReportId = table.Column<int>(type: "integer", nullable: false),
                    IndicatorId = table.Column<int>(type: "integer", nullable: false),
                    Category = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: true),
                    Value = table.Column<decimal>(type: "numeric(24,4)", precision: 24, scale: 4, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_UnitReportValues", x => x.Id);
                    table.ForeignKey(
                        name: "FK_UnitReportValues_Indicators_IndicatorId",
                        column: x => x.IndicatorId,
                        principalTable: "Indicators",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_UnitReportValues_UnitReports_ReportId",
                        column: x => x.ReportId,
                        principalTable: "UnitReports",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_IndicatorValues_IndicatorId",
                table: "IndicatorValues",
                column: "IndicatorId");

            migrationBuilder.CreateIndex(
                name: "IX_Indicators_Code",
                table: "Indicators",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_UnitReports_LegacyPath_PeriodStart",
                table: "UnitReports",
                columns: new[] { "LegacyPath", "PeriodStart" });

            migrationBuilder.CreateIndex(
                name: "IX_UnitReports_OrganizationId",
                table: "UnitReports",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_UnitReports_ScopePath_PeriodStart",
                table: "UnitReports",
                columns: new[] { "ScopePath", "PeriodStart" });

            migrationBuilder.CreateIndex(
                name: "IX_UnitReports_UnitId_OrganizationId_Period",
                table: "UnitReports",
                columns: new[] { "UnitId", "OrganizationId", "Period" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_UnitReportValues_IndicatorId",
                table: "UnitReportValues",
                column: "IndicatorId");

            migrationBuilder.CreateIndex(
                name: "IX_UnitReportValues_ReportId",
                table: "UnitReportValues",
                column: "ReportId");

            migrationBuilder.AddForeignKey(
                name: "FK_IndicatorValues_Indicators_IndicatorId",
                table: "IndicatorValues",
                column: "IndicatorId",
                principalTable: "Indicators",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_IndicatorValues_Indicators_IndicatorId",
                table: "IndicatorValues");

            migrationBuilder.DropTable(
                name: "UnitReportValues");

            migrationBuilder.DropTable(
                name: "Indicators");

            migrationBuilder.DropTable(
                name: "UnitReports");

            migrationBuilder.DropIndex(
                name: "IX_IndicatorValues_IndicatorId",
                table: "IndicatorValues");

            migrationBuilder.DropColumn(
                name: "CanonicalValue",
                table: "IndicatorValues");

            migrationBuilder.DropColumn(
                name: "Category",
                table: "IndicatorValues");

            migrationBuilder.DropColumn(
                name: "IndicatorId",
                table: "IndicatorValues");
        }
    }
}
