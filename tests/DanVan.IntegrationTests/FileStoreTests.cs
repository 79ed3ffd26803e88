using System.Net;
using System.Net.Http.Json;
using DanVan.Data;
using DanVan.Domain;
using DanVan.Features.Imports;
using DanVan.Infrastructure;
using DanVan.IntegrationTests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DanVan.IntegrationTests;

/// <summary>
/// Files in the database (Storage:Files = Database): uploads, thumbnails, documents and queued imports work with no
/// file on the node's disk; <c>files move</c> carries them to the directory and back, and a node of either kind serves them.
/// </summary>
public sealed class FileStoreTests : IAsyncLifetime
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "danvan_files_" + Guid.NewGuid().ToString("N")[..8]);
    private DanVanFactory _app = null!;

    public Task InitializeAsync()
    {
        _app = DanVanFactory.WithSettings(new Dictionary<string, string?> { ["Storage:Files"] = "Database", ["Storage:Uploads"] = _dir });
        _ = _app.Server;
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        if (Directory.Exists(_dir))
        {
            Directory.Delete(_dir, recursive: true);
        }
    }

    private async Task<(int Code, string Out, string Err)> CliAsync(params string[] args)
    {
        var names = new[] { "Database__Provider", "ConnectionStrings__DanVan", "Storage__Uploads" };
        var previous = names.Select(Environment.GetEnvironmentVariable).ToArray();
        Environment.SetEnvironmentVariable(names[0], _app.Provider.ToString());
        Environment.SetEnvironmentVariable(names[1], _app.ConnectionString);
        Environment.SetEnvironmentVariable(names[2], _dir);
        try
        {
            var output = new StringWriter();
            var error = new StringWriter();
            var code = await Cli.RunAsync(args, output, error);
            return (code, output.ToString(), error.ToString());
        }
        finally
        {
            for (var i = 0; i < names.Length; i++)
            {
                Environment.SetEnvironmentVariable(names[i], previous[i]);
            }
        }
    }

    private async Task<int> StoredCountAsync()
    {
        await using var scope = _app.Scope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().StoredFiles.CountAsync();
    }

    private int FilesOnDisk() => Directory.Exists(_dir) ? Directory.GetFiles(_dir).Length : 0;

    [Fact]
    public async Task UploadsLiveInTheDatabase_AndMoveToTheDirectoryAndBack()
    {
        var officer = await _app.ApiClientAsync((Role.Officer, TestData.LuongBang));
        var id = await TestData.CreateInitiativeAsync(officer, TestData.LuongBang, registeredOn: "2025-08-01");
        var report = await TestData.IdOfAsync(await officer.PostAsJsonAsync($"/api/v1/initiatives/{id}/results",
            new { periodKind = "quarter", periodStart = "2025-10-01", narrative = "Ảnh hiện trường", values = Array.Empty<object>() }));
        var pdf = "%PDF-1.4\n% biên bản\n"u8.ToArray();
        var photo = await TestData.IdOfAsync(await officer.PostAsync($"/api/v1/results/{report}/evidence", TestData.FileContent(TestData.Png, "anh.png")));
        var minutes = await TestData.IdOfAsync(await officer.PostAsync($"/api/v1/results/{report}/evidence", TestData.FileContent(pdf, "bien-ban.pdf")));

        // Nothing on the node's disk but thumbnails; both files in the database, served from there.
        Assert.Equal(0, FilesOnDisk());
        Assert.Equal(2, await StoredCountAsync());
        Assert.Equal(TestData.Png, await officer.GetByteArrayAsync($"/api/v1/evidence/{photo}"));
        Assert.Equal(pdf, await officer.GetByteArrayAsync($"/api/v1/evidence/{minutes}"));
        Assert.Equal(HttpStatusCode.OK, (await officer.GetAsync($"/api/v1/evidence/{photo}?w=160")).StatusCode);

        // A queued import's file goes through the same store, is read by the worker and removed at its end.
        var secretariat = await _app.ApiClientAsync((Role.Secretariat, TestData.HungYen));
        var job = await TestData.ImportJobAsync(secretariat,
            "Tên mô hình *,Mã đơn vị *,Lĩnh vực *,Loại *,Chủ thể *,Ngày đăng ký *\nVườn rau sạch từ tệp,"
            + TestData.LuongBang + ",Kinh tế,Tập thể,Hội Phụ nữ,15/03/2025", "initiatives");
        Assert.Equal("succeeded", job.GetProperty("status").GetString());
        // The job's file goes once its end is recorded (just after the status the client saw).
        for (var k = 0; k < 50 && await StoredCountAsync() != 2; k++)
        {
            await Task.Delay(100);
        }

        Assert.Equal(2, await StoredCountAsync());

        // To the directory: the database keeps no copy, the disk has both, and a node reading the directory serves them.
        var toLocal = await CliAsync("files", "move", "--to", "local");
        Assert.True(toLocal.Code == 0, toLocal.Err);
        Assert.Contains("2", toLocal.Out, StringComparison.Ordinal);
        Assert.Equal(0, await StoredCountAsync());
        Assert.Equal(2, FilesOnDisk());
        await using (var local = DanVanFactory.SecondNode(_app, new Dictionary<string, string?> { ["Storage:Files"] = "Local", ["Storage:Uploads"] = _dir }))
        {
            var client = await local.ApiClientAsync((Role.Officer, TestData.LuongBang));
            Assert.Equal(pdf, await client.GetByteArrayAsync($"/api/v1/evidence/{minutes}"));
        }

        // And back; a second run finds nothing left to move.
        var toDb = await CliAsync("files", "move", "--to", "database");
        Assert.True(toDb.Code == 0, toDb.Err);
        Assert.Equal(2, await StoredCountAsync());
        Assert.Equal(0, FilesOnDisk());
        Assert.Equal(TestData.Png, await officer.GetByteArrayAsync($"/api/v1/evidence/{photo}"));
        var again = await CliAsync("files", "move", "--to", "database");
        Assert.Equal(0, again.Code);
        Assert.StartsWith("Đã chép / copied 0,", again.Out, StringComparison.Ordinal);

        Assert.Equal(2, (await CliAsync("files", "move", "--to", "cloud")).Code);
    }
}

