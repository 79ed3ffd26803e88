using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DanVan.Domain;
using DanVan.IntegrationTests.Support;

namespace DanVan.IntegrationTests;

/// <summary>
/// The summary on a hand-built dataset in Cao Bằng, with hand-computed figures: records of the 2024 map rolled into
/// 2025 communes, a record made after the reform, retirements before and after the period, recognitions at
/// several levels and after the period.
/// </summary>
[Collection(AppCollection.Name)]
public class SummaryTests(DanVanFactory app)
{
    private static readonly SemaphoreSlim Once = new(1, 1);
    private static HttpClient? secretariat;

    private async Task<HttpClient> DatasetAsync()
    {
        await Once.WaitAsync();
        try
        {
            if (secretariat is not null)
            {
                return secretariat;
            }

            var s = await app.ApiClientAsync((Role.Secretariat, "04"));
            async Task<int> Create(string name, string unit, int map, string field, string kind, string registeredOn, int? replicatedFrom = null, string? originNote = null)
            {
                var body = new Dictionary<string, object?>
                {
                    ["name"] = name, ["unitCode"] = unit, ["unitMap"] = map, ["field"] = field, ["kind"] = kind, ["ownerName"] = "Chủ thể",
                    ["registeredOn"] = registeredOn,
                    ["origin"] = replicatedFrom is null && originNote is null ? "new" : "replicated", ["replicatedFromId"] = replicatedFrom, ["originNote"] = originNote,
                };
                return await TestData.IdOfAsync(await s.PostAsJsonAsync("/api/v1/initiatives", body));
            }

            async Task Recognise(string unit, string level, string date, params int[] ids) =>
                await TestData.IdOfAsync(await s.PostAsJsonAsync("/api/v1/recognitions", new { unitCode = unit, number = "QĐ-" + Guid.NewGuid().ToString("N")[..6], date, level, issuingBody = "BCĐ", initiativeIds = ids }));

            async Task Retire(int id, string on) =>
                Assert.Equal(HttpStatusCode.NoContent, (await s.PostAsJsonAsync($"/api/v1/initiatives/{id}/review", new { decision = "retire", reason = "Rà soát", on })).StatusCode);

            var a = await Create("A", "01273", 2024, "economy", "collective", "2022-05-01");
            var b = await Create("B", "01270", 2024, "culture_society", "individual", "2024-03-01", originNote: "Từ tỉnh Hà Giang");
            var c = await Create("C", "01276", 2024, "defense_security", "collective", "2021-01-01");
            await Create("D", "01288", 2025, "economy", "collective", "2025-08-01");
            var e = await Create("E", "01273", 2024, "political_system", "collective", "2024-02-02");
            var f = await Create("F", "01270", 2024, "economy", "collective", "2023-05-05", replicatedFrom: a);
            await Recognise("01273", "commune", "2023-01-10", a);
            await Recognise("04", "district", "2024-06-01", a);
            await Recognise("04", "province", "2024-11-20", b);
            await Recognise("01279", "commune", "2024-02-10", f);
            await Recognise("04", "province", "2025-05-01", f);
            await Recognise("01273", "commune", "2025-01-15", e);
            await Retire(c, "2024-06-30");
            await Retire(e, "2025-03-01");
            secretariat = s;
            return s;
        }
        finally
        {
            Once.Release();
        }
    }

    private static void AssertBlock(JsonElement block, long total, (long Total, long New, long Replicated, long Collective, long Individual)[] byField,
        long collective, long individual, long @new, long replicated, long commune, long district, long province, long national)
    {
        Assert.Equal(total, block.GetProperty("total").GetInt64());
        var keys = new[] { "economy", "culture_society", "defense_security", "political_system" };
        for (var k = 0; k < keys.Length; k++)
        {
            var f = block.GetProperty("byField").GetProperty(keys[k]);
            Assert.Equal(byField[k], (f.GetProperty("total").GetInt64(), f.GetProperty("new").GetInt64(), f.GetProperty("replicated").GetInt64(), f.GetProperty("collective").GetInt64(), f.GetProperty("individual").GetInt64()));
        }

        Assert.Equal((collective, individual), (block.GetProperty("byKind").GetProperty("collective").GetInt64(), block.GetProperty("byKind").GetProperty("individual").GetInt64()));
        Assert.Equal((@new, replicated), (block.GetProperty("byOrigin").GetProperty("new").GetInt64(), block.GetProperty("byOrigin").GetProperty("replicated").GetInt64()));
        var l = block.GetProperty("byLevel");
        Assert.Equal((commune, district, province, national), (l.GetProperty("commune").GetInt64(), l.GetProperty("district").GetInt64(), l.GetProperty("province").GetInt64(), l.GetProperty("national").GetInt64()));
        // Every total is the sum of its parts.
        Assert.Equal(total, keys.Sum(key => block.GetProperty("byField").GetProperty(key).GetProperty("total").GetInt64()));
        Assert.Equal(total, collective + individual);
        Assert.Equal(total, @new + replicated);
    }

