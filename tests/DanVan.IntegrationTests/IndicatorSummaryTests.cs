using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DanVan.Domain;
using DanVan.IntegrationTests.Support;

namespace DanVan.IntegrationTests;

/// <summary>
/// The movement's results in the summary, checked figure by figure on a hand-built dataset: both sources, categories,
/// "last", unit conversions, periods at the edges, overlapping periods of one source, and the 2024 map rolled into 2025.
/// </summary>
[Collection(AppCollection.Name)]
public class IndicatorSummaryTests(DanVanFactory app)
{
    // A commune no other test writes to: its figures are this test's alone.
    private const string HongChau = "11980";

    private static object Value(string standard, decimal value, string measure, string? category = null) =>
        new { indicator = standard, value, newMeasure = measure, standardIndicator = standard, category };

    private static async Task<JsonElement> IndicatorsAsync(HttpClient api, string unit, string from, string to, int map = 2025)
    {
        var response = await api.GetAsync($"/api/v1/reports/summary?unit={unit}&map={map}&from={from}&to={to}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.ReadJsonAsync()).GetProperty("indicators");
    }

    private static decimal Figure(JsonElement indicators, string code, string part = "total") => indicators.GetProperty(code).GetProperty(part).GetDecimal();

    [Fact]
    public async Task Summary_AddsModelsAndUnitReports_ByEachIndicatorsRule_NeverTwice()
    {
        var officer = await app.ApiClientAsync((Role.Officer, HongChau));
        var secretariat = await app.ApiClientAsync((Role.Secretariat, TestData.HungYen));
        var model = await TestData.CreateInitiativeAsync(officer, HongChau, TestData.Unique("Mô hình làm đường"), registeredOn: "2024-01-10");
        async Task ReportAsync(string kind, string start, params object[] values)
        {
            var r = await officer.PostAsJsonAsync($"/api/v1/initiatives/{model}/results", new { periodKind = kind, periodStart = start, narrative = "Kết quả", values });
            Assert.True(r.IsSuccessStatusCode, await r.Content.ReadAsStringAsync());
        }

        // The model: 2.500 triệu đồng from the people in Q1; a year's roads (1,5 km) and a Q2 report of 500 m inside that year;
        // members 30 in Q1 and 45 in Q3 (a stock: the latest counts).
        await ReportAsync("quarter", "2024-01-01", Value("funds_mobilized", 2_500, "triệu đồng", "people"), Value("members", 30, "người"));
        await ReportAsync("quarter", "2024-04-01", Value("roads_built", 500, "m"));
        await ReportAsync("quarter", "2024-07-01", Value("members", 45, "người"));
        await ReportAsync("year", "2024-01-01", Value("roads_built", 1.5m, "km"));

        // The commune's own report for the first half: 1 tỷ from the State, 500 triệu from the people, 1,5 ha of land;
        // and for the year: 12 dialogues.
        async Task UnitAsync(string period, params object[] values)
        {
            var r = await officer.PostAsJsonAsync("/api/v1/unit-reports", new { unitCode = HongChau, period, values });
            Assert.True(r.IsSuccessStatusCode, await r.Content.ReadAsStringAsync());
        }

        await UnitAsync("2024-H1",
            new { indicator = "funds_mobilized", category = "state", value = 1m, unit = "tỷ đồng" },
            new { indicator = "funds_mobilized", category = "people", value = 500m, unit = "triệu đồng" },
            new { indicator = "Đất hiến", value = 1.5m, unit = "ha" });
        await UnitAsync("2024", new { indicator = "dialogues", value = 12m, unit = "" });

        var year = await IndicatorsAsync(secretariat, HongChau, "2024-01-01", "2024-12-31");
        Assert.Equal(4_000_000_000m, Figure(year, "funds_mobilized"));
        Assert.Equal(2_500_000_000m, Figure(year, "funds_mobilized", "fromInitiatives"));
        Assert.Equal(1_500_000_000m, Figure(year, "funds_mobilized", "fromUnitReports"));
        Assert.Equal(3_000_000_000m, year.GetProperty("funds_mobilized").GetProperty("byCategory").GetProperty("people").GetDecimal());
        Assert.Equal(1_000_000_000m, year.GetProperty("funds_mobilized").GetProperty("byCategory").GetProperty("state").GetDecimal());
        Assert.Equal("đồng", year.GetProperty("funds_mobilized").GetProperty("unit").GetString());
        Assert.Equal(15_000m, Figure(year, "land_donated"));
        Assert.Equal(1.5m, Figure(year, "roads_built")); // the year's report, not also its Q2
        Assert.Equal(45m, Figure(year, "members"));
        Assert.Equal("last", year.GetProperty("members").GetProperty("aggregation").GetString());
        Assert.Equal(12m, Figure(year, "dialogues"));
        // The Excel file carries the same figures, as numbers.
        var sheet = ExportTests.SheetText(await (await secretariat.GetAsync($"/api/v1/reports/summary.xlsx?unit={HongChau}&from=2024-01-01&to=2024-12-31")).Content.ReadAsByteArrayAsync());
        Assert.Contains("Kinh phí huy động\tđồng\t4000000000", sheet, StringComparison.Ordinal);

        // The first half only: the year's reports do not lie within it; the Q2 roads and the Q1 members do.
        var half = await IndicatorsAsync(secretariat, HongChau, "2024-01-01", "2024-06-30");
        Assert.Equal(0.5m, Figure(half, "roads_built"));
        Assert.Equal(30m, Figure(half, "members"));
        Assert.Equal(4_000_000_000m, Figure(half, "funds_mobilized"));
        Assert.Equal(0m, Figure(half, "dialogues"));
        // A period ending one day early leaves the half-year report out.
        Assert.Equal(2_500_000_000m, Figure(await IndicatorsAsync(secretariat, HongChau, "2024-01-01", "2024-06-29"), "funds_mobilized"));

        // Reporting the half again replaces it.
        await UnitAsync("2024-H1", new { indicator = "funds_mobilized", value = 2_000_000m, unit = "đồng" });
        var again = await IndicatorsAsync(secretariat, HongChau, "2024-01-01", "2024-12-31");
        Assert.Equal(2_502_000_000m, Figure(again, "funds_mobilized"));
        Assert.Equal(0m, Figure(again, "land_donated"));

        // The province sees the commune's figures inside its own.
        Assert.True(Figure(await IndicatorsAsync(secretariat, TestData.HungYen, "2024-01-01", "2024-12-31"), "funds_mobilized") >= 2_502_000_000m);
    }

    [Fact]
    public async Task TheResultsForm_TiesARowToAStandardIndicatorAndCategory_AndTheSummaryCountsItConverted()
    {
        const string PhoHien = "11953";
        var email = TestData.UniqueEmail();
        await app.CreateUserAsync(email, (Role.Officer, PhoHien));
        var officer = await app.ClientForAsync(await app.CreateUserAsync(TestData.UniqueEmail(), (Role.Officer, PhoHien)));
        var model = await TestData.CreateInitiativeAsync(officer, PhoHien, TestData.Unique("Mô hình góp vốn"), registeredOn: "2024-01-10");
        var web = await HtmlClient.SignedInAsync(app, email);
        var (_, form) = await web.GetAsync($"/Results/Edit/{model}");
        // Each row's fields are labelled on the screen (a phone shows no column headings).
        foreach (var field in new[] { "Indicator", "Value", "MeasureUnitId", "StandardIndicator" })
        {
            var label = form.QuerySelector($"label[for='Input_Values_0__{field}']")!;
            Assert.DoesNotContain("visually-hidden", label.ClassName ?? string.Empty, StringComparison.Ordinal);
        }

        var million = form.QuerySelectorAll("select[name='Input.Values[0].MeasureUnitId'] option").First(o => o.TextContent == "triệu đồng").GetAttribute("value")!;
        Assert.NotNull(form.QuerySelector("select[name='Input.Values[0].StandardIndicator'] option[value='funds_mobilized|people']"));
        var posted = await web.PostFormAsync($"/Results/Edit/{model}", new()
        {
            ["Input.PeriodKind"] = "Quarter", ["Input.PeriodStart"] = "2024-04-01", ["Input.Narrative"] = "Nhân dân góp vốn làm đường",
            ["Input.Values[0].Indicator"] = "Nhân dân góp tiền", ["Input.Values[0].Value"] = "1.250", ["Input.Values[0].MeasureUnitId"] = million,
            ["Input.Values[0].StandardIndicator"] = "funds_mobilized|people",
        });
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        var figures = await IndicatorsAsync(officer, PhoHien, "2024-01-01", "2024-12-31");
        Assert.Equal(1_250_000_000m, Figure(figures, "funds_mobilized"));
        Assert.Equal(1_250_000_000m, figures.GetProperty("funds_mobilized").GetProperty("byCategory").GetProperty("people").GetDecimal());
        // Shown again, the row keeps its standard indicator.
        var (_, again) = await web.GetAsync($"/Results/Edit/{model}?reportId=" + (await (await officer.GetAsync($"/api/v1/initiatives/{model}/results")).ReadJsonAsync())[0].GetProperty("id").GetInt32());
        Assert.Equal("funds_mobilized|people", again.QuerySelector("select[name='Input.Values[0].StandardIndicator'] option[selected]")?.GetAttribute("value"));
    }

    [Fact]
    public async Task TheRoundOfUnitReports_ShowsWhoHasNotReported_AndRemindsTheirOfficers()
    {
        var officer = await app.CreateUserAsync(TestData.UniqueEmail(), (Role.Officer, TestData.LuongBang));
        var reporter = await app.ApiClientAsync((Role.Officer, HongChau));
        Assert.True((await reporter.PostAsJsonAsync("/api/v1/unit-reports", new { unitCode = HongChau, period = "2019", values = new[] { new { indicator = "dialogues", value = 3m } } })).IsSuccessStatusCode);

        var web = await app.PageClientAsync((Role.Secretariat, TestData.HungYen));
        var page = HtmlClient.Parse(await (await web.GetAsync("/UnitReports?period=2019")).Content.ReadAsStringAsync());
        var heading = page.QuerySelector("#report-progress h2")!.TextContent;
        Assert.Contains("năm 2019", heading, StringComparison.Ordinal);
        Assert.Matches(@"đã nộp 1/\d{2,3} xã, phường", heading);
        var missing = page.QuerySelectorAll(".missing-unit").Select(li => li.TextContent).ToList();
        Assert.Contains(missing, m => m.StartsWith("Xã Lương Bằng", StringComparison.Ordinal) && m.Contains("quá hạn", StringComparison.Ordinal));
        Assert.DoesNotContain(missing, m => m.StartsWith("Phường Hồng Châu", StringComparison.Ordinal));

        var reminded = await new HtmlClient(web).PostFormAsync("/UnitReports?handler=Remind&period=2019", [], "/UnitReports?period=2019");
        Assert.Equal(HttpStatusCode.Redirect, reminded.StatusCode);
        var notes = System.Text.RegularExpressions.Regex.Unescape((await (await (await app.ClientForAsync(officer)).GetAsync("/api/v1/notifications")).ReadJsonAsync()).GetRawText());
        Assert.Contains("Xã Lương Bằng chưa nộp báo cáo kết quả phong trào năm 2019", notes, StringComparison.Ordinal);
        Assert.Contains(await app.MailsToAsync(officer.Email!), m => (m.Subject ?? string.Empty).Contains("năm 2019", StringComparison.Ordinal));

        // An officer does not run the round.
        var officerWeb = await app.PageClientAsync((Role.Officer, TestData.LuongBang));
        Assert.Equal(HttpStatusCode.Forbidden, (await new HtmlClient(officerWeb).PostFormAsync("/UnitReports?handler=Remind&period=2019", [], "/UnitReports?period=2019")).StatusCode);
    }

    [Fact]
    public async Task TheImportPage_ListsEveryBadRow_WritesNothing_ThenImportsTheFixedFile()
    {
        const string PhoHien = "11953";
        var email = TestData.UniqueEmail();
        await app.CreateUserAsync(email, (Role.Officer, PhoHien));
        var web = await HtmlClient.SignedInAsync(app, email);
        async Task<AngleSharp.Html.Dom.IHtmlDocument> UploadAsync(string csv, bool dryRun)
        {
            var (_, page) = await web.GetAsync("/UnitReports/Import");
            using var form = new MultipartFormDataContent
            {
                { new StringContent(page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!), "__RequestVerificationToken" },
                { new StringContent(dryRun ? "true" : "false"), "DryRun" },
                { new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes(csv)), "Upload", "so-lieu.csv" },
            };
            return HtmlClient.Parse(await (await web.Http.PostAsync("/UnitReports/Import", form)).Content.ReadAsStringAsync());
        }

        var bad = await UploadAsync("Đơn vị,Kỳ,Chỉ tiêu,Giá trị\n11953,2021,houses_built,4\n11953,2021,nha_o,2\n33,2021,houses_built,x\n", dryRun: false);
        var errors = bad.QuerySelector("#import-errors")!.TextContent;
        Assert.Contains("Dòng 3", errors, StringComparison.Ordinal);
        Assert.Contains("Dòng 4", errors, StringComparison.Ordinal);
        Assert.DoesNotContain("Dòng 2", errors, StringComparison.Ordinal);
        var officer = await app.ApiClientAsync((Role.Officer, PhoHien));
        Assert.Equal(0m, Figure(await IndicatorsAsync(officer, PhoHien, "2021-01-01", "2021-12-31"), "houses_built"));

        Assert.NotNull((await UploadAsync("Đơn vị,Kỳ,Chỉ tiêu,Giá trị\n11953,2021,houses_built,4\n", dryRun: true)).QuerySelector("#import-valid"));
        Assert.Equal(0m, Figure(await IndicatorsAsync(officer, PhoHien, "2021-01-01", "2021-12-31"), "houses_built"));
        Assert.NotNull((await UploadAsync("Đơn vị,Kỳ,Chỉ tiêu,Giá trị\n11953,2021,houses_built,4\n", dryRun: false)).QuerySelector("#import-done"));
        Assert.Equal(4m, Figure(await IndicatorsAsync(officer, PhoHien, "2021-01-01", "2021-12-31"), "houses_built"));
    }

