using Microsoft.Playwright;

namespace DanVan.E2ETests.Pages;

public sealed class InitiativeFormPage(IPage page)
{
    public Task OpenNewAsync() => page.GotoAsync("/Initiatives/Edit");

    public ILocator Name => page.GetByLabel("Tên mô hình *");

    public async Task FillAsync(string name, string field, string kind, string owner, string summary)
    {
        await Name.FillAsync(name);
        await page.GetByLabel("Lĩnh vực *").SelectOptionAsync(new SelectOptionValue { Label = field });
        await page.GetByLabel("Loại *").SelectOptionAsync(new SelectOptionValue { Label = kind });
        await page.GetByLabel("Chủ thể (cá nhân hoặc ghi rõ)").FillAsync(owner);
        await page.GetByLabel("Tóm tắt").FillAsync(summary);
    }

    public Task SubmitAsync() => page.GetByRole(AriaRole.Button, new() { Name = "Đăng ký", Exact = true }).ClickAsync();

    public ILocator ErrorFor(string field) => page.Locator($"[data-valmsg-for='Input.{field}']");
}
