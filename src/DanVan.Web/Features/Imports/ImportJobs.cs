using System.Text.Json;
using DanVan.Data;
using DanVan.Domain;
using DanVan.Features.Results;
using DanVan.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Features.Imports;

public sealed record ImportJobView(int Id, string FileName, bool DryRun, string Status, int Total, int Processed, IReadOnlyList<RowError> Errors,
    JsonElement? Result, DateTimeOffset CreatedAt, DateTimeOffset? FinishedAt);

/// <summary>Imports queued in the database and run by <see cref="ImportWorker"/>, so a large file does not hold a request.</summary>
public static class ImportJobs
{
    public const long MaxBytes = 50L * 1024 * 1024;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.Create(System.Text.Unicode.UnicodeRanges.All),
    };

    public static async Task<ImportJob> EnqueueAsync(AppDbContext db, UserScope scope, EvidenceStore store, IFormFile file, bool dryRun, TimeProvider clock, CancellationToken ct,
        string kind = ImportJob.Initiatives)
    {
        if (kind is not (ImportJob.Initiatives or ImportJob.Results or ImportJob.Awards))
        {
            throw DomainException.For("kind", "Loại tệp nhập phải là initiatives (mô hình), results (số liệu kết quả) hoặc awards (khen thưởng).");
        }

        // Each row still needs the operation it performs; this only keeps out those who can do none.
        var may = kind switch
        {
            ImportJob.Results => scope.CanAnywhere(Operation.ReportResults),
            ImportJob.Awards => scope.CanDecideAnywhere,
            _ => scope.CanAnywhere(Operation.Import),
        };
        if (!may)
        {
            throw new ScopeException(true);
        }

        var ext = Path.GetExtension(file.FileName ?? string.Empty).ToLowerInvariant();
        if (ext is not (".xlsx" or ".csv"))
        {
            throw DomainException.For("File", "Chỉ nhận tệp .xlsx hoặc .csv.");
        }

        if (file.Length == 0 || file.Length > MaxBytes)
        {
            throw DomainException.For("File", file.Length == 0 ? "Tệp rỗng." : "Tệp quá lớn (tối đa 50 MB).");
        }

        // Kept where the node that runs the job can read it: the shared store (the database, or a shared directory).
        var stored = "import-" + Guid.NewGuid().ToString("N") + ext;
        await using (var buffer = new MemoryStream())
        {
            await file.CopyToAsync(buffer, ct);
            await store.WriteAsync(stored, buffer.ToArray(), db, ct);
        }

        var job = new ImportJob
        {
            UserId = scope.UserId, UserName = scope.UserName, FileName = Path.GetFileName(file.FileName ?? "import" + ext), StoredFile = stored,
            DryRun = dryRun, Status = ImportStatus.Queued, CreatedAt = clock.GetUtcNow(), Kind = kind,
        };
        db.ImportJobs.Add(job);
        await db.SaveChangesAsync(ct);
        return job;
    }

    /// <summary>Progress of jobs running in this process. On SQLite a second connection cannot write while the import's
    /// transaction holds the database, so progress is kept here; on PostgreSQL it is also written to the job row.</summary>
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<int, (int Done, int Total)> Running = new();

    public static async Task<ImportJobView?> ViewAsync(AppDbContext db, UserScope scope, int id, CancellationToken ct)
    {
        var j = await db.ImportJobs.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (j is null || (j.UserId != scope.UserId && !scope.IsAdmin))
        {
            return null;
        }

        if (j.Status == ImportStatus.Running && Running.TryGetValue(id, out var p))
        {
            (j.Processed, j.Total) = p;
        }

        return View(j);
    }

    public static async Task<List<ImportJobView>> MineAsync(AppDbContext db, UserScope scope, CancellationToken ct) =>
        (await db.ImportJobs.AsNoTracking().Where(j => j.UserId == scope.UserId).OrderByDescending(j => j.Id).Take(20).ToListAsync(ct)).Select(View).ToList();

    public static ImportJobView View(ImportJob j) => new(j.Id, j.FileName, j.DryRun, EnumKeys.Key(j.Status), j.Total, j.Processed,
        j.Errors is null ? [] : JsonSerializer.Deserialize<List<RowError>>(j.Errors, Json) ?? [],
        j.Result is null ? null : JsonDocument.Parse(j.Result).RootElement.Clone(), j.CreatedAt, j.FinishedAt);

    /// <summary>Said of a job that the server stopped in the middle of (its transaction was never committed).</summary>
    public const string Interrupted = "Việc nhập bị dừng giữa chừng vì máy chủ khởi động lại; không có dòng nào được ghi. Hãy gửi lại tệp.";

    /// <summary>
    /// Runs one claimed job to its end. A job is a sandbox: whatever it throws ends that job as failed with a reason
    /// in Vietnamese, with nothing written (the import's one transaction is rolled back), and never reaches the host.
    /// </summary>
    public static async Task RunAsync(IServiceProvider services, int jobId, CancellationToken ct)
    {
        using var activity = Infrastructure.Telemetry.Source.StartActivity("danvan.import");
        activity?.SetTag("danvan.job", jobId);
        ImportOutcome outcome;
        object? result = null;
        try
        {
            (outcome, result) = await ImportAsync(services, jobId, ct);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception e)
        {
            services.GetRequiredService<ILogger<ImportWorker>>().LogError(e, "Import job {JobId} failed", jobId);
            outcome = new ImportOutcome(0, [], Reason(e), 0, 0, 0, 0);
        }
        finally
        {
            Running.TryRemove(jobId, out _);
        }

        // Past this point the import has committed or failed: its end is written even if the node is stopping.
        await FinishAsync(services, jobId, outcome, result, CancellationToken.None);
        Infrastructure.Telemetry.ImportsEnded.Add(1, new KeyValuePair<string, object?>("danvan.outcome", outcome.Ok ? "succeeded" : "failed"));
        if (outcome.Ok)
        {
            Infrastructure.Telemetry.RowsImported.Add(outcome.Total);
        }
    }

    /// <summary>Why a job failed, in words for the person who sent the file.</summary>
    public static string Reason(Exception e) => e switch
    {
        // A refusal reads as it does on the form (one mapping for every way in).
        _ when Infrastructure.Refusals.Of(e) is { } refusal => refusal.Message,
        System.Xml.XmlException or DocumentFormat.OpenXml.Packaging.OpenXmlPackageException or InvalidDataException or FormatException
            or System.Text.DecoderFallbackException or CsvHelper.CsvHelperException or IOException
            => "Không đọc được tệp: tệp hỏng hoặc không đúng định dạng (.xlsx lưu từ Excel, hoặc .csv). Không có dòng nào được ghi.",
        _ when ProblemExceptionHandler.IsDatabaseUnavailable(e) => "Cơ sở dữ liệu tạm thời không phục vụ được; không có dòng nào được ghi. Hãy gửi lại tệp sau ít phút.",
        _ => "Có lỗi khi xử lý tệp; không có dòng nào được ghi. Hãy gửi lại tệp, hoặc báo quản trị hệ thống (mã việc nhập trong danh sách).",
    };

    private static async Task<(ImportOutcome Outcome, object? Result)> ImportAsync(IServiceProvider services, int jobId, CancellationToken ct)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var clock = scope.ServiceProvider.GetRequiredService<TimeProvider>();
        var job = await db.ImportJobs.AsNoTracking().FirstAsync(j => j.Id == jobId, ct);
        var grants = await db.RoleGrants.AsNoTracking().Where(g => g.UserId == job.UserId).Select(g => new { g.Role, g.ScopePath }).ToListAsync(ct);
        var userScope = new UserScope(job.UserId, job.UserName, grants.Select(g => (g.Role, g.ScopePath)));
        // The import runs in its own context: it clears its change tracker, which must not drop the job row.
        await using var importScope = services.CreateAsyncScope();
        var worker = importScope.ServiceProvider.GetRequiredService<AppDbContext>();

        async Task Progress(int done, int total)
        {
            Running[jobId] = (done, total);
            if (db.Dialect.WritesBesideATransaction)
            {
                // Its own connection, so the import's transaction stays its own (SQLite has one writer: memory only).
                await using var p = services.CreateAsyncScope();
                var pdb = p.ServiceProvider.GetRequiredService<AppDbContext>();
                await pdb.ImportJobs.Where(j => j.Id == jobId).ExecuteUpdateAsync(s => s.SetProperty(j => j.Processed, done).SetProperty(j => j.Total, total), ct);
            }
        }

        var store = services.GetRequiredService<EvidenceStore>();
        // Jobs queued before files could live in the database kept a full path.
        var bytes = Path.IsPathRooted(job.StoredFile) ? await File.ReadAllBytesAsync(job.StoredFile, ct)
            : await store.ReadAsync(job.StoredFile, ct) ?? throw new FileNotFoundException("The queued file is missing", job.StoredFile);
        await using var buffer = new MemoryStream(bytes);
        if (job.Kind == ImportJob.Awards)
        {
            Running[jobId] = (0, 0);
            var awards = await Awards.AwardsImport.RunAsync(worker, userScope, buffer, job.FileName, job.DryRun, clock, ct);
            return (new ImportOutcome(awards.Total, awards.Errors, awards.FileError, 0, 0, 0, 0), new { awards.Total, awards.Decisions });
        }

        if (job.Kind == ImportJob.Results)
        {
            // The figures' import is one transaction of its own, like the console's and the page's.
            Running[jobId] = (0, 0);
            var figures = await Indicators.ResultsImport.RunAsync(worker, userScope, buffer, job.FileName, job.DryRun, clock, ct);
            return (new ImportOutcome(figures.Total, figures.Errors, figures.FileError, 0, 0, 0, 0),
                new { figures.Total, figures.UnitValues, figures.ModelValues });
        }

        var outcome = await InitiativeImport.RunAsync(worker, userScope, buffer, job.FileName, job.DryRun, clock, Progress, ct);
        if (outcome.Ok && !job.DryRun)
        {
            // The import writes in bulk, past the interceptor that usually drops the public pages' cached copies.
            await Public.PublicCache.EvictAsync(scope.ServiceProvider);
        }

        return (outcome, null);
    }

    /// <summary>Records how a job ended, on a fresh context (the import's may be the one that broke).</summary>
    private static async Task FinishAsync(IServiceProvider services, int jobId, ImportOutcome outcome, object? result, CancellationToken ct)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var job = await db.ImportJobs.FirstAsync(j => j.Id == jobId, ct);
        if (job.Status != ImportStatus.Running || (job.ClaimedBy is not null && job.ClaimedBy != Node))
        {
            // Another node took the job over while this one seemed gone: the job's end is that node's to write.
            services.GetRequiredService<ILogger<ImportWorker>>().LogWarning("Import job {JobId} ended here after another node took it over", jobId);
            return;
        }

        job.Total = outcome.Total;
        job.Processed = outcome.Ok && !job.DryRun ? outcome.Total : job.Processed;
        job.Status = outcome.Ok ? ImportStatus.Succeeded : ImportStatus.Failed;
        job.Errors = outcome.FileError is not null
            ? JsonSerializer.Serialize(new[] { new RowError(0, [outcome.FileError]) }, Json)
            : JsonSerializer.Serialize(outcome.Errors, Json);
        job.Result = JsonSerializer.Serialize(result ?? new { outcome.Created, outcome.Updated, outcome.Recognitions, outcome.Retired, outcome.Total }, Json);
        job.FinishedAt = scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow();
        await db.SaveChangesAsync(ct);
        try
        {
            if (Path.IsPathRooted(job.StoredFile))
            {
                File.Delete(job.StoredFile);
            }
            else
            {
                services.GetRequiredService<EvidenceStore>().Delete(job.StoredFile);
            }
        }
        catch (IOException)
        {
            // A stored upload left behind is harmless; the job's end is recorded.
        }
    }

    /// <summary>This process, as written on the jobs it runs.</summary>
    public static readonly string Node = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid().ToString("N")[..6]}";

    /// <summary>A job is started at most this many times; one that took its node down each time fails with a reason.</summary>
    public const int MaxAttempts = 3;

    /// <summary>
    /// Jobs whose node stopped writing their heartbeat (killed, or cut off from the database) for longer than the lease:
    /// their transaction died with the connection, nothing was written, so they go back to the queue for any node — or,
    /// after <see cref="MaxAttempts"/> starts, fail with a reason. A job with no heartbeat at all counts as expired.
    /// </summary>
    public static async Task<int> ReclaimAsync(AppDbContext db, TimeProvider clock, TimeSpan lease, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(clock);
        var deadline = clock.GetUtcNow() - lease;
        // SQLite cannot compare date-times with offsets in SQL: the few running jobs are read, and each stale one is
        // changed only if its heartbeat is still the one read (a beat written meanwhile keeps the job its node's).
        var running = await db.ImportJobs.AsNoTracking().Where(j => j.Status == ImportStatus.Running)
            .Select(j => new { j.Id, j.HeartbeatAt, j.Attempts }).ToListAsync(ct);
        var taken = 0;
        foreach (var j in running.Where(j => j.HeartbeatAt is null || j.HeartbeatAt < deadline))
        {
            var same = db.ImportJobs.Where(x => x.Id == j.Id && x.Status == ImportStatus.Running && x.HeartbeatAt == j.HeartbeatAt);
            taken += j.Attempts >= MaxAttempts
                ? await same.ExecuteUpdateAsync(s => s
                    .SetProperty(x => x.Status, ImportStatus.Failed)
                    .SetProperty(x => x.Errors, JsonSerializer.Serialize(new[] { new RowError(0, [Interrupted]) }, Json))
                    .SetProperty(x => x.FinishedAt, clock.GetUtcNow()), ct)
                : await same.ExecuteUpdateAsync(s => s
                    .SetProperty(x => x.Status, ImportStatus.Queued)
                    .SetProperty(x => x.ClaimedBy, (string?)null)
                    .SetProperty(x => x.HeartbeatAt, (DateTimeOffset?)null), ct);
        }

        return taken;
    }

    /// <summary>Takes the oldest queued job for this node (a conditional update: two nodes never both win it).</summary>
    public static async Task<int?> ClaimAsync(AppDbContext db, TimeProvider clock, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(clock);
        var next = await db.ImportJobs.Where(j => j.Status == ImportStatus.Queued).OrderBy(j => j.Id).Select(j => (int?)j.Id).FirstOrDefaultAsync(ct);
        return next is { } id && await db.ImportJobs.Where(j => j.Id == id && j.Status == ImportStatus.Queued).ExecuteUpdateAsync(s => s
            .SetProperty(j => j.Status, ImportStatus.Running)
            .SetProperty(j => j.ClaimedBy, Node)
            .SetProperty(j => j.HeartbeatAt, clock.GetUtcNow())
            .SetProperty(j => j.Attempts, j => j.Attempts + 1), ct) == 1
            ? id
            : null;
    }

    /// <summary>Says the job is still alive on this node; false when another node has taken it over.</summary>
    public static async Task<bool> HeartbeatAsync(AppDbContext db, TimeProvider clock, int jobId, CancellationToken ct) =>
        await db.ImportJobs.Where(j => j.Id == jobId && j.Status == ImportStatus.Running && j.ClaimedBy == Node)
            .ExecuteUpdateAsync(s => s.SetProperty(j => j.HeartbeatAt, clock.GetUtcNow()), ct) == 1;

    /// <summary>On a graceful stop: the job goes back to the queue (its transaction was rolled back), not counted as a try.</summary>
    public static async Task ReleaseAsync(AppDbContext db, int jobId, CancellationToken ct) =>
        await db.ImportJobs.Where(j => j.Id == jobId && j.Status == ImportStatus.Running && j.ClaimedBy == Node).ExecuteUpdateAsync(s => s
            .SetProperty(j => j.Status, ImportStatus.Queued)
            .SetProperty(j => j.ClaimedBy, (string?)null)
            .SetProperty(j => j.HeartbeatAt, (DateTimeOffset?)null)
            .SetProperty(j => j.Attempts, j => j.Attempts - 1), ct);
}