    [Fact]
    public async Task TheImport_RefusesAModelsFigureTheResultsFormWouldRefuse_AndAnotherProvincesUnit()
    {
        const string PhoHien = "11953";
        var officer = await app.ApiClientAsync((Role.Officer, PhoHien));
        var code = "MH-" + Guid.NewGuid().ToString("N")[..6];
        var body = System.Text.Json.JsonSerializer.SerializeToNode(TestData.NewInitiative(PhoHien, TestData.Unique("Mô hình có mã"), null, "2024-03-01"))!.AsObject();
        body["code"] = code;
        Assert.True((await officer.PostAsJsonAsync("/api/v1/initiatives", body)).IsSuccessStatusCode);
        async Task<HttpResponseMessage> ImportAsync(string csv)
        {
            var upload = TestData.FileContent(System.Text.Encoding.UTF8.GetBytes(csv), "so-lieu.csv");
            return await officer.PostAsync("/api/v1/imports/results", upload);
        }

        // A period before the model was registered, as the results form refuses it; and a unit of another province.
        var refused = await ImportAsync($"Mã mô hình,Đơn vị,Kỳ,Chỉ tiêu,Giá trị\n{code},{PhoHien},2023,members,30\n,{TestData.ThaiHoa},2023,dialogues,2\n");
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var text = System.Text.RegularExpressions.Regex.Unescape(await refused.Content.ReadAsStringAsync());
        Assert.Contains("trước ngày đăng ký", text, StringComparison.Ordinal);
        Assert.Contains("không được nhập số liệu", text, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await ImportAsync($"Mã mô hình,Đơn vị,Kỳ,Chỉ tiêu,Giá trị\n{code},{PhoHien},2024-Q2,members,30\n")).StatusCode);
        Assert.Equal(30m, Figure(await IndicatorsAsync(officer, PhoHien, "2024-04-01", "2024-06-30"), "members", "fromInitiatives"));
    }

    [Fact]
    public async Task AnOldCommunesReport_RollsIntoTheCommuneItBecame()
    {
        var secretariat = await app.ApiClientAsync((Role.Secretariat, TestData.HungYen));
        var before = Figure(await IndicatorsAsync(secretariat, TestData.LuongBang, "2023-01-01", "2023-12-31"), "houses_built");
        // Xã Phạm Ngũ Lão of Kim Động district (2024 map) became part of Xã Lương Bằng.
        var r = await secretariat.PostAsJsonAsync("/api/v1/unit-reports", new { unitCode = "12292", map = 2024, period = "2023", values = new[] { new { indicator = "houses_built", value = 7m } } });
        Assert.True(r.IsSuccessStatusCode, await r.Content.ReadAsStringAsync());
        Assert.Equal(before + 7, Figure(await IndicatorsAsync(secretariat, TestData.LuongBang, "2023-01-01", "2023-12-31"), "houses_built"));
        // And on the old map, under the old district.
        Assert.True(Figure(await IndicatorsAsync(secretariat, "331", "2023-01-01", "2023-12-31", map: 2024), "houses_built") >= 7);
        // After the reform the old commune no longer reports.
        var late = await secretariat.PostAsJsonAsync("/api/v1/unit-reports", new { unitCode = "12292", map = 2024, period = "2025-H2", values = new[] { new { indicator = "houses_built", value = 1m } } });
        Assert.Equal(HttpStatusCode.BadRequest, late.StatusCode);
    }

    [Theory]
    [InlineData("""{"unitCode":"11980","period":"2024","values":[{"indicator":"dossiers_total","value":5},{"indicator":"dossiers_on_time","value":6}]}""", "đúng hạn")]
    [InlineData("""{"unitCode":"11980","period":"2024","values":[{"indicator":"funds_mobilized","value":10},{"indicator":"funds_mobilized","category":"state","value":3},{"indicator":"funds_mobilized","category":"people","value":3}]}""", "cộng lại")]
    [InlineData("""{"unitCode":"11980","period":"2024","values":[{"indicator":"funds_mobilized","value":10,"unit":"ha"}]}""", "không đổi được")]
    [InlineData("""{"unitCode":"11980","period":"2024-H3","values":[]}""", "Kỳ báo cáo")]
    [InlineData("""{"unitCode":"11980","period":"2024","values":[{"indicator":"không có","value":1}]}""", "Không có chỉ tiêu")]
    [InlineData("""{"unitCode":"11980","period":"2024","values":[{"indicator":"funds_mobilized","category":"banks","value":1}]}""", "không có nguồn")]
    [InlineData("""{"unitCode":"11980","period":"2024","values":[{"indicator":"land_donated","value":-5}]}""", "âm")]
    [InlineData("""{"unitCode":"11980","period":"2099","values":[]}""", "chưa bắt đầu")]
    public async Task ABadReport_IsAProblemInVietnamese_AndChangesNothing(string body, string says)
    {
        var officer = await app.ApiClientAsync((Role.Officer, HongChau));
        var response = await officer.PostAsync("/api/v1/unit-reports", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains(says, System.Text.RegularExpressions.Regex.Unescape(await response.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        var stored = await officer.GetAsync("/api/v1/unit-reports/11980/2024");
        if (stored.StatusCode == HttpStatusCode.OK)
        {
            var text = await stored.Content.ReadAsStringAsync();
            Assert.DoesNotContain("dossiers_on_time", text, StringComparison.Ordinal);
            Assert.DoesNotContain("banks", text, StringComparison.Ordinal);
            Assert.DoesNotContain("-5", text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task AnotherProvincesOfficer_CannotReportForTheCommune_NorReadItsReport()
    {
        var stranger = await app.ApiClientAsync((Role.Officer, TestData.ThaiHoa));
        var response = await stranger.PostAsJsonAsync("/api/v1/unit-reports", new { unitCode = HongChau, period = "2023", values = new[] { new { indicator = "dialogues", value = 1m } } });
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var viewer = await app.ApiClientAsync((Role.Viewer, TestData.HungYen));
        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.PostAsJsonAsync("/api/v1/unit-reports", new { unitCode = HongChau, period = "2023", values = new[] { new { indicator = "dialogues", value = 1m } } })).StatusCode);
    }

    [Fact]
    public async Task TheCatalogue_HoldsTheStandardIndicators_AndAProvinceMayAddItsOwn()
    {
        var secretariat = await app.ApiClientAsync((Role.Secretariat, TestData.HungYen));
        var list = (await (await secretariat.GetAsync("/api/v1/indicators")).ReadJsonAsync()).EnumerateArray().ToList();
        foreach (var code in new[] { "funds_mobilized", "land_donated", "working_days", "roads_built", "canals_built", "houses_built", "houses_repaired", "beneficiaries",
            "households_out_of_poverty", "dialogues", "dialogue_attendees", "petitions_received", "petitions_resolved", "dossiers_total", "dossiers_on_time",
            "ballots_total", "ballots_satisfied", "members", "households_participating", "revenue" })
        {
            Assert.Contains(list, i => i.GetProperty("code").GetString() == code);
        }

        var code2 = "hy_" + Guid.NewGuid().ToString("N")[..6];
        var created = await secretariat.PostAsJsonAsync("/api/v1/indicators", new { code = code2, name = "Cây xanh trồng mới", unit = "cây", aggregation = "sum", unitCode = TestData.HungYen });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal($"/api/v1/indicators/{code2}", created.Headers.Location!.OriginalString);
        Assert.Equal("Cây xanh trồng mới", (await (await secretariat.GetAsync(created.Headers.Location)).ReadJsonAsync()).GetProperty("name").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.ApiClientAsync((Role.Secretariat, TestData.NgheAn))).GetAsync(created.Headers.Location)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await secretariat.PostAsJsonAsync("/api/v1/indicators", new { code = code2 + "x", name = "Cả nước", unit = "cây", aggregation = "sum" })).StatusCode);
        var other = (await (await (await app.ApiClientAsync((Role.Secretariat, TestData.NgheAn))).GetAsync("/api/v1/indicators")).ReadJsonAsync()).GetRawText();
        Assert.DoesNotContain(code2, other, StringComparison.Ordinal);
    }
}
