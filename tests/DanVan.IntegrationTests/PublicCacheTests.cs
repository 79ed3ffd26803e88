using System.Net.Http.Json;
using DanVan.Domain;
using DanVan.IntegrationTests.Support;

namespace DanVan.IntegrationTests;

/// <summary>
/// The public lists are dropped at most once every few seconds (PublicCache:StalenessSeconds, 30 in production): a
/// second save within that time shows when it ends, not at once — so saves several a second across the country do not
/// leave every visitor the uncached page — and never later.
/// </summary>
[Collection(AppCollection.Name)]
public class PublicCacheTests(DanVanFactory app)
{
    [Fact]
    public async Task ASaveShowsOnThePublicList_WithinTheStaleness_NotLater()
    {
        await using var node = DanVanFactory.SecondNode(app, new Dictionary<string, string?> { ["PublicCache:StalenessSeconds"] = "3" });
        var officer = await node.ApiClientAsync((Role.Officer, TestData.ThaiHoa));
        var secretariat = await node.ApiClientAsync((Role.Secretariat, TestData.NgheAn));
        var tag = "xomcache" + Guid.NewGuid().ToString("N")[..8];
        var visitor = node.CreateClient();

        async Task<int> RecogniseAsync(string name)
        {
            var id = await TestData.IdOfAsync(await officer.PostAsJsonAsync("/api/v1/initiatives", new Dictionary<string, object?>
            {
                ["name"] = $"{name} {tag}", ["field"] = "economy", ["kind"] = "collective", ["origin"] = "new", ["ownerName"] = "Hội Nông dân",
                ["unitCode"] = TestData.ThaiHoa, ["registeredOn"] = "2025-09-01", ["summary"] = "Cách làm: vận động nhân dân trồng hoa",
            }));
            await TestData.IdOfAsync(await secretariat.PostAsJsonAsync("/api/v1/recognitions",
                new { unitCode = TestData.NgheAn, number = "QĐ-" + Guid.NewGuid().ToString("N")[..8], date = "2026-02-01", level = "province", issuingBody = "BCĐ", initiativeIds = new[] { id } }));
            return id;
        }

        Task<string> SearchAsync() => visitor.GetStringAsync($"/cong-khai/mo-hinh?q={tag}");

        // Many saves in a row (each recognition, each model): every one shows within the staleness, and the last one too,
        // by the drop asked for at the end of the spell, with no save after it.
        Assert.DoesNotContain("/cong-khai/mo-hinh/", (await SearchAsync()).Replace("/cong-khai/mo-hinh?", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal); // a copy kept
        var started = DateTimeOffset.UtcNow;
        var first = await RecogniseAsync("Đường hoa thứ nhất");
        var second = await RecogniseAsync("Đường hoa thứ hai");
        var saved = DateTimeOffset.UtcNow;
        string page;
        do
        {
            await Task.Delay(200);
            page = await SearchAsync();
        }
        while (!page.Contains($"/cong-khai/mo-hinh/{second}/", StringComparison.Ordinal) && DateTimeOffset.UtcNow - saved < TimeSpan.FromSeconds(6));
        Assert.Contains($"/cong-khai/mo-hinh/{first}/", page, StringComparison.Ordinal);
        Assert.Contains($"/cong-khai/mo-hinh/{second}/", page, StringComparison.Ordinal);
        Assert.True(DateTimeOffset.UtcNow - saved <= TimeSpan.FromSeconds(3) + TimeSpan.FromSeconds(1.5), $"shown {DateTimeOffset.UtcNow - saved} after the save ({DateTimeOffset.UtcNow - started} after the first)");
    }
}
