using System.Net;
using System.Net.Http.Json;
using DanVan.Domain;
using DanVan.IntegrationTests.Support;

namespace DanVan.IntegrationTests;

[Collection(AppCollection.Name)]
public class InitiativeTests(DanVanFactory app)
{
    [Fact]
    public async Task Create_ThenGet_ReturnsTheRecordInItsCurrentCommune()
    {
        var api = await app.ApiClientAsync((Role.Officer, TestData.LuongBang));
        var name = TestData.Unique("Chính quyền thân thiện");
        var id = await TestData.CreateInitiativeAsync(api, TestData.LuongBang, name);
        var got = await (await api.GetAsync($"/api/v1/initiatives/{id}")).ReadJsonAsync();
        Assert.Equal(name, got.GetProperty("name").GetString());
        Assert.Equal("economy", got.GetProperty("field").GetString());
        Assert.Equal(TestData.LuongBang, got.GetProperty("currentUnitCode").GetString());
        Assert.Equal(1, got.GetProperty("version").GetInt32());
    }

    [Fact]
    public async Task Create_OnAn2024Commune_CountsUnderItsSuccessor()
    {
        var api = await app.ApiClientAsync((Role.Officer, TestData.LuongBang));
        // Xã Phạm Ngũ Lão (12292, Kim Động district) went whole into Xã Lương Bằng (12280).
        var id = await TestData.CreateInitiativeAsync(api, "12292", map: 2024, registeredOn: "2024-03-15");
        var got = await (await api.GetAsync($"/api/v1/initiatives/{id}")).ReadJsonAsync();
        Assert.Equal(2024, got.GetProperty("unitMap").GetInt32());
        Assert.Equal("12292", got.GetProperty("unitCode").GetString());
        Assert.Equal(TestData.LuongBang, got.GetProperty("currentUnitCode").GetString());
        var list = await (await api.GetAsync("/api/v1/initiatives?unit=331&map=2024&pageSize=100")).ReadJsonAsync();
        Assert.Contains(list.GetProperty("items").EnumerateArray(), i => i.GetProperty("id").GetInt32() == id);
    }

    [Fact]
    public async Task Create_WithMissingAndBadFields_AnswersFieldErrorsAndStoresNothing()
    {
        var api = await app.ApiClientAsync((Role.Officer, TestData.LuongBang));
        var before = (await (await api.GetAsync("/api/v1/initiatives")).ReadJsonAsync()).GetProperty("total").GetInt32();
        var response = await api.PostAsJsonAsync("/api/v1/initiatives", new { name = "", unitCode = TestData.LuongBang, registeredOn = "2026-01-01" });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.ReadJsonAsync();
        Assert.True(problem.GetProperty("errors").TryGetProperty("name", out var nameErrors));
        Assert.Contains("Tên mô hình", nameErrors[0].GetString(), StringComparison.Ordinal);
        Assert.True(problem.GetProperty("errors").TryGetProperty("field", out _));
        Assert.True(problem.GetProperty("errors").TryGetProperty("kind", out _));
        var after = (await (await api.GetAsync("/api/v1/initiatives")).ReadJsonAsync()).GetProperty("total").GetInt32();
        Assert.Equal(before, after);
    }

