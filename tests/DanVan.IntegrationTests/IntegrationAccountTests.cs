using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using DanVan.Data;
using DanVan.Domain;
using DanVan.Features.Admin.Users;
using DanVan.IntegrationTests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DanVan.IntegrationTests;

/// <summary>
/// A province's reporting platform works through an integration account: made by the province's secretariat for its
/// area, with a role and its own tokens (expiry, revocation, audit under the integration's name), no password, and
/// untouched by the staff member's own password reset.
/// </summary>
[Collection(AppCollection.Name)]
public class IntegrationAccountTests(DanVanFactory app)
{
    private static string Errors(AngleSharp.Html.Dom.IHtmlDocument page) =>
        string.Join(" | ", page.QuerySelectorAll(".text-danger, .alert-danger").Select(e => e.TextContent.Trim()).Where(t => t.Length > 0));

    private async Task<(HtmlClient Web, AppUser Staff, string Id)> CreateAsync(string role, string unit)
    {
        var staff = await app.CreateUserAsync(TestData.UniqueEmail(), (Role.Secretariat, TestData.HungYen));
        var web = await HtmlClient.SignedInAsync(app, staff.Email!);
        var made = await web.PostFormAsync("/Admin/Users/Edit?handler=CreateIntegration", new()
        {
            ["NewIntegration.Name"] = TestData.Unique("Cổng dữ liệu tỉnh Hưng Yên"), ["Grant.Role"] = role, ["Grant.UnitCode"] = unit,
        }, "/Admin/Users/Edit?kind=integration");
        Assert.True(made.StatusCode == HttpStatusCode.Redirect, Errors(HtmlClient.Parse(await made.Content.ReadAsStringAsync())));
        return (web, staff, made.Headers.Location!.OriginalString.Split('/')[^1].Split('?')[0]);
    }

    private static async Task<string> IssueAsync(HtmlClient web, string id, string name = "máy chủ báo cáo")
    {
        var issued = await web.PostFormAsync($"/Admin/Users/Edit/{id}?handler=IssueToken", new() { ["NewToken.Name"] = name, ["NewToken.Days"] = "30" }, $"/Admin/Users/Edit/{id}");
        var page = HtmlClient.Parse(await issued.Content.ReadAsStringAsync());
        return page.QuerySelector("#issued-token")?.TextContent.Trim() ?? throw new InvalidOperationException(Errors(page));
    }

