using System.Net;
using System.Net.Http.Json;
using DanVan.Data;
using DanVan.Domain;
using DanVan.Features.Admin.Users;
using DanVan.Infrastructure;
using DanVan.IntegrationTests.Support;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DanVan.IntegrationTests;

[Collection(AppCollection.Name)]
public class AccountTests(DanVanFactory app)
{
    [Fact]
    public async Task LoginPage_IsVietnamese_AndWrongPasswordSaysSo()
    {
        var web = HtmlClient.Anonymous(app);
        var (_, doc) = await web.GetAsync("/Account/Login");
        Assert.Equal("vi", doc.DocumentElement.GetAttribute("lang"));
        Assert.Contains("Đăng nhập", doc.QuerySelector("h1")!.TextContent, StringComparison.Ordinal);
        var email = TestData.UniqueEmail();
        await app.CreateUserAsync(email, (Role.Officer, TestData.LuongBang));
        var response = await web.PostFormAsync("/Account/Login", new() { ["Input.Email"] = email, ["Input.Password"] = "Sai-mat-khau-1" });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Email hoặc mật khẩu không đúng", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Login_EmptyFields_ShowVietnameseFieldErrors()
    {
        var response = await HtmlClient.Anonymous(app).PostFormAsync("/Account/Login", new() { ["Input.Email"] = "", ["Input.Password"] = "" });
        var doc = HtmlClient.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("Vui lòng nhập Email.", doc.QuerySelector("[data-valmsg-for='Input.Email']")!.TextContent);
        Assert.Equal("Vui lòng nhập Mật khẩu.", doc.QuerySelector("[data-valmsg-for='Input.Password']")!.TextContent);
    }

    [Fact]
    public async Task Login_FiveWrongPasswords_LockTheAccount_AndTheAuditTrailSaysSo()
    {
        var email = TestData.UniqueEmail();
        await app.CreateUserAsync(email, (Role.Officer, TestData.LuongBang));
        var web = HtmlClient.Anonymous(app);
        for (var i = 0; i < 5; i++)
        {
            await web.PostFormAsync("/Account/Login", new() { ["Input.Email"] = email, ["Input.Password"] = "Sai-mat-khau-1" });
        }

        var locked = await web.PostFormAsync("/Account/Login", new() { ["Input.Email"] = email, ["Input.Password"] = TestData.Password });
        Assert.Equal(HttpStatusCode.OK, locked.StatusCode);
        // The same answer as a wrong password or an unknown e-mail: which one it was is not told.
        Assert.Contains(DanVan.Features.Account.LoginModel.Refused, System.Net.WebUtility.HtmlDecode(await locked.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var actions = await db.AuditEntries.Where(a => a.EntityType == "Account" && a.Changes!.Contains(email)).Select(a => a.Action).ToListAsync();
        // Four failures, the fifth locks, the sixth (right password) meets the lock.
        Assert.Equal(4, actions.Count(a => a == "sign-in-failed"));
        Assert.Equal(2, actions.Count(a => a == "sign-in-locked"));
    }

    [Fact]
    public async Task Api_WithoutCredentials_Answers401Problem_AndSessionCookieWorks()
    {
        var anonymous = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var response = await anonymous.GetAsync("/api/v1/initiatives");
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);

        var email = TestData.UniqueEmail();
        await app.CreateUserAsync(email, (Role.Officer, TestData.LuongBang));
        var web = await HtmlClient.SignedInAsync(app, email);
        var me = await (await web.Http.GetAsync("/api/v1/me")).ReadJsonAsync();
        Assert.Equal(email, me.GetProperty("userName").GetString());
        Assert.Equal("officer", me.GetProperty("grants")[0].GetProperty("role").GetString());
    }

    [Fact]
    public async Task ApiToken_IsStoredHashed_AndRevokedTokenIsRefused()
    {
        var user = await app.CreateUserAsync(TestData.UniqueEmail(), (Role.Officer, TestData.LuongBang));
        var token = await app.CreateTokenAsync(user, "kịch bản");
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", token);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/me")).StatusCode);

