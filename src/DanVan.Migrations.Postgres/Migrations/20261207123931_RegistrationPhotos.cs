using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DanVan.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class RegistrationPhotos : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterColumn<int>(
                name: "ReportId",
                table: "EvidenceFiles",
                type: "integer",
                nullable: true,
                oldClrType: typeof(int),
                oldType: "integer");

            migrationBuilder.AddColumn<int>(
                name: "InitiativeId",
                table: "EvidenceFiles",
                type: "integer",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_EvidenceFiles_InitiativeId",
                table: "EvidenceFiles",
                column: "InitiativeId");

            migrationBuilder.AddCheckConstraint(
                name: "CK_EvidenceFiles_OneOwner",
                table: "EvidenceFiles",
                sql: "(\"ReportId\" IS NULL) <> (\"InitiativeId\" IS NULL)");

            migrationBuilder.AddForeignKey(
                name: "FK_EvidenceFiles_Initiatives_InitiativeId",
                table: "EvidenceFiles",
                column: "InitiativeId",
                principalTable: "Initiatives",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            // A photo taken at registration was kept as a month's "result" with this narrative: it becomes the dossier's photo,
            // and the made-up report (no figures, nothing else attached) goes.
            migrationBuilder.Sql("""
                UPDATE "EvidenceFiles" SET "InitiativeId" = (SELECT r."InitiativeId" FROM "ResultReports" r WHERE r."Id" = "EvidenceFiles"."ReportId"), "ReportId" = NULL
                WHERE "ReportId" IN (SELECT r."Id" FROM "ResultReports" r WHERE r."Narrative" = 'Ảnh kèm hồ sơ đăng ký mô hình.'
                    AND NOT EXISTS (SELECT 1 FROM "IndicatorValues" v WHERE v."ReportId" = r."Id"));
                DELETE FROM "ResultReports" WHERE "Narrative" = 'Ảnh kèm hồ sơ đăng ký mô hình.'
                    AND NOT EXISTS (SELECT 1 FROM "IndicatorValues" v WHERE v."ReportId" = "ResultReports"."Id")
                    AND NOT EXISTS (SELECT 1 FROM "EvidenceFiles" e WHERE e."ReportId" = "ResultReports"."Id");
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_EvidenceFiles_Initiatives_InitiativeId",
                table: "EvidenceFiles");

            migrationBuilder.DropIndex(
                name: "IX_EvidenceFiles_InitiativeId",
                table: "EvidenceFiles");

            migrationBuilder.DropCheckConstraint(
                name: "CK_EvidenceFiles_OneOwner",
                table: "EvidenceFiles");

            migrationBuilder.DropColumn(
                name: "InitiativeId",
                table: "EvidenceFiles");

            migrationBuilder.AlterColumn<int>(
                name: "ReportId",
                table: "EvidenceFiles",
                type: "integer",
                nullable: false,
                defaultValue: 0,
                oldClrType: typeof(int),
                oldType: "integer",
                oldNullable: true);
        }
    }
}
