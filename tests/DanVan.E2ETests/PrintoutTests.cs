using System.Net.Http.Json;
using DanVan.Domain;
using DanVan.E2ETests.Pages;
using DanVan.IntegrationTests;
using DanVan.IntegrationTests.Support;
using Microsoft.Playwright;

namespace DanVan.E2ETests;

/// <summary>
/// Every printout checked on paper (documents.md): printed to PDF by Chromium from its page and, for a .docx, by
/// LibreOffice; no blank page, the signature block with "Nơi nhận" never split from the signer's name whatever the length
/// of the grounds, the annex on its own page, one certificate per sheet.
/// </summary>
[Collection(BrowserCollection.Name)]
public class PrintoutTests(BrowserFixture fx)
{
    private async Task<IPage> SecretariatAsync()
    {
        var email = "in." + Guid.NewGuid().ToString("N")[..8] + "@danvan.vn";
        await fx.App.CreateUserAsync(email, (Role.Secretariat, TestData.HungYen));
        var page = await fx.NewPhonePageAsync();
        await new LoginPage(page).SignInAsync(email, TestData.Password);
        return page;
    }

    private static async Task<Paper> PrintAsync(IPage page)
    {
        await page.EmulateMediaAsync(new() { Media = Media.Print });
        var pdf = await page.PdfAsync(new() { PreferCSSPageSize = true, Format = "A4" });
        await page.EmulateMediaAsync(new() { Media = Media.Screen });
        return Paper.Read(pdf);
    }

