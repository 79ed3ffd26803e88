using System.Net;
using DanVan.Domain;
using DanVan.IntegrationTests.Support;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace DanVan.IntegrationTests;

/// <summary>
/// Generated from the app's own route table: every route must be listed here with who may reach it,
/// and every route is tried anonymously and, where it names a record, by an officer of another commune.
/// A new route without an entry fails <see cref="EveryRoute_HasAnExpectedAccess"/>.
/// </summary>
[Collection(AppCollection.Name)]
public class AccessMatrixTests(DanVanFactory app)
{
    public enum Access
    {
        /// <summary>Anyone, signed in or not.</summary>
        Public,

        /// <summary>Any signed-in user (the answer is then filtered by scope).</summary>
        SignedIn,
    }

    // "METHOD route" → access. Pages answer GET and POST; handlers share their page's route.
    private static readonly Dictionary<string, Access> Expected = new()
    {
        ["* /healthz"] = Access.Public,
        ["GET /openapi/{documentName}.json"] = Access.Public,
        ["POST /culture"] = Access.Public,
        ["* /api/{**rest}"] = Access.Public,
        ["PAGE /Index"] = Access.Public,
        ["PAGE /Account/Login"] = Access.Public,
        ["PAGE /Account/LoginWith2fa"] = Access.Public,
        ["PAGE /Account/Logout"] = Access.Public,
        ["PAGE /Account/Denied"] = Access.Public,
        ["PAGE /Units/Index"] = Access.Public,
        ["PAGE /Units/Detail"] = Access.Public,
        ["PAGE /Account/Manage/Index"] = Access.SignedIn,
        ["PAGE /Account/Manage/TwoFactor"] = Access.SignedIn,
        ["PAGE /Account/Manage/Tokens"] = Access.SignedIn,
        ["PAGE /Initiatives/Index"] = Access.SignedIn,
        ["PAGE /Initiatives/Edit"] = Access.SignedIn,
        ["PAGE /Initiatives/Detail"] = Access.SignedIn,
        ["PAGE /Organizations/Index"] = Access.SignedIn,
        ["PAGE /Organizations/Edit"] = Access.SignedIn,
        ["PAGE /Admin/Users/Index"] = Access.SignedIn,
        ["PAGE /Admin/Users/Edit"] = Access.SignedIn,
        ["GET /api/v1/units/"] = Access.SignedIn,
        ["GET /api/v1/units/{map:int}/{code}"] = Access.SignedIn,
        ["GET /api/v1/initiatives/"] = Access.SignedIn,
        ["GET /api/v1/initiatives/{id:int}"] = Access.SignedIn,
        ["GET /api/v1/initiatives/{id:int}/audit"] = Access.SignedIn,
        ["POST /api/v1/initiatives/"] = Access.SignedIn,
        ["PUT /api/v1/initiatives/{id:int}"] = Access.SignedIn,
        ["GET /api/v1/organizations/"] = Access.SignedIn,
        ["GET /api/v1/organizations/{id:int}"] = Access.SignedIn,
        ["POST /api/v1/organizations/"] = Access.SignedIn,
        ["PUT /api/v1/organizations/{id:int}"] = Access.SignedIn,
        ["GET /api/v1/me"] = Access.SignedIn,
    };

    private List<(string Key, string Method, string Route)> Routes()
    {
        var sources = app.Services.GetRequiredService<IEnumerable<EndpointDataSource>>();
        var list = new List<(string, string, string)>();
        foreach (var endpoint in sources.SelectMany(s => s.Endpoints).OfType<RouteEndpoint>())
        {
            var route = "/" + (endpoint.RoutePattern.RawText ?? string.Empty).TrimStart('/');
            var page = endpoint.Metadata.OfType<Microsoft.AspNetCore.Mvc.RazorPages.PageActionDescriptor>().FirstOrDefault();
            if (page is not null)
            {
                list.Add(($"PAGE {page.ViewEnginePath}", "GET", route));
                continue;
            }

            var methods = endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["*"];
            foreach (var m in methods)
            {
                list.Add(($"{m} {route}", m, route));
            }
        }

        return list.DistinctBy(r => r.Item1 + r.Item3).ToList();
    }

    [Fact]
    public void EveryRoute_HasAnExpectedAccess()
    {
        var missing = Routes().Select(r => r.Key).Distinct().Where(k => !Expected.ContainsKey(k)).ToList();
        Assert.True(missing.Count == 0, "Routes without an access entry: " + string.Join(", ", missing));
        var stale = Expected.Keys.Except(Routes().Select(r => r.Key)).ToList();
        Assert.True(stale.Count == 0, "Entries for routes that no longer exist: " + string.Join(", ", stale));
    }

