using System.Net;
using System.Net.Http.Json;
using DanVan.Data;
using DanVan.Domain;
using DanVan.Infrastructure;
using DanVan.IntegrationTests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DanVan.IntegrationTests;

/// <summary>
/// The second half of the movement's year keeps its rules on every path: the check-only run is the real run rolled back,
/// a correction by file leaves the same trail as one by form, figures have one range and their sums cannot overflow,
/// digits of other scripts are refused in words, not with a 500.
/// </summary>
[Collection(AppCollection.Name)]
public class SecondHalfRulesTests(DanVanFactory app)
{
    private static MultipartFormDataContent Csv(string csv, bool dryRun = false)
    {
        var content = TestData.FileContent(System.Text.Encoding.UTF8.GetBytes(csv), "so-lieu.csv");
        content.Add(new StringContent(dryRun ? "true" : "false"), "dryRun");
        return content;
    }

    [Fact]
    public async Task ACheckOnlyRun_RefusesWhatTheRealRunRefuses_AndTheJobSaysWhy()
    {
        var secretariat = await app.ApiClientAsync((Role.Secretariat, TestData.HungYen));

        // A commune of the old map, for a period after the reform: the unit-report form refuses it, naming the field.
        const string csv = "unit,map,period,indicator,value\n12145,2024,2025-Q4,houses_built,3\n";
        var dry = await secretariat.PostAsync("/api/v1/imports/results", Csv(csv, dryRun: true));
        Assert.Equal(HttpStatusCode.BadRequest, dry.StatusCode);
        Assert.Contains("không còn từ 01/07/2025", System.Text.RegularExpressions.Regex.Unescape(await dry.Content.ReadAsStringAsync()), StringComparison.Ordinal);

        var job = await TestData.ImportJobAsync(secretariat, csv, "results");
        Assert.Equal("failed", job.GetProperty("status").GetString());
        var said = job.GetRawText();
        Assert.DoesNotContain("báo quản trị hệ thống", System.Text.RegularExpressions.Regex.Unescape(said), StringComparison.Ordinal);
        Assert.Contains("không còn từ 01/07/2025", System.Text.RegularExpressions.Regex.Unescape(said), StringComparison.Ordinal);

        var form = await secretariat.PostAsJsonAsync("/api/v1/unit-reports", new { unitCode = "12145", map = 2024, period = "2025-Q4", values = new[] { new { indicator = "houses_built", value = 3m } } });
        Assert.Equal(HttpStatusCode.BadRequest, form.StatusCode);
    }

    [Fact]
    public async Task AFigureCorrectedByFile_LeavesARevision_AsTheFormDoes()
    {
        const string PhuCuong = "12091"; // Việt Yên: no other test writes there
        var officer = await app.ApiClientAsync((Role.Officer, PhuCuong));
        var code = "MH-" + Guid.NewGuid().ToString("N")[..6];
        var body = System.Text.Json.JsonSerializer.SerializeToNode(TestData.NewInitiative(PhuCuong, TestData.Unique("Mô hình sửa số"), null, "2024-02-01"))!.AsObject();
        body["code"] = code;
        var created = await officer.PostAsJsonAsync("/api/v1/initiatives", body);
        Assert.True(created.IsSuccessStatusCode, await created.Content.ReadAsStringAsync());
        var id = await TestData.IdOfAsync(created);

        async Task ImportAsync(int value)
        {
            var r = await officer.PostAsync("/api/v1/imports/results", Csv($"Mã mô hình,Đơn vị,Kỳ,Chỉ tiêu,Giá trị\n{code},{PhuCuong},2024,houses_built,{value}\n"));
            Assert.True(r.IsSuccessStatusCode, await r.Content.ReadAsStringAsync());
        }

        await ImportAsync(3);
        await ImportAsync(30);
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var report = await db.ResultReports.AsNoTracking().Include(r => r.Values).SingleAsync(r => r.InitiativeId == id);
        Assert.Equal(30m, report.Values.Single(v => v.CanonicalValue is not null).CanonicalValue);
        Assert.Equal(1, await db.ResultRevisions.CountAsync(v => v.ReportId == report.Id));
    }

