using System.Text;
using DanVan.Domain;
using DanVan.E2ETests.Pages;
using DanVan.IntegrationTests.Support;
using Microsoft.Playwright;

namespace DanVan.E2ETests;

/// <summary>Journey 9: an old spreadsheet with mistakes; the dry run lists them; after fixes it goes in whole.</summary>
[Collection(BrowserCollection.Name)]
public class ImportJourneyTests(BrowserFixture fx)
{
    [Fact]
    public async Task DryRunListsBadRows_ThenTheFixedFileGoesIn()
    {
        var email = "nhap." + Guid.NewGuid().ToString("N")[..6] + "@danvan.vn";
        await fx.App.CreateUserAsync(email, (Role.Secretariat, TestData.HungYen));
        var tag = Guid.NewGuid().ToString("N")[..6];
        const string header = "Tên mô hình,Mã đơn vị,Bản đồ,Lĩnh vực,Loại,Chủ thể,Ngày đăng ký";
        var bad = $"{header}\nNuôi cá {tag},12292,2024,Kinh te,Tập thể,Hội ND,15/03/2021\nLàm đường {tag},99999,2024,Văn hóa - Xã hội,Tập thể,MTTQ,30/02/2021\nThắp sáng {tag},12292,2024,Thể thao,Tập thể,Đoàn TN,01/06/2021";
        var good = $"{header}\nNuôi cá {tag},12292,2024,Kinh te,Tập thể,Hội ND,15/03/2021\nLàm đường {tag},12292,2024,Văn hóa - Xã hội,Tập thể,MTTQ,28/02/2021\nThắp sáng {tag},12292,2024,Văn hóa – Xã hội,Tập thể,Đoàn TN,01/06/2021";

        var page = await fx.NewPhonePageAsync();
        await new LoginPage(page).SignInAsync(email, TestData.Password);
        await page.GotoAsync("/Imports");
        await page.Locator("#Upload").SetInputFilesAsync(new FilePayload { Name = "danh-sach-cu.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(bad) });
        await page.GetByRole(AriaRole.Button, new() { Name = "Tải lên" }).ClickAsync();
        await Assertions.Expect(page.Locator("#job[data-status='failed']")).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await Assertions.Expect(page.Locator("#job-errors tbody tr")).ToHaveCountAsync(2);
        await Assertions.Expect(page.Locator("#job-errors")).ToContainTextAsync("30/02/2021");
        await Assertions.Expect(page.Locator("#job-errors")).ToContainTextAsync("Thể thao");
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotDir, "import-errors-phone.png"), FullPage = true });

        await page.GotoAsync("/Imports");
        await page.Locator("#Upload").SetInputFilesAsync(new FilePayload { Name = "danh-sach-da-sua.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(good) });
        await page.GetByLabel("Chỉ kiểm tra thử").UncheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Tải lên" }).ClickAsync();
        await Assertions.Expect(page.Locator("#job-result")).ToContainTextAsync("thêm mới 3", new() { Timeout = 30_000 });
        await page.GotoAsync("/Initiatives?q=" + tag);
        await Assertions.Expect(page.Locator("#initiatives tbody tr")).ToHaveCountAsync(3);
        // The old commune's records count under the commune it went into.
        await Assertions.Expect(page.Locator("#initiatives")).ToContainTextAsync("Xã Lương Bằng");
    }
}