/// <summary>
/// Runs queued imports one at a time on every node. A node claims a job with a conditional update, writes a heartbeat
/// while it runs (PostgreSQL), gives the job back when the node is stopped gracefully, and takes over a job whose
/// node stopped beating. On SQLite (one node, one writer: no heartbeat can be written beside the import's
/// transaction) a job still "running" at start was cut off by a crash or a restart and is taken again.
/// </summary>
public sealed class ImportWorker(IServiceProvider services, IConfiguration config, ILogger<ImportWorker> log) : BackgroundService
{
    private readonly TimeSpan _lease = TimeSpan.FromSeconds(config.GetValue("Jobs:LeaseSeconds", 30));
    private readonly TimeSpan _beat = TimeSpan.FromSeconds(config.GetValue("Jobs:HeartbeatSeconds", 5));

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var clock = services.GetRequiredService<TimeProvider>();
        bool beats;
        try
        {
            await using var start = services.CreateAsyncScope();
            var db = start.ServiceProvider.GetRequiredService<AppDbContext>();
            beats = db.Dialect.WritesBesideATransaction;
            if (!beats)
            {
                var taken = await ImportJobs.ReclaimAsync(db, clock, TimeSpan.Zero, stoppingToken);
                if (taken > 0)
                {
                    log.LogWarning("{Count} import jobs were interrupted by a restart and are queued again (or failed after {Max} tries)", taken, ImportJobs.MaxAttempts);
                }
            }

            // Sessions past their end are refused anyway; removing them at start keeps the table small.
            await Sessions.PurgeExpiredAsync(db, clock, stoppingToken);
            await Idempotency.PurgeAsync(db, clock, stoppingToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            log.LogWarning(e, "Could not look for interrupted import jobs");
            beats = true;
        }

        var lastReclaim = DateTimeOffset.MinValue;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var scope = services.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
                if (beats && clock.GetUtcNow() - lastReclaim > _beat)
                {
                    lastReclaim = clock.GetUtcNow();
                    if (await ImportJobs.ReclaimAsync(db, clock, _lease, stoppingToken) is > 0 and var taken)
                    {
                        log.LogWarning("{Count} import jobs of a node that stopped answering are queued again", taken);
                    }
                }

                if (await ImportJobs.ClaimAsync(db, clock, stoppingToken) is { } id)
                {
                    await RunClaimedAsync(id, beats, clock, stoppingToken);
                    continue;
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                // The queue itself (not a job) failed, e.g. the database is restarting: wait and try again.
                log.LogWarning(e, "Import worker could not take a job; retrying");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(500), stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
        }
    }

