using System.Net;
using DanVan.Infrastructure.Seeding;
using DanVan.IntegrationTests.Support;
using Microsoft.AspNetCore.Hosting;

namespace DanVan.IntegrationTests;

/// <summary>The README's first command seeds demo accounts: they must pass the site's own password rules and sign in.</summary>
public class DemoSeedTests
{
    private sealed class DemoFactory : DanVanFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Seed:Demo", "true");
        }
    }

    [Fact]
    public async Task DemoAccounts_AreCreated_AndSignInWithTheDocumentedPassword()
    {
        await using var app = new DemoFactory();
        var readme = await File.ReadAllTextAsync(Path.Combine(Root(), "README.md"));
        Assert.Contains($"`{DemoSeeder.Password}`", readme, StringComparison.Ordinal);
        foreach (var email in new[] { "admin@danvan.vn", "canbo.luongbang@danvan.vn", "lanhdao.nghean@danvan.vn" })
        {
            var web = await HtmlClient.SignedInAsync(app, email, DemoSeeder.Password);
            Assert.Equal(HttpStatusCode.OK, (await web.Http.GetAsync("/api/v1/me")).StatusCode);
        }
    }

    private static string Root()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "DanVan.slnx")))
        {
            dir = dir.Parent;
        }

        return dir!.FullName;
    }
}