    private static async Task<byte[]> DownloadAsync(IPage page, ILocator link)
    {
        var file = await page.RunAndWaitForDownloadAsync(() => link.ClickAsync());
        await using var stream = await file.CreateReadStreamAsync();
        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy);
        return copy.ToArray();
    }

    [Fact]
    public async Task ARecognitionDecision_KeepsItsSignatureBlockWhole_WhateverTheLengthOfTheGrounds_OnThePageAndInTheDocx()
    {
        var officer = await fx.App.ApiClientAsync((Role.Officer, TestData.LuongBang));
        var secretariat = await fx.App.ApiClientAsync((Role.Secretariat, TestData.HungYen));
        var models = new List<int>();
        for (var k = 0; k < 3; k++)
        {
            models.Add(await TestData.CreateInitiativeAsync(officer, TestData.LuongBang, TestData.Unique("Mô hình in quyết định"), registeredOn: "2026-01-05"));
        }

        var decided = await secretariat.PostAsJsonAsync("/api/v1/recognitions", new
        {
            number = "21-QĐ/BCĐ-" + Guid.NewGuid().ToString("N")[..5], date = "2026-06-01", level = "province", issuingBody = "Ban Chỉ đạo", signer = "Nguyễn Thị Hoa",
            unitCode = TestData.HungYen, initiativeIds = models,
        });
        Assert.True(decided.IsSuccessStatusCode, await decided.Content.ReadAsStringAsync());
        var id = await TestData.IdOfAsync(decided);

        var page = await SecretariatAsync();
        await page.GotoAsync($"/Recognition/Decision/{id}");
        await Assertions.Expect(page.Locator(".validation-summary-errors")).ToHaveCountAsync(0);
        var signer = "Trần Văn Ký";
        // From a short decision to grounds that fill most of a page: the signer is never alone.
        foreach (var lines in new[] { 1, 6, 11, 16, 21, 26, 31 })
        {
            await page.Locator("#decision-layout summary").ClickAsync();
            await page.GetByLabel("Căn cứ (mỗi dòng một căn cứ)").FillAsync(string.Join('\n', Enumerable.Range(1, lines).Select(n =>
                $"Căn cứ Quy chế số {n} về thi đua, khen thưởng của tỉnh;")));
            await page.GetByLabel("Người ký").FillAsync(signer);
            await page.GetByRole(AriaRole.Button, new() { Name = "Xem lại" }).ClickAsync();
            await Assertions.Expect(page.Locator("#decision-signer")).ToContainTextAsync(signer);

            var paper = await PrintAsync(page);
            paper.AssertTogether("TRƯỞNG BAN", signer, "Nơi nhận:");
            var signedOn = paper.PagesWith(signer)[0];
            Assert.True(paper.PagesWith("DANH SÁCH MÔ HÌNH")[0] > signedOn, $"{lines} grounds: the annex is not on a page of its own");

            var docx = await DownloadAsync(page, page.Locator("#decision-docx"));
            var printed = Paper.Read(await ExportTests.LibreOfficePdfAsync(docx, "quyet-dinh.docx"));
            printed.AssertTogether("TRƯỞNG BAN", signer, "Nơi nhận:");
        }

        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Certificates_AreOneSheetEach_WithTheBodyInFull_AndTheSignersTitle_AndTheAwardDecisionSignsWhole()
    {
        var secretariat = await fx.App.ApiClientAsync((Role.Secretariat, TestData.HungYen));
        var names = new[] { "Chi hội Phụ nữ thôn Đông có tên rất dài để xem bằng khen xuống dòng thế nào", "Ông Nguyễn Văn An", "Bà Lê Thị Bình" };
        var award = await secretariat.PostAsJsonAsync("/api/v1/awards", new
        {
            number = "31-QĐ/TU-" + Guid.NewGuid().ToString("N")[..5], decidedOn = "2026-06-01", formCode = "bk_tinh", unitCode = TestData.HungYen, signer = "Nguyễn Văn Bí",
            recipients = names.Select((n, k) => (object)new { kind = k == 0 ? "collective" : "individual", name = n, unitCode = TestData.LuongBang, achievement = "Vận động nhân dân hiến đất làm đường." }).ToArray(),
        });
        Assert.True(award.IsSuccessStatusCode, await award.Content.ReadAsStringAsync());
        var id = await TestData.IdOfAsync(award);

        var page = await SecretariatAsync();
        await page.GotoAsync($"/Awards/Certificates/{id}");
        var sheets = await PrintAsync(page);
        Assert.Equal(names.Length, sheets.Pages.Count);
        foreach (var name in names)
        {
            var on = Assert.Single(sheets.PagesWith(name));
            var sheet = sheets.Pages[on - 1];
            foreach (var part in new[] { "BAN THƯỜNG VỤ TỈNH ỦY HƯNG YÊN", "BẰNG KHEN", "Tặng", "Hưng Yên, ngày", "T/M BAN THƯỜNG VỤ", "BÍ THƯ", "Nguyễn Văn Bí" })
            {
                Assert.Contains(Paper.Squeeze(part), sheet, StringComparison.Ordinal);
            }
        }

        await page.GotoAsync($"/Awards/Detail/{id}");
        var decision = await PrintAsync(page);
        decision.AssertTogether("BÍ THƯ", "Nguyễn Văn Bí", "Nơi nhận:");
        Assert.DoesNotContain(Paper.Squeeze("3 tập thể và 0 cá nhân"), string.Concat(decision.Pages), StringComparison.Ordinal);
        var docx = await DownloadAsync(page, page.Locator("#award-docx"));
        Paper.Read(await ExportTests.LibreOfficePdfAsync(docx, "khen-thuong.docx")).AssertTogether("BÍ THƯ", "Nguyễn Văn Bí", "Nơi nhận:");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task TheInspectionMinutes_PrintOnPaper_WithBothSignaturesSideBySide_WhateverTheNumberOfTasks()
    {
        var province = await fx.App.ApiClientAsync((Role.Secretariat, TestData.HungYen));
        var today = VietnamClock.TodayNow.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var page = await SecretariatAsync();
        foreach (var tasks in new[] { 1, 8, 16 })
        {
            var id = await TestData.IdOfAsync(await province.PostAsJsonAsync("/api/v1/inspections", new { unitCode = TestData.LuongBang, plannedOn = today, inspectors = "Ban Dân vận Tỉnh ủy", purpose = "Kiểm tra mô hình dân vận khéo" }));
            var visit = await province.PostAsJsonAsync($"/api/v1/inspections/{id}/visit", new
            {
                visitedOn = today, findings = "Mô hình duy trì tốt, nhân dân đồng tình; cần bổ sung sổ theo dõi và báo cáo định kỳ.", rating = "good",
                tasks = Enumerable.Range(1, tasks).Select(n => new { text = $"Việc thứ {n}: bổ sung hồ sơ, sổ sách theo dõi mô hình ở thôn", dueOn = today }).ToArray(),
            });
            Assert.True(visit.IsSuccessStatusCode, await visit.Content.ReadAsStringAsync());
            await page.GotoAsync($"/Inspections/Minutes/{id}?Leader={Uri.EscapeDataString("Trần Văn Trưởng")}&Representative={Uri.EscapeDataString("Lê Thị Đại")}");
            await Assertions.Expect(page.Locator("#minutes")).ToContainTextAsync("BIÊN BẢN");
            await Assertions.Expect(page.Locator("#minutes-findings")).ToContainTextAsync("duy trì tốt");
            var paper = await PrintAsync(page);
            // The two signature columns print side by side, so their words interleave in the PDF's text: each checked by a short part.
            paper.AssertTogether("Trần Văn Trưởng", "Lê Thị Đại", "TRƯỞNG ĐOÀN", "ĐẠI DIỆN");
            Assert.True(paper.Pages.Count <= (tasks > 4 ? 2 : 1), $"{tasks} tasks: {paper.Pages.Count} pages: " + string.Join(" /// ", paper.Pages));
            Assert.Single(paper.PagesWith("ĐẢNG CỘNG SẢN VIỆT NAM"));
        }

        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotDir, "inspection-minutes-phone.png"), FullPage = true });
        await page.Context.CloseAsync();
    }
}
