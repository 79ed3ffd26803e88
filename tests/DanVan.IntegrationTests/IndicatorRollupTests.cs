using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DanVan.Data;
using DanVan.Domain;
using DanVan.IntegrationTests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace DanVan.IntegrationTests;

/// <summary>The figures' rollup follows every write in the same transaction, and is what a rebuild from the records makes.</summary>
[Collection(AppCollection.Name)]
public class IndicatorRollupTests(DanVanFactory app)
{
    // Two communes of Hưng Yên no other test writes to.
    private const string SonNam = "11983";
    private const string LacDao = "11992";

    private static async Task<decimal> FundsAsync(HttpClient api, string unit)
    {
        var response = await api.GetAsync($"/api/v1/reports/summary?unit={unit}&from=2024-01-01&to=2024-12-31");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.ReadJsonAsync()).GetProperty("indicators").GetProperty("funds_mobilized").GetProperty("total").GetDecimal();
    }

    private async Task<List<string>> SnapshotAsync()
    {
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        return (await db.IndicatorTotals.AsNoTracking().ToListAsync())
            .Select(t => $"{t.ScopePath}|{t.LegacyPath}|{t.IndicatorId}|{t.Category}|{t.Source}|{t.PeriodStart}|{t.PeriodEnd}|{t.CoverStart}|{t.CoverEnd}|{t.NextEnd}|{t.InTotal}|{t.Value}")
            .Order(StringComparer.Ordinal).ToList();
    }

    /// <summary>Everything the tests wrote so far is also what the records make, row for row.</summary>
    private async Task AssertRollupIsWhatARebuildMakesAsync()
    {
        var kept = await SnapshotAsync();
        await using (var scope = app.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            await using var tx = await db.Database.BeginTransactionAsync();
            await IndicatorRollup.RebuildAsync(db, default);
            await tx.CommitAsync();
        }

        Assert.Equal(kept, await SnapshotAsync());
    }

    [Fact]
    public async Task AModelMovedToAnotherCommune_TakesItsFigures_AndTheRollupIsWhatARebuildMakes()
    {
        var officer = await app.ApiClientAsync((Role.Secretariat, TestData.HungYen));
        var model = await TestData.CreateInitiativeAsync(officer, SonNam, TestData.Unique("Mô hình gây quỹ"), registeredOn: "2024-01-10");
        var posted = await officer.PostAsJsonAsync($"/api/v1/initiatives/{model}/results", new
        {
            periodKind = "year", periodStart = "2024-01-01", narrative = "Kết quả",
            values = new[] { new { indicator = "Kinh phí", value = 1.5m, newMeasure = "tỷ đồng", standardIndicator = "funds_mobilized", category = (string?)null } },
        });
        Assert.True(posted.IsSuccessStatusCode, await posted.Content.ReadAsStringAsync());
        var unitReport = await officer.PostAsJsonAsync("/api/v1/unit-reports", new { unitCode = LacDao, period = "2024", values = new[] { new { indicator = "funds_mobilized", value = 200m, unit = "triệu đồng" } } });
        Assert.True(unitReport.IsSuccessStatusCode, await unitReport.Content.ReadAsStringAsync());
        Assert.Equal(1_500_000_000m, await FundsAsync(officer, SonNam));
        Assert.Equal(200_000_000m, await FundsAsync(officer, LacDao));

        // The model moves to Lạc Đạo: its figure leaves Sơn Nam with it.
        var update = JsonSerializer.SerializeToElement(TestData.NewInitiative(LacDao, "Mô hình gây quỹ (chuyển xã)", registeredOn: "2024-01-10"))
            .EnumerateObject().ToDictionary(p => p.Name, p => (object?)p.Value);
        update["version"] = (await (await officer.GetAsync($"/api/v1/initiatives/{model}")).ReadJsonAsync()).GetProperty("version").GetInt32();
        var moved = await officer.PutAsJsonAsync($"/api/v1/initiatives/{model}", update);
        Assert.True(moved.IsSuccessStatusCode, await moved.Content.ReadAsStringAsync());
        Assert.Equal(0m, await FundsAsync(officer, SonNam));
        Assert.Equal(1_700_000_000m, await FundsAsync(officer, LacDao));

        // Everything the other tests wrote so far is also what the records make, row for row.
        await AssertRollupIsWhatARebuildMakesAsync();
    }

    [Fact]
    public async Task AFigure_OpensToItsChildUnits_ThenToTheModelsAndReportsThatMakeIt_MarkingWhatIsNotAdded()
    {
        const string VanGiang = "12019";
        var officer = await app.ApiClientAsync((Role.Secretariat, TestData.HungYen));
        var model = await TestData.CreateInitiativeAsync(officer, VanGiang, TestData.Unique("Mô hình bê tông hóa"), registeredOn: "2024-01-10");
        foreach (var (kind, start, km) in new[] { ("year", "2024-01-01", 3m), ("quarter", "2024-04-01", 1m) })
        {
            var r = await officer.PostAsJsonAsync($"/api/v1/initiatives/{model}/results", new
            {
                periodKind = kind, periodStart = start, narrative = "Kết quả",
                values = new[] { new { indicator = "Đường", value = km, newMeasure = "km", standardIndicator = "roads_built", category = (string?)null } },
            });
            Assert.True(r.IsSuccessStatusCode, await r.Content.ReadAsStringAsync());
        }

        var posted = await officer.PostAsJsonAsync("/api/v1/unit-reports", new { unitCode = VanGiang, period = "2024", values = new[] { new { indicator = "roads_built", value = 500m, unit = "m" } } });
        Assert.True(posted.IsSuccessStatusCode, await posted.Content.ReadAsStringAsync());

        var province = await (await officer.GetAsync($"/api/v1/reports/sources?indicator=roads_built&unit={TestData.HungYen}&from=2024-01-01&to=2024-12-31")).ReadJsonAsync();
        var share = province.GetProperty("children").EnumerateArray().Single(c => c.GetProperty("code").GetString() == VanGiang);
        Assert.Equal(3m, share.GetProperty("fromInitiatives").GetDecimal());
        Assert.Equal(0.5m, share.GetProperty("fromUnitReports").GetDecimal());

        var commune = await (await officer.GetAsync($"/api/v1/reports/sources?indicator=roads_built&unit={VanGiang}&from=2024-01-01&to=2024-12-31")).ReadJsonAsync();
        Assert.Equal(3.5m, commune.GetProperty("total").GetDecimal());
        var figures = commune.GetProperty("figures").EnumerateArray().ToList();
        Assert.Equal(3, figures.Count);
        Assert.Equal([3m, 0.5m], figures.Where(f => f.GetProperty("counted").GetBoolean()).Select(f => f.GetProperty("value").GetDecimal()));
        Assert.Equal(1m, figures.Single(f => !f.GetProperty("counted").GetBoolean()).GetProperty("value").GetDecimal()); // the quarter inside the year

        // The page says the same, and links each figure to its model or report.
        var page = await app.PageClientAsync((Role.Secretariat, TestData.HungYen));
        var html = await page.GetStringAsync($"/Reports/Sources?indicator=roads_built&unit={VanGiang}&from=2024-01-01&to=2024-12-31");
        Assert.Contains($"/Initiatives/{model}", html, StringComparison.Ordinal);
        Assert.Contains($"/UnitReports/Edit?unit={VanGiang}&amp;map=2025&amp;period=2024", html, StringComparison.Ordinal);
        Assert.Contains("data-counted=\"false\"", html, StringComparison.Ordinal);

        // Outside one's area, and for an unknown indicator: refused, as problems.
        var other = await app.ApiClientAsync((Role.Secretariat, TestData.NgheAn));
        Assert.Equal(HttpStatusCode.Forbidden, (await other.GetAsync($"/api/v1/reports/sources?indicator=roads_built&unit={VanGiang}")).StatusCode);
        var unknown = await officer.GetAsync($"/api/v1/reports/sources?indicator=nope&unit={VanGiang}");
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Equal("application/problem+json", unknown.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task TheFiguresFile_GoesThroughTheImportQueue_LikeAModelsFile_AllOrNothing()
    {
        const string PhungCong = "12025";
        var officer = await app.ApiClientAsync((Role.Officer, PhungCong));

        var failed = await TestData.ImportJobAsync(officer, $"Đơn vị,Kỳ,Chỉ tiêu,Giá trị\n{PhungCong},2023,houses_built,4\n{PhungCong},2023,houses_built,bốn\n", "results");
        Assert.Equal("failed", failed.GetProperty("status").GetString());
        Assert.Equal(3, failed.GetProperty("errors")[0].GetProperty("line").GetInt32());
        Assert.Equal(0m, await FiguresAsync(officer, PhungCong, "houses_built"));

        var done = await TestData.ImportJobAsync(officer, $"Đơn vị,Kỳ,Chỉ tiêu,Giá trị\n{PhungCong},2023,houses_built,4\n{PhungCong},2023,dialogues,12\n", "results");
        Assert.Equal("succeeded", done.GetProperty("status").GetString());
        Assert.Equal(2, done.GetProperty("result").GetProperty("unitValues").GetInt32());
        Assert.Equal(4m, await FiguresAsync(officer, PhungCong, "houses_built"));

        // A kind nobody knows is a problem, not a job.
        using var odd = TestData.FileContent(System.Text.Encoding.UTF8.GetBytes("a,b\n1,2\n"), "x.csv");
        odd.Add(new StringContent("awards?"), "kind");
        var refused = await officer.PostAsync("/api/v1/imports", odd);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
    }

    private static async Task<decimal> FiguresAsync(HttpClient api, string unit, string code)
    {
        var response = await api.GetAsync($"/api/v1/reports/summary?unit={unit}&from=2023-01-01&to=2023-12-31");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.ReadJsonAsync()).GetProperty("indicators").GetProperty(code).GetProperty("total").GetDecimal();
    }

    [Fact]
    public async Task AnOrganisation_ReportsForItself_OnThePhoneForm_BesideItsUnit_AndBothCount()
    {
        const string NghiaTru = "12031";
        var email = TestData.UniqueEmail();
        await app.CreateUserAsync(email, (Role.Officer, NghiaTru));
        var api = await app.ClientForAsync(await app.CreateUserAsync(TestData.UniqueEmail(), (Role.Officer, NghiaTru)));
        var org = await TestData.IdOfAsync(await api.PostAsJsonAsync("/api/v1/organizations", new { name = TestData.Unique("Hội Phụ nữ xã Nghĩa Trụ"), kind = "mass_organization", unitCode = NghiaTru }));
        var web = await HtmlClient.SignedInAsync(app, email);

        var (_, unitForm) = await web.GetAsync($"/UnitReports/Edit?unit={NghiaTru}&period=2022");
        Assert.NotNull(unitForm.QuerySelector($"#report-owners a[href*='organizationId={org}']"));
        foreach (var (query, houses) in new[] { ("", "3"), ($"&organizationId={org}", "2") })
        {
            var url = $"/UnitReports/Edit?unit={NghiaTru}&period=2022{query}";
            var (_, form) = await web.GetAsync(url);
            var line = form.QuerySelector("[data-indicator='houses_built'] input[inputmode]")!.GetAttribute("name")!;
            var fields = form.QuerySelectorAll("#unit-report-form input[type=hidden]").Where(i => i.GetAttribute("name") is { } n && n != "__RequestVerificationToken")
                .GroupBy(i => i.GetAttribute("name")!).ToDictionary(g => g.Key, g => g.First().GetAttribute("value") ?? string.Empty);
            fields[line] = houses;
            var posted = await web.PostFormAsync(url, fields);
            Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        }

        var (_, orgForm) = await web.GetAsync($"/UnitReports/Edit?unit={NghiaTru}&period=2022&organizationId={org}");
        Assert.Equal("2", orgForm.QuerySelector("[data-indicator='houses_built'] input[inputmode]")!.GetAttribute("value"));
        var view = await (await api.GetAsync($"/api/v1/unit-reports/{NghiaTru}/2022?organizationId={org}")).ReadJsonAsync();
        Assert.Equal(org, view.GetProperty("organizationId").GetInt32());
        var response = await api.GetAsync($"/api/v1/reports/summary?unit={NghiaTru}&from=2022-01-01&to=2022-12-31");
        Assert.Equal(5m, (await response.ReadJsonAsync()).GetProperty("indicators").GetProperty("houses_built").GetProperty("fromUnitReports").GetDecimal());

        // An organisation that is not this unit's is not found here, on the page or through the API.
        var secretariat = await app.ApiClientAsync((Role.Secretariat, TestData.HungYen));
        var elsewhere = await TestData.IdOfAsync(await secretariat.PostAsJsonAsync("/api/v1/organizations", new { name = TestData.Unique("Hợp tác xã"), kind = "cooperative", unitCode = "12049" }));
        Assert.Equal(HttpStatusCode.NotFound, (await web.Http.GetAsync($"/UnitReports/Edit?unit={NghiaTru}&period=2022&organizationId={elsewhere}")).StatusCode);
        var refused = await api.PostAsJsonAsync("/api/v1/unit-reports", new { unitCode = NghiaTru, period = "2022", organizationId = elsewhere, values = new[] { new { indicator = "houses_built", value = 1m, unit = "căn" } } });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
    }

    /// <summary>
    /// A results file recomputes each touched commune's totals once, at its end — not once a row, which read the
    /// commune's figures again for every row (the import grew ×10 for ×4 rows) — and the totals are the same.
    /// </summary>
    [Fact]
    public async Task AResultsFile_RecomputesEachTouchedPathOnce_WithTheTotalsARebuildMakes()
    {
        const string ChauNinh = "12247";
        var officer = await app.ApiClientAsync((Role.Secretariat, TestData.HungYen));
        var models = new List<int>();
        for (var k = 0; k < 12; k++)
        {
            models.Add(await TestData.CreateInitiativeAsync(officer, ChauNinh, TestData.Unique("Mô hình quỹ"), registeredOn: "2024-01-10"));
        }

        var csv = new System.Text.StringBuilder("Mô hình,Mã đơn vị,Bản đồ,Kỳ,Chỉ tiêu,Nguồn,Giá trị,ĐVT\n");
        foreach (var (id, k) in models.Select((id, k) => (id, k)))
        {
            csv.Append(System.Globalization.CultureInfo.InvariantCulture, $"#{id},{ChauNinh},2025,2024,funds_mobilized,,{k + 1},triệu đồng\n");
        }

        csv.Append(System.Globalization.CultureInfo.InvariantCulture, $",{ChauNinh},2025,2024,funds_mobilized,,1000,triệu đồng\n");
        csv.Append(System.Globalization.CultureInfo.InvariantCulture, $",{ChauNinh},2025,2024-Q2,roads_built,,2,km\n");

        var recomputes = 0;
        await using (var scope = app.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            using var listening = EfEvents.Listen(e =>
            {
                if (e.Key == RelationalEventId.CommandExecuted.Name && e.Value is CommandExecutedEventData c && ReferenceEquals(c.Context, db)
                    && c.Command.CommandText.Contains("DELETE FROM \"IndicatorTotals\"", StringComparison.Ordinal))
                {
                    Interlocked.Increment(ref recomputes);
                }
            });
            var user = new DanVan.Infrastructure.UserScope("rollup-test", "rollup-test", [(Role.Secretariat, "/33/")]);
            var outcome = await DanVan.Features.Indicators.ResultsImport.RunAsync(db, user, new MemoryStream(System.Text.Encoding.UTF8.GetBytes(csv.ToString())), "so-lieu.csv", false, TimeProvider.System);
            Assert.Empty(outcome.Errors);
            Assert.Equal((2, 12), (outcome.UnitValues, outcome.ModelValues));
        }

        Assert.Equal(1, recomputes); // one path, one recompute (it was one a model and one a unit report: 14)
        Assert.Equal(12 * 13 / 2 * 1_000_000m + 1_000_000_000m, await FundsAsync(officer, ChauNinh));
        await AssertRollupIsWhatARebuildMakesAsync();
    }
}
