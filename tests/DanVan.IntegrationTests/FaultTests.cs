using System.Diagnostics;
using System.Net.Http.Json;
using DanVan.Data;
using DanVan.Domain;
using DanVan.Infrastructure.Seeding;
using DanVan.IntegrationTests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DanVan.IntegrationTests;

/// <summary>
/// The app killed with SIGKILL in the middle of its two largest transactions (an import, a recognition decision), on a
/// database of its own: after the kill nothing is half-written, the audit trail agrees with the records, and the same
/// work done again goes through.
/// </summary>
public class FaultTests
{
    private static readonly string AppDll = typeof(Program).Assembly.Location;

    private static Process Start(DanVanFactory app, params string[] args)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Path.GetDirectoryName(AppDll)! };
        info.ArgumentList.Add(AppDll);
        foreach (var a in args)
        {
            info.ArgumentList.Add(a);
        }

        info.Environment["Database__Provider"] = app.Provider.ToString();
        info.Environment["ConnectionStrings__DanVan"] = app.ConnectionString;
        info.Environment["Seed__Demo"] = "false";
        info.Environment["Logging__LogLevel__Default"] = "Warning";
        return Process.Start(info)!;
    }

    [Fact]
    public async Task KilledMidImport_WritesNothing_ThenTheSameFileGoesInWhole()
    {
        await using var app = new DanVanFactory();
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var before = await db.Initiatives.CountAsync();
        var file = Path.Combine(Path.GetTempPath(), $"danvan-kill-{Guid.NewGuid():N}.csv");
        var lines = Enumerable.Range(0, 30_000).Select(i => $"K-{i:D6},Mô hình số {i},{(i % 2 == 0 ? TestData.ThaiHoa : TestData.LuongBang)},2025,Kinh tế,Tập thể,Mới,Hội Nông dân,2025-08-0{1 + (i % 9)},Duy trì");
        await File.WriteAllLinesAsync(file, lines.Prepend("Mã,Tên mô hình,Mã đơn vị,Bản đồ,Lĩnh vực,Loại,Nguồn gốc,Chủ thể,Ngày đăng ký,Trạng thái"));
        try
        {
            using (var import = Start(app, "import", "initiatives", "--file", file))
            {
                // Killed once the writing has begun (a batch of 1,000 has been saved inside the open transaction).
                string? line;
                while ((line = await import.StandardOutput.ReadLineAsync()) is not null && !line.TrimStart().StartsWith("2000/", StringComparison.Ordinal))
                {
                }

                Assert.NotNull(line);
                import.Kill();
                await import.WaitForExitAsync();
            }

            db.ChangeTracker.Clear();
            Assert.Equal(before, await db.Initiatives.CountAsync());
            Assert.False(await db.Initiatives.AnyAsync(i => i.Code == "K-000000"));
            Assert.False(await db.AuditEntries.AnyAsync(a => a.Action == "imported" && a.Changes!.Contains(Path.GetFileName(file))));

            using (var again = Start(app, "import", "initiatives", "--file", file))
            {
                await again.StandardOutput.ReadToEndAsync();
                await again.WaitForExitAsync();
                Assert.Equal(0, again.ExitCode);
            }

            Assert.Equal(before + 30_000, await db.Initiatives.CountAsync());
            Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == "imported" && a.Changes!.Contains("\"created\":30000")));
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task KilledMidRecognition_RecognisesAllOrNone_AndTheAuditAgrees()
    {
        await using var app = new DanVanFactory();
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        await Generator.RunAsync(db, 30_000, 5, 2021, 2025);
        var date = new DateOnly(2026, 10, 1);
        var ids = await db.Initiatives.Where(i => i.ScopePath.StartsWith("/40/") && i.Status != InitiativeStatus.Retired
                && (i.HighestLevel == null || i.HighestLevel < RecognitionLevel.Province) && i.RegisteredOn <= date)
            .Select(i => i.Id).ToListAsync();
        Assert.True(ids.Count > 300, $"only {ids.Count} records to recognise");
        var user = await app.CreateUserAsync(TestData.UniqueEmail(), (Role.Secretariat, TestData.NgheAn));
        var token = await app.CreateTokenAsync(user);
        var port = 20000 + Random.Shared.Next(20000);
        using var server = Start(app, "--urls", $"http://127.0.0.1:{port}");
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(60) };
        http.DefaultRequestHeaders.Authorization = new("Bearer", token);
        for (var k = 0; k < 100 && !(await Try(() => http.GetAsync("/healthz"))); k++)
        {
            await Task.Delay(200);
        }

        var number = "77-QĐ/BCĐ-" + Guid.NewGuid().ToString("N")[..4];
        var request = http.PostAsJsonAsync("/api/v1/recognitions", new { unitCode = TestData.NgheAn, number, date = "2026-10-01", level = "province", issuingBody = "BCĐ tỉnh Nghệ An", initiativeIds = ids });
        await Task.Delay(300);
        server.Kill();
        await server.WaitForExitAsync();
        var answered = await Try(() => request);

        db.ChangeTracker.Clear();
        var recognised = await db.Recognitions.CountAsync(r => r.Decision!.Number == number);
        var decisions = await db.RecognitionDecisions.CountAsync(d => d.Number == number);
        var audited = await db.AuditEntries.CountAsync(a => a.Action == "created" && a.EntityType == nameof(RecognitionDecision) && a.Changes!.Contains(number));
        Assert.True((recognised, decisions) == (0, 0) || (recognised, decisions) == (ids.Count, 1), $"half-written: {recognised} recognitions, {decisions} decisions");
        Assert.Equal(decisions, audited);
        Assert.True(!answered || recognised == ids.Count, "the client was told it succeeded but nothing was written");
        Assert.Equal(ids.Count, await db.Initiatives.CountAsync(i => ids.Contains(i.Id) && i.HighestLevel == (recognised > 0 ? RecognitionLevel.Province : i.HighestLevel)));
    }

    private static async Task<bool> Try(Func<Task<HttpResponseMessage>> call)
    {
        try
        {
            return (await call()).IsSuccessStatusCode;
        }
        catch (HttpRequestException)
        {
            return false;
        }
        catch (TaskCanceledException)
        {
            return false;
        }
    }
}
