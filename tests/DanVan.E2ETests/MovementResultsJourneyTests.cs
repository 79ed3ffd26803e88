using DanVan.E2ETests.Pages;
using DanVan.IntegrationTests.Support;
using Microsoft.Playwright;

namespace DanVan.E2ETests;

/// <summary>A commune officer enters her unit's half-year figures on a phone; the report page and its .docx carry them.</summary>
[Collection(BrowserCollection.Name)]
public class MovementResultsJourneyTests(BrowserFixture fx)
{
    [Fact]
    public async Task Officer_EntersTheCommunesFigures_OnAPhone_AndTheReportAndItsDocxCarryThem()
    {
        var phone = await fx.NewPhonePageAsync();
        await new LoginPage(phone).SignInAsync(BrowserFixture.OfficerEmail, TestData.Password);
        await phone.GotoAsync("/UnitReports");
        await Assertions.Expect(phone.Locator("#unit")).ToHaveValueAsync(new System.Text.RegularExpressions.Regex("Lương Bằng"));
        await phone.Locator("#period").FillAsync("2025-H1");
        await phone.GetByRole(AriaRole.Button, new() { Name = "Nhập báo cáo" }).ClickAsync();
        await Assertions.Expect(phone.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("6 tháng đầu năm 2025");

        // 2,5 tỷ đồng from the people, 1,5 ha of land, written as people write them.
        var people = phone.Locator("[data-indicator=funds_mobilized][data-category=people]");
        await people.Locator("input[inputmode=decimal]").FillAsync("2,5");
        await people.Locator("select").SelectOptionAsync("tỷ đồng");
        var land = phone.Locator("[data-indicator=land_donated]");
        await land.Locator("input[inputmode=decimal]").FillAsync("1,5");
        await land.Locator("select").SelectOptionAsync("ha");
        await phone.Locator("[data-indicator=dossiers_total] input[inputmode=decimal]").FillAsync("200");
        await phone.Locator("[data-indicator=dossiers_on_time] input[inputmode=decimal]").FillAsync("250");
        await phone.GetByRole(AriaRole.Button, new() { Name = "Lưu báo cáo" }).ClickAsync();
        // More on time than received: refused, in Vietnamese, nothing saved.
        await Assertions.Expect(phone.Locator(".validation-summary-errors")).ToContainTextAsync("đúng hạn");
        await phone.Locator("[data-indicator=dossiers_on_time] input[inputmode=decimal]").FillAsync("190");
        await phone.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotDir, "unit-report-phone.png"), FullPage = true });
        await phone.GetByRole(AriaRole.Button, new() { Name = "Lưu báo cáo" }).ClickAsync();
        await Assertions.Expect(phone.GetByRole(AriaRole.Status)).ToContainTextAsync("Đã lưu báo cáo");
        await Assertions.Expect(phone.Locator("[data-indicator=land_donated] input[inputmode=decimal]")).ToHaveValueAsync("15.000");

        await phone.GotoAsync($"/Reports?unit={TestData.LuongBang}&from=2025-01-01&to=2025-06-30");
        var row = phone.Locator("#results-table tr[data-indicator=funds_mobilized]");
        await Assertions.Expect(row).ToContainTextAsync("2.500.000.000");
        await Assertions.Expect(row).ToContainTextAsync("Nhân dân đóng góp");
        await Assertions.Expect(phone.Locator("#summary-paragraph")).ToContainTextAsync("huy động 2,5 tỷ đồng, trong đó Nhân dân đóng góp 2,5 tỷ đồng");
        await Assertions.Expect(phone.Locator("#summary-paragraph")).ToContainTextAsync("95,0% hồ sơ giải quyết đúng hạn (190/200)");
        await Assertions.Expect(phone.Locator("#ratios")).ToContainTextAsync("Hồ sơ giải quyết đúng hạn: 95,0%");
        await phone.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotDir, "report-results-phone.png"), FullPage = true });

        // The figure opens to where it comes from: the commune's own report, counted.
        await row.Locator("td").First.GetByRole(AriaRole.Link).ClickAsync();
        await Assertions.Expect(phone).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/Reports/Sources"));
        await Assertions.Expect(phone.Locator("#source-total")).ToHaveTextAsync("2.500.000.000");
        var figure = phone.Locator("#source-figures tr[data-counted=true]").Filter(new() { HasText = "2.500.000.000" }).First;
        await Assertions.Expect(figure).ToContainTextAsync("báo cáo đơn vị");
        await phone.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotDir, "report-sources-phone.png"), FullPage = true });
        await phone.GoBackAsync();

        await phone.Locator("#compose-docx").ClickAsync();
        var docx = await phone.RunAndWaitForDownloadAsync(() => phone.GetByRole(AriaRole.Button, new() { Name = "Tải báo cáo .docx" }).ClickAsync());
        using var word = DocumentFormat.OpenXml.Packaging.WordprocessingDocument.Open(await docx.PathAsync(), false);
        var text = word.MainDocumentPart!.Document!.Body!.InnerText;
        Assert.Contains("Nhân dân đóng góp 2,5 tỷ đồng", text, StringComparison.Ordinal);
        Assert.Contains("2.500.000.000", text, StringComparison.Ordinal);
        await phone.Context.CloseAsync();
    }
}
