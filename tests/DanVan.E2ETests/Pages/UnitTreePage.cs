using Microsoft.Playwright;

namespace DanVan.E2ETests.Pages;

public sealed class UnitTreePage(IPage page)
{
    public Task OpenAsync(int map) => page.GotoAsync($"/Units?map={map}");

    public ILocator TopLevelItems => page.Locator("#unit-tree > ul > li");

    public ILocator Counts => page.Locator("#unit-counts");

    /// <summary>Opens a unit's branch; its children arrive by htmx.</summary>
    public async Task<ILocator> ExpandAsync(string fullName)
    {
        var item = TopLevelItems.Filter(new() { Has = page.GetByRole(AriaRole.Link, new() { Name = fullName, Exact = true }) });
        await item.Locator("> [data-tree-toggle]").ClickAsync();
        var children = item.Locator(".children ul li");
        await children.First.WaitForAsync();
        return children;
    }
}
