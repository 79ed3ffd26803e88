using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DanVan.Migrations.Sqlite.Migrations
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
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "TargetGroups",
                table: "Initiatives",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            // Existing models: their owner's type read from the kind, the owner's name and the organisation (the main words of OwnerTypes.Guess).
            migrationBuilder.Sql("UPDATE \"Initiatives\" SET \"OwnerType\" = CASE WHEN \"Kind\" = 1 THEN 11 WHEN \"OwnerName\" LIKE '%cựu chiến binh%' OR \"OwnerName\" LIKE '%Cựu chiến binh%' THEN 5 WHEN \"OwnerName\" LIKE '%phụ nữ%' OR \"OwnerName\" LIKE '%Phụ nữ%' THEN 2 WHEN \"OwnerName\" LIKE '%thanh niên%' OR \"OwnerName\" LIKE '%Thanh niên%' OR \"OwnerName\" LIKE '%đoàn tncs%' OR \"OwnerName\" LIKE '%Đoàn tncs%' THEN 3 WHEN \"OwnerName\" LIKE '%nông dân%' OR \"OwnerName\" LIKE '%Nông dân%' THEN 4 WHEN \"OwnerName\" LIKE '%công đoàn%' OR \"OwnerName\" LIKE '%Công đoàn%' THEN 6 WHEN \"OwnerName\" LIKE '%mặt trận%' OR \"OwnerName\" LIKE '%Mặt trận%' OR \"OwnerName\" LIKE '%mttq%' OR \"OwnerName\" LIKE '%Mttq%' THEN 1 WHEN \"OwnerName\" LIKE '%công an%' OR \"OwnerName\" LIKE '%Công an%' OR \"OwnerName\" LIKE '%quân sự%' OR \"OwnerName\" LIKE '%Quân sự%' OR \"OwnerName\" LIKE '%bộ đội%' OR \"OwnerName\" LIKE '%Bộ đội%' OR \"OwnerName\" LIKE '%biên phòng%' OR \"OwnerName\" LIKE '%Biên phòng%' OR \"OwnerName\" LIKE '%dân quân%' OR \"OwnerName\" LIKE '%Dân quân%' THEN 8 WHEN \"OwnerName\" LIKE '%hợp tác xã%' OR \"OwnerName\" LIKE '%Hợp tác xã%' OR \"OwnerName\" LIKE '%htx%' OR \"OwnerName\" LIKE '%Htx%' OR \"OwnerName\" LIKE '%công ty%' OR \"OwnerName\" LIKE '%Công ty%' OR \"OwnerName\" LIKE '%doanh nghiệp%' OR \"OwnerName\" LIKE '%Doanh nghiệp%' THEN 9 WHEN \"OwnerName\" LIKE '%giáo xứ%' OR \"OwnerName\" LIKE '%Giáo xứ%' OR \"OwnerName\" LIKE '%chùa%' OR \"OwnerName\" LIKE '%Chùa%' OR \"OwnerName\" LIKE '%hội thánh%' OR \"OwnerName\" LIKE '%Hội thánh%' OR \"OwnerName\" LIKE '%tôn giáo%' OR \"OwnerName\" LIKE '%Tôn giáo%' OR \"OwnerName\" LIKE '%phật giáo%' OR \"OwnerName\" LIKE '%Phật giáo%' OR \"OwnerName\" LIKE '%công giáo%' OR \"OwnerName\" LIKE '%Công giáo%' THEN 10 WHEN \"OwnerName\" LIKE '%đảng ủy%' OR \"OwnerName\" LIKE '%Đảng ủy%' OR \"OwnerName\" LIKE '%đảng bộ%' OR \"OwnerName\" LIKE '%Đảng bộ%' OR \"OwnerName\" LIKE '%chi bộ%' OR \"OwnerName\" LIKE '%Chi bộ%' OR \"OwnerName\" LIKE '%ubnd%' OR \"OwnerName\" LIKE '%Ubnd%' OR \"OwnerName\" LIKE '%ủy ban%' OR \"OwnerName\" LIKE '%Ủy ban%' OR \"OwnerName\" LIKE '%hđnd%' OR \"OwnerName\" LIKE '%Hđnd%' OR \"OwnerName\" LIKE '%ban dân vận%' OR \"OwnerName\" LIKE '%Ban dân vận%' THEN 7 WHEN \"OwnerOrganizationId\" IS NOT NULL THEN COALESCE((SELECT CASE o.\"Kind\" WHEN 0 THEN 7 WHEN 1 THEN 7 WHEN 6 THEN 7 WHEN 7 THEN 7 WHEN 2 THEN 1 WHEN 4 THEN 8 WHEN 5 THEN 8 WHEN 8 THEN 9 WHEN 9 THEN 9 ELSE 0 END FROM \"Organizations\" o WHERE o.\"Id\" = \"Initiatives\".\"OwnerOrganizationId\"), 0) ELSE 0 END");

            migrationBuilder.CreateIndex(
                name: "IX_Initiatives_ScopePath_TargetGroups_RegisteredOn_Status_RetiredOn",
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
                name: "IX_Initiatives_ScopePath_TargetGroups_RegisteredOn_Status_RetiredOn",
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
