using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace DanVan.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class Commendation : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "AwardForms",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Code = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Name = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Title = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    Level = table.Column<int>(type: "integer", nullable: false),
                    IssuingBody = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    ScopePath = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false, collation: "C"),
                    SortOrder = table.Column<int>(type: "integer", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AwardForms", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "AwardDecisions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Number = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    DecidedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Level = table.Column<int>(type: "integer", nullable: false),
                    FormId = table.Column<int>(type: "integer", nullable: false),
                    IssuingBody = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Signer = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    UnitId = table.Column<int>(type: "integer", nullable: true),
                    ScopePath = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false, collation: "C"),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    CreatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AwardDecisions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AwardDecisions_AdminUnits_UnitId",
                        column: x => x.UnitId,
                        principalTable: "AdminUnits",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_AwardDecisions_AwardForms_FormId",
                        column: x => x.FormId,
                        principalTable: "AwardForms",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Nominations",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    UnitId = table.Column<int>(type: "integer", nullable: false),
                    ScopePath = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false, collation: "C"),
                    RecipientKind = table.Column<int>(type: "integer", nullable: false),
                    RecipientName = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    InitiativeId = table.Column<int>(type: "integer", nullable: true),
                    FormId = table.Column<int>(type: "integer", nullable: false),
                    Achievements = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: false),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    HolderPath = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    HolderLevel = table.Column<int>(type: "integer", nullable: true),
                    StatusSince = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ReturnReason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    AwardDecisionId = table.Column<int>(type: "integer", nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    CreatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Nominations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Nominations_AdminUnits_UnitId",
                        column: x => x.UnitId,
                        principalTable: "AdminUnits",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Nominations_AwardForms_FormId",
                        column: x => x.FormId,
                        principalTable: "AwardForms",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Nominations_Initiatives_InitiativeId",
                        column: x => x.InitiativeId,
                        principalTable: "Initiatives",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "AwardRecipients",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    DecisionId = table.Column<int>(type: "integer", nullable: false),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    Name = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    UnitId = table.Column<int>(type: "integer", nullable: false),
                    ScopePath = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false, collation: "C"),
                    LegacyPath = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false, collation: "C"),
                    InitiativeId = table.Column<int>(type: "integer", nullable: true),
                    NominationId = table.Column<int>(type: "integer", nullable: true),
                    Achievement = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AwardRecipients", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AwardRecipients_AdminUnits_UnitId",
                        column: x => x.UnitId,
                        principalTable: "AdminUnits",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_AwardRecipients_AwardDecisions_DecisionId",
                        column: x => x.DecisionId,
                        principalTable: "AwardDecisions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_AwardRecipients_Initiatives_InitiativeId",
                        column: x => x.InitiativeId,
                        principalTable: "Initiatives",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "NominationSteps",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    NominationId = table.Column<int>(type: "integer", nullable: false),
                    Action = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    FromPath = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    ToPath = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    By = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    Note = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_NominationSteps", x => x.Id);
                    table.ForeignKey(
                        name: "FK_NominationSteps_Nominations_NominationId",
                        column: x => x.NominationId,
                        principalTable: "Nominations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AwardDecisions_DecidedOn",
                table: "AwardDecisions",
                column: "DecidedOn");

            migrationBuilder.CreateIndex(
                name: "IX_AwardDecisions_FormId",
                table: "AwardDecisions",
                column: "FormId");

            migrationBuilder.CreateIndex(
                name: "IX_AwardDecisions_ScopePath_IssuingBody_Number_DecidedOn",
                table: "AwardDecisions",
                columns: new[] { "ScopePath", "IssuingBody", "Number", "DecidedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_AwardDecisions_UnitId",
                table: "AwardDecisions",
                column: "UnitId");

            migrationBuilder.CreateIndex(
                name: "IX_AwardForms_ScopePath_Code",
                table: "AwardForms",
                columns: new[] { "ScopePath", "Code" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AwardRecipients_DecisionId",
                table: "AwardRecipients",
                column: "DecisionId");

            migrationBuilder.CreateIndex(
                name: "IX_AwardRecipients_InitiativeId",
                table: "AwardRecipients",
                column: "InitiativeId");

            migrationBuilder.CreateIndex(
                name: "IX_AwardRecipients_LegacyPath_DecisionId",
                table: "AwardRecipients",
                columns: new[] { "LegacyPath", "DecisionId" });

            migrationBuilder.CreateIndex(
                name: "IX_AwardRecipients_ScopePath_DecisionId",
                table: "AwardRecipients",
                columns: new[] { "ScopePath", "DecisionId" });

            migrationBuilder.CreateIndex(
                name: "IX_AwardRecipients_UnitId",
                table: "AwardRecipients",
                column: "UnitId");

            migrationBuilder.CreateIndex(
                name: "IX_Nominations_FormId",
                table: "Nominations",
                column: "FormId");

            migrationBuilder.CreateIndex(
                name: "IX_Nominations_HolderPath_Status",
                table: "Nominations",
                columns: new[] { "HolderPath", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_Nominations_InitiativeId",
                table: "Nominations",
                column: "InitiativeId");

            migrationBuilder.CreateIndex(
                name: "IX_Nominations_ScopePath_Status",
                table: "Nominations",
                columns: new[] { "ScopePath", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_Nominations_UnitId",
                table: "Nominations",
                column: "UnitId");

            migrationBuilder.CreateIndex(
                name: "IX_NominationSteps_NominationId",
                table: "NominationSteps",
                column: "NominationId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AwardRecipients");

            migrationBuilder.DropTable(
                name: "NominationSteps");

            migrationBuilder.DropTable(
                name: "AwardDecisions");

            migrationBuilder.DropTable(
                name: "Nominations");

            migrationBuilder.DropTable(
                name: "AwardForms");
        }
    }
}
