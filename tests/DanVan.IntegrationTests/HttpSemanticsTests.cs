using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DanVan.Domain;
using DanVan.IntegrationTests.Support;

namespace DanVan.IntegrationTests;

/// <summary>HTTP as a client library expects it: 401 with a challenge, 405 with Allow, 415, and a problem type per kind.</summary>
[Collection(AppCollection.Name)]
public class HttpSemanticsTests(DanVanFactory app)
{
    private static async Task<JsonElement> ProblemAsync(HttpResponseMessage r)
    {
        Assert.Equal("application/problem+json", r.Content.Headers.ContentType?.MediaType);
        return JsonDocument.Parse(await r.Content.ReadAsStringAsync()).RootElement.Clone();
    }

    [Fact]
    public async Task WithoutAToken_401_ChallengesForBearer_WithAProblemType()
    {
        var r = await app.CreateClient().GetAsync("/api/v1/me");
        Assert.Equal(HttpStatusCode.Unauthorized, r.StatusCode);
        Assert.Equal("Bearer", r.Headers.WwwAuthenticate.Single().Scheme);
        var p = await ProblemAsync(r);
        Assert.Equal("urn:danvan:problem:unauthenticated", p.GetProperty("type").GetString());
        Assert.Contains("Bearer", p.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AMethodTheRouteDoesNotHave_Is405WithAllow_AndABodyOfAnotherType_Is415()
    {
        var api = await app.ApiClientAsync((Role.Officer, TestData.LuongBang));
        var delete = await api.DeleteAsync("/api/v1/initiatives");
        Assert.Equal(HttpStatusCode.MethodNotAllowed, delete.StatusCode);
        Assert.Equal(["GET", "POST"], delete.Content.Headers.Allow.Order(StringComparer.Ordinal));
        Assert.Equal("urn:danvan:problem:method-not-allowed", (await ProblemAsync(delete)).GetProperty("type").GetString());

        var text = await api.PostAsync("/api/v1/initiatives", new StringContent("name=Mô hình", System.Text.Encoding.UTF8, "text/plain"));
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, text.StatusCode);
        Assert.Equal("urn:danvan:problem:unsupported-media-type", (await ProblemAsync(text)).GetProperty("type").GetString());

        var nowhere = await api.GetAsync("/api/v1/khong-co");
        Assert.Equal(HttpStatusCode.NotFound, nowhere.StatusCode);
    }

    [Fact]
    public async Task AStaleVersion_AndARefusedTransition_AreTwoKindsOfConflict()
    {
        var officer = await app.ApiClientAsync((Role.Officer, TestData.LuongBang));
        var secretariat = await app.ApiClientAsync((Role.Secretariat, TestData.HungYen));
        var id = await TestData.CreateInitiativeAsync(officer, TestData.LuongBang, TestData.Unique("Mô hình hai xung đột"));
        var stale = await officer.PutAsJsonAsync($"/api/v1/initiatives/{id}", TestData.NewInitiative(TestData.LuongBang, TestData.Unique("Tên mới")) is var body
            ? new Dictionary<string, object?>(JsonSerializer.Deserialize<Dictionary<string, object?>>(JsonSerializer.Serialize(body))!) { ["version"] = 999 } : null);
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Equal("urn:danvan:problem:stale", (await ProblemAsync(stale)).GetProperty("type").GetString());

        var retire = new { decision = "retire", reason = "Không còn duy trì" };
        Assert.True((await secretariat.PostAsJsonAsync($"/api/v1/initiatives/{id}/review", retire)).IsSuccessStatusCode);
        var again = await secretariat.PostAsJsonAsync($"/api/v1/initiatives/{id}/review", retire);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal("urn:danvan:problem:refused", (await ProblemAsync(again)).GetProperty("type").GetString());
    }
}

[Collection(AppCollection.Name)]
public class ApiQueryContractTests(DanVanFactory app)
{
    [Theory]
    [InlineData("/api/v1/reports/summary?unit=33&from=03/04/2025", "from")]
    [InlineData("/api/v1/initiatives?sort=bogus", "sort")]
    [InlineData("/api/v1/initiatives?pageSize=abc", "pageSize")]
    [InlineData("/api/v1/initiatives?year=2025.5", "year")]
    [InlineData("/api/v1/initiatives?recognized=maybe", "recognized")]
    [InlineData("/api/v1/awards?limit=abc", "limit")]
    [InlineData("/api/v1/inspections?initiativeId=x", "initiativeId")]
    [InlineData("/api/v1/unit-reports?period=bogus", "period")]
    public async Task AQueryValueOutsideTheContract_IsA400NamingTheParameter(string url, string field)
    {
        var api = await app.ApiClientAsync((Role.Secretariat, TestData.HungYen));
        var r = await api.GetAsync(url);
        var body = await r.Content.ReadAsStringAsync();
        Assert.True(r.StatusCode == HttpStatusCode.BadRequest, $"{(int)r.StatusCode}: {body}");
        var p = JsonDocument.Parse(body).RootElement;
        Assert.Equal("urn:danvan:problem:invalid", p.GetProperty("type").GetString());
        Assert.True(p.GetProperty("errors").TryGetProperty(field, out _), body);
    }