    [Theory]
    [InlineData("5000000000000000000")]
    [InlineData("1e28")]
    [InlineData("79228162514264337593543950335")]
    public async Task AnAbsurdFigure_IsAFieldError_OnTheApi(string value)
    {
        var officer = await app.ApiClientAsync((Role.Officer, TestData.LuongBang));
        var r = await officer.PostAsync("/api/v1/unit-reports", new StringContent(
            $$"""{"unitCode":"{{TestData.LuongBang}}","period":"2024-Q1","values":[{"indicator":"roads_built","value":{{value}}}]}""", System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode);
    }

    [Fact]
    public async Task AbsurdFigures_AreRefusedByTheImportAndThePage_AndTheSummaryStands()
    {
        var officer = await app.ApiClientAsync((Role.Officer, TestData.LuongBang));
        var import = await officer.PostAsync("/api/v1/imports/results",
            Csv($"Đơn vị,Kỳ,Chỉ tiêu,Giá trị,Đơn vị tính\n{TestData.LuongBang},2024-Q2,funds_mobilized,79228162514264337593543950335,nghìn đồng\n"));
        Assert.Equal(HttpStatusCode.BadRequest, import.StatusCode);
        Assert.Contains("Giá trị", System.Text.RegularExpressions.Regex.Unescape(await import.Content.ReadAsStringAsync()), StringComparison.Ordinal);

        var page = await HtmlClient.SignedInAsync(app, (await app.CreateUserAsync(TestData.UniqueEmail(), (Role.Officer, TestData.LuongBang))).Email!);
        var url = $"/UnitReports/Edit?unit={TestData.LuongBang}&map=2025&period=2024-Q3";
        var posted = await page.PostFormAsync(url, new()
        {
            ["Input.UnitCode"] = TestData.LuongBang, ["Input.Map"] = "2025", ["Input.Period"] = "2024-Q3",
            ["Input.Values[0].Indicator"] = "roads_built", ["Input.Values[0].Value"] = "79228162514264337593543950335", ["Input.Values[0].Unit"] = "km",
        });
        Assert.Equal(HttpStatusCode.OK, posted.StatusCode); // the form again, with the error beside the figure
        var html = HtmlClient.Parse(await posted.Content.ReadAsStringAsync());
        Assert.Contains("ngoài khoảng", html.QuerySelector(".field-validation-error, .validation-summary-errors, .text-danger")?.TextContent ?? html.Body!.TextContent, StringComparison.Ordinal);

        var summary = await officer.GetAsync($"/api/v1/reports/summary?unit={TestData.LuongBang}&from=2024-01-01&to=2024-12-31");
        Assert.Equal(HttpStatusCode.OK, summary.StatusCode);
    }

    [Theory]
    [InlineData("２０２４")]
    [InlineData("٢٠٢٤")]
    [InlineData("२०२४-Q1")]
    public async Task DigitsOfOtherScripts_AreASentence_NotAFault(string period)
    {
        Assert.False(ReportPeriod.TryParse(period, out _));
        var officer = await app.ApiClientAsync((Role.Officer, TestData.LuongBang));
        var api = await officer.PostAsJsonAsync("/api/v1/unit-reports", new { unitCode = TestData.LuongBang, period, values = Array.Empty<object>() });
        Assert.Equal(HttpStatusCode.BadRequest, api.StatusCode);
        var list = await officer.GetAsync("/api/v1/unit-reports?period=" + Uri.EscapeDataString(period));
        Assert.True(list.StatusCode is HttpStatusCode.OK or HttpStatusCode.BadRequest, list.StatusCode.ToString());
        var import = await officer.PostAsync("/api/v1/imports/results", Csv($"Đơn vị,Kỳ,Chỉ tiêu,Giá trị\n{TestData.LuongBang},{period},houses_built,1\n"));
        Assert.Equal(HttpStatusCode.BadRequest, import.StatusCode);

        var page = await HtmlClient.SignedInAsync(app, (await app.CreateUserAsync(TestData.UniqueEmail(), (Role.Officer, TestData.LuongBang))).Email!);
        var (shown, _) = await page.GetAsync($"/UnitReports/Edit?unit={TestData.LuongBang}&map=2025&period={Uri.EscapeDataString(period)}");
        Assert.True((int)shown.StatusCode < 500, shown.StatusCode.ToString());

        var secretariat = await app.ApiClientAsync((Role.Secretariat, TestData.HungYen));
        var documents = await secretariat.GetAsync("/api/v1/documents?governs=" + Uri.EscapeDataString("initiative:１"));
        Assert.True((int)documents.StatusCode < 500, documents.StatusCode.ToString());
    }

    [Fact]
    public async Task TheReplicationTree_ListsOnlyWhatTheCallerMayRead_OrWhatIsPublic()
    {
        // A Nghệ An model, recognised by its province: public.
        var ngheAnOfficer = await app.ApiClientAsync((Role.Officer, TestData.ThaiHoa));
        var ngheAn = await app.ApiClientAsync((Role.Secretariat, TestData.NgheAn));
        var source = await TestData.CreateInitiativeAsync(ngheAnOfficer, TestData.ThaiHoa, registeredOn: "2025-08-01");
        await TestData.IdOfAsync(await ngheAn.PostAsJsonAsync("/api/v1/recognitions",
            new { unitCode = TestData.NgheAn, number = "QĐ-" + Guid.NewGuid().ToString("N")[..6], date = "2025-12-20", level = "province", issuingBody = "BCĐ", initiativeIds = new[] { source } }));

        // Lương Bằng copies it as a private individual's model named after a person.
        var luongBang = await app.ApiClientAsync((Role.Officer, TestData.LuongBang));
        var person = "Nguyễn Thị " + Guid.NewGuid().ToString("N")[..6];
        var copy = await luongBang.PostAsJsonAsync($"/api/v1/initiatives/{source}/replications",
            new { unitCode = TestData.LuongBang, registeredOn = "2026-01-10", ownerName = person, kind = "individual", name = "Vườn mẫu của " + person });
        Assert.True(copy.IsSuccessStatusCode, await copy.Content.ReadAsStringAsync());
        var copyId = await TestData.IdOfAsync(copy);

        var leader = await app.ApiClientAsync((Role.Viewer, TestData.NgheAn));
        var tree = await (await leader.GetAsync($"/api/v1/initiatives/{source}/replications")).Content.ReadAsStringAsync();
        Assert.DoesNotContain(person, System.Text.RegularExpressions.Regex.Unescape(tree), StringComparison.Ordinal);
        Assert.DoesNotContain("Lương Bằng", System.Text.RegularExpressions.Regex.Unescape(tree), StringComparison.Ordinal);
        // Its own officer sees it.
        Assert.Contains(person, System.Text.RegularExpressions.Regex.Unescape(await (await luongBang.GetAsync($"/api/v1/initiatives/{source}/replications")).Content.ReadAsStringAsync()),
            StringComparison.Ordinal);

        // The source hidden from the public: its tree answers no one outside Nghệ An, and the copy no longer names it.
        await using (var scope = app.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var s = await db.Initiatives.SingleAsync(i => i.Id == source);
            s.HiddenFromPublic = true;
            await db.SaveChangesAsync();
        }

        Assert.Equal(HttpStatusCode.NotFound, (await luongBang.GetAsync($"/api/v1/initiatives/{source}/replications")).StatusCode);
        var detail = await (await luongBang.GetAsync($"/api/v1/initiatives/{copyId}")).ReadJsonAsync();
        Assert.True(detail.GetProperty("replicatedFromName").ValueKind == System.Text.Json.JsonValueKind.Null, detail.GetRawText());
    }

    [Fact]
    public async Task CommendationsRules_HoldForFormsAndNumbers_AndAProvincesIndicatorStaysItsOwn()
    {
        var province = await app.ApiClientAsync((Role.Secretariat, TestData.HungYen));
        var recipients = new object[] { new { kind = "individual", name = "Bà Lê Thị Hoa", unitCode = TestData.LuongBang, achievement = "Vận động hiến đất." } };

        // A commune's form is issued by a commune, not by the province.
        var communeFormByProvince = await province.PostAsJsonAsync("/api/v1/awards",
            new { number = TestData.Unique("QĐ"), decidedOn = "2025-11-20", formCode = "gk_xa", unitCode = TestData.HungYen, recipients });
        Assert.Equal(HttpStatusCode.BadRequest, communeFormByProvince.StatusCode);

        // A province defines no form of the national level.
        var national = await province.PostAsJsonAsync("/api/v1/award-forms",
            new { code = "hy_" + Guid.NewGuid().ToString("N")[..6], name = "Huân chương của tỉnh", title = "HUÂN CHƯƠNG", level = "national", issuingBody = "Tỉnh", unitCode = TestData.HungYen });
        Assert.Equal(HttpStatusCode.BadRequest, national.StatusCode);

        // "101-QĐ/TU" written with an Icelandic Ð is the same number, refused the second time.
        var n = Guid.NewGuid().ToString("N")[..5];
        var first = await province.PostAsJsonAsync("/api/v1/awards", new { number = $"{n}-QĐ/TU", decidedOn = "2025-11-21", formCode = "bk_tinh", unitCode = TestData.HungYen, recipients });
        Assert.True(first.IsSuccessStatusCode, await first.Content.ReadAsStringAsync());
        var lookalike = await province.PostAsJsonAsync("/api/v1/awards", new { number = $"{n}-Q\u00D0/TU", decidedOn = "2025-12-01", formCode = "bk_tinh", unitCode = TestData.HungYen, recipients });
        Assert.Equal(HttpStatusCode.BadRequest, lookalike.StatusCode);

        // Hưng Yên's own indicator is not Nghệ An's to read.
        var code = "hy_" + Guid.NewGuid().ToString("N")[..8];
        Assert.True((await province.PostAsJsonAsync("/api/v1/indicators", new { code, name = "Cây xanh trồng mới", unit = "cây", aggregation = "sum", unitCode = TestData.HungYen })).IsSuccessStatusCode);
        var ngheAn = await app.ApiClientAsync((Role.Secretariat, TestData.NgheAn));
        var sources = await ngheAn.GetAsync($"/api/v1/reports/sources?indicator={code}&unit={TestData.NgheAn}&from=2025-01-01&to=2025-12-31");
        Assert.Equal(HttpStatusCode.BadRequest, sources.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await province.GetAsync($"/api/v1/reports/sources?indicator={code}&unit={TestData.HungYen}&from=2025-01-01&to=2025-12-31")).StatusCode);
    }