    private HttpClient Api(string token)
    {
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    [Fact]
    public async Task AProvincesPlatform_ReadsItsArea_WithItsOwnToken_WhichOutlivesTheStaffMembersPasswordReset()
    {
        var (web, staff, id) = await CreateAsync(nameof(Role.Viewer), TestData.HungYen);
        var token = await IssueAsync(web, id);
        var platform = Api(token);

        var officer = await app.ApiClientAsync((Role.Officer, TestData.LuongBang));
        var mine = await TestData.CreateInitiativeAsync(officer, TestData.LuongBang);
        var elsewhere = await TestData.CreateInitiativeAsync(await app.ApiClientAsync((Role.Officer, TestData.ThaiHoa)), TestData.ThaiHoa);
        Assert.Equal(HttpStatusCode.OK, (await platform.GetAsync($"/api/v1/initiatives/{mine}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await platform.GetAsync($"/api/v1/initiatives/{elsewhere}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await platform.PostAsJsonAsync("/api/v1/initiatives", TestData.NewInitiative(TestData.LuongBang))).StatusCode);

        // The staff member who made it forgets her password: her own sessions and tokens end, the platform's do not.
        await using (var scope = app.Scope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var (result, _) = await AccountRecovery.ResetPasswordAsync(users, db, (await users.FindByIdAsync(staff.Id))!, null, TimeProvider.System);
            Assert.True(result.Succeeded);
        }

        Assert.Equal(HttpStatusCode.OK, (await platform.GetAsync("/api/v1/me")).StatusCode);

        // It has no password to reset, and it never signs in.
        var manager = await app.CreateUserAsync(TestData.UniqueEmail(), (Role.Secretariat, TestData.HungYen));
        var other = await HtmlClient.SignedInAsync(app, manager.Email!);
        var reset = await other.PostFormAsync($"/Admin/Users/Edit/{id}?handler=ResetPassword", [], $"/Admin/Users/Edit/{id}");
        Assert.Null(HtmlClient.Parse(await reset.Content.ReadAsStringAsync()).QuerySelector("#temporary-password"));
        await using (var scope = app.Scope())
        {
            var account = await scope.ServiceProvider.GetRequiredService<AppDbContext>().Users.AsNoTracking().SingleAsync(u => u.Id == id);
            Assert.True(account.IsIntegration);
            Assert.Null(account.PasswordHash);
        }

        // Revoked by another manager of the area: refused at once.
        var (_, page) = await other.GetAsync($"/Admin/Users/Edit/{id}");
        var revokeAction = page.QuerySelector("#tokens form")!.GetAttribute("action")!;
        Assert.Equal(HttpStatusCode.Redirect, (await other.PostFormAsync(revokeAction, [], $"/Admin/Users/Edit/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await platform.GetAsync("/api/v1/me")).StatusCode);
    }

    [Fact]
    public async Task WhatAnIntegrationWrites_IsAuditedUnderItsName()
    {
        var (web, _, id) = await CreateAsync(nameof(Role.Officer), TestData.LuongBang);
        var platform = Api(await IssueAsync(web, id));
        var created = await platform.PostAsJsonAsync("/api/v1/initiatives", TestData.NewInitiative(TestData.LuongBang));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var audit = await (await platform.GetAsync($"/api/v1/initiatives/{await TestData.IdOfAsync(created)}/audit")).ReadJsonAsync();
        Assert.StartsWith("tich-hop.cong-du-lieu-tinh-hung-yen.", audit.GetProperty("items")[0].GetProperty("userName").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnIntegrationCannotHoldAnAdministrativeRole_NorReachBeyondTheMakersArea_AndAWrongFormKeepsWhatWasTyped()
    {
        var staff = await app.CreateUserAsync(TestData.UniqueEmail(), (Role.Secretariat, TestData.HungYen));
        var web = await HtmlClient.SignedInAsync(app, staff.Email!);
        async Task<AngleSharp.Html.Dom.IHtmlDocument> TryAsync(string name, string role, string unit)
        {
            var r = await web.PostFormAsync("/Admin/Users/Edit?handler=CreateIntegration", new()
            {
                ["NewIntegration.Name"] = name, ["Grant.Role"] = role, ["Grant.UnitCode"] = unit,
            }, "/Admin/Users/Edit?kind=integration");
            Assert.Equal(HttpStatusCode.OK, r.StatusCode);
            return HtmlClient.Parse(await r.Content.ReadAsStringAsync());
        }

        var name = TestData.Unique("Hệ thống báo cáo");
        var secretariat = await TryAsync(name, nameof(Role.Secretariat), TestData.HungYen);
        Assert.Contains("Tài khoản tích hợp chỉ mang quyền", Errors(secretariat), StringComparison.Ordinal);
        Assert.Equal(name, secretariat.QuerySelector("#NewIntegration_Name")!.GetAttribute("value"));
        Assert.Contains("phạm vi", Errors(await TryAsync(name, nameof(Role.Viewer), TestData.NgheAn)), StringComparison.Ordinal);
        Assert.Contains("Tên hệ thống tích hợp", Errors(await TryAsync("", nameof(Role.Viewer), TestData.HungYen)), StringComparison.Ordinal);
        await using (var scope = app.Scope())
        {
            Assert.False(await scope.ServiceProvider.GetRequiredService<AppDbContext>().Users.AnyAsync(u => u.FullName == name));
        }

        // An officer manages no accounts at all.
        var officer = await app.CreateUserAsync(TestData.UniqueEmail(), (Role.Officer, TestData.LuongBang));
        var (denied, _) = await (await HtmlClient.SignedInAsync(app, officer.Email!)).GetAsync("/Admin/Users/Edit?kind=integration");
        Assert.True(denied.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.Redirect, denied.StatusCode.ToString());
    }
}