    private async Task RunClaimedAsync(int id, bool beats, TimeProvider clock, CancellationToken stoppingToken)
    {
        // The job stops when the node stops, or when another node has taken it over (its transaction is rolled back).
        using var run = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        var heartbeat = beats ? BeatAsync(id, clock, run) : Task.CompletedTask;
        try
        {
            await ImportJobs.RunAsync(services, id, run.Token);
        }
        catch (OperationCanceledException)
        {
            if (stoppingToken.IsCancellationRequested)
            {
                await using var release = services.CreateAsyncScope();
                await ImportJobs.ReleaseAsync(release.ServiceProvider.GetRequiredService<AppDbContext>(), id, CancellationToken.None);
                log.LogInformation("Import job {JobId} given back to the queue as the node stops", id);
                throw;
            }

            log.LogWarning("Import job {JobId} was taken over by another node; this node's run is rolled back", id);
        }
        finally
        {
            await run.CancelAsync();
            await heartbeat;
        }
    }

    private async Task BeatAsync(int id, TimeProvider clock, CancellationTokenSource run)
    {
        while (!run.IsCancellationRequested)
        {
            await Task.Delay(_beat, run.Token).ContinueWith(_ => { }, TaskScheduler.Default);
            if (run.IsCancellationRequested)
            {
                return;
            }

            try
            {
                await using var scope = services.CreateAsyncScope();
                if (!await ImportJobs.HeartbeatAsync(scope.ServiceProvider.GetRequiredService<AppDbContext>(), clock, id, run.Token))
                {
                    await run.CancelAsync();
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // A missed beat is not fatal; the lease is several beats long.
                log.LogWarning(e, "Could not write the heartbeat of import job {JobId}", id);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
