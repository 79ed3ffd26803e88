using System.Net;
using DanVan.Data;
using DanVan.Domain;
using DanVan.Infrastructure;
using DanVan.IntegrationTests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace DanVan.IntegrationTests;

/// <summary>The setting that makes two-step verification compulsory for administrators and the secretariat.</summary>
public class TwoFactorRequirementTests
{
    private sealed class StrictFactory : DanVanFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting(TwoFactorRequirement.SettingKey, "true");
        }
    }

    [Fact]
    public async Task AdminsAndSecretariat_ReachOnlyTheSetupPage_UntilTheyTurnItOn()
    {
        await using var app = new StrictFactory();
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
}
