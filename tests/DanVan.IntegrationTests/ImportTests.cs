using System.Net;
using System.Text;
using DanVan.Data;
using DanVan.Domain;
using DanVan.Features.Imports;
using DanVan.Infrastructure;
using DanVan.IntegrationTests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DanVan.IntegrationTests;

/// <summary>Bulk import: every bad row listed with its line and reason; all rows or none; figures match the file.</summary>
[Collection(AppCollection.Name)]
public class ImportTests(DanVanFactory app)
{
    private const string Header = "Mã,Tên mô hình *,Mã đơn vị *,Bản đồ,Lĩnh vực *,Loại *,Nguồn gốc,Nhân rộng từ,Chủ thể *,Ngày đăng ký *,Trạng thái,Ngày loại bỏ,Cấp công nhận,Ngày công nhận,Số quyết định";

    private static UserScope Province(string path) => new("import-test", "import-test", [(Role.Secretariat, path)]);

    private async Task<(ImportOutcome Outcome, int Before, int After)> RunAsync(string csv, bool dryRun, string fileName = "ds.csv", UserScope? scope = null, byte[]? bytes = null)
    {
        await using var s = app.Scope();
        var db = s.ServiceProvider.GetRequiredService<AppDbContext>();
        var before = await db.Initiatives.CountAsync();
        var outcome = await InitiativeImport.RunAsync(db, scope ?? Province("/11/"), new MemoryStream(bytes ?? Encoding.UTF8.GetBytes(csv)), fileName, dryRun, TimeProvider.System);
        return (outcome, before, await db.Initiatives.CountAsync());
    }

    [Fact]
    public async Task DryRun_ListsEveryBadRowWithItsLineAndReason_AndWritesNothing()
    {
        var csv = string.Join('\n',
            Header,
            "X1,Mô hình tốt,03127,2025,Kinh tế,Tập thể,,,Hội Nông dân,15/03/2025,,,,,",
            "X2,Mã đơn vị sai,99999,2025,Kinh tế,Tập thể,,,Hội,15/03/2025,,,,,",
            "X3,Ngày sai,03127,2025,Kinh tế,Tập thể,,,Hội,30/02/2021,,,,,",
            "X4,Lĩnh vực viết lạ,03127,2025,Thể thao,Tập thể,,,Hội,15/03/2025,,,,,",
            "X5,Viết khác kiểu,03127,2025,văn hoá - xã hội,cá nhân,,,Ông A,2025-04-01,,,,,",
            "X6,Ngoài phạm vi,01273,2025,Kinh tế,Tập thể,,,Hội,15/03/2025,,,,,",
            "X7,=HYPERLINK(\"http://x\"),03127,2025,Kinh tế,Tập thể,,,Hội,15/03/2025,,,,,",
            "X8,Loại bỏ thiếu ngày,03127,2025,Kinh tế,Tập thể,,,Hội,15/03/2025,loại bỏ,,,,",
            "X9,Công nhận thiếu ngày,03127,2025,Kinh tế,Tập thể,,,Hội,15/03/2025,,,tỉnh,,",
            "X10,Nhân rộng từ mã lạ,03127,2025,Kinh tế,Tập thể,Nhân rộng,KHONGCO,Hội,15/03/2025,,,,,",
            ",,03127,2025,Kinh tế,,,,Hội,15/03/2025,,,,,");
        var (outcome, before, after) = await RunAsync(csv, dryRun: true);
        Assert.Null(outcome.FileError);
        Assert.Equal(11, outcome.Total);
        Assert.Equal([3, 4, 5, 7, 8, 9, 10, 11, 12], outcome.Errors.Select(e => e.Line));
        string Reason(int line) => string.Join(" ", outcome.Errors.Single(e => e.Line == line).Errors);
        Assert.Contains("99999", Reason(3), StringComparison.Ordinal);
        Assert.Contains("30/02/2021", Reason(4), StringComparison.Ordinal);
        Assert.Contains("Thể thao", Reason(5), StringComparison.Ordinal);
        Assert.Contains("không được nhập", Reason(7), StringComparison.Ordinal);
        Assert.Contains("công thức", Reason(8), StringComparison.Ordinal);
        Assert.Contains("retired_on", Reason(9), StringComparison.Ordinal);
        Assert.Contains("recognized_on", Reason(10), StringComparison.Ordinal);
        Assert.Contains("KHONGCO", Reason(11), StringComparison.Ordinal);
        Assert.Contains("name", Reason(12), StringComparison.Ordinal);
        Assert.Contains("kind", Reason(12), StringComparison.Ordinal);
        Assert.Equal(before, after);

        // A real run of the same file writes nothing either.
        var (real, b2, a2) = await RunAsync(csv, dryRun: false);
        Assert.False(real.Ok);
        Assert.Equal(b2, a2);
    }

