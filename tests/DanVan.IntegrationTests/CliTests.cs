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
        Assert.Equal(System.Net.HttpStatusCode.Redirect, (await web.Http.GetAsync("/Initiatives")).StatusCode); // to choose her own password first
        var api = app.CreateClient();
        api.DefaultRequestHeaders.Authorization = new("Bearer", token);
        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, (await api.GetAsync("/api/v1/me")).StatusCode);
        Assert.Equal(1, (await RunAsync("reset-password", "--email", "khong-co@test.danvan.vn")).Code);
        Assert.Equal(0, (await RunAsync("reset-2fa", "--email", email)).Code);
    }

    [Fact]
    public async Task ImportResults_FromTheCommandLine_AllOrNothing_AndTheSummaryHasTheFigures()
    {
        var api = await app.ApiClientAsync((DanVan.Domain.Role.Secretariat, TestData.HungYen)); // starts the app: the database exists

        // A district's published figures, written as they are published: dots for thousands, a comma for decimals.
        var file = Path.Combine(Path.GetTempPath(), $"ket-qua-{Guid.NewGuid():N}.csv");
        await File.WriteAllTextAsync(file, "Đơn vị,Kỳ,Chỉ tiêu,Nguồn,Giá trị,Đơn vị tính\n"
            + "11980,2022,funds_mobilized,state,\"67.416.790.288\",đồng\n"
            + "11980,2022,Kinh phí huy động,Nhân dân đóng góp,\"2,5\",tỷ đồng\n"
            + "11980,2022,roads_built,,540,km\n");
        var bad = Path.Combine(Path.GetTempPath(), $"ket-qua-sai-{Guid.NewGuid():N}.csv");
        await File.WriteAllTextAsync(bad, "Đơn vị,Kỳ,Chỉ tiêu,Giá trị\n11980,2022,land_donated,12\n99999,2022,land_donated,5\n11980,2022-H3,land_donated,abc\n");
        try
        {
            var refused = await RunAsync("import", "results", "--file", bad);
            Assert.Equal(1, refused.Code);
            Assert.Contains("Dòng / line 3", refused.Err, StringComparison.Ordinal);
            Assert.Contains("không có đơn vị mã 99999", refused.Err, StringComparison.Ordinal);
            Assert.Contains("Dòng / line 4", refused.Err, StringComparison.Ordinal);
            Assert.Contains("không phải là số", refused.Err, StringComparison.Ordinal);
            Assert.Contains("không nhập dòng nào", refused.Err, StringComparison.Ordinal);

            var dry = await RunAsync("import", "results", "--file", file, "--dry-run");
            Assert.Equal(0, dry.Code);
            var done = await RunAsync("import", "results", "--file", file);
            Assert.Equal(0, done.Code);
            Assert.Contains("3 số liệu của đơn vị", done.Out, StringComparison.Ordinal);
            // Importing again replaces rather than adds.
            Assert.Equal(0, (await RunAsync("import", "results", "--file", file)).Code);
        }
        finally
        {
            File.Delete(file);
            File.Delete(bad);
        }

        var figures = (await (await api.GetAsync("/api/v1/reports/summary?unit=11980&from=2022-01-01&to=2022-12-31")).ReadJsonAsync()).GetProperty("indicators");
        Assert.Equal(69_916_790_288m, figures.GetProperty("funds_mobilized").GetProperty("total").GetDecimal());
        Assert.Equal(2_500_000_000m, figures.GetProperty("funds_mobilized").GetProperty("byCategory").GetProperty("people").GetDecimal());
        Assert.Equal(540m, figures.GetProperty("roads_built").GetProperty("total").GetDecimal());
        Assert.Equal(0m, figures.GetProperty("land_donated").GetProperty("total").GetDecimal());
    }
}
