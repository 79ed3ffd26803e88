using System.Net;
using DanVan.Domain;
using DanVan.IntegrationTests.Support;

namespace DanVan.IntegrationTests;

[Collection(AppCollection.Name)]
public class OperationsTests(DanVanFactory app)
{
    [Fact]
    public async Task Healthz_ReportsTheDatabaseReachable()
    {
        var response = await app.CreateClient().GetAsync("/healthz");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task OpenApi_DocumentsTheV1Routes()
    {
        var doc = await (await app.CreateClient().GetAsync("/openapi/v1.json")).ReadJsonAsync();
        var paths = doc.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Contains("/api/v1/units", paths);
        Assert.Contains("/api/v1/units/{map}/{code}", paths);
        Assert.Contains("/api/v1/initiatives", paths);
        Assert.Contains("/api/v1/initiatives/{id}", paths);
        Assert.Contains("/api/v1/organizations", paths);
    }

    [Fact]
    public async Task EveryResponse_CarriesSecurityHeaders()
    {
        var response = await app.CreateClient().GetAsync("/Account/Login");
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        var csp = response.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("script-src 'self'", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-eval", csp, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pages_HaveNoInlineScripts()
    {
        var (_, doc) = await HtmlClient.Anonymous(app).GetAsync("/Account/Login");
        Assert.All(doc.QuerySelectorAll("script"), s => Assert.False(string.IsNullOrEmpty(s.GetAttribute("src"))));
    }

    [Fact]
    public async Task Forms_RequireTheAntiforgeryToken()
    {
        var client = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var response = await client.PostAsync("/Account/Login", new FormUrlEncodedContent(new Dictionary<string, string> { ["Input.Email"] = "a@b.vn", ["Input.Password"] = "x" }));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task English_IsTheSecondLanguage()
    {
        var (_, doc) = await HtmlClient.Anonymous(app).GetAsync("/Account/Login?culture=en-US");
        Assert.Equal("en", doc.DocumentElement.GetAttribute("lang"));
        Assert.Equal("Sign in", doc.QuerySelector("h1")!.TextContent.Trim());
    }

    [Fact]
    public async Task UnknownApiRoute_AnswersAProblem()
    {
        var api = await app.ApiClientAsync((Role.Viewer, TestData.HungYen));
        var response = await api.GetAsync("/api/v1/nothing-here");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Numbers_AndDates_AreVietnamese()
    {
        var email = TestData.UniqueEmail();
        await app.CreateUserAsync(email, (Role.Officer, TestData.LuongBang));
        var api = await app.ApiClientAsync((Role.Officer, TestData.LuongBang));
        var id = await TestData.CreateInitiativeAsync(api, TestData.LuongBang, registeredOn: "2026-03-05");
        var web = await HtmlClient.SignedInAsync(app, email);
        var (_, doc) = await web.GetAsync($"/Initiatives/{id}");
        Assert.Contains("05/03/2026", doc.QuerySelector("dl")!.TextContent, StringComparison.Ordinal);
    }
}
