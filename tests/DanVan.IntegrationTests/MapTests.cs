using System.Net;
using DanVan.Data;
using DanVan.Data.Seeding;
using DanVan.Domain;
using DanVan.IntegrationTests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DanVan.IntegrationTests;

[Collection(AppCollection.Name)]
public class MapTests(DanVanFactory app)
{
    [Fact]
    public async Task Seed_LoadsBothMapsWithTheirOfficialCounts()
    {
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var counts = await db.AdminUnits.GroupBy(u => new { u.Map, u.Level }).Select(g => new { g.Key.Map, g.Key.Level, N = g.Count() }).ToListAsync();
        Assert.Equal(63, counts.Single(c => c.Map == 2024 && c.Level == 1).N);
        Assert.Equal(696, counts.Single(c => c.Map == 2024 && c.Level == 2).N);
        Assert.Equal(10035, counts.Single(c => c.Map == 2024 && c.Level == 3).N);
        Assert.Equal(34, counts.Single(c => c.Map == 2025 && c.Level == 1).N);
        Assert.Equal(3321, counts.Single(c => c.Map == 2025 && c.Level == 2).N);
    }

    [Fact]
    public async Task Seed_RunAgain_ChangesNothing()
    {
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var before = await MapSeeder.CountAsync(db);
        var after = await MapSeeder.SeedAsync(db);
        Assert.Equal(before, after);
        Assert.Equal(10794, after.Units2024);
        Assert.Equal(3355, after.Units2025);
        Assert.True(after.Successions > 10_000);
    }

    [Fact]
    public async Task Successions_EveryOldCommuneCountsUnderACurrentCommune()
    {
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var communePaths = db.AdminUnits.Where(u => u.Map == 2025 && u.Level == 2).Select(u => u.Path);
        var orphans = await db.AdminUnits.CountAsync(u => u.Map == 2024 && u.Level == 3 && !communePaths.Contains(u.CurrentPath));
        Assert.Equal(0, orphans);
        // Split communes are placed by rule and marked for review.
        Assert.True(await db.AdminUnits.CountAsync(u => u.Map == 2024 && u.CurrentPathByRule) >= 400);
    }

    [Fact]
    public async Task Api_WithoutParent_ListsTheProvincesInVietnameseOrder()
    {
        var api = await app.ApiClientAsync((Role.Viewer, TestData.HungYen));
        var list = await (await api.GetAsync("/api/v1/units?map=2025")).ReadJsonAsync();
        Assert.Equal(34, list.GetArrayLength());
        var names = list.EnumerateArray().Select(e => e.GetProperty("name").GetString()!).ToList();
        Assert.Equal(names.OrderBy(VietnameseText.SortKey, StringComparer.Ordinal), names);
        // Đ sorts after D, not after Z.
        Assert.True(names.IndexOf("Đắk Lắk") < names.IndexOf("Gia Lai"));
        Assert.Equal(63, (await (await api.GetAsync("/api/v1/units?map=2024")).ReadJsonAsync()).GetArrayLength());
    }

    [Fact]
    public async Task Api_WithParent_ListsItsChildren()
    {
        var api = await app.ApiClientAsync((Role.Viewer, TestData.HungYen));
        var districts = await (await api.GetAsync("/api/v1/units?map=2024&parent=40")).ReadJsonAsync();
        Assert.Contains(districts.EnumerateArray(), d => d.GetProperty("code").GetString() == "414");
        var communes = await (await api.GetAsync("/api/v1/units?map=2024&parent=414")).ReadJsonAsync();
        Assert.Equal(9, communes.GetArrayLength());
    }

    [Fact]
    public async Task Api_ThaiHoaTown2024_ListsTheUnitsItBecame()
    {
        var api = await app.ApiClientAsync((Role.Viewer, TestData.NgheAn));
        var detail = await (await api.GetAsync("/api/v1/units/2024/414")).ReadJsonAsync();
        Assert.Equal("Thị xã Thái Hoà", detail.GetProperty("unit").GetProperty("fullName").GetString());
        var successors = detail.GetProperty("successors").EnumerateArray().Select(s => s.GetProperty("unit").GetProperty("fullName").GetString()).ToList();
        Assert.Equal(["Xã Đông Hiếu", "Phường Tây Hiếu", "Phường Thái Hòa"], successors);
        Assert.Equal("Tỉnh Nghệ An", detail.GetProperty("ancestors")[0].GetProperty("fullName").GetString());
        Assert.Equal(9, detail.GetProperty("children").GetArrayLength());
    }

    [Fact]
    public async Task Api_NewCommune_ListsItsPredecessors()
    {
        var api = await app.ApiClientAsync((Role.Viewer, TestData.NgheAn));
        var detail = await (await api.GetAsync("/api/v1/units/2025/16939")).ReadJsonAsync();
        var old = detail.GetProperty("predecessors").EnumerateArray().Select(s => s.GetProperty("unit").GetProperty("code").GetString()).ToHashSet();
        Assert.Superset(new HashSet<string?> { "16939", "16993", "17003" }, old);
    }

    [Theory]
    [InlineData("/api/v1/units?map=2030", HttpStatusCode.BadRequest)]
    [InlineData("/api/v1/units?map=2025&parent=99999", HttpStatusCode.NotFound)]
    [InlineData("/api/v1/units/2025/xyz", HttpStatusCode.NotFound)]
    [InlineData("/api/v1/units/1999/01", HttpStatusCode.BadRequest)]
    [InlineData("/api/v1/units?map=abc", HttpStatusCode.BadRequest)]
    public async Task Api_BadInput_AnswersAProblem(string url, HttpStatusCode expected)
    {
        var api = await app.ApiClientAsync((Role.Viewer, TestData.HungYen));
        var response = await api.GetAsync(url);
        Assert.Equal(expected, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Pages_TreeShowsCountsAndUnitPageShowsSuccessors()
    {
        var web = HtmlClient.Anonymous(app);
        var (_, tree) = await web.GetAsync("/Units?map=2025");
        Assert.Contains("34", tree.QuerySelector("#unit-counts")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("3.321", tree.QuerySelector("#unit-counts")!.TextContent, StringComparison.Ordinal);
        var (_, old) = await web.GetAsync("/Units?map=2024");
        Assert.Contains("10.035", old.QuerySelector("#unit-counts")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("696", old.QuerySelector("#unit-counts")!.TextContent, StringComparison.Ordinal);
        var (_, unit) = await web.GetAsync("/Units/2024/414");
        Assert.Contains("Phường Thái Hòa", unit.QuerySelector("#successors")!.TextContent, StringComparison.Ordinal);
        var (response, _) = await web.GetAsync("/Units/2025/00000");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Pages_UnitSearch_IgnoresDiacritics()
    {
        var (_, doc) = await HtmlClient.Anonymous(app).GetAsync("/Units?map=2024&q=thai%20hoa");
        Assert.Contains(doc.QuerySelectorAll("ul.mb-4 a"), a => a.TextContent == "Thị xã Thái Hoà");
    }
}