        await using (var scope = app.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var stored = await db.ApiTokens.SingleAsync(t => t.UserId == user.Id);
            Assert.NotEqual(token, stored.Hash);
            Assert.Equal(ApiTokenService.Hash(token), stored.Hash);
            Assert.DoesNotContain(token, stored.Hash + stored.Prefix + stored.Name, StringComparison.Ordinal);
            stored.RevokedAt = DateTimeOffset.UtcNow;
            await db.SaveChangesAsync();
        }

        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/v1/me")).StatusCode);
        client.DefaultRequestHeaders.Authorization = new("Bearer", "dv_not-a-real-token-at-all");
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/v1/me")).StatusCode);
    }

    [Fact]
    public async Task TokenPage_ShowsANewTokenOnce_ThatWorksForTheApi()
    {
        var email = TestData.UniqueEmail();
        await app.CreateUserAsync(email, (Role.Viewer, TestData.HungYen));
        var web = await HtmlClient.SignedInAsync(app, email);
        var response = await web.PostFormAsync("/Account/Manage/Tokens?handler=Create", new() { ["Name"] = "Báo cáo tự động", ["Days"] = "90", ["Password"] = TestData.Password }, "/Account/Manage/Tokens");
        var token = HtmlClient.Parse(await response.Content.ReadAsStringAsync()).QuerySelector("#new-token")!.TextContent.Trim();
        Assert.StartsWith("dv_", token, StringComparison.Ordinal);
        var (_, again) = await web.GetAsync("/Account/Manage/Tokens");
        Assert.Null(again.QuerySelector("#new-token"));
        Assert.DoesNotContain(token, again.DocumentElement.OuterHtml, StringComparison.Ordinal);
        var api = app.CreateClient();
        api.DefaultRequestHeaders.Authorization = new("Bearer", token);
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/api/v1/me")).StatusCode);
    }

    [Fact]
    public async Task TwoFactor_WhenEnabled_SignInAsksForTheCode()
    {
        var email = TestData.UniqueEmail();
        var user = await app.CreateUserAsync(email, (Role.Secretariat, TestData.HungYen));
        await using (var scope = app.Scope())
        {
            var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<AppUser>>();
            var u = (await users.FindByIdAsync(user.Id))!;
            await users.ResetAuthenticatorKeyAsync(u);
            await users.SetTwoFactorEnabledAsync(u, true);
        }

        var web = HtmlClient.Anonymous(app);
        var response = await web.PostFormAsync("/Account/Login", new() { ["Input.Email"] = email, ["Input.Password"] = TestData.Password });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Account/LoginWith2fa", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
        var wrong = await web.PostFormAsync("/Account/LoginWith2fa", new() { ["Code"] = "000000" });
        Assert.Contains("Mã xác thực không đúng", await wrong.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task UserAdmin_SecretariatGrantsInsideItsProvinceOnly()
    {
        var email = TestData.UniqueEmail();
        await app.CreateUserAsync(email, (Role.Secretariat, TestData.HungYen));
        var web = await HtmlClient.SignedInAsync(app, email);
        var newEmail = TestData.UniqueEmail();
        var created = await web.PostFormAsync("/Admin/Users/Edit?handler=Create", new()
        {
            ["NewUser.Email"] = newEmail, ["NewUser.FullName"] = "Nguyễn Văn Mới", ["NewUser.Password"] = TestData.Password,
            ["Grant.Role"] = "Officer", ["Grant.UnitCode"] = TestData.LuongBang,
        }, "/Admin/Users/Edit");
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);

        var outside = TestData.UniqueEmail();
        var refused = await web.PostFormAsync("/Admin/Users/Edit?handler=Create", new()
        {
            ["NewUser.Email"] = outside, ["NewUser.FullName"] = "Ngoài phạm vi", ["NewUser.Password"] = TestData.Password,
            ["Grant.Role"] = "Officer", ["Grant.UnitCode"] = TestData.ThaiHoa,
        }, "/Admin/Users/Edit");
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("thuộc phạm vi của mình", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        Assert.True(await db.Users.AnyAsync(u => u.Email == newEmail));
        Assert.False(await db.Users.AnyAsync(u => u.Email == outside)); // the account and its grant go together
        var scopeOfSecretariat = new UserScope("s", "s", [(Role.Secretariat, "/33/")]);
        var newId = (await db.Users.FirstAsync(u => u.Email == newEmail)).Id;
        await Assert.ThrowsAsync<DanVan.Domain.DomainException>(() =>
            UserAdmin.AddGrantAsync(db, scopeOfSecretariat, newId, Role.Admin, null, default));
        var list = await UserAdmin.ListAsync(db, scopeOfSecretariat, null, default);
        Assert.Contains(list, u => u.Email == newEmail);
        Assert.DoesNotContain(list, u => u.Grants.Any(g => g.UnitCode == TestData.ThaiHoa) && u.Grants.All(g => g.UnitCode == TestData.ThaiHoa));
    }
}