    [Fact]
    public async Task Year2024_OnThe2025Map_MatchesHandCountedFigures()
    {
        var s = await DatasetAsync();
        var r = await (await s.GetAsync("/api/v1/reports/summary?unit=04&map=2025&from=2024-01-01&to=2024-12-31")).ReadJsonAsync();
        Assert.Equal("Tỉnh Cao Bằng", r.GetProperty("unit").GetProperty("name").GetString());
        Assert.Equal("2024-01-01", r.GetProperty("from").GetString());
        // Maintained on 31/12/2024: A, B, E (retired only in 2025), F; not C (retired 06/2024), not D (registered 2025).
        AssertBlock(r.GetProperty("maintained"), 4, [(2, 1, 1, 2, 0), (1, 0, 1, 0, 1), (0, 0, 0, 0, 0), (1, 1, 0, 1, 0)], 3, 1, 2, 2, 1, 1, 1, 0);
        // Recognised by then: A (district), B (province), F (commune; its province level comes in 2025); E only in 2025.
        AssertBlock(r.GetProperty("recognized"), 3, [(2, 1, 1, 2, 0), (1, 0, 1, 0, 1), (0, 0, 0, 0, 0), (0, 0, 0, 0, 0)], 2, 1, 1, 2, 1, 1, 1, 0);
        Assert.Equal(1, r.GetProperty("notRecognized").GetInt64());
        AssertBlock(r.GetProperty("registeredInPeriod"), 2, [(0, 0, 0, 0, 0), (1, 0, 1, 0, 1), (0, 0, 0, 0, 0), (1, 1, 0, 1, 0)], 1, 1, 1, 1, 0, 0, 1, 0);
        AssertBlock(r.GetProperty("recognizedInPeriod"), 2, [(1, 0, 1, 1, 0), (1, 0, 1, 0, 1), (0, 0, 0, 0, 0), (0, 0, 0, 0, 0)], 1, 1, 0, 2, 1, 0, 1, 0);
        AssertBlock(r.GetProperty("retiredInPeriod"), 1, [(0, 0, 0, 0, 0), (0, 0, 0, 0, 0), (1, 1, 0, 1, 0), (0, 0, 0, 0, 0)], 1, 0, 1, 0, 0, 0, 0, 0);

        var children = r.GetProperty("children").EnumerateArray().ToDictionary(c => c.GetProperty("code").GetString()!, c => (c.GetProperty("maintained").GetInt64(), c.GetProperty("recognized").GetInt64(), c.GetProperty("notRecognized").GetInt64()));
        Assert.Equal(56, children.Count); // Cao Bằng's communes since 2025
        Assert.Equal((2, 1, 1), children["01273"]); // Thục Phán took in Hợp Giang: A and E
        Assert.Equal((2, 2, 0), children["01279"]); // Nùng Trí Cao took in Sông Bằng: B and F
        Assert.Equal((0, 0, 0), children["01288"]);
        Assert.Equal(4, children.Values.Sum(c => c.Item1));
    }

    [Fact]
    public async Task Year2025_CountsTheNewRecordAndTheLaterRecognitionsAndRetirement()
    {
        var s = await DatasetAsync();
        var r = await (await s.GetAsync("/api/v1/reports/summary?unit=04&from=2025-01-01&to=2025-12-31")).ReadJsonAsync();
        // A, B, D, F maintained; A district, B and F province.
        AssertBlock(r.GetProperty("maintained"), 4, [(3, 2, 1, 3, 0), (1, 0, 1, 0, 1), (0, 0, 0, 0, 0), (0, 0, 0, 0, 0)], 3, 1, 2, 2, 0, 1, 2, 0);
        Assert.Equal(3, r.GetProperty("recognized").GetProperty("total").GetInt64());
        Assert.Equal(1, r.GetProperty("notRecognized").GetInt64());
        // E was first recognised in 2025 and retired in 2025: it counts in both, retired or not.
        Assert.Equal(1, r.GetProperty("recognizedInPeriod").GetProperty("total").GetInt64());
        Assert.Equal(1, r.GetProperty("recognizedInPeriod").GetProperty("byField").GetProperty("political_system").GetProperty("total").GetInt64());
        Assert.Equal(1, r.GetProperty("retiredInPeriod").GetProperty("total").GetInt64());
        Assert.Equal(1, r.GetProperty("registeredInPeriod").GetProperty("total").GetInt64());
    }

