using DanVan.Data;
using DanVan.Infrastructure;
using DanVan.IntegrationTests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DanVan.IntegrationTests;

/// <summary>The operator commands, against the same database the app uses (configured by environment variables).</summary>
[Collection(AppCollection.Name)]
public class CliTests(DanVanFactory app)
{
    private async Task<(int Code, string Out, string Err)> RunAsync(params string[] args)
    {
        var previous = (Environment.GetEnvironmentVariable("Database__Provider"), Environment.GetEnvironmentVariable("ConnectionStrings__DanVan"));
        Environment.SetEnvironmentVariable("Database__Provider", app.Provider.ToString());
        Environment.SetEnvironmentVariable("ConnectionStrings__DanVan", app.ConnectionString);
        try
        {
            var output = new StringWriter();
            var error = new StringWriter();
            var code = await Cli.RunAsync(args, output, error);
            return (code, output.ToString(), error.ToString());
        }
        finally
        {
            Environment.SetEnvironmentVariable("Database__Provider", previous.Item1);
            Environment.SetEnvironmentVariable("ConnectionStrings__DanVan", previous.Item2);
        }
    }

    [Fact]
    public async Task CreateAdmin_ThenCreateToken_PrintsOnlyAWorkingToken()
    {
        _ = app.Services; // the app (and its database) exists
        var email = TestData.UniqueEmail();
        var admin = await RunAsync("create-admin", "--email", email, "--password", TestData.Password);
        Assert.Equal(0, admin.Code);
        var token = await RunAsync("create-token", "--email", email, "--name", "script");
        Assert.Equal(0, token.Code);
        var printed = token.Out.Trim();
        Assert.Matches("^dv_[A-Za-z0-9_-]+$", printed);
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", printed);
        var me = await (await client.GetAsync("/api/v1/me")).ReadJsonAsync();
        Assert.Equal("admin", me.GetProperty("grants")[0].GetProperty("role").GetString());
    }

    [Fact]
    public async Task CreateAdmin_WithAWeakPassword_FailsAndCreatesNothing()
    {
        _ = app.Services;
        var email = TestData.UniqueEmail();
        var result = await RunAsync("create-admin", "--email", email, "--password", "123");
        Assert.Equal(1, result.Code);
        Assert.Contains("Mật khẩu", result.Err, StringComparison.Ordinal);
        await using var scope = app.Scope();
        Assert.False(await scope.ServiceProvider.GetRequiredService<AppDbContext>().Users.AnyAsync(u => u.Email == email));
    }

    [Fact]
    public async Task MissingOption_ExitsWithTwo()
    {
        var result = await RunAsync("create-token", "--email", "x@y.vn");
        Assert.Equal(2, result.Code);
        Assert.Contains("--name", result.Err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateToken_ForAnUnknownAccount_Fails()
    {
        _ = app.Services;
        var result = await RunAsync("create-token", "--email", "nobody@nowhere.vn", "--name", "x");
        Assert.Equal(1, result.Code);
    }

    [Fact]
    public async Task ImportInitiatives_BadFileExitsWithOneAndListsRows_GoodFileGoesIn()
    {
        _ = app.Services;
        var dir = Directory.CreateTempSubdirectory("danvan-cli-");
        var tag = Guid.NewGuid().ToString("N")[..6];
        var bad = Path.Combine(dir.FullName, "bad.csv");
        await File.WriteAllTextAsync(bad, $"name,unit,field,kind,owner,registered_on\nA {tag},03127,economy,collective,Hội,2025-13-01\nB {tag},00000,economy,collective,Hội,2025-08-01\n");
        var refused = await RunAsync("import", "initiatives", "--file", bad);
        Assert.Equal(1, refused.Code);
        Assert.Contains("line 2", refused.Err, StringComparison.Ordinal);
        Assert.Contains("line 3", refused.Err, StringComparison.Ordinal);
        var good = Path.Combine(dir.FullName, "good.csv");
        await File.WriteAllTextAsync(good, $"name,unit,field,kind,owner,registered_on\nA {tag},03127,economy,collective,Hội,2025-08-01\n");
        Assert.Equal(0, (await RunAsync("import", "initiatives", "--file", good, "--dry-run")).Code);
        await using (var s = app.Scope())
        {
            Assert.False(await s.ServiceProvider.GetRequiredService<AppDbContext>().Initiatives.AnyAsync(i => i.Name == "A " + tag));
        }

        var done = await RunAsync("import", "initiatives", "--file", good);
        Assert.Equal(0, done.Code);
        await using (var s = app.Scope())
        {
            Assert.True(await s.ServiceProvider.GetRequiredService<AppDbContext>().Initiatives.AnyAsync(i => i.Name == "A " + tag));
        }

        Assert.Equal(2, (await RunAsync("import", "people", "--file", good)).Code);
        dir.Delete(true);
    }

    [Fact]
    public async Task Seed_IsIdempotent()
    {
        _ = app.Services;
        var result = await RunAsync("seed");
        Assert.Equal(0, result.Code);
        Assert.Contains("3355", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ResetPassword_PrintsATemporaryPasswordThatSignsIn_AndEndsTheOldTokens()
    {
        var email = TestData.UniqueEmail();
        var user = await app.CreateUserAsync(email, (Domain.Role.Officer, TestData.LuongBang));
        var token = await app.CreateTokenAsync(user);
        var weak = await RunAsync("reset-password", "--email", email, "--password", "Password12");
        Assert.Equal(1, weak.Code);
        var reset = await RunAsync("reset-password", "--email", email);
        Assert.Equal(0, reset.Code);
        var password = reset.Out.Trim();
        Assert.StartsWith("Dv-", password, StringComparison.Ordinal);
        var web = await HtmlClient.SignedInAsync(app, email, password);
        Assert.Equal(System.Net.HttpStatusCode.OK, (await web.Http.GetAsync("/api/v1/me")).StatusCode);
        var api = app.CreateClient();
        api.DefaultRequestHeaders.Authorization = new("Bearer", token);
        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, (await api.GetAsync("/api/v1/me")).StatusCode);
        Assert.Equal(1, (await RunAsync("reset-password", "--email", "khong-co@test.danvan.vn")).Code);
        Assert.Equal(0, (await RunAsync("reset-2fa", "--email", email)).Code);
    }
}