    [Fact]
    public async Task ABodyThatIsNotJson_IsA400NamingTheBody()
    {
        var api = await app.ApiClientAsync((Role.Officer, TestData.LuongBang));
        var r = await api.PostAsync("/api/v1/initiatives", new StringContent("{\"name\": ", System.Text.Encoding.UTF8, "application/json"));
        var body = await r.Content.ReadAsStringAsync();
        Assert.True(r.StatusCode == HttpStatusCode.BadRequest, $"{(int)r.StatusCode}: {body}");
        Assert.True(JsonDocument.Parse(body).RootElement.TryGetProperty("errors", out var errors) && errors.TryGetProperty("body", out _), body);
    }

    [Fact]
    public async Task RecognizedWithoutADay_MeansRecognisedSoFar()
    {
        var officer = await app.ApiClientAsync((Role.Officer, TestData.LuongBang));
        var secretariat = await app.ApiClientAsync((Role.Secretariat, TestData.HungYen));
        var tag = "Congnhan" + Guid.NewGuid().ToString("N")[..8];
        var recognised = await TestData.CreateInitiativeAsync(officer, TestData.LuongBang, $"Mô hình đã công nhận {tag}", registeredOn: "2025-02-01");
        var not = await TestData.CreateInitiativeAsync(officer, TestData.LuongBang, $"Mô hình chưa công nhận {tag}", registeredOn: "2025-02-01");
        Assert.Equal(HttpStatusCode.Created, (await secretariat.PostAsJsonAsync("/api/v1/recognitions", new
        {
            unitCode = TestData.HungYen, number = "QĐ-" + tag, date = "2025-10-01", level = "province", issuingBody = "BCĐ tỉnh", initiativeIds = new[] { recognised },
        })).StatusCode);

        async Task<List<int>> IdsAsync(string query) => [.. (await (await officer.GetAsync($"/api/v1/initiatives?q={tag}&{query}")).ReadJsonAsync())
            .GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetInt32())];
        Assert.Equal([recognised], await IdsAsync("recognized=true"));
        Assert.Equal([not], await IdsAsync("recognized=false"));
        Assert.Empty(await IdsAsync("recognized=true&asOf=2025-09-30"));
        Assert.Equal([not, recognised], (await IdsAsync("recognized=false&asOf=2025-09-30")).Order().Reverse());
    }

    [Fact]
    public async Task AnIsoDate_IsStillRead()
    {
        var api = await app.ApiClientAsync((Role.Secretariat, TestData.HungYen));
        var r = await api.GetAsync("/api/v1/reports/summary?unit=33&from=2025-04-03&to=2025-12-31");
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
    }
}
