using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DanVan.Domain;
using DanVan.IntegrationTests.Support;

namespace DanVan.IntegrationTests;

/// <summary>
/// Commendation as the law runs it: a commune's nomination goes up, is returned with a reason, fixed, sent again,
/// received and decided by the province; the summary counts the recipients, 2024 units rolled into 2025 ones.
/// </summary>
[Collection(AppCollection.Name)]
public class CommendationTests(DanVanFactory app)
{
    // Communes of Hưng Yên no other test writes awards to; Minh Khai (11962) was a ward of the 2024 map, now in Phố Hiến.
    private const string NguyenVanLinh = "12064";
    private const string HoanLong = "12070";
    private const string OldMinhKhai = "11962";
    private const string PhoHien = "11953";

    private static async Task<JsonElement> OkAsync(HttpResponseMessage response)
    {
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return await response.ReadJsonAsync();
    }

    private static async Task<JsonElement> CommendedAsync(HttpClient api, string unit, string from, string to, int map = 2025) =>
        (await OkAsync(await api.GetAsync($"/api/v1/reports/summary?unit={unit}&map={map}&from={from}&to={to}"))).GetProperty("commended");

    [Fact]
    public async Task ANomination_GoesUp_IsReturned_FixedAndSentAgain_ThenDecided_AndTheReportCountsIt()
    {
        var officer = await app.ApiClientAsync((Role.Officer, NguyenVanLinh));
        var province = await app.ApiClientAsync((Role.Secretariat, TestData.HungYen));
        var otherProvince = await app.ApiClientAsync((Role.Secretariat, TestData.NgheAn));
        var model = await TestData.CreateInitiativeAsync(officer, NguyenVanLinh, TestData.Unique("Mô hình tổ tự quản"), registeredOn: "2025-08-01");

        var created = await OkAsync(await officer.PostAsJsonAsync("/api/v1/nominations", new
        {
            unitCode = NguyenVanLinh, recipientKind = "collective", recipientName = "Chi hội Phụ nữ thôn 3", initiativeId = model, formCode = "bk_tinh",
            achievements = "Vận động 40 hộ hiến đất mở rộng đường thôn.",
        }));
        var id = created.GetProperty("id").GetInt32();
        async Task<JsonElement> ViewAsync(HttpClient c) => await OkAsync(await c.GetAsync($"/api/v1/nominations/{id}"));
        var v = await ViewAsync(officer);
        Assert.Equal("draft", v.GetProperty("status").GetString());
        Assert.Contains("submit", v.GetProperty("actions").EnumerateArray().Select(a => a.GetString()));

        // Its file: the cover letter, a PDF (read by its content), stored like evidence.
        var pdf = System.Text.Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");
        using (var letter = TestData.FileContent(pdf, "to-trinh.pdf"))
        {
            letter.Add(new StringContent("cover_letter"), "kind");
            var attached = await officer.PostAsync($"/api/v1/nominations/{id}/attachments", letter);
            Assert.Equal(HttpStatusCode.Created, attached.StatusCode);
        }

        v = await ViewAsync(officer);
        var attachment = v.GetProperty("attachments")[0];
        Assert.Equal("cover_letter", attachment.GetProperty("kind").GetString());
        var sent = await OkAsync(await officer.PostAsJsonAsync($"/api/v1/nominations/{id}/submit", new { version = v.GetProperty("version").GetInt32() }));
        // The province reads it; another province cannot; once sent up, nothing is added below.
        var fileUrl = $"/api/v1/nominations/{id}/attachments/{attachment.GetProperty("id").GetInt32()}";
        Assert.Equal(pdf, await (await province.GetAsync(fileUrl)).Content.ReadAsByteArrayAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await otherProvince.GetAsync(fileUrl)).StatusCode);
        using (var late = TestData.FileContent(pdf, "bien-ban.pdf"))
        {
            late.Add(new StringContent("minutes"), "kind");
            Assert.Equal(HttpStatusCode.Conflict, (await officer.PostAsync($"/api/v1/nominations/{id}/attachments", late)).StatusCode);
        }

        Assert.Equal("submitted", sent.GetProperty("status").GetString());
        var version = sent.GetProperty("version").GetInt32();