    [Fact]
    public async Task OnThe2024Map_RecordsCountUnderTheirOldUnits_AndNewOnesUnderAChosenPredecessor()
    {
        var s = await DatasetAsync();
        var r = await (await s.GetAsync("/api/v1/reports/summary?unit=040&map=2024&from=2025-01-01&to=2025-12-31")).ReadJsonAsync();
        Assert.Equal(2024, r.GetProperty("unit").GetProperty("map").GetInt32());
        Assert.Equal(4, r.GetProperty("maintained").GetProperty("total").GetInt64());
        var children = r.GetProperty("children").EnumerateArray().ToDictionary(c => c.GetProperty("code").GetString()!, c => c.GetProperty("maintained").GetInt64());
        Assert.Equal(1, children["01273"]); // A (E retired in 2025)
        Assert.Equal(2, children["01270"]); // B, F
        Assert.Equal(1, children["01276"]); // D, made in 2025 on Tân Giang, whose predecessor of the same name is the old Tân Giang
        var province2024 = await (await s.GetAsync("/api/v1/reports/summary?unit=04&map=2024&from=2024-01-01&to=2024-12-31")).ReadJsonAsync();
        var province2025 = await (await s.GetAsync("/api/v1/reports/summary?unit=04&map=2025&from=2024-01-01&to=2024-12-31")).ReadJsonAsync();
        // Cao Bằng is the same province on both maps: the totals agree exactly.
        Assert.Equal(province2025.GetProperty("maintained").GetRawText(), province2024.GetProperty("maintained").GetRawText());
    }

    [Fact]
    public async Task DrillDown_ListsExactlyTheModelsBehindAFigure()
    {
        var s = await DatasetAsync();
        var list = await (await s.GetAsync("/api/v1/initiatives?unit=04&asOf=2024-12-31&field=economy&pageSize=100")).ReadJsonAsync();
        Assert.Equal(["A", "F"], list.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("name").GetString()).Order());
        var notRecognised = await (await s.GetAsync("/api/v1/initiatives?unit=04&asOf=2024-12-31&recognized=false&pageSize=100")).ReadJsonAsync();
        Assert.Equal(["E"], notRecognised.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("name").GetString()));
    }

    [Theory]
    [InlineData("/api/v1/reports/summary?unit=04&from=2025-12-31&to=2025-01-01", HttpStatusCode.BadRequest)]
    [InlineData("/api/v1/reports/summary?unit=04&from=2021-02-30&to=2025-01-01", HttpStatusCode.BadRequest)]
    [InlineData("/api/v1/reports/summary?unit=04&map=2030", HttpStatusCode.BadRequest)]
    [InlineData("/api/v1/reports/summary?unit=99999", HttpStatusCode.NotFound)]
    [InlineData("/api/v1/reports/summary?unit=40", HttpStatusCode.Forbidden)]
    [InlineData("/api/v1/reports/summary", HttpStatusCode.Forbidden)]
    public async Task BadOrOutOfScopeRequests_AnswerProblems(string url, HttpStatusCode expected)
    {
        var s = await DatasetAsync();
        var response = await s.GetAsync(url);
        Assert.Equal(expected, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task ReportPage_ShowsTheParagraphAndTables()
    {
        await DatasetAsync();
        var email = TestData.UniqueEmail();
        await app.CreateUserAsync(email, (Role.Viewer, "04"));
        var web = await HtmlClient.SignedInAsync(app, email);
        var (response, doc) = await web.GetAsync("/Reports?from=2024-01-01&to=2024-12-31");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("4", doc.QuerySelector("#total-maintained")!.TextContent);
        Assert.StartsWith("Tổng số có 4 mô hình đang được duy trì thực hiện, trong đó: lĩnh vực phát triển kinh tế 2 mô hình (mới 1, nhân rộng 1)",
            doc.QuerySelector("#summary-paragraph")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Tổng số có 4 mô hình đang được duy trì thực hiện, trong đó: lĩnh vực phát triển kinh tế 2 mô hình (mới 1, nhân rộng 1); lĩnh vực văn hóa – xã hội 1 mô hình (mới 0, nhân rộng 1); lĩnh vực quốc phòng – an ninh 0 mô hình (mới 0, nhân rộng 0); lĩnh vực xây dựng Đảng và hệ thống chính trị 1 mô hình (mới 1, nhân rộng 0); tập thể 3, cá nhân 1; đã công nhận 3 mô hình (cấp tỉnh 1, cấp huyện 1, cấp xã 1), còn 1 mô hình chưa được xét công nhận.", doc.QuerySelector("#summary-paragraph")!.TextContent);
        Assert.Equal(56, doc.QuerySelectorAll("#children tbody tr").Length);
        // The trend: models maintained and recognised at the end of each year, counted by hand from the dataset.
        var chart = JsonDocument.Parse(doc.QuerySelector("#trend-chart")!.GetAttribute("data-chart")!).RootElement;
        Assert.Equal(["2021", "2022", "2023", "2024"], chart.GetProperty("labels").EnumerateArray().Select(x => x.GetString()!));
        Assert.Equal([1, 2, 3, 4], chart.GetProperty("maintained").EnumerateArray().Select(x => x.GetInt32()));
        Assert.Equal([0, 0, 1, 3], chart.GetProperty("recognized").EnumerateArray().Select(x => x.GetInt32()));
    }
}
