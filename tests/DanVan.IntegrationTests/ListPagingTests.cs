using System.Net;
using System.Text.Json;
using DanVan.Data;
using DanVan.Domain;
using DanVan.Infrastructure.Seeding;
using DanVan.IntegrationTests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace DanVan.IntegrationTests;

/// <summary>Long lists: counting stops past 10,000 ("hơn 10.000"), and deep pages are read by keyset (after=…).</summary>
public sealed class ListPagingTests : IAsyncLifetime
{
    private readonly DanVanFactory _app = new();

    public async Task InitializeAsync()
    {
        await using var scope = _app.Scope();
        await Generator.RunAsync(scope.ServiceProvider.GetRequiredService<AppDbContext>(), 10_300, 3, 2020, 2026);
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private static async Task<JsonElement> GetAsync(HttpClient api, string url)
    {
        var response = await api.GetAsync(url);
        Assert.True(response.StatusCode == HttpStatusCode.OK, url + " " + await response.Content.ReadAsStringAsync());
        return await response.ReadJsonAsync();
    }

    private static List<int> Ids(JsonElement page) => page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetInt32()).ToList();

    [Fact]
    public async Task ACountryList_SaysMoreThanTenThousand_AndItsKeysetPagesFollowTheOffsetPages()
    {
        var admin = await _app.ApiClientAsync((Role.Admin, null));
        var first = await GetAsync(admin, "/api/v1/initiatives?pageSize=100");
        Assert.Equal(10_000, first.GetProperty("total").GetInt32());
        Assert.True(first.GetProperty("totalCapped").GetBoolean());

        // Three pages by cursor are the three pages by number, without a gap or a repeat.
        var byCursor = Ids(first);
        var next = first.GetProperty("next").GetString();
        for (var p = 2; p <= 3; p++)
        {
            var page = await GetAsync(admin, "/api/v1/initiatives?pageSize=100&after=" + next);
            byCursor.AddRange(Ids(page));
            next = page.GetProperty("next").GetString();
        }

        var byNumber = new List<int>();
        for (var p = 1; p <= 3; p++)
        {
            byNumber.AddRange(Ids(await GetAsync(admin, $"/api/v1/initiatives?pageSize=100&page={p}")));
        }

        Assert.Equal(300, byCursor.Distinct().Count());
        Assert.Equal(byNumber, byCursor);

        // The same for A–Z by name, and for a search by words (newest first).
        foreach (var query in new[] { "sort=name", "q=ong" })
        {
            var a = await GetAsync(admin, $"/api/v1/initiatives?pageSize=50&{query}");
            var b = await GetAsync(admin, $"/api/v1/initiatives?pageSize=50&{query}&after={a.GetProperty("next").GetString()}");
            var second = await GetAsync(admin, $"/api/v1/initiatives?pageSize=50&{query}&page=2");
            Assert.Equal(Ids(second), Ids(b));
        }

        // A small list counts exactly and has no cursor past its end.
        var officer = await _app.ApiClientAsync((Role.Officer, TestData.LuongBang));
        var small = await GetAsync(officer, "/api/v1/initiatives?pageSize=100");
        Assert.False(small.GetProperty("totalCapped").GetBoolean());
        Assert.True(small.GetProperty("total").GetInt32() < 100);
        Assert.Equal(JsonValueKind.Null, small.GetProperty("next").ValueKind);

        // A cursor that is not one, or one for an order it cannot follow: a field error, not a 500.
        foreach (var bad in new[] { "after=xyz!", "after=" + next + "&sort=registered", "after=" + new string('A', 700) })
        {
            var refused = await admin.GetAsync("/api/v1/initiatives?" + bad);
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.True((await refused.ReadJsonAsync()).GetProperty("errors").TryGetProperty("after", out _));
        }

        // The spreadsheet of the whole list has every row, not the counted 10,000.
        var xlsx = await admin.GetByteArrayAsync("/api/v1/initiatives/export.xlsx");
        using (var doc = DocumentFormat.OpenXml.Packaging.SpreadsheetDocument.Open(new MemoryStream(xlsx), false))
        {
            var rows = doc.WorkbookPart!.WorksheetParts.Single().Worksheet.Descendants<DocumentFormat.OpenXml.Spreadsheet.Row>().Count();
            Assert.True(rows >= 10_300, $"{rows} rows");
        }

        var html = await (await HtmlClient.SignedInAsync(_app, await AdminEmailAsync())).GetAsync("/Initiatives");
        Assert.Contains("hơn 10.000", html.Document.QuerySelector("#result-count")!.TextContent, StringComparison.Ordinal);
    }

    private async Task<string> AdminEmailAsync()
    {
        var email = TestData.UniqueEmail();
        await _app.CreateUserAsync(email, (Role.Admin, null));
        return email;
    }
}