    [Fact]
    public async Task GoodFile_GoesInWhole_AndTheSummaryMatchesIt()
    {
        var tag = Guid.NewGuid().ToString("N")[..6];
        var csv = "\uFEFF" + string.Join('\n',
            Header.Replace(',', ';'),
            $"{tag}-1;Nuôi bò sinh sản;03124;2024;Kinh tế;Tập thể;Mới;;Hội Nông dân;10/01/2020;Duy trì;;huyện;05/06/2021;12-QĐ/BCĐ",
            $"{tag}-2;Nuôi bò nhân rộng;03130;2024;kinh te;tap the;nhân rộng;{tag}-1;Chi hội thôn;2022-02-02;;;;;",
            $"{tag}-3;Gương sáng người cao tuổi;03127;2025;Văn hóa – Xã hội;Cá nhân;;;Ông Lò Văn B;2025-08-08;;;tỉnh;2025-10-01;45-QĐ/BCĐ",
            $"{tag}-4;Tổ tự quản an ninh;03127;2025;Quốc phòng – An ninh;Tập thể;;;Công an phường;2025-08-09;loại bỏ;2025-11-01;;;");
        var (outcome, before, after) = await RunAsync(csv, dryRun: false);
        Assert.True(outcome.Ok, string.Join(" | ", outcome.Errors.Select(e => e.Line + ": " + string.Join(";", e.Errors))) + outcome.FileError);
        Assert.Equal((4, 0, 2, 1), (outcome.Created, outcome.Updated, outcome.Recognitions, outcome.Retired));
        Assert.Equal(before + 4, after);

        var api = await app.ApiClientAsync((Role.Secretariat, "11"));
        var list = await (await api.GetAsync($"/api/v1/initiatives?q={tag}&pageSize=100")).ReadJsonAsync();
        Assert.Equal(4, list.GetProperty("total").GetInt32());
        var copy = list.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("name").GetString() == "Nuôi bò nhân rộng");
        var detail = await (await api.GetAsync($"/api/v1/initiatives/{copy.GetProperty("id").GetInt32()}")).ReadJsonAsync();
        Assert.Equal("replicated", detail.GetProperty("origin").GetString());
        Assert.Equal("Nuôi bò sinh sản", detail.GetProperty("replicatedFromName").GetString());

        // Rows are written in bulk with reserved ids: the recognitions hang on the right records and decisions, the
        // in-file replication points at its source, and the next record saved by the app gets a fresh id.
        await using (var check = app.Scope())
        {
            var cdb = check.ServiceProvider.GetRequiredService<AppDbContext>();
            var recognised = await cdb.Recognitions.AsNoTracking().Where(r => r.Initiative!.Code!.StartsWith(tag))
                .Select(r => new { r.Initiative!.Code, r.Level, DecisionLevel = r.Decision!.Level, r.Decision.Number, r.Initiative.HighestLevel }).OrderBy(r => r.Code).ToListAsync();
            Assert.Equal([$"{tag}-1", $"{tag}-3"], recognised.Select(r => r.Code));
            Assert.All(recognised, r => Assert.Equal((r.Level, r.Level), (r.DecisionLevel, r.HighestLevel!.Value)));
            Assert.Equal(RecognitionLevel.District, recognised[0].Level);
            Assert.Equal("12-QĐ/BCĐ", recognised[0].Number);
            var source = await cdb.Initiatives.AsNoTracking().Where(i => i.Code == tag + "-1").Select(i => i.Id).SingleAsync();
            Assert.Equal(source, await cdb.Initiatives.AsNoTracking().Where(i => i.Code == tag + "-2").Select(i => i.ReplicatedFromId).SingleAsync());
        }

        var next = await TestData.CreateInitiativeAsync(api, "03127");
        Assert.True(next > copy.GetProperty("id").GetInt32());

        // Importing the same codes again updates, not duplicates.
        var (again, b2, a2) = await RunAsync(csv, dryRun: false);
        Assert.True(again.Ok);
        Assert.Equal((0, 4), (again.Created, again.Updated));
        Assert.Equal(b2, a2);

