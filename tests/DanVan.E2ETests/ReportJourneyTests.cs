using DanVan.Domain;
using DanVan.E2ETests.Pages;
using DanVan.IntegrationTests.Support;
using Microsoft.Playwright;

namespace DanVan.E2ETests;

/// <summary>Journey 6 and the report files: a leader opens her area's report on a phone and downloads it.</summary>
[Collection(BrowserCollection.Name)]
public class ReportJourneyTests(BrowserFixture fx)
{
    [Fact]
    public async Task Leader_OpensHerAreasReport_AndDownloadsExcelAndWord()
    {
        var email = "lanhdao." + Guid.NewGuid().ToString("N")[..6] + "@danvan.vn";
        await fx.App.CreateUserAsync(email, (Role.Viewer, TestData.HungYen));
        var officer = await fx.App.ClientForAsync(await fx.App.CreateUserAsync("cb." + Guid.NewGuid().ToString("N")[..6] + "@danvan.vn", (Role.Officer, TestData.LuongBang)));
        await TestData.CreateInitiativeAsync(officer, TestData.LuongBang, "Mô hình cho báo cáo", registeredOn: "2026-02-01");

        var page = await fx.NewPhonePageAsync();
        await new LoginPage(page).SignInAsync(email, TestData.Password);
        await page.GotoAsync("/Reports");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Tỉnh Hưng Yên");
        await Assertions.Expect(page.Locator("#summary-paragraph")).ToContainTextAsync("mô hình đang được duy trì thực hiện");
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotDir, "report-phone.png"), FullPage = true });
        // The leader's minute: the figures on the first screen, then who leads and lags, and what to mention, each a link.
        Assert.True(await page.Locator("#kpis").EvaluateAsync<double>("e => e.getBoundingClientRect().bottom") <= 844, "the KPI cards are below the first screen");
        await Assertions.Expect(page.Locator("#leaders li")).ToHaveCountAsync(4);
        await Assertions.Expect(page.Locator("#leaders")).ToContainTextAsync("Xã Lương Bằng");
        await Assertions.Expect(page.Locator("#highlights a").First).ToBeVisibleAsync();
        // Communes without models wait behind "show all".
        var rows = page.Locator("#children tbody tr");
        var shown = await rows.Filter(new() { Visible = true }).CountAsync();
        Assert.InRange(shown, 1, 10);
        await page.Locator("[data-show-all]").ClickAsync();
        Assert.True(await rows.Filter(new() { Visible = true }).CountAsync() > 50);
        await page.Locator("#highlights a").First.ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/Initiatives/\\d+"));
        await page.GoBackAsync();

        var xlsx = await page.RunAndWaitForDownloadAsync(() => page.Locator("#download-xlsx").ClickAsync());
        Assert.EndsWith(".xlsx", xlsx.SuggestedFilename, StringComparison.Ordinal);
        var xlsxPath = Path.Combine(BrowserFixture.ScreenshotDir, xlsx.SuggestedFilename);
        await xlsx.SaveAsAsync(xlsxPath);
        Assert.Equal("PK", System.Text.Encoding.ASCII.GetString((await File.ReadAllBytesAsync(xlsxPath))[..2]));

        await page.Locator("#compose-docx").ClickAsync();
        await page.GetByLabel("Số, ký hiệu *").FillAsync("12-BC/BCĐ");
        await page.GetByLabel("Người ký").FillAsync("Nguyễn Văn Lãnh");
        var docx = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Button, new() { Name = "Tải báo cáo .docx" }).ClickAsync());
        Assert.EndsWith(".docx", docx.SuggestedFilename, StringComparison.Ordinal);
        var docxPath = Path.Combine(BrowserFixture.ScreenshotDir, docx.SuggestedFilename);
        await docx.SaveAsAsync(docxPath);
        using var word = DocumentFormat.OpenXml.Packaging.WordprocessingDocument.Open(docxPath, false);
        Assert.Contains("Số 12-BC/BCĐ", word.MainDocumentPart!.Document.Body!.InnerText, StringComparison.Ordinal);
        Assert.Contains("Nguyễn Văn Lãnh", word.MainDocumentPart.Document.Body.InnerText, StringComparison.Ordinal);
    }
}
