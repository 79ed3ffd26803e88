using System.Net;
using System.Net.Http.Json;
using DanVan.Domain;
using DanVan.IntegrationTests.Support;

namespace DanVan.IntegrationTests;

/// <summary>An officer of one commune can neither read nor change another commune's data, through any route.</summary>
[Collection(AppCollection.Name)]
public class ScopeTests(DanVanFactory app)
{
    private async Task<(int InA, int InB, HttpClient OfficerA)> TwoCommunesAsync()
    {
        var officerB = await app.ApiClientAsync((Role.Officer, TestData.ThaiHoa));
        var officerA = await app.ApiClientAsync((Role.Officer, TestData.LuongBang));
        var inA = await TestData.CreateInitiativeAsync(officerA, TestData.LuongBang, TestData.Unique("Của xã A"));
        var inB = await TestData.CreateInitiativeAsync(officerB, TestData.ThaiHoa, TestData.Unique("Của phường B"));
        return (inA, inB, officerA);
    }

    [Fact]
    public async Task Officer_CannotReadAnotherCommunesInitiative()
    {
        var (inA, inB, officerA) = await TwoCommunesAsync();
        Assert.Equal(HttpStatusCode.OK, (await officerA.GetAsync($"/api/v1/initiatives/{inA}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await officerA.GetAsync($"/api/v1/initiatives/{inB}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await officerA.GetAsync($"/api/v1/initiatives/{inB}/audit")).StatusCode);
        var list = await (await officerA.GetAsync("/api/v1/initiatives?pageSize=100")).ReadJsonAsync();
        Assert.DoesNotContain(list.GetProperty("items").EnumerateArray(), i => i.GetProperty("id").GetInt32() == inB);
        Assert.All(list.GetProperty("items").EnumerateArray(), i => Assert.Equal(TestData.LuongBang, i.GetProperty("currentUnitCode").GetString()));
        // Filtering by the other unit yields nothing rather than a leak.
        var filtered = await (await officerA.GetAsync($"/api/v1/initiatives?unit={TestData.ThaiHoa}")).ReadJsonAsync();
        Assert.Equal(0, filtered.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Officer_CannotChangeAnotherCommunesInitiative_NorMoveOwnIntoIt()
    {
        var (inA, inB, officerA) = await TwoCommunesAsync();
        var edit = new Dictionary<string, object?>(System.Text.Json.JsonSerializer.SerializeToElement(TestData.NewInitiative(TestData.ThaiHoa, "Chiếm quyền"))
            .EnumerateObject().ToDictionary(p => p.Name, p => (object?)p.Value)) { ["version"] = 1 };
        Assert.Equal(HttpStatusCode.NotFound, (await officerA.PutAsJsonAsync($"/api/v1/initiatives/{inB}", edit)).StatusCode);
        // Moving own record into another commune is refused as "not yours": a unit outside the area is not found.
        var move = await officerA.PutAsJsonAsync($"/api/v1/initiatives/{inA}", edit);
        Assert.Equal(HttpStatusCode.NotFound, move.StatusCode);
        // Registering straight into the other commune too.
        var create = await officerA.PostAsJsonAsync("/api/v1/initiatives", TestData.NewInitiative(TestData.ThaiHoa));
        Assert.Equal(HttpStatusCode.NotFound, create.StatusCode);
        var stillA = await (await officerA.GetAsync($"/api/v1/initiatives/{inA}")).ReadJsonAsync();
        Assert.Equal(1, stillA.GetProperty("version").GetInt32());
    }

    [Fact]
    public async Task Secretariat_ReadsAndWritesItsWholeProvince_ButNotAnother()
    {
        var (inA, inB, _) = await TwoCommunesAsync();
        var hungYen = await app.ApiClientAsync((Role.Secretariat, TestData.HungYen));
        Assert.Equal(HttpStatusCode.OK, (await hungYen.GetAsync($"/api/v1/initiatives/{inA}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await hungYen.GetAsync($"/api/v1/initiatives/{inB}")).StatusCode);
        await TestData.CreateInitiativeAsync(hungYen, "11953");
    }

    [Fact]
    public async Task ViewerAndAppraiser_ReadButCannotWrite()
    {
        var (inA, _, _) = await TwoCommunesAsync();
        foreach (var role in new[] { Role.Viewer, Role.Appraiser })
        {
            var client = await app.ApiClientAsync((role, TestData.HungYen));
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/api/v1/initiatives/{inA}")).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsJsonAsync("/api/v1/initiatives", TestData.NewInitiative(TestData.LuongBang))).StatusCode);
            var edit = new Dictionary<string, object?>(System.Text.Json.JsonSerializer.SerializeToElement(TestData.NewInitiative(TestData.LuongBang))
                .EnumerateObject().ToDictionary(p => p.Name, p => (object?)p.Value)) { ["version"] = 1 };
            Assert.Equal(HttpStatusCode.Forbidden, (await client.PutAsJsonAsync($"/api/v1/initiatives/{inA}", edit)).StatusCode);
        }
    }

    [Fact]
    public async Task UserWithoutGrants_SeesNothing()
    {
        var (inA, _, _) = await TwoCommunesAsync();
        var nobody = await app.ApiClientAsync();
        Assert.Equal(HttpStatusCode.NotFound, (await nobody.GetAsync($"/api/v1/initiatives/{inA}")).StatusCode);
        Assert.Equal(0, (await (await nobody.GetAsync("/api/v1/initiatives")).ReadJsonAsync()).GetProperty("total").GetInt32());
        Assert.Empty(await (await nobody.GetAsync("/api/v1/organizations")).ReadJsonAsync() is var e ? e.EnumerateArray() : default);
    }

    [Fact]
    public async Task Pages_OfficerCannotOpenOrEditAnotherCommunesInitiative()
    {
        var (inA, inB, _) = await TwoCommunesAsync();
        var email = TestData.UniqueEmail();
        await app.CreateUserAsync(email, (Role.Officer, TestData.LuongBang));
        var web = await HtmlClient.SignedInAsync(app, email);
        Assert.Equal(HttpStatusCode.OK, (await web.GetAsync($"/Initiatives/{inA}")).Response.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await web.GetAsync($"/Initiatives/{inB}")).Response.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await web.GetAsync($"/Initiatives/Edit/{inB}")).Response.StatusCode);
        var post = await web.PostFormAsync($"/Initiatives/Edit/{inB}", new()
        {
            ["Input.Name"] = "Chiếm quyền", ["Input.Field"] = "Economy", ["Input.Kind"] = "Collective", ["Input.UnitCode"] = TestData.ThaiHoa,
            ["Input.RegisteredOn"] = "2026-01-01", ["Input.OwnerName"] = "x", ["Input.Version"] = "1",
        }, formPage: $"/Initiatives/Edit/{inA}");
        Assert.NotEqual(HttpStatusCode.Redirect, post.StatusCode);
        var (_, list) = await web.GetAsync("/Initiatives?pageSize=100");
        Assert.DoesNotContain(list.QuerySelectorAll("#initiatives a"), a => a.GetAttribute("href") == $"/Initiatives/{inB}");
        var admin = (await web.GetAsync("/Admin/Users")).Response;
        Assert.Equal(HttpStatusCode.Redirect, admin.StatusCode);
        Assert.Contains("/Account/Denied", admin.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Organizations_AreScopedLikeInitiatives()
    {
        var officerA = await app.ApiClientAsync((Role.Officer, TestData.LuongBang));
        var officerB = await app.ApiClientAsync((Role.Officer, TestData.ThaiHoa));
        var created = await officerB.PostAsJsonAsync("/api/v1/organizations", new { name = TestData.Unique("Hội Cựu chiến binh"), kind = "mass_organization", unitCode = TestData.ThaiHoa });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var org = await created.ReadJsonAsync();
        var id = org.GetProperty("id").GetInt32();
        Assert.Equal(HttpStatusCode.NotFound, (await officerA.GetAsync($"/api/v1/organizations/{id}")).StatusCode);
        var put = await officerA.PutAsJsonAsync($"/api/v1/organizations/{id}", new { name = "x", kind = "police", unitCode = TestData.LuongBang, version = 1 });
        Assert.Equal(HttpStatusCode.NotFound, put.StatusCode);
        var wrongUnit = await officerA.PostAsJsonAsync("/api/v1/organizations", new { name = "x", kind = "police", unitCode = TestData.ThaiHoa });
        Assert.Equal(HttpStatusCode.NotFound, wrongUnit.StatusCode); // as for initiatives: a unit outside the area is "not yours", not "invalid"
        // And an initiative cannot name another commune's organisation as its owner.
        var body = new { name = "x", field = "economy", kind = "collective", ownerOrganizationId = id, unitCode = TestData.LuongBang, registeredOn = "2026-01-01" };
        var r = await officerA.PostAsJsonAsync("/api/v1/initiatives", body);
        Assert.True((await r.ReadJsonAsync()).GetProperty("errors").TryGetProperty("ownerOrganizationId", out _));
    }
}