        await using var s = app.Scope();
        var db = s.ServiceProvider.GetRequiredService<AppDbContext>();
        Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == "imported" && a.Changes!.Contains("\"created\":4")));
        // The units the rows name are only referred to, never rewritten: their sort and search keys stay whole.
        var units = await db.AdminUnits.AsNoTracking().Where(u => u.Code == "03124" || u.Code == "03127" || u.Code == "03130").ToListAsync();
        Assert.NotEmpty(units);
        Assert.All(units, u => Assert.Equal((VietnameseText.SortKey(u.Name), VietnameseText.Fold(u.FullName)), (u.SortKey, u.SearchText)));
        // A replicated row without a source says so in the record instead of being refused.
        var (unsourced, _, _) = await RunAsync(Header + $"\n,Nhân rộng không rõ nguồn {tag},03124,2024,Kinh tế,Tập thể,nhân rộng,,Chi hội,2021-03-03,,,,,", dryRun: false);
        Assert.True(unsourced.Ok, string.Join(" | ", unsourced.Errors.Select(e => e.Line + ": " + string.Join(";", e.Errors))));
    }

    [Theory]
    [InlineData("ds.txt", "a,b")]
    [InlineData("ds.xlsx", "this is not a zip")]
    [InlineData("ds.csv", "")]
    [InlineData("ds.csv", "Tên mô hình,Mã đơn vị\nA,03127")]
    public async Task BrokenOrIncompleteFiles_AreRefusedWithAReason(string fileName, string content)
    {
        var (outcome, before, after) = await RunAsync(content, dryRun: false, fileName: fileName);
        Assert.NotNull(outcome.FileError);
        Assert.Equal(before, after);
    }

    [Fact]
    public async Task Xlsx_FromTheTemplate_IsRead_AndFormulaCellsAreRefused()
    {
        var template = InitiativeImport.Template();
        var (outcome, _, _) = await RunAsync("", dryRun: true, fileName: "mau.xlsx", scope: Province("/33/"), bytes: template);
        Assert.True(outcome.Ok, string.Join(" | ", outcome.Errors.Select(e => e.Line + ": " + string.Join(";", e.Errors))) + outcome.FileError);
        Assert.Equal(2, outcome.Total);
        var withFormula = Xlsx.Write("x", "t", "s", InitiativeImport.Keys.Select(k => InitiativeImport.Labels[k]).ToList(),
            [["F1", "+cmd|' /C calc'!A0", "03127", "2025", "Kinh tế", "Tập thể", null, null, "Hội", "2025-08-08", null, null, null, null, null]]);
        var (bad, _, _) = await RunAsync("", dryRun: true, fileName: "f.xlsx", bytes: withFormula);
        Assert.Contains("công thức", bad.Errors.Single().Errors.Single(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Api_QueuesAJob_ThatReportsProgressErrorsAndResult()
    {
        var api = await app.ApiClientAsync((Role.Secretariat, "11"));
        var tag = Guid.NewGuid().ToString("N")[..6];
        var good = Encoding.UTF8.GetBytes(Header + $"\n{tag},Mô hình qua API,03127,2025,Kinh tế,Tập thể,,,Hội,2025-08-08,,,,,");
        var posted = await api.PostAsync("/api/v1/imports", TestData.FileContent(good, "api.csv"));
        Assert.Equal(HttpStatusCode.Accepted, posted.StatusCode);
        var id = (await posted.ReadJsonAsync()).GetProperty("id").GetInt32();
        System.Text.Json.JsonElement job = default;
        for (var k = 0; k < 60; k++)
        {
            job = await (await api.GetAsync($"/api/v1/imports/{id}")).ReadJsonAsync();
            if (job.GetProperty("status").GetString() is "succeeded" or "failed")
            {
                break;
            }

            await Task.Delay(250);
        }

        Assert.Equal("succeeded", job.GetProperty("status").GetString());
        Assert.Equal(1, job.GetProperty("result").GetProperty("created").GetInt32());
        var other = await app.ApiClientAsync((Role.Secretariat, "11"));
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/v1/imports/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await api.PostAsync("/api/v1/imports", TestData.FileContent(good, "api.exe"))).StatusCode);
        var viewer = await app.ApiClientAsync((Role.Viewer, "11"));
        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.PostAsync("/api/v1/imports", TestData.FileContent(good, "api.csv"))).StatusCode);
    }
}
