using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using DanVan.Domain;
using DanVan.IntegrationTests.Support;

namespace DanVan.IntegrationTests;

/// <summary>Who builds the models and whom they serve: set, guessed, filtered, imported and counted in every block.</summary>
[Collection(AppCollection.Name)]
public class OwnerTypeTests(DanVanFactory app)
{
    // Communes of Hưng Yên no other test writes to.
    private const string DaiDong = "11995";
    private const string NhuQuynh = "12004";

    private static Dictionary<string, object?> Model(string unit, string owner, string kind = "collective") =>
        JsonSerializer.SerializeToElement(TestData.NewInitiative(unit, TestData.Unique("Mô hình"), registeredOn: "2025-09-01"))
            .EnumerateObject().ToDictionary(p => p.Name, p => (object?)p.Value) is var d ? new(d) { ["ownerName"] = owner, ["kind"] = kind } : [];

    private static async Task<JsonElement> PostAsync(HttpClient api, Dictionary<string, object?> body)
    {
        var response = await api.PostAsJsonAsync("/api/v1/initiatives", body);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return await response.ReadJsonAsync();
    }

    [Fact]
    public async Task TheBlock_IsChosenOrGuessed_TargetGroupsAreTagged_AndTheSummaryCountsBoth()
    {
        var api = await app.ApiClientAsync((Role.Secretariat, TestData.HungYen));
        var farmers = await PostAsync(api, Model(DaiDong, "Hội Nông dân xã Đại Đồng"));
        Assert.Equal("farmers", farmers.GetProperty("ownerType").GetString());
        var chosen = Model(DaiDong, "Tổ tự quản");
        chosen["ownerType"] = "veterans";
        chosen["targetGroups"] = new[] { "ethnic_minorities", "poor_households" };
        var veterans = await PostAsync(api, chosen);
        Assert.Equal("veterans", veterans.GetProperty("ownerType").GetString());
        Assert.Equal(["ethnic_minorities", "poor_households"], veterans.GetProperty("targetGroups").EnumerateArray().Select(g => g.GetString()));
        var person = Model(DaiDong, "Nguyễn Văn Đức", "individual");
        person["ownerType"] = "youth";
        Assert.Equal("individual", (await PostAsync(api, person)).GetProperty("ownerType").GetString());

        // An edit that does not send them keeps them.
        var edit = Model(DaiDong, "Tổ tự quản (đổi tên)");
        edit["version"] = veterans.GetProperty("version").GetInt32();
        var edited = await api.PutAsJsonAsync($"/api/v1/initiatives/{veterans.GetProperty("id").GetInt32()}", edit);
        Assert.True(edited.IsSuccessStatusCode, await edited.Content.ReadAsStringAsync());
        var kept = await edited.ReadJsonAsync();
        Assert.Equal("veterans", kept.GetProperty("ownerType").GetString());
        Assert.Equal(2, kept.GetProperty("targetGroups").GetArrayLength());

        var summary = await (await api.GetAsync($"/api/v1/reports/summary?unit={DaiDong}&from=2025-01-01&to=2025-12-31")).ReadJsonAsync();
        foreach (var block in new[] { "maintained", "registeredInPeriod" })
        {
            var byOwner = summary.GetProperty(block).GetProperty("byOwnerType");
            Assert.Equal(1, byOwner.GetProperty("farmers").GetInt64());
            Assert.Equal(1, byOwner.GetProperty("veterans").GetInt64());
            Assert.Equal(1, byOwner.GetProperty("individual").GetInt64());
            Assert.Equal(summary.GetProperty(block).GetProperty("total").GetInt64(), byOwner.EnumerateObject().Sum(p => p.Value.GetInt64()));
        }

        Assert.Equal(1, summary.GetProperty("maintainedByTargetGroup").GetProperty("ethnic_minorities").GetInt64());
        Assert.Equal(0, summary.GetProperty("maintainedByTargetGroup").GetProperty("elderly").GetInt64());

        var list = await (await api.GetAsync($"/api/v1/initiatives?unit={DaiDong}&ownerType=veterans")).ReadJsonAsync();
        Assert.Equal(1, list.GetProperty("total").GetInt32());
        list = await (await api.GetAsync($"/api/v1/initiatives?unit={DaiDong}&targetGroup=poor_households")).ReadJsonAsync();
        Assert.Equal(1, list.GetProperty("total").GetInt32());
        var bad = await api.GetAsync($"/api/v1/initiatives?ownerType=aliens");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal("application/problem+json", bad.Content.Headers.ContentType?.MediaType);
        var badBody = Model(DaiDong, "Hội");
        badBody["targetGroups"] = new[] { "martians" };
        var refused = await api.PostAsJsonAsync("/api/v1/initiatives", badBody);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
    }

    [Fact]
    public async Task TheImport_ReadsTheBlockAndTargetGroups_InWordsOrKeys_AndListsWhatItCannotRead()
    {
        var api = await app.ApiClientAsync((Role.Secretariat, TestData.HungYen));
        const string header = "name,unit,field,kind,owner,registered_on,owner_type,target_groups";

        var failed = await TestData.ImportJobAsync(api, header + "\n" + $"Mô hình A,{NhuQuynh},Kinh tế,Tập thể,Tổ tự quản,01/09/2025,hội người ngoài hành tinh,\n" +
                                    $"Mô hình B,{NhuQuynh},Kinh tế,Tập thể,Tổ tự quản,01/09/2025,,trẻ em; sao hỏa", "initiatives");
        Assert.Equal("failed", failed.GetProperty("status").GetString());
        var text = failed.GetRawText();
        Assert.Contains("hội người ngoài hành tinh", text, StringComparison.Ordinal);
        Assert.Contains("sao hỏa", text, StringComparison.Ordinal);

        var name = TestData.Unique("Mô hình tôn giáo");
        var done = await TestData.ImportJobAsync(api, header + "\n" + $"{name},{NhuQuynh},Văn hóa – Xã hội,Tập thể,Tổ tự quản,01/09/2025,Tổ chức tôn giáo,Đồng bào tôn giáo; người cao tuổi", "initiatives");
        Assert.Equal("succeeded", done.GetProperty("status").GetString());
        var list = await (await api.GetAsync($"/api/v1/initiatives?unit={NhuQuynh}&ownerType=religious&targetGroup=elderly")).ReadJsonAsync();
        Assert.Equal(name, list.GetProperty("items")[0].GetProperty("name").GetString());
    }
}