/// <summary>The import queue across nodes: a job whose node died is taken over and runs once; a stopping node gives its job back.</summary>
[Collection(AppCollection.Name)]
public class JobTakeoverTests(DanVanFactory app)
{
    private async Task<int> StrandedJobAsync(string claimedBy, DateTimeOffset heartbeat, string modelName)
    {
        var user = await app.CreateUserAsync(TestData.UniqueEmail(), (Role.Secretariat, TestData.HungYen));
        await using var s = app.Scope();
        var store = s.ServiceProvider.GetRequiredService<DanVan.Infrastructure.EvidenceStore>();
        var stored = "import-" + Guid.NewGuid().ToString("N") + ".csv";
        await store.WriteAsync(stored, System.Text.Encoding.UTF8.GetBytes(
            $"Tên mô hình *,Mã đơn vị *,Lĩnh vực *,Loại *,Chủ thể *,Ngày đăng ký *\n{modelName},{TestData.LuongBang},Kinh tế,Tập thể,Hội Phụ nữ,15/03/2025"), null, default);
        var db = s.ServiceProvider.GetRequiredService<AppDbContext>();
        var job = new ImportJob
        {
            UserId = user.Id, UserName = user.UserName, FileName = "tep.csv", StoredFile = stored, Status = ImportStatus.Running, CreatedAt = DateTimeOffset.UtcNow,
            ClaimedBy = claimedBy, HeartbeatAt = heartbeat, Attempts = 1,
        };
        db.ImportJobs.Add(job);
        await db.SaveChangesAsync();
        return job.Id;
    }

    private async Task<ImportJob> EndedAsync(int id)
    {
        for (var k = 0; ; k++)
        {
            await using var s = app.Scope();
            var job = await s.ServiceProvider.GetRequiredService<AppDbContext>().ImportJobs.AsNoTracking().SingleAsync(j => j.Id == id);
            if (job.Status is ImportStatus.Succeeded or ImportStatus.Failed || k > 150)
            {
                return job;
            }

            await Task.Delay(200);
        }
    }

    private async Task<int> ModelsNamedAsync(string name)
    {
        await using var s = app.Scope();
        return await s.ServiceProvider.GetRequiredService<AppDbContext>().Initiatives.CountAsync(i => i.Name == name);
    }

    [Fact]
    public async Task AJobWhoseNodeStoppedBeating_IsTakenOverAndRunsOnce()
    {
        var name = TestData.Unique("Mô hình của nút đã chết");
        var id = await StrandedJobAsync("a-node-that-died", DateTimeOffset.UtcNow.AddMinutes(-10), name);
        await using (var s = app.Scope())
        {
            var db = s.ServiceProvider.GetRequiredService<AppDbContext>();
            if (!db.Dialect.WritesBesideATransaction)
            {
                // SQLite is one node: its worker takes such jobs when it starts again, which is this call.
                await ImportJobs.ReclaimAsync(db, TimeProvider.System, TimeSpan.Zero, default);
            }
        }

        // PostgreSQL: the running worker notices the dead node's lease by itself (within a beat, 5 s).
        var job = await EndedAsync(id);
        Assert.Equal(ImportStatus.Succeeded, job.Status);
        Assert.Equal(2, job.Attempts);
        Assert.Equal(ImportJobs.Node, job.ClaimedBy);
        Assert.Equal(1, await ModelsNamedAsync(name));
    }

    [Fact]
    public async Task ALiveNodesJob_IsLeftAlone_AndAStoppingNodeGivesItBack()
    {
        var name = TestData.Unique("Mô hình của nút đang dừng");
        var id = await StrandedJobAsync(ImportJobs.Node, DateTimeOffset.UtcNow, name);
        await using var s = app.Scope();
        var db = s.ServiceProvider.GetRequiredService<AppDbContext>();
        await ImportJobs.ReclaimAsync(db, TimeProvider.System, TimeSpan.FromSeconds(30), default);
        Assert.Equal(ImportStatus.Running, (await db.ImportJobs.AsNoTracking().SingleAsync(j => j.Id == id)).Status);

        await ImportJobs.ReleaseAsync(db, id, default);
        var job = await EndedAsync(id);
        Assert.Equal(ImportStatus.Succeeded, job.Status);
        Assert.Equal(1, job.Attempts);
        Assert.Equal(1, await ModelsNamedAsync(name));
    }
}