    [Fact]
    public async Task APersonsName_IsFoundAndErasedInTheSecondHalfsRecords_EvenTypedInDecomposedFormOrWithInvisibles()
    {
        var province = await app.ApiClientAsync((Role.Secretariat, TestData.HungYen));
        var tag = "X" + new string(Guid.NewGuid().ToString("N")[..6].Select(c => (char)('a' + (c % 26))).ToArray());
        var person = $"Đỗ Thị Huệ {tag}";
        // Unikey's "Unicode tổ hợp" writes the marks apart (NFD); a soft hyphen and a zero-width space sit inside the name.
        var typed = $"Đỗ Th\u00ADị Hu\u200Bệ {tag}".Normalize(System.Text.NormalizationForm.FormD);
        var recipients = new object[] { new { kind = "individual", name = typed, unitCode = TestData.LuongBang, achievement = $"Bà {typed} vận động hiến đất." } };
        var award = await province.PostAsJsonAsync("/api/v1/awards", new { number = TestData.Unique("QĐ"), decidedOn = "2025-11-22", formCode = "bk_tinh", unitCode = TestData.HungYen, recipients });
        Assert.True(award.IsSuccessStatusCode, await award.Content.ReadAsStringAsync());

        var unitReport = await province.PostAsJsonAsync("/api/v1/unit-reports", new { unitCode = TestData.LuongBang, period = "2023-Q2", note = $"Tổ của bà {typed} báo cáo.", values = Array.Empty<object>() });
        Assert.True(unitReport.IsSuccessStatusCode, await unitReport.Content.ReadAsStringAsync());

        await using (var scope = app.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            Assert.True(await db.AwardRecipients.AnyAsync(r => r.Name == person)); // stored composed, without the invisibles
        }

        var found = System.Text.RegularExpressions.Regex.Unescape((await (await province.GetAsync($"/api/v1/personal-data?name={Uri.EscapeDataString(person)}")).ReadJsonAsync()).GetRawText());
        Assert.Contains("award_recipient", found, StringComparison.Ordinal);
        Assert.Contains("unit_report", found, StringComparison.Ordinal);

        var erased = await province.PostAsJsonAsync("/api/v1/personal-data/erase", new { name = person, reason = "Đơn yêu cầu số 7" });
        Assert.True(erased.IsSuccessStatusCode, await erased.Content.ReadAsStringAsync());
        await using (var scope = app.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            Assert.False(await db.AwardRecipients.AnyAsync(r => r.Name.Contains(tag) || (r.Achievement != null && r.Achievement.Contains(tag))));
            Assert.False(await db.UnitReports.AnyAsync(r => r.Note != null && r.Note.Contains(tag)));
        }
    }

