using System.Text.RegularExpressions;
using DanVan.E2ETests.Pages;
using DanVan.IntegrationTests.Support;
using Microsoft.Playwright;

namespace DanVan.E2ETests;

[Collection(BrowserCollection.Name)]
public partial class JourneyTests(BrowserFixture fx)
{
    [Fact]
    public async Task SignIn_OnAPhone_LandsOnTheHomePageInVietnamese()
    {
        var page = await fx.NewPhonePageAsync();
        await new LoginPage(page).SignInAsync(BrowserFixture.OfficerEmail, "Sai-mat-khau-9");
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Email hoặc mật khẩu không đúng");

        await new LoginPage(page).SignInAsync(BrowserFixture.OfficerEmail, TestData.Password);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Xin chào");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("Xã Lương Bằng");
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotDir, "home-phone.png"), FullPage = true });
    }

    [Fact]
    public async Task BrowseTree_ShowsBothMapsAndExpandsAProvince()
    {
        var page = await fx.NewPhonePageAsync();
        var tree = new UnitTreePage(page);
        await tree.OpenAsync(2025);
        await Assertions.Expect(tree.TopLevelItems).ToHaveCountAsync(34);
        await Assertions.Expect(tree.Counts).ToContainTextAsync("3.321");
        var communes = await tree.ExpandAsync("Tỉnh Hưng Yên");
        await Assertions.Expect(communes.GetByRole(AriaRole.Link, new() { Name = "Xã Lương Bằng", Exact = true })).ToBeVisibleAsync();
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotDir, "tree-2025-phone.png") });

        await tree.OpenAsync(2024);
        await Assertions.Expect(tree.TopLevelItems).ToHaveCountAsync(63);
        await Assertions.Expect(tree.Counts).ToContainTextAsync("10.035");
        var districts = await tree.ExpandAsync("Tỉnh Nghệ An");
        await districts.GetByRole(AriaRole.Link, new() { Name = "Thị xã Thái Hoà", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator("#successors")).ToContainTextAsync("Phường Thái Hòa");
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotDir, "unit-thai-hoa-phone.png"), FullPage = true });
    }

    [Fact]
    public async Task RegisterInitiative_FromAPhone_ShowsFieldErrorsThenSaves()
    {
        var page = await fx.NewPhonePageAsync();
        await new LoginPage(page).SignInAsync(BrowserFixture.OfficerEmail, TestData.Password);
        var form = new InitiativeFormPage(page);
        await form.OpenNewAsync();

        // An officer of one commune gets her province and commune chosen for her.
        await Assertions.Expect(page.GetByLabel("Xã, phường, đặc khu")).ToHaveValueAsync(TestData.LuongBang);
        await form.SubmitAsync();
        await Assertions.Expect(form.ErrorFor("Name")).ToHaveTextAsync("Vui lòng nhập Tên mô hình.");
        await Assertions.Expect(form.ErrorFor("Field")).ToHaveTextAsync("Vui lòng chọn Lĩnh vực.");
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotDir, "register-errors-phone.png"), FullPage = true });

        var name = TestData.Unique("Phụ nữ giúp nhau phát triển kinh tế");
        await form.FillAsync(name, "Phát triển kinh tế", "Tập thể", "Chi hội Phụ nữ thôn Đông", "Các hội viên góp vốn xoay vòng.");
        // A photo taken there and then, with the registration.
        await page.Locator("#Photo").SetInputFilesAsync(new FilePayload { Name = "buoi-ra-mat.png", MimeType = "image/png", Buffer = TestData.Png });
        // Whom it serves; its block is left to the owner's name ("Chi hội Phụ nữ").
        await page.GetByLabel("Người cao tuổi").CheckAsync();
        await form.SubmitAsync();
        await Assertions.Expect(page).ToHaveURLAsync(InitiativeUrl());
        // The photo belongs to the registration dossier; it is not a result.
        await Assertions.Expect(page.Locator("#registration-photos img")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator("#results img")).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(name);
        await Assertions.Expect(page.Locator("#audit")).ToContainTextAsync("Tạo mới");
        await Assertions.Expect(page.Locator("#owner-type")).ToHaveTextAsync("Hội Liên hiệp Phụ nữ");
        await Assertions.Expect(page.Locator("#target-groups")).ToHaveTextAsync("Người cao tuổi");
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotDir, "initiative-detail-phone.png"), FullPage = true });

        // She finds it again from the list, typing without diacritics.
        await page.GotoAsync("/Initiatives?q=" + Uri.EscapeDataString("phu nu giup nhau"));
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = name })).ToBeVisibleAsync();
        // And by whom it serves and who builds it.
        await page.GotoAsync("/Initiatives");
        await page.Locator("#ownerType").SelectOptionAsync(new SelectOptionValue { Label = "Hội Liên hiệp Phụ nữ" });
        await page.Locator("#targetGroup").SelectOptionAsync(new SelectOptionValue { Label = "Người cao tuổi" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Lọc" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = name })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Secretariat_PicksACommuneThroughTheProvinceList()
    {
        var page = await fx.NewPhonePageAsync();
        await new LoginPage(page).SignInAsync(BrowserFixture.SecretariatEmail, TestData.Password);
        var form = new InitiativeFormPage(page);
        await form.OpenNewAsync();
        var commune = page.GetByLabel("Xã, phường, đặc khu");
        await Assertions.Expect(commune.Locator("option")).ToHaveCountAsync(104 + 1);
        await commune.SelectOptionAsync(new SelectOptionValue { Label = "Xã Lương Bằng" });
        var name = TestData.Unique("Dân vận khéo trong xây dựng nông thôn mới");
        await form.FillAsync(name, "Văn hóa – Xã hội", "Tập thể", "Ban Dân vận", "Vận động hiến đất làm đường.");
        await form.SubmitAsync();
        await Assertions.Expect(page).ToHaveURLAsync(InitiativeUrl());
        await Assertions.Expect(page.Locator("dl")).ToContainTextAsync("Xã Lương Bằng");
    }

    [GeneratedRegex(@"/Initiatives/\d+$")]
    private static partial Regex InitiativeUrl();
}