    [Fact]
    public async Task Anonymous_ReachesOnlyPublicRoutes()
    {
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var tried = 0;
        foreach (var (key, method, route) in Routes().Where(r => Expected[r.Key] == Access.SignedIn))
        {
            var url = Concrete(route, id: "1");
            var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), url)
            {
                Content = method is "POST" or "PUT" ? new StringContent("{}", System.Text.Encoding.UTF8, "application/json") : null,
            });
            tried++;
            if (url.StartsWith("/api/", StringComparison.Ordinal))
            {
                Assert.True(response.StatusCode == HttpStatusCode.Unauthorized, $"{key}: {(int)response.StatusCode}");
            }
            else
            {
                Assert.True(response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location!.OriginalString.Contains("/Account/Login", StringComparison.Ordinal),
                    $"{key}: {(int)response.StatusCode}");
            }
        }

        Assert.True(tried >= 20, $"only {tried} routes tried");
    }

    [Fact]
    public async Task OfficerOfAnotherCommune_ReachesNoRecordThroughAnyRouteThatNamesOne()
    {
        var officerB = await app.ApiClientAsync((Role.Officer, TestData.ThaiHoa));
        var recordId = await TestData.CreateInitiativeAsync(officerB, TestData.ThaiHoa, TestData.Unique("Bí mật của phường B"));
        var orgResponse = await System.Net.Http.Json.HttpClientJsonExtensions.PostAsJsonAsync(officerB, "/api/v1/organizations",
            new { name = TestData.Unique("Tổ chức của B"), kind = "police", unitCode = TestData.ThaiHoa });
        var orgId = (await orgResponse.ReadJsonAsync()).GetProperty("id").GetInt32();
        var userB = await app.CreateUserAsync(TestData.UniqueEmail(), (Role.Officer, TestData.ThaiHoa));

        var emailA = TestData.UniqueEmail();
        var userA = await app.CreateUserAsync(emailA, (Role.Officer, TestData.LuongBang));
        var api = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        api.DefaultRequestHeaders.Authorization = new("Bearer", await app.CreateTokenAsync(userA));
        var web = await HtmlClient.SignedInAsync(app, emailA);

        var tried = 0;
        foreach (var (key, method, route) in Routes().Where(r => r.Route.Contains("{id", StringComparison.Ordinal)))
        {
            var id = route.Contains("organizations", StringComparison.OrdinalIgnoreCase) ? orgId.ToString(System.Globalization.CultureInfo.InvariantCulture)
                : route.Contains("Users", StringComparison.OrdinalIgnoreCase) ? userB.Id
                : recordId.ToString(System.Globalization.CultureInfo.InvariantCulture);
            var url = Concrete(route, id);
            HttpResponseMessage response;
            if (key.StartsWith("PAGE", StringComparison.Ordinal))
            {
                response = (await web.GetAsync(url)).Response;
            }
            else
            {
                response = await api.SendAsync(new HttpRequestMessage(new HttpMethod(method), url)
                {
                    Content = method is "POST" or "PUT"
                        ? new StringContent(System.Text.Json.JsonSerializer.Serialize(TestData.NewInitiative(TestData.LuongBang)), System.Text.Encoding.UTF8, "application/json")
                        : null,
                });
            }

            tried++;
            var body = await response.Content.ReadAsStringAsync();
            Assert.False(response.IsSuccessStatusCode, $"{key} answered {(int)response.StatusCode} for another commune's record");
            Assert.DoesNotContain("Bí mật của phường B", body, StringComparison.Ordinal);
        }

        Assert.True(tried >= 8, $"only {tried} routes tried");

        // And the record is unchanged.
        var after = await (await officerB.GetAsync($"/api/v1/initiatives/{recordId}")).ReadJsonAsync();
        Assert.Equal(1, after.GetProperty("version").GetInt32());
    }

    private static string Concrete(string route, string id)
    {
        var url = route
            .Replace("{id:int?}", id, StringComparison.Ordinal).Replace("{id:int}", id, StringComparison.Ordinal)
            .Replace("{id?}", id, StringComparison.Ordinal).Replace("{id}", id, StringComparison.Ordinal)
            .Replace("{map:int}", "2025", StringComparison.Ordinal).Replace("{code}", "01", StringComparison.Ordinal)
            .Replace("{documentName}", "v1", StringComparison.Ordinal).Replace("{**rest}", "x", StringComparison.Ordinal);
        return url.Length > 1 ? url.TrimEnd('/') : url;
    }
}