    [Fact]
    public async Task TheResultsImport_AnswersEveryHostileCell_InWords_AndACheckStoresNothing()
    {
        var officer = await app.ApiClientAsync((Role.Officer, TestData.LuongBang));
        string[] hostile =
        [
            "２０２４", "٢٠٢٤", "२०२४-Q1", "1e28", "79228162514264337593543950335", "5000000000000000000", "-5", "NaN", new string('9', 60),
            "Nguy\u00ADễn\u2060", "\u200b\u200b", "=cmd|'/c calc'!A1", "<script>alert(1)</script>", "1.2.3,4,5",
        ];
        var good = new Dictionary<string, string>
        {
            ["Mã mô hình"] = string.Empty, ["Đơn vị"] = TestData.LuongBang, ["Bản đồ"] = "2025", ["Kỳ"] = "2023-Q2", ["Chỉ tiêu"] = "houses_built",
            ["Nguồn"] = string.Empty, ["Giá trị"] = "2", ["Đơn vị tính"] = string.Empty,
        };
        async Task<int> ReportsAsync()
        {
            await using var scope = app.Scope();
            return await scope.ServiceProvider.GetRequiredService<AppDbContext>().UnitReports.CountAsync();
        }

        var before = await ReportsAsync();
        foreach (var column in good.Keys)
        {
            foreach (var value in hostile)
            {
                var row = good.ToDictionary(g => g.Key, g => g.Key == column ? value : g.Value);
                var csv = string.Join(",", row.Keys) + "\n" + string.Join(",", row.Values.Select(v => "\"" + v.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"")) + "\n";
                var r = await officer.PostAsync("/api/v1/imports/results", Csv(csv, dryRun: true));
                Assert.True(r.StatusCode is HttpStatusCode.OK or HttpStatusCode.BadRequest, $"{column} = {value}: {(int)r.StatusCode}");
                if (r.StatusCode == HttpStatusCode.BadRequest)
                {
                    Assert.Equal("application/problem+json", r.Content.Headers.ContentType?.MediaType);
                }
            }
        }

        Assert.Equal(before, await ReportsAsync());
    }

