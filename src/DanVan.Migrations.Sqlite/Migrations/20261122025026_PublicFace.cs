using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DanVan.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class PublicFace : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "HiddenFromPublic",
                table: "Initiatives",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<DateOnly>(
                name: "OwnerConsentOn",
                table: "Initiatives",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "CitizenComments",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    InitiativeId = table.Column<int>(type: "INTEGER", nullable: false),
                    AuthorName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Text = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    At = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    ModeratedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: true),
                    ModeratedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    ScopePath = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CitizenComments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CitizenComments_Initiatives_InitiativeId",
                        column: x => x.InitiativeId,
                        principalTable: "Initiatives",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Surveys",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    InitiativeId = table.Column<int>(type: "INTEGER", nullable: false),
                    Question = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Key = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    IsOpen = table.Column<bool>(type: "INTEGER", nullable: false),
                    OpenedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ScopePath = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Surveys", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Surveys_Initiatives_InitiativeId",
                        column: x => x.InitiativeId,
                        principalTable: "Initiatives",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SurveyAnswers",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SurveyId = table.Column<int>(type: "INTEGER", nullable: false),
                    Satisfied = table.Column<bool>(type: "INTEGER", nullable: false),
                    Rating = table.Column<int>(type: "INTEGER", nullable: false),
                    Day = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Device = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    At = table.Column<DateTimeOffset>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SurveyAnswers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SurveyAnswers_Surveys_SurveyId",
                        column: x => x.SurveyId,
                        principalTable: "Surveys",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Initiatives_FirstRecognizedOn",
                table: "Initiatives",
                column: "FirstRecognizedOn");

            migrationBuilder.CreateIndex(
                name: "IX_CitizenComments_InitiativeId_Status",
                table: "CitizenComments",
                columns: new[] { "InitiativeId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_CitizenComments_ScopePath_Status",
                table: "CitizenComments",
                columns: new[] { "ScopePath", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_SurveyAnswers_SurveyId_Device",
                table: "SurveyAnswers",
                columns: new[] { "SurveyId", "Device" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SurveyAnswers_SurveyId_Satisfied",
                table: "SurveyAnswers",
                columns: new[] { "SurveyId", "Satisfied" });

            migrationBuilder.CreateIndex(
                name: "IX_Surveys_InitiativeId",
                table: "Surveys",
                column: "InitiativeId");

            migrationBuilder.CreateIndex(
                name: "IX_Surveys_Key",
                table: "Surveys",
                column: "Key",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Surveys_ScopePath",
                table: "Surveys",
                column: "ScopePath");

            // Full-text search: an FTS5 index over the folded search text, kept by triggers in the same transaction.
            migrationBuilder.Sql("""CREATE VIRTUAL TABLE "InitiativeSearch" USING fts5("SearchText", content='Initiatives', content_rowid='Id', tokenize='unicode61')""");
            migrationBuilder.Sql("""CREATE TRIGGER "Initiatives_search_insert" AFTER INSERT ON "Initiatives" BEGIN INSERT INTO "InitiativeSearch"(rowid, "SearchText") VALUES (new."Id", new."SearchText"); END""");
            migrationBuilder.Sql("""CREATE TRIGGER "Initiatives_search_delete" AFTER DELETE ON "Initiatives" BEGIN INSERT INTO "InitiativeSearch"("InitiativeSearch", rowid, "SearchText") VALUES ('delete', old."Id", old."SearchText"); END""");
            migrationBuilder.Sql("""CREATE TRIGGER "Initiatives_search_update" AFTER UPDATE OF "SearchText" ON "Initiatives" BEGIN INSERT INTO "InitiativeSearch"("InitiativeSearch", rowid, "SearchText") VALUES ('delete', old."Id", old."SearchText"); INSERT INTO "InitiativeSearch"(rowid, "SearchText") VALUES (new."Id", new."SearchText"); END""");
            migrationBuilder.Sql("""INSERT INTO "InitiativeSearch"("InitiativeSearch") VALUES ('rebuild')""");

        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""DROP TRIGGER IF EXISTS "Initiatives_search_insert" """);
            migrationBuilder.Sql("""DROP TRIGGER IF EXISTS "Initiatives_search_delete" """);
            migrationBuilder.Sql("""DROP TRIGGER IF EXISTS "Initiatives_search_update" """);
            migrationBuilder.Sql("""DROP TABLE IF EXISTS "InitiativeSearch" """);

            migrationBuilder.DropTable(
                name: "CitizenComments");

            migrationBuilder.DropTable(
                name: "SurveyAnswers");

            migrationBuilder.DropTable(
                name: "Surveys");

            migrationBuilder.DropIndex(
                name: "IX_Initiatives_FirstRecognizedOn",
                table: "Initiatives");

            migrationBuilder.DropColumn(
                name: "HiddenFromPublic",
                table: "Initiatives");

            migrationBuilder.DropColumn(
                name: "OwnerConsentOn",
                table: "Initiatives");
        }
    }
}
