using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DanVan.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class OwnerTypesAndTargetGroups : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Initiatives_Summary_Current",
                table: "Initiatives");

            migrationBuilder.DropIndex(
                name: "IX_Initiatives_Summary_Legacy",
                table: "Initiatives");

            migrationBuilder.AddColumn<int>(
                name: "OwnerType",
                table: "Initiatives",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "TargetGroups",
                table: "Initiatives",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            // Existing models: their owner's type read from the kind, the owner's name and the organisation (the main words of OwnerTypes.Guess).
            migrationBuilder.Sql("UPDATE \"Initiatives\" SET \"OwnerType\" = CASE WHEN \"Kind\" = 1 THEN 11 WHEN \"OwnerName\" ILIKE '%cựu chiến binh%' THEN 5 WHEN \"OwnerName\" ILIKE '%phụ nữ%' THEN 2 WHEN \"OwnerName\" ILIKE '%thanh niên%' OR \"OwnerName\" ILIKE '%đoàn tncs%' THEN 3 WHEN \"OwnerName\" ILIKE '%nông dân%' THEN 4 WHEN \"OwnerName\" ILIKE '%công đoàn%' THEN 6 WHEN \"OwnerName\" ILIKE '%mặt trận%' OR \"OwnerName\" ILIKE '%mttq%' THEN 1 WHEN \"OwnerName\" ILIKE '%công an%' OR \"OwnerName\" ILIKE '%quân sự%' OR \"OwnerName\" ILIKE '%bộ đội%' OR \"OwnerName\" ILIKE '%biên phòng%' OR \"OwnerName\" ILIKE '%dân quân%' THEN 8 WHEN \"OwnerName\" ILIKE '%hợp tác xã%' OR \"OwnerName\" ILIKE '%htx%' OR \"OwnerName\" ILIKE '%công ty%' OR \"OwnerName\" ILIKE '%doanh nghiệp%' THEN 9 WHEN \"OwnerName\" ILIKE '%giáo xứ%' OR \"OwnerName\" ILIKE '%chùa%' OR \"OwnerName\" ILIKE '%hội thánh%' OR \"OwnerName\" ILIKE '%tôn giáo%' OR \"OwnerName\" ILIKE '%phật giáo%' OR \"OwnerName\" ILIKE '%công giáo%' THEN 10 WHEN \"OwnerName\" ILIKE '%đảng ủy%' OR \"OwnerName\" ILIKE '%đảng bộ%' OR \"OwnerName\" ILIKE '%chi bộ%' OR \"OwnerName\" ILIKE '%ubnd%' OR \"OwnerName\" ILIKE '%ủy ban%' OR \"OwnerName\" ILIKE '%hđnd%' OR \"OwnerName\" ILIKE '%ban dân vận%' THEN 7 WHEN \"OwnerOrganizationId\" IS NOT NULL THEN COALESCE((SELECT CASE o.\"Kind\" WHEN 0 THEN 7 WHEN 1 THEN 7 WHEN 6 THEN 7 WHEN 7 THEN 7 WHEN 2 THEN 1 WHEN 4 THEN 8 WHEN 5 THEN 8 WHEN 8 THEN 9 WHEN 9 THEN 9 ELSE 0 END FROM \"Organizations\" o WHERE o.\"Id\" = \"Initiatives\".\"OwnerOrganizationId\"), 0) ELSE 0 END");

            migrationBuilder.CreateIndex(
                name: "IX_Initiatives_ScopePath_TargetGroups_RegisteredOn_Status_Reti~",
                table: "Initiatives",
                columns: new[] { "ScopePath", "TargetGroups", "RegisteredOn", "Status", "RetiredOn" },
                filter: "\"TargetGroups\" <> 0");

            migrationBuilder.CreateIndex(
                name: "IX_Initiatives_Summary_Current",
                table: "Initiatives",
                columns: new[] { "ScopePath", "RegisteredOn", "Field", "Kind", "Origin", "Status", "RetiredOn", "FirstRecognizedOn", "CommuneRecognizedOn", "DistrictRecognizedOn", "ProvinceRecognizedOn", "NationalRecognizedOn", "OwnerType" });

            migrationBuilder.CreateIndex(
                name: "IX_Initiatives_Summary_Legacy",
                table: "Initiatives",
                columns: new[] { "LegacyPath", "RegisteredOn", "Field", "Kind", "Origin", "Status", "RetiredOn", "FirstRecognizedOn", "CommuneRecognizedOn", "DistrictRecognizedOn", "ProvinceRecognizedOn", "NationalRecognizedOn", "ScopePath", "OwnerType" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Initiatives_ScopePath_TargetGroups_RegisteredOn_Status_Reti~",
                table: "Initiatives");

            migrationBuilder.DropIndex(
                name: "IX_Initiatives_Summary_Current",
                table: "Initiatives");

            migrationBuilder.DropIndex(
                name: "IX_Initiatives_Summary_Legacy",
                table: "Initiatives");

            migrationBuilder.DropColumn(
                name: "OwnerType",
                table: "Initiatives");

            migrationBuilder.DropColumn(
                name: "TargetGroups",
                table: "Initiatives");

            migrationBuilder.CreateIndex(
                name: "IX_Initiatives_Summary_Current",
                table: "Initiatives",
                columns: new[] { "ScopePath", "RegisteredOn", "Field", "Kind", "Origin", "Status", "RetiredOn", "FirstRecognizedOn", "CommuneRecognizedOn", "DistrictRecognizedOn", "ProvinceRecognizedOn", "NationalRecognizedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_Initiatives_Summary_Legacy",
                table: "Initiatives",
                columns: new[] { "LegacyPath", "RegisteredOn", "Field", "Kind", "Origin", "Status", "RetiredOn", "FirstRecognizedOn", "CommuneRecognizedOn", "DistrictRecognizedOn", "ProvinceRecognizedOn", "NationalRecognizedOn", "ScopePath" });
        }
    }
}
