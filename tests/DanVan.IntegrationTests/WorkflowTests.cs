using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DanVan.Domain;
using DanVan.IntegrationTests.Support;

namespace DanVan.IntegrationTests;

/// <summary>Every workflow rule and every refused transition, through the API.</summary>
[Collection(AppCollection.Name)]
public class WorkflowTests(DanVanFactory app)
{
    private static string Day(int offset) => VietnamClock.TodayNow.AddDays(offset).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static async Task<int> CountAsync(HttpClient api) => (await (await api.GetAsync("/api/v1/initiatives")).ReadJsonAsync()).GetProperty("total").GetInt32();

    [Fact]
    public async Task Campaign_ClosedRound_RefusesRegistrationSayingWhomToAsk_AndStoresNothing()
    {
        var secretariat = await app.ApiClientAsync((Role.Secretariat, TestData.HungYen));
        var closed = await TestData.IdOfAsync(await secretariat.PostAsJsonAsync("/api/v1/campaigns", new
        {
            name = TestData.Unique("Đợt đã đóng"), unitCode = TestData.HungYen, opensOn = Day(-60), closesOn = Day(-1),
            contact = "đồng chí Lê Thị Mai, Ban Dân vận Tỉnh ủy",
        }));
        var officer = await app.ApiClientAsync((Role.Officer, TestData.LuongBang));
        var before = await CountAsync(officer);
        var body = JsonSerializer.SerializeToElement(TestData.NewInitiative(TestData.LuongBang, registeredOn: Day(0))).EnumerateObject().ToDictionary(p => p.Name, p => (object?)p.Value);
        body["campaignId"] = closed;
        var refused = await officer.PostAsJsonAsync("/api/v1/initiatives", body);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var message = (await refused.ReadJsonAsync()).GetProperty("errors").GetProperty("campaignId")[0].GetString()!;
        Assert.Contains("đã kết thúc", message, StringComparison.Ordinal);
        Assert.Contains("Lê Thị Mai", message, StringComparison.Ordinal);
        Assert.Equal(before, await CountAsync(officer));
    }

    [Fact]
    public async Task Campaign_Progress_ShowsRegistrationsAgainstTargets_WithMissingUnitsAndTheirOfficers()
    {
        var secretariat = await app.ApiClientAsync((Role.Secretariat, TestData.HungYen));
        var officerEmail = TestData.UniqueEmail();
        var officerUser = await app.CreateUserAsync(officerEmail, (Role.Officer, "11953"));
        var open = await TestData.IdOfAsync(await secretariat.PostAsJsonAsync("/api/v1/campaigns", new
        {
            name = TestData.Unique("Đợt đang mở"), unitCode = TestData.HungYen, opensOn = Day(-10), closesOn = Day(5),
            targets = new[] { new { unitCode = TestData.LuongBang, count = 2 }, new { unitCode = "11953", count = 1 } },
        }));
        var officer = await app.ApiClientAsync((Role.Officer, TestData.LuongBang));
        var body = JsonSerializer.SerializeToElement(TestData.NewInitiative(TestData.LuongBang, registeredOn: Day(0))).EnumerateObject().ToDictionary(p => p.Name, p => (object?)p.Value);
        body["campaignId"] = open;
        Assert.Equal(HttpStatusCode.Created, (await officer.PostAsJsonAsync("/api/v1/initiatives", body)).StatusCode);

        var detail = await (await secretariat.GetAsync($"/api/v1/campaigns/{open}")).ReadJsonAsync();
        Assert.Equal(3, detail.GetProperty("totalTarget").GetInt32());
        Assert.Equal(1, detail.GetProperty("totalRegistered").GetInt32());
        var rows = detail.GetProperty("progress").EnumerateArray().ToList();
        var luongBang = rows.Single(r => r.GetProperty("key").GetString() == TestData.LuongBang);
        Assert.Equal(1, luongBang.GetProperty("registered").GetInt32());
        Assert.True(luongBang.GetProperty("late").GetBoolean()); // 1 of 2 with five days left
        var phoHien = rows.Single(r => r.GetProperty("key").GetString() == "11953");
        Assert.True(phoHien.GetProperty("missing").GetBoolean());
        Assert.Contains(phoHien.GetProperty("officers").EnumerateArray(), o => o.GetProperty("email").GetString() == officerEmail);
        // Missing and late units come first.
        Assert.True(rows.First().GetProperty("missing").GetBoolean());
        _ = officerUser;

        // The report page of the commune sets its own target against its own registrations; the province's against all.
        var name = detail.GetProperty("name").GetString()!;
        var pages = await app.PageClientAsync((Role.Secretariat, TestData.HungYen));
        var communeReport = await (await pages.GetAsync($"/Reports?unit={TestData.LuongBang}&from={Day(-30)}&to={Day(0)}")).Content.ReadAsStringAsync();
        var row = communeReport[communeReport.IndexOf(name, StringComparison.Ordinal)..];
        row = row[..row.IndexOf("</tr>", StringComparison.Ordinal)];
        Assert.Matches(@">2</td>\s*<td class=""text-end"">1</td>\s*<td class=""text-end"">50\s?%</td>", row);
        var provinceReport = await (await pages.GetAsync($"/Reports?unit={TestData.HungYen}&from={Day(-30)}&to={Day(0)}")).Content.ReadAsStringAsync();
        Assert.Contains("campaign-targets", provinceReport, StringComparison.Ordinal);
        // A round that ended before the period is not listed.
        var before = await (await pages.GetAsync($"/Reports?unit={TestData.HungYen}&from=2020-01-01&to=2020-12-31")).Content.ReadAsStringAsync();
        Assert.DoesNotContain(name, before, StringComparison.Ordinal);

        // The progress table downloads as Excel for the round's people, and not for another province's officer.
        var xlsx = await pages.GetAsync($"/Campaigns/Detail/{open}?handler=Xlsx");
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx.Content.Headers.ContentType?.MediaType);
        var bytes = await xlsx.Content.ReadAsByteArrayAsync();
        Assert.Contains("Xã Lương Bằng", ExportTests.SheetText(bytes), StringComparison.Ordinal);
        var stranger = await app.PageClientAsync((Role.Officer, TestData.ThaiHoa));
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/Campaigns/Detail/{open}?handler=Xlsx")).StatusCode);