        // Only the level that holds it acts on it: not the commune, not another province.
        Assert.Equal(HttpStatusCode.Forbidden, (await officer.PostAsJsonAsync($"/api/v1/nominations/{id}/receive", new { version })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await otherProvince.PostAsJsonAsync($"/api/v1/nominations/{id}/receive", new { version })).StatusCode);
        // Returning needs a reason, in Vietnamese, and changes nothing without one.
        var noReason = await province.PostAsJsonAsync($"/api/v1/nominations/{id}/return", new { version, reason = " " });
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.Contains("lý do", await noReason.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var returned = await OkAsync(await province.PostAsJsonAsync($"/api/v1/nominations/{id}/return", new { version, reason = "Thiếu biên bản họp bình xét." }));
        Assert.Equal("returned", returned.GetProperty("status").GetString());
        v = await ViewAsync(officer);
        Assert.Equal("Thiếu biên bản họp bình xét.", v.GetProperty("returnReason").GetString());

        // The commune fixes it and sends it again; the province takes it in.
        var fixedUp = await officer.PutAsJsonAsync($"/api/v1/nominations/{id}", new
        {
            unitCode = NguyenVanLinh, recipientKind = "collective", recipientName = "Chi hội Phụ nữ thôn 3", initiativeId = model, formCode = "bk_tinh",
            achievements = "Vận động 40 hộ hiến đất mở rộng đường thôn; kèm biên bản họp bình xét.", version = v.GetProperty("version").GetInt32(),
        });
        version = (await OkAsync(fixedUp)).GetProperty("version").GetInt32();
        version = (await OkAsync(await officer.PostAsJsonAsync($"/api/v1/nominations/{id}/submit", new { version }))).GetProperty("version").GetInt32();
        // Sent up, it cannot be edited below: a refusal of the state it is in (409), said in Vietnamese.
        var upstairs = await officer.PutAsJsonAsync($"/api/v1/nominations/{id}", new
        {
            unitCode = NguyenVanLinh, recipientKind = "collective", recipientName = "Đổi tên", formCode = "bk_tinh", achievements = "x", version,
        });
        Assert.Equal(HttpStatusCode.Conflict, upstairs.StatusCode);
        Assert.Contains("chỉ sửa được khi đang soạn", await upstairs.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        version = (await OkAsync(await province.PostAsJsonAsync($"/api/v1/nominations/{id}/receive", new { version }))).GetProperty("version").GetInt32();

        // The province decides: the received nomination and a person of another commune.
        var number = "77-QĐ/TU-" + Guid.NewGuid().ToString("N")[..4];
        var award = await OkAsync(await province.PostAsJsonAsync("/api/v1/awards", new
        {
            number, decidedOn = "2025-11-20", formCode = "bk_tinh", unitCode = TestData.HungYen, signer = "Nguyễn Văn A",
            recipients = new object[]
            {
                new { nominationId = id },
                new { kind = "individual", name = "Ông Trần Văn Bình", unitCode = HoanLong, achievement = "Hiến 500 m² đất." },
            },
        }));
        var awardId = award.GetProperty("id").GetInt32();
        v = await ViewAsync(officer);
        Assert.Equal("awarded", v.GetProperty("status").GetString());
        Assert.Equal(awardId, v.GetProperty("awardDecisionId").GetInt32());
        Assert.Equal(["created", "submitted", "returned", "submitted", "received", "awarded"], v.GetProperty("steps").EnumerateArray().Select(s => s.GetProperty("action").GetString()));

        // The same number again in the same year is refused; a commune officer cannot even see the province that issues (404).
        Assert.Equal(HttpStatusCode.BadRequest, (await province.PostAsJsonAsync("/api/v1/awards", new
        {
            number, decidedOn = "2025-12-01", formCode = "bk_tinh", unitCode = TestData.HungYen,
            recipients = new object[] { new { kind = "individual", name = "Bà B", unitCode = HoanLong } },
        })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await officer.PostAsJsonAsync("/api/v1/awards", new
        {
            number = "1-QĐ", decidedOn = "2025-12-01", formCode = "bk_tinh", unitCode = TestData.HungYen,
            recipients = new object[] { new { kind = "individual", name = "Bà B", unitCode = NguyenVanLinh } },
        })).StatusCode);
        // A recipient outside the issuer's area, and a nomination not received here: refused, nothing written.
        var outside = await province.PostAsJsonAsync("/api/v1/awards", new
        {
            number = "2-QĐ", decidedOn = "2025-12-01", formCode = "bk_tinh", unitCode = TestData.HungYen,
            recipients = new object[] { new { kind = "individual", name = "Bà C", unitCode = TestData.ThaiHoa } },
        });
        Assert.Equal(HttpStatusCode.BadRequest, outside.StatusCode);

        var commune = await CommendedAsync(province, NguyenVanLinh, "2025-01-01", "2025-12-31");
        Assert.Equal(1, commune.GetProperty("total").GetInt64());
        Assert.Equal(1, commune.GetProperty("byKind").GetProperty("collective").GetInt64());
        Assert.Equal(1, commune.GetProperty("byLevel").GetProperty("province").GetInt64());
        Assert.Equal(1, commune.GetProperty("byForm").GetProperty("bk_tinh").GetInt64());
        var docx = await province.GetAsync($"/api/v1/awards/{awardId}/decision.docx");
        Assert.Equal(HttpStatusCode.OK, docx.StatusCode);
        using var word = DocumentFormat.OpenXml.Packaging.WordprocessingDocument.Open(new MemoryStream(await docx.Content.ReadAsByteArrayAsync()), false);
        var text = word.MainDocumentPart!.Document!.Body!.InnerText;
        Assert.Contains("Chi hội Phụ nữ thôn 3", text, StringComparison.Ordinal);
        Assert.Contains("Ông Trần Văn Bình", text, StringComparison.Ordinal);
        Assert.Contains("TỈNH ỦY HƯNG YÊN", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheCommendedBlock_CountsByKindLevelAndForm_Dated_AndA2024WardsAwardRollsIntoItsSuccessor()
    {
        var province = await app.ApiClientAsync((Role.Secretariat, TestData.HungYen));
        async Task IssueAsync(string form, string on, string? issuer, params object[] recipients) =>
            await OkAsync(await province.PostAsJsonAsync("/api/v1/awards", new { number = TestData.Unique("QĐ"), decidedOn = on, formCode = form, unitCode = issuer, recipients }));

        // 2024: the province commends a collective of the old ward Minh Khai (2024 map); the day after the period, another.
        await IssueAsync("bk_tinh", "2024-05-01", TestData.HungYen, new { kind = "collective", name = "Chi đoàn phường Minh Khai", unitCode = OldMinhKhai, map = 2024 });
        await IssueAsync("bk_tinh", "2025-01-01", TestData.HungYen, new { kind = "individual", name = "Bà Lê Thị Mai", unitCode = PhoHien });
        // Phố Hiến's own Party committee gives a Giấy khen in 2024's last days, to two people.
        await IssueAsync("gk_xa", "2024-12-31", PhoHien,
            new { kind = "individual", name = "Ông A", unitCode = PhoHien, map = 2025 }, new { kind = "individual", name = "Bà B", unitCode = PhoHien, map = 2025 });

        var y2024 = await CommendedAsync(province, PhoHien, "2024-01-01", "2024-12-31");
        Assert.Equal(3, y2024.GetProperty("total").GetInt64());
        Assert.Equal(1, y2024.GetProperty("byKind").GetProperty("collective").GetInt64());
        Assert.Equal(2, y2024.GetProperty("byKind").GetProperty("individual").GetInt64());
        Assert.Equal(1, y2024.GetProperty("byLevel").GetProperty("province").GetInt64());
        Assert.Equal(2, y2024.GetProperty("byLevel").GetProperty("commune").GetInt64());
        Assert.Equal(2, y2024.GetProperty("byForm").GetProperty("gk_xa").GetInt64());
        // On the 2024 map, the old ward keeps its own award.
        Assert.Equal(1, (await CommendedAsync(province, OldMinhKhai, "2024-01-01", "2024-12-31", map: 2024)).GetProperty("total").GetInt64());
        Assert.Equal(1, (await CommendedAsync(province, PhoHien, "2025-01-01", "2025-01-31")).GetProperty("total").GetInt64());

        // Another province's secretariat sees none of it.
        var other = await app.ApiClientAsync((Role.Secretariat, TestData.NgheAn));
        Assert.Equal(HttpStatusCode.Forbidden, (await other.GetAsync($"/api/v1/reports/summary?unit={PhoHien}&from=2024-01-01&to=2024-12-31")).StatusCode);
        Assert.DoesNotContain((await OkAsync(await other.GetAsync("/api/v1/awards?year=2024"))).GetProperty("items").EnumerateArray(), a => a.GetProperty("issuingBody").GetString()!.Contains("Đảng ủy", StringComparison.Ordinal)
            && a.GetProperty("recipients").EnumerateArray().Any(r => r.GetProperty("unitCode").GetString() == PhoHien));
    }

    [Fact]
    public async Task AnAwardList_IsImportedAllOrNothing_RowsOfOneNumberMakeOneDecision_AndEveryBadRowIsListed()
    {
        var province = await app.ApiClientAsync((Role.Secretariat, TestData.HungYen));

        const string Header = "Số quyết định,Ngày quyết định,Cấp,Hình thức,Tập thể/cá nhân,Tên người hoặc tập thể,Mã đơn vị\n";
        var tag = Guid.NewGuid().ToString("N")[..4];
        var bad = await TestData.ImportJobAsync(province, Header
            + $"10-QĐ/TU-{tag},15/03/2022,tỉnh,,tập thể,Hội Nông dân xã Mễ Sở,12049\n"
            + $"10-QĐ/TU-{tag},15/03/2022,quận,,tập thể,Chi đoàn,12049\n"
            + $"11-QĐ/ĐU-{tag},16/03/2022,xã,Huy chương vàng,cá nhân,Bà A,12049\n"
            + $"12-QĐ/TU-{tag},32/03/2022,tỉnh,,đội,Ông B,99999\n", "awards");
        Assert.True(bad.GetProperty("status").GetString() == "failed", bad.GetRawText());
        Assert.DoesNotContain(bad.GetProperty("errors").EnumerateArray(), e => e.GetProperty("line").GetInt32() == 0);
        Assert.Equal([3, 4, 5], bad.GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("line").GetInt32()));
        Assert.Equal(0, (await CommendedAsync(province, TestData.HungYen, "2022-01-01", "2022-12-31")).GetProperty("total").GetInt64());

        var good = Header
            + $"10-QĐ/TU-{tag},15/03/2022,tỉnh,\"Bằng khen của Ban Thường vụ Tỉnh ủy, Thành ủy\",tập thể,Hội Nông dân xã Mễ Sở,12049\n"
            + $"10-QĐ/TU-{tag},15/03/2022,cấp tỉnh,,Cá nhân,Ông Đỗ Văn Hùng,{HoanLong}\n"
            + $"11-QĐ/ĐU-{tag},16/03/2022,xã,gk_xa,cá nhân,Bà Nguyễn Thị Lan,12049\n";
        var dry = await TestData.ImportJobAsync(province, good, "awards", dryRun: true);
        Assert.Equal("succeeded", dry.GetProperty("status").GetString());
        Assert.Equal(0, (await CommendedAsync(province, TestData.HungYen, "2022-01-01", "2022-12-31")).GetProperty("total").GetInt64());

        var done = await TestData.ImportJobAsync(province, good, "awards");
        Assert.Equal("succeeded", done.GetProperty("status").GetString());
        Assert.Equal(2, done.GetProperty("result").GetProperty("decisions").GetInt32());
        var counted = await CommendedAsync(province, TestData.HungYen, "2022-01-01", "2022-12-31");
        Assert.Equal(3, counted.GetProperty("total").GetInt64());
        Assert.Equal(2, counted.GetProperty("byLevel").GetProperty("province").GetInt64());
        Assert.Equal(1, counted.GetProperty("byLevel").GetProperty("commune").GetInt64());
        Assert.Equal(2, counted.GetProperty("byKind").GetProperty("individual").GetInt64());
        var register = await OkAsync(await province.GetAsync($"/api/v1/awards?number=10-QĐ/TU-{tag}"));
        Assert.Equal(2, register.GetProperty("items").EnumerateArray().Single().GetProperty("recipients").GetArrayLength());

        // The same list again: the numbers exist, nothing more is written.
        var again = await TestData.ImportJobAsync(province, good, "awards");
        Assert.Equal("failed", again.GetProperty("status").GetString());
        Assert.Contains("đã có quyết định số", again.GetRawText(), StringComparison.Ordinal);
        Assert.Equal(3, (await CommendedAsync(province, TestData.HungYen, "2022-01-01", "2022-12-31")).GetProperty("total").GetInt64());
    }

    [Fact]
    public async Task AProvinceAddsItsOwnAwardForm_AnOfficerCannot_AndTheCountryOnlyByAnAdmin()
    {
        var province = await app.ApiClientAsync((Role.Secretariat, TestData.HungYen));
        var code = "gk_bdv_" + Guid.NewGuid().ToString("N")[..6];
        var added = await province.PostAsJsonAsync("/api/v1/award-forms", new { code, name = "Giấy khen của Ban Dân vận Tỉnh ủy", title = "Giấy khen", level = "province", issuingBody = "Ban Dân vận Tỉnh ủy", unitCode = TestData.HungYen });
        Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        Assert.Equal($"/api/v1/award-forms/{code}", added.Headers.Location!.OriginalString);
        Assert.Equal("Giấy khen của Ban Dân vận Tỉnh ủy", (await OkAsync(await province.GetAsync(added.Headers.Location))).GetProperty("name").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.ApiClientAsync((Role.Secretariat, TestData.NgheAn))).GetAsync(added.Headers.Location)).StatusCode);
        var forms = await OkAsync(await province.GetAsync("/api/v1/award-forms"));
        Assert.Equal("GIẤY KHEN", forms.EnumerateArray().Single(f => f.GetProperty("code").GetString() == code).GetProperty("title").GetString());
        // Another province does not see it; an officer cannot add; the country's catalogue is an admin's; a bad code is a field error.
        Assert.DoesNotContain((await OkAsync(await (await app.ApiClientAsync((Role.Secretariat, TestData.NgheAn))).GetAsync("/api/v1/award-forms"))).EnumerateArray(),
            f => f.GetProperty("code").GetString() == code);
        var officer = await app.ApiClientAsync((Role.Officer, NguyenVanLinh));
        Assert.Equal(HttpStatusCode.Forbidden, (await officer.PostAsJsonAsync("/api/v1/award-forms", new { code = code + "x", name = "X", title = "X", level = "commune", issuingBody = "X", unitCode = TestData.HungYen })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await province.PostAsJsonAsync("/api/v1/award-forms", new { code = code + "y", name = "X", title = "X", level = "national", issuingBody = "X" })).StatusCode);
        var bad = await province.PostAsJsonAsync("/api/v1/award-forms", new { code = "Bằng Khen!", name = "X", title = "X", level = "province", issuingBody = "X", unitCode = TestData.HungYen });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("chữ thường không dấu", await bad.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // Renamed by the province; another province cannot touch it; the code and level stay.
        Assert.Equal(HttpStatusCode.OK, (await province.PutAsJsonAsync($"/api/v1/award-forms/{code}", new { code, name = "Giấy khen của Ban Dân vận Tỉnh ủy Hưng Yên", title = "Giấy khen", level = "province", issuingBody = "Ban Dân vận Tỉnh ủy", unitCode = TestData.HungYen })).StatusCode);
        Assert.Equal("Giấy khen của Ban Dân vận Tỉnh ủy Hưng Yên", (await OkAsync(await province.GetAsync("/api/v1/award-forms"))).EnumerateArray().Single(f => f.GetProperty("code").GetString() == code).GetProperty("name").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.ApiClientAsync((Role.Secretariat, TestData.NgheAn))).PutAsJsonAsync($"/api/v1/award-forms/{code}", new { code, name = "X", title = "X", level = "province", issuingBody = "X", unitCode = TestData.HungYen })).StatusCode);
    }

    [Fact]
    public async Task ANominationFromAModel_DraftsItsAchievementsFromItsRecord_ForTheOfficerToEdit()
    {
        const string DaiDong = "11995";
        var email = TestData.UniqueEmail();
        await app.CreateUserAsync(email, (Role.Officer, DaiDong));
        var officer = await app.ClientForAsync(await app.CreateUserAsync(TestData.UniqueEmail(), (Role.Officer, DaiDong)));
        var name = TestData.Unique("Mô hình đường hoa");
        var model = await TestData.CreateInitiativeAsync(officer, DaiDong, name, registeredOn: "2024-02-01");
        var posted = await officer.PostAsJsonAsync($"/api/v1/initiatives/{model}/results", new { periodKind = "year", periodStart = "2024-01-01", narrative = "Trồng 3 km đường hoa, 120 hộ tham gia.", values = Array.Empty<object>() });
        Assert.True(posted.IsSuccessStatusCode, await posted.Content.ReadAsStringAsync());
        var web = await HtmlClient.SignedInAsync(app, email);
        var (_, detail) = await web.GetAsync($"/Initiatives/{model}");
        Assert.Equal($"/Nominations/Edit?initiativeId={model}", detail.QuerySelector("#nominate")!.GetAttribute("href"));
        var (_, form) = await web.GetAsync($"/Nominations/Edit?initiativeId={model}");
        var drafted = form.QuerySelector("#Input_Achievements")!.TextContent;
        Assert.Contains(name, drafted, StringComparison.Ordinal);
        Assert.Contains("01/02/2024", drafted, StringComparison.Ordinal);
        Assert.Contains("Năm 2024: Trồng 3 km đường hoa", drafted, StringComparison.Ordinal);
        Assert.Equal(DaiDong, form.QuerySelector("input[name='Input.UnitCode']")!.GetAttribute("value"));
    }

    [Fact]
    public async Task SendsAtTheSameMoment_CannotTogetherPassARoundsQuota()
    {
        const string Commune = "12025";
        var province = await app.ApiClientAsync((Role.Secretariat, TestData.HungYen));
        var officer = await app.ApiClientAsync((Role.Officer, Commune));
        var today = VietnamClock.TodayNow;
        var round = (await OkAsync(await province.PostAsJsonAsync("/api/v1/nomination-rounds", new
        {
            name = TestData.Unique("Đợt tranh suất"), unitCode = TestData.HungYen, quotaPerUnit = 2,
            opensOn = today.AddDays(-1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            closesOn = today.AddDays(10).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        }))).GetProperty("id").GetInt32();
        var drafts = new List<(int Id, int Version)>();
        for (var k = 0; k < 6; k++)
        {
            var id = (await OkAsync(await officer.PostAsJsonAsync("/api/v1/nominations", new
            {
                unitCode = Commune, recipientKind = "individual", recipientName = TestData.Unique("Bà"), formCode = "bk_tinh", achievements = "Thành tích.", roundId = round,
            }))).GetProperty("id").GetInt32();
            drafts.Add((id, (await OkAsync(await officer.GetAsync($"/api/v1/nominations/{id}"))).GetProperty("version").GetInt32()));
        }

        // Six sends at once for two places: two pass, four are told the quota is full; none is a 500.
        var answers = await Task.WhenAll(drafts.Select(d => officer.PostAsJsonAsync($"/api/v1/nominations/{d.Id}/submit", new { version = d.Version })));
        Assert.Equal(2, answers.Count(a => a.StatusCode == HttpStatusCode.OK));
        Assert.Equal(4, answers.Count(a => a.StatusCode == HttpStatusCode.Conflict));
        var progress = await OkAsync(await province.GetAsync($"/api/v1/nomination-rounds/{round}"));
        Assert.Equal(2, progress.GetProperty("units").EnumerateArray().Single(u => u.GetProperty("code").GetString() == Commune).GetProperty("sent").GetInt32());
    }

    [Fact]
    public async Task ARound_HasADeadlineAndAQuotaPerUnit_AndShowsWhoIsLate()
    {
        const string VanGiang = "12019";
        var province = await app.ApiClientAsync((Role.Secretariat, TestData.HungYen));
        var officer = await app.ApiClientAsync((Role.Officer, VanGiang));
        var today = VietnamClock.TodayNow;
        async Task<int> OpenAsync(string name, DateOnly opens, DateOnly closes, int quota) => (await OkAsync(await province.PostAsJsonAsync("/api/v1/nomination-rounds",
            new { name = TestData.Unique(name), unitCode = TestData.HungYen, opensOn = opens.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), closesOn = closes.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), quotaPerUnit = quota }))).GetProperty("id").GetInt32();
        var open = await OpenAsync("Đợt khen thưởng tổng kết", today.AddDays(-1), today.AddDays(20), 1);
        var closed = await OpenAsync("Đợt đã qua", today.AddDays(-40), today.AddDays(-10), 3);
        // An officer cannot open a round over the province; a deadline before the opening is a field error.
        Assert.Equal(HttpStatusCode.NotFound, (await officer.PostAsJsonAsync("/api/v1/nomination-rounds",
            new { name = "X", unitCode = TestData.HungYen, opensOn = "2026-01-01", closesOn = "2026-02-01", quotaPerUnit = 1 })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await province.PostAsJsonAsync("/api/v1/nomination-rounds",
            new { name = "X", unitCode = TestData.HungYen, opensOn = "2026-03-01", closesOn = "2026-02-01", quotaPerUnit = 1 })).StatusCode);

        async Task<(int Id, int Version)> DraftAsync(int round)
        {
            var id = (await OkAsync(await officer.PostAsJsonAsync("/api/v1/nominations", new
            {
                unitCode = VanGiang, recipientKind = "individual", recipientName = TestData.Unique("Ông"), formCode = "bk_tinh", achievements = "Thành tích.", roundId = round,
            }))).GetProperty("id").GetInt32();
            return (id, (await OkAsync(await officer.GetAsync($"/api/v1/nominations/{id}"))).GetProperty("version").GetInt32());
        }

        var first = await DraftAsync(open);
        Assert.Equal(HttpStatusCode.OK, (await officer.PostAsJsonAsync($"/api/v1/nominations/{first.Id}/submit", new { version = first.Version })).StatusCode);
        var second = await DraftAsync(open);
        var overQuota = await officer.PostAsJsonAsync($"/api/v1/nominations/{second.Id}/submit", new { version = second.Version });
        Assert.Equal(HttpStatusCode.Conflict, overQuota.StatusCode);
        Assert.Contains("đã gửi đủ 1 hồ sơ", await overQuota.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var late = await DraftAsync(closed);
        var afterDeadline = await officer.PostAsJsonAsync($"/api/v1/nominations/{late.Id}/submit", new { version = late.Version });
        Assert.Equal(HttpStatusCode.Conflict, afterDeadline.StatusCode);

        var progress = await OkAsync(await province.GetAsync($"/api/v1/nomination-rounds/{open}"));
        Assert.Equal(1, progress.GetProperty("units").EnumerateArray().Single(u => u.GetProperty("code").GetString() == VanGiang).GetProperty("sent").GetInt32());
        var past = await OkAsync(await province.GetAsync($"/api/v1/nomination-rounds/{closed}"));
        Assert.True(past.GetProperty("units").EnumerateArray().Single(u => u.GetProperty("code").GetString() == VanGiang).GetProperty("late").GetBoolean());
        // A round of another province is not this unit's.
        var ngheAn = await app.ApiClientAsync((Role.Secretariat, TestData.NgheAn));
        var theirs = (await OkAsync(await ngheAn.PostAsJsonAsync("/api/v1/nomination-rounds",
            new { name = TestData.Unique("Đợt Nghệ An"), unitCode = TestData.NgheAn, opensOn = "2026-01-01", closesOn = "2026-12-31", quotaPerUnit = 2 }))).GetProperty("id").GetInt32();
        Assert.Equal(HttpStatusCode.BadRequest, (await officer.PostAsJsonAsync("/api/v1/nominations",
            new { unitCode = VanGiang, recipientKind = "individual", recipientName = "Bà X", formCode = "bk_tinh", achievements = "x", roundId = theirs })).StatusCode);
    }

    [Fact]
    public async Task AConference_DrawsItsShortlistFromTheNominationsItsLevelReceived_First()
    {
        const string SonNam = "11983";
        var officer = await app.ApiClientAsync((Role.Officer, SonNam));
        var province = await app.ApiClientAsync((Role.Secretariat, TestData.HungYen));
        var model = await TestData.CreateInitiativeAsync(officer, SonNam, TestData.Unique("Mô hình chưa công nhận"), registeredOn: "2025-08-01");
        var id = (await OkAsync(await officer.PostAsJsonAsync("/api/v1/nominations", new
        {
            unitCode = SonNam, recipientKind = "collective", recipientName = "Tổ dân vận thôn 2", initiativeId = model, formCode = "bk_tinh", achievements = "Thành tích.",
        }))).GetProperty("id").GetInt32();
        var version = (await OkAsync(await officer.GetAsync($"/api/v1/nominations/{id}"))).GetProperty("version").GetInt32();
        version = (await OkAsync(await officer.PostAsJsonAsync($"/api/v1/nominations/{id}/submit", new { version }))).GetProperty("version").GetInt32();
        await OkAsync(await province.PostAsJsonAsync($"/api/v1/nominations/{id}/receive", new { version }));
        var conference = await TestData.IdOfAsync(await province.PostAsJsonAsync("/api/v1/conferences",
            new { name = TestData.Unique("Hội nghị biểu dương"), unitCode = TestData.HungYen, level = "province", date = "2026-12-15", phase = "2021-2025", collectiveQuota = 10, individualQuota = 10 }));
        var shortlist = await OkAsync(await province.GetAsync($"/api/v1/conferences/{conference}/shortlist"));
        var row = shortlist.EnumerateArray().First(r => r.GetProperty("initiativeId").GetInt32() == model);
        Assert.Equal(id, row.GetProperty("nominationId").GetInt32());
        Assert.Equal("Tổ dân vận thôn 2", row.GetProperty("owner").GetString());
        Assert.True(shortlist[0].TryGetProperty("nominationId", out var first) && first.ValueKind == JsonValueKind.Number);
    }

    [Fact]
    public async Task TheMovementsDocuments_AreKeptWithTheirFile_FoundWithoutToneMarks_AndOnlyThePublicOnesAreOnThePublicSite()
    {
        var province = await app.ApiClientAsync((Role.Secretariat, TestData.HungYen));
        var pdf = System.Text.Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");
        var tag = Guid.NewGuid().ToString("N")[..6];
        async Task<HttpResponseMessage> AddAsync(string number, string title, bool isPublic, string? governs = null)
        {
            using var content = TestData.FileContent(pdf, "chi-thi.pdf");
            foreach (var (k, v) in new[] { ("kind", "directive"), ("number", number), ("issuedOn", "2024-03-15"), ("issuer", "Tỉnh ủy Hưng Yên"), ("title", title), ("unitCode", TestData.HungYen),
                         ("isPublic", isPublic ? "true" : "false"), ("governs", governs ?? string.Empty) })
            {
                content.Add(new StringContent(v), k);
            }

            return await province.PostAsync("/api/v1/documents", content);
        }

        var open = await AddAsync($"38-CT/TU-{tag}", $"Chỉ thị về đẩy mạnh phong trào thi đua \"Dân vận khéo\" {tag}", true);
        Assert.Equal(HttpStatusCode.Created, open.StatusCode);
        var openId = (await open.ReadJsonAsync()).GetProperty("id").GetInt32();
        var inner = await AddAsync($"39-HD/BDV-{tag}", $"Hướng dẫn nội bộ {tag}", false);
        var innerId = (await inner.ReadJsonAsync()).GetProperty("id").GetInt32();
        // Found by words without tone marks, đ as d.
        var found = await OkAsync(await province.GetAsync($"/api/v1/documents?q={Uri.EscapeDataString("day manh dan van kheo " + tag)}"));
        Assert.Equal(openId, found.GetProperty("items").EnumerateArray().Single().GetProperty("id").GetInt32());
        Assert.Equal(pdf, await (await province.GetAsync($"/api/v1/documents/{innerId}/file")).Content.ReadAsByteArrayAsync());

        // Another province sees the public one only; the public site lists and serves the public one only.
        var other = await app.ApiClientAsync((Role.Secretariat, TestData.NgheAn));
        Assert.Equal([openId], (await OkAsync(await other.GetAsync($"/api/v1/documents?q={tag}"))).GetProperty("items").EnumerateArray().Select(d => d.GetProperty("id").GetInt32()));
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/v1/documents/{innerId}/file")).StatusCode);
        var anonymous = app.CreateClient();
        var publicPage = await anonymous.GetStringAsync($"/cong-khai/van-ban?q={tag}");
        Assert.Contains($"38-CT/TU-{tag}", publicPage, StringComparison.Ordinal);
        Assert.DoesNotContain($"39-HD/BDV-{tag}", publicPage, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync($"/cong-khai/van-ban/{openId}/tep")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/cong-khai/van-ban/{innerId}/tep")).StatusCode);

        // It may name what it governs, only what the keeper may see; an officer cannot keep the province's documents.
        var theirRound = (await OkAsync(await other.PostAsJsonAsync("/api/v1/nomination-rounds",
            new { name = TestData.Unique("Đợt"), unitCode = TestData.NgheAn, opensOn = "2026-01-01", closesOn = "2026-12-31", quotaPerUnit = 1 }))).GetProperty("id").GetInt32();
        Assert.Equal(HttpStatusCode.BadRequest, (await AddAsync($"40-KH/TU-{tag}", "Kế hoạch", false, $"round:{theirRound}")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await AddAsync($"41-KH/TU-{tag}", "Kế hoạch", false, "everything")).StatusCode);
        var officer = await app.ApiClientAsync((Role.Officer, NguyenVanLinh));
        using var officerFile = TestData.FileContent(pdf, "x.pdf");
        foreach (var (k, v) in new[] { ("kind", "plan"), ("number", "1-KH"), ("issuedOn", "2024-01-01"), ("issuer", "X"), ("title", "X"), ("unitCode", TestData.HungYen) })
        {
            officerFile.Add(new StringContent(v), k);
        }

        Assert.Equal(HttpStatusCode.NotFound, (await officer.PostAsync("/api/v1/documents", officerFile)).StatusCode);
    }

    [Fact]
    public async Task ANationalDecision_ShowsEachProvinceOnlyItsOwnRecipients_AndBadLinesAreProblemsNotErrors()
    {
        var admin = await app.ApiClientAsync((Role.Admin, (string?)null));
        var number = TestData.Unique("QĐ/BDVTW");
        var id = (await OkAsync(await admin.PostAsJsonAsync("/api/v1/awards", new
        {
            number, decidedOn = "2025-10-10", formCode = "bk_bdvtw", signer = "Trưởng ban",
            recipients = new object[]
            {
                new { kind = "collective", name = "Tập thể của Hưng Yên", unitCode = HoanLong, achievement = "Bí mật của Hưng Yên" },
                new { kind = "collective", name = "Tập thể của Nghệ An", unitCode = TestData.ThaiHoa },
            },
        }))).GetProperty("id").GetInt32();
        var ngheAn = await app.ApiClientAsync((Role.Secretariat, TestData.NgheAn));
        var seen = await OkAsync(await ngheAn.GetAsync($"/api/v1/awards/{id}"));
        Assert.Equal(["Tập thể của Nghệ An"], seen.GetProperty("recipients").EnumerateArray().Select(r => r.GetProperty("name").GetString()));
        Assert.DoesNotContain("Bí mật của Hưng Yên", seen.GetRawText(), StringComparison.Ordinal);

        var province = await app.ApiClientAsync((Role.Secretariat, TestData.HungYen));
        async Task<HttpStatusCode> IssueAsync(object recipients) => (await province.PostAsJsonAsync("/api/v1/awards",
            new { number = TestData.Unique("QĐ"), decidedOn = "2025-10-10", formCode = "bk_tinh", unitCode = TestData.HungYen, recipients })).StatusCode;
        Assert.Equal(HttpStatusCode.BadRequest, await IssueAsync(null!));
        Assert.Equal(HttpStatusCode.BadRequest, await IssueAsync(new object?[] { null }));
        Assert.Equal(HttpStatusCode.BadRequest, await IssueAsync(new[] { new { kind = "individual", name = new string('A', 400), unitCode = HoanLong } }));

        var officer = await app.ApiClientAsync((Role.Officer, HoanLong));
        var n = (await OkAsync(await officer.PostAsJsonAsync("/api/v1/nominations", new { unitCode = HoanLong, recipientKind = "individual", recipientName = "Bà Y", formCode = "bk_tinh", achievements = "x" }))).GetProperty("id").GetInt32();
        var version = (await OkAsync(await officer.GetAsync($"/api/v1/nominations/{n}"))).GetProperty("version").GetInt32();
        version = (await OkAsync(await officer.PostAsJsonAsync($"/api/v1/nominations/{n}/submit", new { version }))).GetProperty("version").GetInt32();
        Assert.Equal(HttpStatusCode.BadRequest, (await province.PostAsJsonAsync($"/api/v1/nominations/{n}/return", new { version, reason = new string('x', 2500) })).StatusCode);
    }

    [Fact]
    public async Task AnInspection_IsPlanned_Recorded_WithFollowUps_OverdueOnesListed_AndTheModelShowsIt()
    {
        const string NhuQuynh = "12004";
        var province = await app.ApiClientAsync((Role.Secretariat, TestData.HungYen));
        var officer = await app.ApiClientAsync((Role.Officer, NhuQuynh));
        var model = await TestData.CreateInitiativeAsync(officer, "11986", TestData.Unique("Mô hình được kiểm tra"), map: 2024, registeredOn: "2020-03-01");
        // Before any visit, the yearly review flags the model registered over three years ago as never inspected.
        var before = await OkAsync(await province.GetAsync($"/api/v1/review?unit={NhuQuynh}"));
        Assert.True(before.EnumerateArray().Single(r => r.GetProperty("id").GetInt32() == model).GetProperty("flags").GetProperty("notInspected").GetBoolean());

        var id = (await OkAsync(await province.PostAsJsonAsync("/api/v1/inspections", new { unitCode = NhuQuynh, initiativeId = model, plannedOn = "2026-11-01", inspectors = "Ban Dân vận Tỉnh ủy" }))).GetProperty("id").GetInt32();
        // The commune cannot plan over itself, nor record the visit; a visit in the future is refused.
        Assert.Equal(HttpStatusCode.Forbidden, (await officer.PostAsJsonAsync($"/api/v1/inspections/{id}/visit", new { visitedOn = "2026-11-02", findings = "x", rating = "good" })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await province.PostAsJsonAsync($"/api/v1/inspections/{id}/visit", new { visitedOn = "2099-01-01", findings = "x", rating = "good" })).StatusCode);
        await OkAsync(await province.PostAsJsonAsync($"/api/v1/inspections/{id}/visit", new
        {
            visitedOn = "2026-11-02", findings = "Duy trì tốt; sổ sách chưa cập nhật.", rating = "fair",
            tasks = new[] { new { text = "Cập nhật sổ theo dõi", dueOn = "2026-11-10" }, new { text = "Báo cáo kết quả quý IV", dueOn = "2027-01-15" } },
        }));
        using (var photo = TestData.FileContent(TestData.Png, "buoi-kiem-tra.png"))
        {
            Assert.Equal(HttpStatusCode.Created, (await province.PostAsync($"/api/v1/inspections/{id}/photos", photo)).StatusCode);
        }

        using (var notAPhoto = TestData.FileContent(System.Text.Encoding.ASCII.GetBytes("%PDF-1.4\n%%EOF\n"), "x.pdf"))
        {
            Assert.Equal(HttpStatusCode.BadRequest, (await province.PostAsync($"/api/v1/inspections/{id}/photos", notAPhoto)).StatusCode);
        }

        var list = await OkAsync(await officer.GetAsync($"/api/v1/inspections?initiativeId={model}"));
        var photoId = list.GetProperty("items")[0].GetProperty("photoIds")[0].GetInt32();
        Assert.Equal(TestData.Png, await (await officer.GetAsync($"/api/v1/inspections/{id}/photos/{photoId}")).Content.ReadAsByteArrayAsync());
        var tasks = list.GetProperty("items")[0].GetProperty("tasks").EnumerateArray().ToList();
        Assert.True(tasks[0].GetProperty("overdue").GetBoolean()); // due 10/11/2026, today is later
        Assert.False(tasks[1].GetProperty("overdue").GetBoolean());
        // The commune closes its own follow-up; the review no longer says "never inspected".
        Assert.Equal(HttpStatusCode.NoContent, (await officer.PostAsJsonAsync($"/api/v1/inspections/{id}/tasks/{tasks[0].GetProperty("id").GetInt32()}/done", new { version = 0, reason = "Đã cập nhật" })).StatusCode);
        Assert.False((await OkAsync(await officer.GetAsync($"/api/v1/inspections?initiativeId={model}"))).GetProperty("items")[0].GetProperty("tasks")[0].GetProperty("overdue").GetBoolean());
        var after = await OkAsync(await province.GetAsync($"/api/v1/review?unit={NhuQuynh}"));
        Assert.DoesNotContain(after.EnumerateArray(), r => r.GetProperty("id").GetInt32() == model && r.GetProperty("flags").GetProperty("notInspected").GetBoolean());
        var other = await app.ApiClientAsync((Role.Secretariat, TestData.NgheAn));
        Assert.Empty((await OkAsync(await other.GetAsync($"/api/v1/inspections?initiativeId={model}"))).GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task TwoDecisionsSavedAtOnce_CannotTakeOneNumber()
    {
        var number = TestData.Unique("QĐ/TU");
        var clients = new[] { await app.ApiClientAsync((Role.Secretariat, TestData.HungYen)), await app.ApiClientAsync((Role.Secretariat, TestData.HungYen)) };
        var answers = await Task.WhenAll(clients.Select(c => c.PostAsJsonAsync("/api/v1/awards", new
        {
            number, decidedOn = "2025-06-01", formCode = "bk_tinh", unitCode = TestData.HungYen,
            recipients = new[] { new { kind = "individual", name = TestData.Unique("Ông"), unitCode = HoanLong } },
        })));
        Assert.Equal([HttpStatusCode.Created, HttpStatusCode.BadRequest], answers.Select(a => a.StatusCode).Order());
        var register = await OkAsync(await clients[0].GetAsync($"/api/v1/awards?number={Uri.EscapeDataString(number)}"));
        Assert.Single(register.GetProperty("items").EnumerateArray());
    }
}