    [Fact]
    public async Task AStaleSave_LeavesNoTransactionOpen_SoTheNextSaveOfTheContextIsKept()
    {
        var officer = await app.ApiClientAsync((Role.Officer, TestData.LuongBang));
        var id = await TestData.CreateInitiativeAsync(officer, TestData.LuongBang, TestData.Unique("Mô hình sửa cũ"), registeredOn: "2025-09-01");
        var marker = "stale-then-save-" + Guid.NewGuid().ToString("N")[..8];
        await using (var scope = app.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var model = await db.Initiatives.SingleAsync(i => i.Id == id);
            model.Summary = "Sửa từ một trang cũ";
            db.Entry(model).Property(e => e.Version).OriginalValue = model.Version + 5; // another save came between
            await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => db.SaveChangesAsync());

            // The same context carries on (a page shows the refusal, the officer saves again from the fresh record).
            db.ChangeTracker.Clear();
            var fresh = await db.Initiatives.SingleAsync(i => i.Id == id);
            fresh.Summary = marker;
            await db.SaveChangesAsync();
        }

        await using (var scope = app.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            Assert.Equal(marker, await db.Initiatives.Where(i => i.Id == id).Select(i => i.Summary).SingleAsync());
            // And the refused edit left no line in the trail.
            var key = id.ToString(System.Globalization.CultureInfo.InvariantCulture);
            Assert.DoesNotContain(await db.AuditEntries.Where(a => a.EntityType == nameof(Initiative) && a.EntityId == key).Select(a => a.Changes).ToListAsync(),
                c => c != null && c.Contains("trang cũ", StringComparison.Ordinal));
        }
    }
}