        // A target for a unit outside the round's unit is refused.
        var bad = await secretariat.PutAsJsonAsync($"/api/v1/campaigns/{open}", new
        {
            name = "x", unitCode = TestData.HungYen, opensOn = Day(-10), closesOn = Day(5), version = detail.GetProperty("version").GetInt32(),
            targets = new[] { new { unitCode = TestData.ThaiHoa, count = 1 } },
        });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var officerCannot = await officer.PostAsJsonAsync("/api/v1/campaigns", new { name = "x", unitCode = TestData.LuongBang, opensOn = Day(0), closesOn = Day(1) });
        Assert.Equal(HttpStatusCode.Forbidden, officerCannot.StatusCode);
    }

    [Fact]
    public async Task Results_AreReportedOncePerPeriod_CorrectionsKeepHistory_AndEvidenceIsCheckedByContent()
    {
        var officer = await app.ApiClientAsync((Role.Officer, TestData.LuongBang));
        var id = await TestData.CreateInitiativeAsync(officer, TestData.LuongBang, registeredOn: "2025-08-01");
        var measures = await (await officer.GetAsync("/api/v1/measures")).ReadJsonAsync();
        var households = measures.EnumerateArray().First(m => m.GetProperty("name").GetString() == "hộ").GetProperty("id").GetInt32();
        var report = new
        {
            periodKind = "quarter", periodStart = "2025-10-15", narrative = "Vận động 58 hộ hiến đất.",
            values = new object[] { new { indicator = "Số hộ hiến đất", value = 58m, measureUnitId = households }, new { indicator = "Diện tích hiến", value = 25043m, newMeasure = "m²" } },
        };
        var created = await officer.PostAsJsonAsync($"/api/v1/initiatives/{id}/results", report);
        var reportId = await TestData.IdOfAsync(created);
        Assert.Equal(HttpStatusCode.BadRequest, (await officer.PostAsJsonAsync($"/api/v1/initiatives/{id}/results", report)).StatusCode);

        var correction = await officer.PutAsJsonAsync($"/api/v1/initiatives/{id}/results/{reportId}", new
        {
            periodKind = "quarter", periodStart = "2025-10-01", narrative = "Vận động 60 hộ hiến đất.", version = 1,
            values = new object[] { new { indicator = "Số hộ hiến đất", value = 60m, measureUnitId = households } },
        });
        Assert.Equal(HttpStatusCode.OK, correction.StatusCode);
        var stale = await officer.PutAsJsonAsync($"/api/v1/initiatives/{id}/results/{reportId}", new { periodKind = "quarter", periodStart = "2025-10-01", narrative = "x", version = 1 });
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        var list = await (await officer.GetAsync($"/api/v1/initiatives/{id}/results")).ReadJsonAsync();
        Assert.Equal(1, list.GetArrayLength());
        Assert.Equal(1, list[0].GetProperty("revisions").GetInt32());
        Assert.Equal(60m, list[0].GetProperty("values")[0].GetProperty("value").GetDecimal());
        Assert.Equal("Quý 4/2025", list[0].GetProperty("periodLabel").GetString());

        // A future period is refused.
        var future = await officer.PostAsJsonAsync($"/api/v1/initiatives/{id}/results", new { periodKind = "year", periodStart = "2099-01-01", narrative = "x" });
        Assert.Equal(HttpStatusCode.BadRequest, future.StatusCode);

        var photo = await TestData.IdOfAsync(await officer.PostAsync($"/api/v1/results/{reportId}/evidence", TestData.FileContent(TestData.Png, "hien-dat.png")));
        foreach (var (bytes, name) in new[]
        {
            ("MZ\u0090 not a picture"u8.ToArray(), "anh.png"),          // wrong type behind a right extension
            (Array.Empty<byte>(), "rong.png"),                           // zero bytes
            (TestData.Png, "anh.pdf"),                                   // extension does not match the content
            (new byte[11 * 1024 * 1024], "to.png"),                      // over 10 MB
        })
        {
            var r = await officer.PostAsync($"/api/v1/results/{reportId}/evidence", TestData.FileContent(bytes, name));
            Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode);
        }

        var served = await officer.GetAsync($"/api/v1/evidence/{photo}");
        Assert.Equal(HttpStatusCode.OK, served.StatusCode);
        Assert.Equal("image/png", served.Content.Headers.ContentType?.MediaType);
        Assert.Equal(TestData.Png, await served.Content.ReadAsByteArrayAsync());
        var outsider = await app.ApiClientAsync((Role.Officer, TestData.ThaiHoa));
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync($"/api/v1/evidence/{photo}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.PostAsync($"/api/v1/results/{reportId}/evidence", TestData.FileContent(TestData.Png, "x.png"))).StatusCode);
    }

    private sealed record Council(HttpClient Secretariat, int CriteriaSetId, int[] Criteria, List<(DanVan.Domain.AppUser User, HttpClient Client)> Members, DanVan.Domain.AppUser Local);

    private async Task<Council> CouncilAsync()
    {
        var secretariat = await app.ApiClientAsync((Role.Secretariat, TestData.HungYen));
        var set = await (await secretariat.PostAsJsonAsync("/api/v1/criteria-sets", TestData.Criteria(TestData.HungYen))).ReadJsonAsync();
        var members = new List<(DanVan.Domain.AppUser, HttpClient)>();
        for (var k = 0; k < 4; k++)
        {
            var u = await app.CreateUserAsync(TestData.UniqueEmail(), (Role.Appraiser, TestData.HungYen));
            members.Add((u, await app.ClientForAsync(u)));
        }

        // The fourth works in Lương Bằng itself.
        await app.SetHomeUnitAsync(members[3].Item1, TestData.LuongBang);
        return new Council(secretariat, set.GetProperty("id").GetInt32(), set.GetProperty("criteria").EnumerateArray().Select(c => c.GetProperty("id").GetInt32()).ToArray(), members, members[3].Item1);
    }

    [Fact]
    public async Task Appraisal_ExcludesALocalMember_ComputesMeans_AndLeadsToRecognitionAtRisingLevels()
    {
        var council = await CouncilAsync();
        var officer = await app.ApiClientAsync((Role.Officer, TestData.LuongBang));
        var good = await TestData.CreateInitiativeAsync(officer, TestData.LuongBang, TestData.Unique("Mô hình tốt"), registeredOn: "2025-08-01");
        var weak = await TestData.CreateInitiativeAsync(officer, TestData.LuongBang, TestData.Unique("Mô hình yếu"), registeredOn: "2025-08-01");
        var appraisalId = await TestData.IdOfAsync(await council.Secretariat.PostAsJsonAsync("/api/v1/appraisals", new
        {
            name = TestData.Unique("Thẩm định 2026"), unitCode = TestData.HungYen, criteriaSetId = council.CriteriaSetId,
            initiativeIds = new[] { good, weak }, memberEmails = council.Members.Select(m => m.User.Email).ToArray(),
        }));
        var view = await (await council.Secretariat.GetAsync($"/api/v1/appraisals/{appraisalId}")).ReadJsonAsync();
        var items = view.GetProperty("items").EnumerateArray().ToDictionary(i => i.GetProperty("initiativeId").GetInt32(), i => i.GetProperty("itemId").GetInt32());
        var excluded = view.GetProperty("items")[0].GetProperty("excluded").EnumerateArray().ToList();
        Assert.Single(excluded);
        Assert.Equal(council.Local.Id, excluded[0].GetProperty("userId").GetString());
        Assert.True(excluded[0].GetProperty("automatic").GetBoolean());

        // The criteria set is now frozen: an edit becomes version 2 and leaves version 1 alone.
        var edited = await council.Secretariat.PutAsJsonAsync($"/api/v1/criteria-sets/{council.CriteriaSetId}", TestData.Criteria(TestData.HungYen, 80));
        var v2 = await edited.ReadJsonAsync();
        Assert.Equal(2, v2.GetProperty("versionNumber").GetInt32());
        Assert.NotEqual(council.CriteriaSetId, v2.GetProperty("id").GetInt32());

        // The local member cannot score; the others can; bad scores are refused.
        var (c1, c2) = (council.Criteria[0], council.Criteria[1]);
        object Scores(decimal a, decimal b) => new { scores = new Dictionary<string, decimal> { [c1.ToString(CultureInfo.InvariantCulture)] = a, [c2.ToString(CultureInfo.InvariantCulture)] = b }, comment = "ok" };
        Assert.Equal(HttpStatusCode.Conflict, (await council.Members[3].Client.PutAsJsonAsync($"/api/v1/appraisals/{appraisalId}/items/{items[good]}/scores", Scores(9, 9))).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await council.Members[0].Client.PutAsJsonAsync($"/api/v1/appraisals/{appraisalId}/items/{items[good]}/scores", Scores(11, 9))).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await council.Members[0].Client.PutAsJsonAsync($"/api/v1/appraisals/{appraisalId}/items/{items[good]}/scores",
            new { scores = new Dictionary<string, decimal> { [c1.ToString(CultureInfo.InvariantCulture)] = 5 } })).StatusCode);
        var (goodScores, weakScores) = (new[] { (8m, 6m), (9m, 9m), (6m, 3m) }, new[] { (5m, 5m), (7m, 4m), (3m, 3m) });
        for (var k = 0; k < 3; k++)
        {
            Assert.Equal(HttpStatusCode.NoContent, (await council.Members[k].Client.PutAsJsonAsync($"/api/v1/appraisals/{appraisalId}/items/{items[good]}/scores", Scores(goodScores[k].Item1, goodScores[k].Item2))).StatusCode);
            Assert.Equal(HttpStatusCode.NoContent, (await council.Members[k].Client.PutAsJsonAsync($"/api/v1/appraisals/{appraisalId}/items/{items[weak]}/scores", Scores(weakScores[k].Item1, weakScores[k].Item2))).StatusCode);
        }

        // Recusal needs a reason; a stranger cannot score at all.
        Assert.Equal(HttpStatusCode.BadRequest, (await council.Members[2].Client.PostAsJsonAsync($"/api/v1/appraisals/{appraisalId}/items/{items[good]}/recusal", new { reason = "" })).StatusCode);
        var stranger = await app.ApiClientAsync((Role.Appraiser, TestData.HungYen));
        Assert.Equal(HttpStatusCode.Forbidden, (await stranger.PutAsJsonAsync($"/api/v1/appraisals/{appraisalId}/items/{items[good]}/scores", Scores(9, 9))).StatusCode);

        var results = await (await council.Secretariat.GetAsync($"/api/v1/appraisals/{appraisalId}")).ReadJsonAsync();
        var goodResult = results.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("initiativeId").GetInt32() == good);
        Assert.Equal(71.11m, goodResult.GetProperty("rawMean").GetDecimal());
        Assert.Equal(16.41m, goodResult.GetProperty("spread").GetDecimal());
        Assert.Equal(1.000m, goodResult.GetProperty("normalisedZ").GetDecimal());
        Assert.Equal(3, goodResult.GetProperty("memberCount").GetInt32());
        Assert.True(goodResult.GetProperty("passes").GetBoolean());
        Assert.Equal(2, goodResult.GetProperty("diverging").GetArrayLength());

        // Members were told; the secretariat concludes; only passed models can be recognised from it.
        var notes = await (await council.Members[0].Client.GetAsync("/api/v1/notifications")).ReadJsonAsync();
        Assert.Contains(notes.GetProperty("items").EnumerateArray(), n => n.GetProperty("link").GetString() == $"/Appraisals/{appraisalId}");
        Assert.Equal(HttpStatusCode.Conflict, (await council.Secretariat.PostAsync($"/api/v1/appraisals/{appraisalId}/close", null)).StatusCode);
        var pending = await council.Secretariat.PutAsJsonAsync($"/api/v1/appraisals/{appraisalId}/items/{items[good]}/conclusion", new { outcome = "pending" });
        Assert.Equal(HttpStatusCode.BadRequest, pending.StatusCode);
        Assert.Contains("Đạt hoặc Không đạt", AbuseTests.Strings(await pending.ReadJsonAsync()), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NoContent, (await council.Secretariat.PutAsJsonAsync($"/api/v1/appraisals/{appraisalId}/items/{items[good]}/conclusion", new { outcome = "passed", conclusion = "Đạt", fieldVisitNotes = "Đã khảo sát thực tế" })).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await council.Secretariat.PutAsJsonAsync($"/api/v1/appraisals/{appraisalId}/items/{items[weak]}/conclusion", new { outcome = "failed" })).StatusCode);
        var number = "12-QĐ/BCĐ-" + Guid.NewGuid().ToString("N")[..4];
        var both = await council.Secretariat.PostAsJsonAsync("/api/v1/recognitions", new { unitCode = TestData.HungYen, number, date = "2026-06-01", level = "province", issuingBody = "BCĐ tỉnh Hưng Yên", appraisalId, initiativeIds = new[] { good, weak } });
        Assert.Equal(HttpStatusCode.Conflict, both.StatusCode);
        Assert.Equal(JsonValueKind.Null, (await (await officer.GetAsync($"/api/v1/initiatives/{good}")).ReadJsonAsync()).GetProperty("highestLevel").ValueKind);
        Assert.Equal(HttpStatusCode.NoContent, (await council.Secretariat.PostAsync($"/api/v1/appraisals/{appraisalId}/close", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await council.Members[0].Client.PutAsJsonAsync($"/api/v1/appraisals/{appraisalId}/items/{items[good]}/scores", Scores(1, 1))).StatusCode);

        // A commune decision is issued by the commune's secretariat; the province then recognises it higher.
        var communeSecretariat = await app.ApiClientAsync((Role.Secretariat, TestData.LuongBang));
        Assert.Equal(HttpStatusCode.BadRequest, (await communeSecretariat.PostAsJsonAsync("/api/v1/recognitions", new { unitCode = TestData.LuongBang, number = "1", date = "2026-05-01", level = "province", issuingBody = "x", initiativeIds = new[] { good } })).StatusCode);
        await TestData.IdOfAsync(await communeSecretariat.PostAsJsonAsync("/api/v1/recognitions", new { unitCode = TestData.LuongBang, number = "3-QĐ/BCĐ", date = "2026-05-01", level = "commune", issuingBody = "BCĐ xã Lương Bằng", initiativeIds = new[] { good } }));
        await TestData.IdOfAsync(await council.Secretariat.PostAsJsonAsync("/api/v1/recognitions", new { unitCode = TestData.HungYen, number, date = "2026-06-01", level = "province", issuingBody = "BCĐ tỉnh Hưng Yên", appraisalId, initiativeIds = new[] { good } }));
        var again = await communeSecretariat.PostAsJsonAsync("/api/v1/recognitions", new { unitCode = TestData.LuongBang, number = "4-QĐ/BCĐ", date = "2026-07-01", level = "commune", issuingBody = "BCĐ xã", initiativeIds = new[] { good } });
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Contains("cấp cao hơn", (await again.ReadJsonAsync()).GetProperty("detail").GetString(), StringComparison.Ordinal);
        var history = await (await officer.GetAsync($"/api/v1/initiatives/{good}/recognitions")).ReadJsonAsync();
        Assert.Equal(["commune", "province"], history.EnumerateArray().Select(h => h.GetProperty("level").GetString()));
        var officerNotes = await (await officer.GetAsync("/api/v1/notifications")).ReadJsonAsync();
        _ = officerNotes; // token users with officer grants on the commune get notified; checked in the journey test
    }

    [Fact]
    public async Task Replication_OfARecognisedModel_IsLinkedAndShownInItsTree()
    {
        var officerA = await app.ApiClientAsync((Role.Officer, TestData.LuongBang));
        var source = await TestData.CreateInitiativeAsync(officerA, TestData.LuongBang, TestData.Unique("Nuôi ong"), registeredOn: "2025-08-01");
        var officerB = await app.ApiClientAsync((Role.Officer, TestData.ThaiHoa));
        var replicate = new { unitCode = TestData.ThaiHoa, ownerName = "Hội Nông dân phường", registeredOn = "2026-02-01" };
        Assert.Equal(HttpStatusCode.NotFound, (await officerB.PostAsJsonAsync($"/api/v1/initiatives/{source}/replications", replicate)).StatusCode);
        var communeSecretariat = await app.ApiClientAsync((Role.Secretariat, TestData.LuongBang));
        await TestData.IdOfAsync(await communeSecretariat.PostAsJsonAsync("/api/v1/recognitions", new { unitCode = TestData.LuongBang, number = "7-QĐ/" + Guid.NewGuid().ToString("N")[..4], date = "2026-01-10", level = "commune", issuingBody = "BCĐ xã", initiativeIds = new[] { source } }));

        var copyId = await TestData.IdOfAsync(await officerB.PostAsJsonAsync($"/api/v1/initiatives/{source}/replications", replicate));
        var copy = await (await officerB.GetAsync($"/api/v1/initiatives/{copyId}")).ReadJsonAsync();
        Assert.Equal("replicated", copy.GetProperty("origin").GetString());
        Assert.Equal(source, copy.GetProperty("replicatedFromId").GetInt32());
        Assert.Equal(TestData.ThaiHoa, copy.GetProperty("currentUnitCode").GetString());
        // The copy's own commune sees it in the source's tree; the source's commune does not, until the copy is public.
        var tree = await (await officerB.GetAsync($"/api/v1/initiatives/{source}/replications")).ReadJsonAsync();
        Assert.Equal(1, tree.GetProperty("total").GetInt32());
        Assert.Equal(copyId, tree.GetProperty("tree")[0].GetProperty("id").GetInt32());
        Assert.Equal(0, (await (await officerA.GetAsync($"/api/v1/initiatives/{source}/replications")).ReadJsonAsync()).GetProperty("total").GetInt32());
        // Replicating into one's own commune under the same owner is not a replication.
        var same = await officerA.PostAsJsonAsync($"/api/v1/initiatives/{source}/replications", new { unitCode = TestData.LuongBang, registeredOn = "2026-02-01" });
        Assert.Equal(HttpStatusCode.BadRequest, same.StatusCode);
        // Only into units one may write to: another province's commune is not found for this officer.
        Assert.Equal(HttpStatusCode.NotFound, (await officerB.PostAsJsonAsync($"/api/v1/initiatives/{source}/replications", new { unitCode = TestData.LuongBang, registeredOn = "2026-02-01" })).StatusCode);
    }

    [Fact]
    public async Task Review_FlagsSilentAndCopiedModels_AndRetiresOnlyWithAReason()
    {
        var officer = await app.ApiClientAsync((Role.Officer, TestData.ThaiHoa));
        var text = "Hội Nông dân vận động hội viên nuôi ong lấy mật, liên kết tiêu thụ sản phẩm, thu nhập ổn định cho các hộ tham gia " + Guid.NewGuid().ToString("N");
        async Task<int> Create(string name)
        {
            var body = JsonSerializer.SerializeToElement(TestData.NewInitiative(TestData.ThaiHoa, TestData.Unique(name), registeredOn: "2023-01-10")).EnumerateObject().ToDictionary(p => p.Name, p => (object?)p.Value);
            body["summary"] = text;
            return await TestData.IdOfAsync(await officer.PostAsJsonAsync("/api/v1/initiatives", body));
        }

        var silent = await Create("Mô hình im lặng");
        var copied = await Create("Mô hình chép");
        var secretariat = await app.ApiClientAsync((Role.Secretariat, TestData.NgheAn));
        var due = await (await secretariat.GetAsync($"/api/v1/review?unit={TestData.ThaiHoa}")).ReadJsonAsync();
        var row = due.EnumerateArray().Single(r => r.GetProperty("id").GetInt32() == silent);
        Assert.True(row.GetProperty("flags").GetProperty("noRecentResults").GetBoolean());
        Assert.True(row.GetProperty("flags").GetProperty("noAppraisal").GetBoolean());
        Assert.Equal(copied, row.GetProperty("flags").GetProperty("copiedFromId").GetInt32());

        Assert.Equal(HttpStatusCode.BadRequest, (await secretariat.PostAsJsonAsync($"/api/v1/initiatives/{silent}/review", new { decision = "retire", reason = "" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await officer.PostAsJsonAsync($"/api/v1/initiatives/{silent}/review", new { decision = "retire", reason = "x" })).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await secretariat.PostAsJsonAsync($"/api/v1/initiatives/{silent}/review", new { decision = "retire", reason = "Không có kết quả từ năm 2023" })).StatusCode);
        var retired = await (await officer.GetAsync($"/api/v1/initiatives/{silent}")).ReadJsonAsync();
        Assert.Equal("retired", retired.GetProperty("status").GetString());
        Assert.Equal("Không có kết quả từ năm 2023", retired.GetProperty("retiredReason").GetString());
        Assert.Equal(HttpStatusCode.Conflict, (await secretariat.PostAsJsonAsync($"/api/v1/initiatives/{silent}/review", new { decision = "retire", reason = "lần hai" })).StatusCode);
        // A retired model reports nothing more.
        Assert.Equal(HttpStatusCode.Conflict, (await officer.PostAsJsonAsync($"/api/v1/initiatives/{silent}/results", new { periodKind = "year", periodStart = "2025-01-01", narrative = "x" })).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await secretariat.PostAsJsonAsync($"/api/v1/initiatives/{silent}/review", new { decision = "reinstate", reason = "Đơn vị đã bổ sung kết quả" })).StatusCode);
        Assert.Equal("active", (await (await officer.GetAsync($"/api/v1/initiatives/{silent}")).ReadJsonAsync()).GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.NoContent, (await secretariat.PostAsJsonAsync($"/api/v1/initiatives/{copied}/review", new { decision = "keep", reason = "Đã kiểm tra thực tế, có kết quả" })).StatusCode);
        var after = await (await secretariat.GetAsync($"/api/v1/review?unit={TestData.ThaiHoa}")).ReadJsonAsync();
        Assert.Equal("keep", after.EnumerateArray().Single(r => r.GetProperty("id").GetInt32() == copied).GetProperty("decidedThisYear").GetString());
    }

    [Fact]
    public async Task Commendation_AwardsRecognisedModelsWithinTheConferenceQuota()
    {
        var officer = await app.ApiClientAsync((Role.Officer, TestData.ThaiHoa));
        var a = await TestData.CreateInitiativeAsync(officer, TestData.ThaiHoa, TestData.Unique("Khen A"), registeredOn: "2025-08-01");
        var b = await TestData.CreateInitiativeAsync(officer, TestData.ThaiHoa, TestData.Unique("Khen B"), registeredOn: "2025-08-01");
        var c = await TestData.CreateInitiativeAsync(officer, TestData.ThaiHoa, TestData.Unique("Chưa công nhận"), registeredOn: "2025-08-01");
        var secretariat = await app.ApiClientAsync((Role.Secretariat, TestData.NgheAn));
        await TestData.IdOfAsync(await secretariat.PostAsJsonAsync("/api/v1/recognitions", new { unitCode = TestData.NgheAn, number = "5-QĐ/" + Guid.NewGuid().ToString("N")[..4], date = "2026-03-01", level = "province", issuingBody = "BCĐ tỉnh Nghệ An", initiativeIds = new[] { a, b } }));
        var conference = await TestData.IdOfAsync(await secretariat.PostAsJsonAsync("/api/v1/conferences", new { name = TestData.Unique("Hội nghị tổng kết"), unitCode = TestData.NgheAn, level = "province", date = "2026-11-20", phase = "2021-2025", collectiveQuota = 1, individualQuota = 0 }));
        var shortlist = await (await secretariat.GetAsync($"/api/v1/conferences/{conference}/shortlist")).ReadJsonAsync();
        Assert.Contains(shortlist.EnumerateArray(), s => s.GetProperty("initiativeId").GetInt32() == a);
        Assert.DoesNotContain(shortlist.EnumerateArray(), s => s.GetProperty("initiativeId").GetInt32() == c);
        Assert.Equal(HttpStatusCode.Created, (await secretariat.PostAsJsonAsync($"/api/v1/conferences/{conference}/awards", new { initiativeId = a, recipientKind = "collective", recipient = "Hội Nông dân", title = "Bằng khen" })).StatusCode);
        var overQuota = await secretariat.PostAsJsonAsync($"/api/v1/conferences/{conference}/awards", new { initiativeId = b, recipientKind = "collective", recipient = "Hội B", title = "Bằng khen" });
        Assert.Equal(HttpStatusCode.Conflict, overQuota.StatusCode);
        Assert.Contains("chỉ tiêu", (await overQuota.ReadJsonAsync()).GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Conflict, (await secretariat.PostAsJsonAsync($"/api/v1/conferences/{conference}/awards", new { initiativeId = c, recipientKind = "individual", recipient = "x", title = "y" })).StatusCode);
        var view = await (await secretariat.GetAsync($"/api/v1/conferences/{conference}")).ReadJsonAsync();
        Assert.Equal(1, view.GetProperty("awards").GetArrayLength());
        Assert.Equal("2021–2025", view.GetProperty("phase").GetString());
    }

    [Fact]
    public async Task Committees_AndTeams_AreSavedWithAssignments()
    {
        var secretariat = await app.ApiClientAsync((Role.Secretariat, TestData.HungYen));
        var committee = await secretariat.PostAsJsonAsync("/api/v1/committees", new
        {
            name = TestData.Unique("Ban Chỉ đạo tỉnh"), unitCode = TestData.HungYen, termFrom = 2025, termTo = 2030,
            members = new[] { new { fullName = "Nguyễn Văn A", position = "Trưởng ban", followsFields = new[] { "economy" }, followsUnits = TestData.LuongBang } },
        });
        Assert.Equal(HttpStatusCode.Created, committee.StatusCode);
        var readBack = await (await secretariat.GetAsync(committee.Headers.Location)).ReadJsonAsync();
        Assert.Equal("Nguyễn Văn A", readBack.GetProperty("members")[0].GetProperty("fullName").GetString());
        var criteria = await secretariat.PostAsJsonAsync("/api/v1/criteria-sets", TestData.Criteria(TestData.HungYen));
        Assert.Equal($"/api/v1/criteria-sets/{(await criteria.ReadJsonAsync()).GetProperty("id").GetInt32()}", criteria.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await secretariat.GetAsync(criteria.Headers.Location)).StatusCode);
        var badUnit = await secretariat.PostAsJsonAsync("/api/v1/committees", new
        {
            name = "x", unitCode = TestData.HungYen, termFrom = 2025, termTo = 2030,
            members = new[] { new { fullName = "B", followsUnits = TestData.ThaiHoa } },
        });
        Assert.Equal(HttpStatusCode.BadRequest, badUnit.StatusCode);
        var officer = await app.ApiClientAsync((Role.Officer, TestData.LuongBang));
        Assert.Equal(HttpStatusCode.Created, (await officer.PostAsJsonAsync("/api/v1/committees/teams", new { unitCode = TestData.LuongBang, kind = "village_team", name = "Tổ dân vận thôn Đông", village = "Thôn Đông", leaderName = "Bí thư chi bộ", members = 5 })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await officer.PostAsJsonAsync("/api/v1/committees/teams", new { unitCode = TestData.ThaiHoa, kind = "village_team", name = "x" })).StatusCode);
        var list = await (await secretariat.GetAsync("/api/v1/committees")).ReadJsonAsync();
        Assert.Contains(list.GetProperty("items").EnumerateArray(), c => c.GetProperty("members").GetArrayLength() == 1 && c.GetProperty("members")[0].GetProperty("units")[0].GetString() == TestData.LuongBang);
    }
}