    [Theory]
    [InlineData("""{"name":"x","field":"sports","kind":"collective","unitCode":"12280","registeredOn":"2026-01-01","ownerName":"a"}""")]
    [InlineData("""{"name":"x","field":7,"kind":"collective","unitCode":"12280","registeredOn":"2026-01-01","ownerName":"a"}""")]
    [InlineData("""{"name":"x","field":"economy","kind":"collective","unitCode":"12280","registeredOn":"2021-02-30","ownerName":"a"}""")]
    [InlineData("""{"name":"x","field":"economy","kind":"collective","unitCode":"12280","registeredOn":"2026-01-01","ownerName":"a","version":"abc"}""")]
    [InlineData("""not json""")]
    public async Task Create_WithUnreadableBody_Answers400Problem(string body)
    {
        var api = await app.ApiClientAsync((Role.Officer, TestData.LuongBang));
        var response = await api.PostAsync("/api/v1/initiatives", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Create_RuleViolations_AreFieldErrors()
    {
        var api = await app.ApiClientAsync((Role.Officer, TestData.LuongBang));
        var replicatedWithoutSource = new { name = "x", field = "economy", kind = "collective", origin = "replicated", ownerName = "a", unitCode = TestData.LuongBang, registeredOn = "2026-01-01" };
        var r1 = await api.PostAsJsonAsync("/api/v1/initiatives", replicatedWithoutSource);
        Assert.Equal(HttpStatusCode.BadRequest, r1.StatusCode);
        Assert.True((await r1.ReadJsonAsync()).GetProperty("errors").TryGetProperty("replicatedFromId", out _));

        var tooEarly = new { name = "x", field = "economy", kind = "collective", ownerName = "a", unitCode = "12292", unitMap = 2024, registeredOn = "2001-01-01" };
        var r2 = await api.PostAsJsonAsync("/api/v1/initiatives", tooEarly);
        Assert.True((await r2.ReadJsonAsync()).GetProperty("errors").TryGetProperty("registeredOn", out _));

        var unknownUnit = new { name = "x", field = "economy", kind = "collective", ownerName = "a", unitCode = "99999", registeredOn = "2026-01-01" };
        var r3 = await api.PostAsJsonAsync("/api/v1/initiatives", unknownUnit);
        Assert.True((await r3.ReadJsonAsync()).GetProperty("errors").TryGetProperty("unitCode", out _));
    }

    [Fact]
    public async Task Update_WithTheVersionRead_SavesAndRecordsTheChangeInTheAuditTrail()
    {
        var api = await app.ApiClientAsync((Role.Officer, TestData.LuongBang));
        var id = await TestData.CreateInitiativeAsync(api, TestData.LuongBang);
        var update = TestData.NewInitiative(TestData.LuongBang, "Tên mới sau khi sửa");
        var body = System.Text.Json.JsonSerializer.SerializeToElement(update);
        var dict = body.EnumerateObject().ToDictionary(p => p.Name, p => (object?)p.Value);
        dict["version"] = 1;
        dict["field"] = "culture_society";
        var response = await api.PutAsJsonAsync($"/api/v1/initiatives/{id}", dict);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var saved = await response.ReadJsonAsync();
        Assert.Equal(2, saved.GetProperty("version").GetInt32());
        Assert.Equal("culture_society", saved.GetProperty("field").GetString());

        var audit = await (await api.GetAsync($"/api/v1/initiatives/{id}/audit")).ReadJsonAsync();
        Assert.Equal(["updated", "created"], audit.GetProperty("items").EnumerateArray().Select(a => a.GetProperty("action").GetString()));
        var changes = audit.GetProperty("items")[0].GetProperty("changes").GetString()!;
        Assert.Contains("Tên mới sau khi sửa", changes, StringComparison.Ordinal);
        Assert.Contains("\"Field\"", changes, StringComparison.Ordinal);
        Assert.False(string.IsNullOrEmpty(audit.GetProperty("items")[0].GetProperty("userName").GetString()));
    }

    [Fact]
    public async Task Update_WithAStaleVersion_Answers409AndChangesNothing()
    {
        var api = await app.ApiClientAsync((Role.Officer, TestData.LuongBang));
        var id = await TestData.CreateInitiativeAsync(api, TestData.LuongBang, "Bản gốc");
        var first = new Dictionary<string, object?>(System.Text.Json.JsonSerializer.SerializeToElement(TestData.NewInitiative(TestData.LuongBang, "Người thứ nhất sửa"))
            .EnumerateObject().ToDictionary(p => p.Name, p => (object?)p.Value)) { ["version"] = 1 };
        Assert.Equal(HttpStatusCode.OK, (await api.PutAsJsonAsync($"/api/v1/initiatives/{id}", first)).StatusCode);
        first["name"] = "Người thứ hai sửa trên bản cũ";
        var stale = await api.PutAsJsonAsync($"/api/v1/initiatives/{id}", first);
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Equal("application/problem+json", stale.Content.Headers.ContentType?.MediaType);
        var got = await (await api.GetAsync($"/api/v1/initiatives/{id}")).ReadJsonAsync();
        Assert.Equal("Người thứ nhất sửa", got.GetProperty("name").GetString());
    }

    [Fact]
    public async Task List_FiltersSortsAndPages()
    {
        var api = await app.ApiClientAsync((Role.Officer, TestData.ThaiHoa));
        var tag = Guid.NewGuid().ToString("N")[..6];
        foreach (var n in new[] { "Đường hoa", "Dệt thổ cẩm", "Ánh sáng", "Zô ta" })
        {
            await TestData.CreateInitiativeAsync(api, TestData.ThaiHoa, $"{n} {tag}");
        }

        // Found by words, the newest come first unless a sort is asked for.
        var newest = await (await api.GetAsync($"/api/v1/initiatives?q={tag}&pageSize=3")).ReadJsonAsync();
        Assert.Equal($"Zô ta {tag}", newest.GetProperty("items")[0].GetProperty("name").GetString());
        var list = await (await api.GetAsync($"/api/v1/initiatives?q={tag}&pageSize=3&sort=name")).ReadJsonAsync();
        Assert.Equal(4, list.GetProperty("total").GetInt32());
        Assert.Equal(3, list.GetProperty("items").GetArrayLength());
        Assert.Equal([$"Ánh sáng {tag}", $"Dệt thổ cẩm {tag}", $"Đường hoa {tag}"], list.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("name").GetString()));
        var page2 = await (await api.GetAsync($"/api/v1/initiatives?q={tag}&pageSize=3&page=2&sort=name")).ReadJsonAsync();
        Assert.Equal($"Zô ta {tag}", page2.GetProperty("items")[0].GetProperty("name").GetString());

        // Diacritic-insensitive: "duong" finds "Đường".
        var search = await (await api.GetAsync($"/api/v1/initiatives?q=duong%20{tag}")).ReadJsonAsync();
        Assert.Equal(1, search.GetProperty("total").GetInt32());

        var none = await (await api.GetAsync($"/api/v1/initiatives?q={tag}&field=defense_security")).ReadJsonAsync();
        Assert.Equal(0, none.GetProperty("total").GetInt32());
        var year = await (await api.GetAsync($"/api/v1/initiatives?q={tag}&year=2026&kind=collective&origin=new&status=registered")).ReadJsonAsync();
        Assert.Equal(4, year.GetProperty("total").GetInt32());
    }

    [Theory]
    [InlineData("field=sports")]
    [InlineData("status=5")]
    [InlineData("pageSize=1000")]
    [InlineData("page=0")]
    [InlineData("map=2030")]
    [InlineData("year=99999")]
    public async Task List_BadFilters_Answer400(string query)
    {
        var api = await app.ApiClientAsync((Role.Officer, TestData.ThaiHoa));
        var response = await api.GetAsync("/api/v1/initiatives?" + query);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Create_WithADuplicateCodeInTheSameUnit_IsRefused()
    {
        var api = await app.ApiClientAsync((Role.Officer, TestData.ThaiHoa));
        var code = "MH-" + Guid.NewGuid().ToString("N")[..6];
        var body = new { code, name = "a", field = "economy", kind = "collective", ownerName = "x", unitCode = TestData.ThaiHoa, registeredOn = "2026-01-01" };
        Assert.Equal(HttpStatusCode.Created, (await api.PostAsJsonAsync("/api/v1/initiatives", body)).StatusCode);
        var again = await api.PostAsJsonAsync("/api/v1/initiatives", body);
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        Assert.True((await again.ReadJsonAsync()).GetProperty("errors").TryGetProperty("code", out _));
    }
}
