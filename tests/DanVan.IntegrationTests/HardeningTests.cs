using System.Net;
using DanVan.Data;
using DanVan.Domain;
using DanVan.Infrastructure;
using DanVan.IntegrationTests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using System.Net.Http.Json;

namespace DanVan.IntegrationTests;

/// <summary>Settings that harden a deployment (compulsory two-step verification, token rate limits) and storage failures.</summary>
public class HardeningTests
{
    /// <summary>The test app with some settings of its own, on a database of its own.</summary>
    private sealed class SettingsFactory(params (string Key, string Value)[] settings) : DanVanFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            foreach (var (key, value) in settings)
            {
                builder.UseSetting(key, value);
            }
        }
    }

    [Fact]
    public async Task AdminsAndSecretariat_ReachOnlyTheSetupPage_UntilTheyTurnItOn()
    {
        await using var app = new SettingsFactory((TwoFactorRequirement.SettingKey, "true"));
        var adminEmail = TestData.UniqueEmail();
        var admin = await app.CreateUserAsync(adminEmail, (Role.Admin, null));
        var page = (await HtmlClient.SignedInAsync(app, adminEmail)).Http;

        var blocked = await page.GetAsync("/Initiatives");
        Assert.Equal(HttpStatusCode.Redirect, blocked.StatusCode);
        Assert.StartsWith(TwoFactorRequirement.SetupPage, blocked.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await page.GetAsync("/Admin/Users")).StatusCode);
        var setup = await page.GetAsync(blocked.Headers.Location);
        Assert.Equal(HttpStatusCode.OK, setup.StatusCode);
        Assert.Contains("phải bật xác thực hai bước", await setup.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var secretariat = await app.PageClientAsync((Role.Secretariat, "11"));
        Assert.Equal(HttpStatusCode.Redirect, (await secretariat.GetAsync("/Initiatives")).StatusCode);
        // Nor can a token be made meanwhile (it would outlive the rule), and one made before the rule answers nothing.
        var tokens = await secretariat.GetAsync("/Account/Manage/Tokens");
        Assert.Equal(HttpStatusCode.Redirect, tokens.StatusCode);
        Assert.StartsWith(TwoFactorRequirement.SetupPage, tokens.Headers.Location!.OriginalString, StringComparison.Ordinal);
        var oldToken = await app.ApiClientAsync((Role.Secretariat, "11"));
        var refusedByToken = await oldToken.GetAsync("/api/v1/personal-data?name=Nguy%E1%BB%85n");
        Assert.Equal(HttpStatusCode.Forbidden, refusedByToken.StatusCode);
        Assert.Contains("hai bước", System.Text.RegularExpressions.Regex.Unescape(await refusedByToken.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        var officer = await app.PageClientAsync((Role.Officer, TestData.ThaiHoa));
        Assert.Equal(HttpStatusCode.OK, (await officer.GetAsync("/Initiatives")).StatusCode);

        // Once it is on, the same session goes through.
        await using (var scope = app.Scope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            var user = (await users.FindByIdAsync(admin.Id))!;
            Assert.True((await users.SetTwoFactorEnabledAsync(user, true)).Succeeded);
        }

        Assert.Equal(HttpStatusCode.OK, (await page.GetAsync("/Initiatives")).StatusCode);
    }

    [Fact]
    public async Task ApiTokens_AreRateLimitedEachOnItsOwn()
    {
        await using var app = new SettingsFactory(("RateLimits:ApiTokenPerMinute", "5"));
        var first = await app.ApiClientAsync((Role.Officer, TestData.ThaiHoa));
        var second = await app.ApiClientAsync((Role.Officer, TestData.ThaiHoa));
        // The scheme in any case and spaces around the token are one token, one bucket.
        var token = first.DefaultRequestHeaders.Authorization!.Parameter!;
        var spellings = new[] { $"Bearer {token}", $"bearer {token}", $"BEARER   {token}", $"Bearer {token}  ", $"bEaReR\t{token}" };
        foreach (var spelling in spellings)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/me");
            request.Headers.TryAddWithoutValidation("Authorization", spelling);
            using var plain = app.CreateClient();
            Assert.Equal(HttpStatusCode.OK, (await plain.SendAsync(request)).StatusCode);
        }

        var refused = await first.GetAsync("/api/v1/me");
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal("60", refused.Headers.GetValues("Retry-After").Single());
        // A client reads why from a problem document, as for every refusal.
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.Equal("urn:danvan:problem:too-many-requests", (await refused.ReadJsonAsync()).GetProperty("type").GetString());
        Assert.Equal(HttpStatusCode.OK, (await second.GetAsync("/api/v1/me")).StatusCode);
    }

    [Fact]
    public async Task Upload_WhenTheStorageCannotBeWritten_IsAClearErrorAndStoresNothing()
    {
        // Its parent is a device, not a folder: every write fails, as on a full disk.
        await using var app = new SettingsFactory(("Storage:Uploads", "/dev/null/uploads"));
        var api = await app.ApiClientAsync((Role.Officer, TestData.ThaiHoa));
        var id = await TestData.CreateInitiativeAsync(api, TestData.ThaiHoa, registeredOn: "2025-09-01");
        var report = await TestData.IdOfAsync(await api.PostAsJsonAsync($"/api/v1/initiatives/{id}/results",
            new { periodKind = "quarter", periodStart = "2025-10-01", narrative = "Kết quả quý", values = Array.Empty<object>() }));
        var response = await api.PostAsync($"/api/v1/results/{report}/evidence", TestData.FileContent(TestData.Png, "anh.png"));
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode); // refused by a rule of the moment, as other domain refusals
        Assert.Contains("Không lưu được tệp", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await using var scope = app.Scope();
        Assert.False(await scope.ServiceProvider.GetRequiredService<AppDbContext>().EvidenceFiles.AnyAsync(e => e.ReportId == report));
    }
}
