using System.Net;
using System.Text.Json;
using DanVan.Domain;
using DanVan.IntegrationTests.Support;

namespace DanVan.IntegrationTests;

/// <summary>Units are found by name (tone marks optional, đ as d) or code on both maps, never typed as codes.</summary>
[Collection(AppCollection.Name)]
public class UnitPickerTests(DanVanFactory app)
{
    private static async Task<List<JsonElement>> FindAsync(HttpClient api, string query)
    {
        var response = await api.GetAsync("/api/v1/units/search?" + query);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.ReadJsonAsync()).EnumerateArray().ToList();
    }

    [Fact]
    public async Task Search_FindsByNameWithOrWithoutTones_ByCode_AndOldUnitsStandForTheirSuccessors()
    {
        var api = await app.ApiClientAsync((Role.Officer, TestData.LuongBang));
        foreach (var q in new[] { "Hưng Yên", "hung yen", "HƯNG YÊN", "33" })
        {
            var first = (await FindAsync(api, "q=" + Uri.EscapeDataString(q))).First();
            Assert.Equal(TestData.HungYen, first.GetProperty("currentCode").GetString());
            Assert.Equal(2025, first.GetProperty("map").GetInt32());
        }

        // "đ" is its own letter folded to d: "dong" finds "Đông" names, and "Đ" typed finds them too.
        Assert.Contains(await FindAsync(api, "q=dong+anh&level=2"), h => h.GetProperty("fullName").GetString()!.Contains("Đông Anh", StringComparison.Ordinal));
        Assert.Contains(await FindAsync(api, "q=đông+anh&level=2"), h => h.GetProperty("fullName").GetString()!.Contains("Đông Anh", StringComparison.Ordinal));

        // A commune merged in 2025 is found by its old name and stands for the commune it became.
        var old = (await FindAsync(api, "q=pham+ngu+lao+kim+dong")).First();
        Assert.Equal(2024, old.GetProperty("map").GetInt32());
        Assert.Equal("12292", old.GetProperty("code").GetString());
        Assert.Equal(TestData.LuongBang, old.GetProperty("currentCode").GetString());
        Assert.Equal("Xã Lương Bằng", old.GetProperty("currentFullName").GetString());

        // Provinces only, and communes only.
        Assert.All(await FindAsync(api, "q=hung&level=1"), h => Assert.Equal(1, h.GetProperty("level").GetInt32()));
        Assert.Empty(await FindAsync(api, "q="));
    }

    [Fact]
    public async Task Search_ForAnOperation_OffersOnlyUnitsWhereTheCallerMayDoIt_AndRefusesNonsenseAsAProblem()
    {
        var secretariat = await app.ApiClientAsync((Role.Secretariat, TestData.HungYen));
        var mine = await FindAsync(secretariat, "q=xa&operation=ManageUsers&limit=50");
        Assert.NotEmpty(mine);
        Assert.All(mine, h => Assert.StartsWith("/33/", h.GetProperty("currentPath").GetString(), StringComparison.Ordinal));
        Assert.Empty(await FindAsync(secretariat, "q=thai+hoa+nghe+an&operation=ManageUsers"));
        Assert.NotEmpty(await FindAsync(secretariat, "q=thai+hoa+nghe+an"));

        foreach (var bad in new[] { "q=x&level=7", "q=x&operation=Nothing", "q=x&operation=1", "q=x&level=abc" })
        {
            var response = await secretariat.GetAsync("/api/v1/units/search?" + bad);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }

        var huge = await secretariat.GetAsync("/api/v1/units/search?q=" + new string('a', 5000));
        Assert.Equal(HttpStatusCode.OK, huge.StatusCode);
    }

    [Fact]
    public async Task AppraisalForm_OffersTheAreasAppraisersToTick_NotAnEmailBox()
    {
        var appraiser = await app.CreateUserAsync(TestData.UniqueEmail(), (Role.Appraiser, TestData.HungYen));
        var web = await app.PageClientAsync((Role.Secretariat, TestData.HungYen));
        var html = HtmlClient.Parse(await (await web.GetAsync($"/Appraisals/New?unit={TestData.HungYen}")).Content.ReadAsStringAsync());
        Assert.Null(html.QuerySelector("textarea[name=Members]"));
        Assert.NotNull(html.QuerySelector($"#council-list input[type=checkbox][name='Input.MemberEmails'][value='{appraiser.Email}']"));
    }

    [Fact]
    public async Task ALongListOfCommunes_IsSearched_AShortOneIsPicked()
    {
        var province = await app.PageClientAsync((Role.Secretariat, TestData.HungYen));
        var form = HtmlClient.Parse(await (await province.GetAsync("/Organizations/Edit")).Content.ReadAsStringAsync());
        Assert.NotNull(form.QuerySelector("input[role=combobox]#Input_UnitCode"));
        Assert.NotNull(form.QuerySelector("input[type=hidden][name='Input.UnitCode']"));
        var commune = await app.PageClientAsync((Role.Officer, TestData.LuongBang));
        var small = HtmlClient.Parse(await (await commune.GetAsync("/Organizations/Edit")).Content.ReadAsStringAsync());
        Assert.NotNull(small.QuerySelector("select[name='Input.UnitCode']"));
    }
}
