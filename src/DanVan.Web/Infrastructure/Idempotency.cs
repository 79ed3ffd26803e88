using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using DanVan.Data;
using DanVan.Domain;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Infrastructure;

/// <summary>
/// An API POST sent with an <c>Idempotency-Key</c> header is done once: the same caller sending the same key again (a
/// retry after a lost answer, a phone coming back online) gets the first answer replayed — same status, body and
/// Location, with <c>Idempotent-Replayed: true</c> — and nothing is created twice. The same key with another request or
/// body, or while the first is still running, is a 409. Refused requests are not kept, so a corrected retry runs.
/// Keys are kept for a day.
/// </summary>
public sealed class Idempotency(RequestDelegate next, IServiceScopeFactory scopes, TimeProvider clock)
{
    public const string Header = "Idempotency-Key";
    public static readonly TimeSpan KeptFor = TimeSpan.FromHours(24);
    private const int MaxAnswer = 1_000_000;

    public async Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var userId = context.User.FindFirstValue(ClaimTypes.NameIdentifier);
        if (!HttpMethods.IsPost(context.Request.Method) || !context.Request.Path.StartsWithSegments("/api", StringComparison.Ordinal)
            || !context.Request.Headers.TryGetValue(Header, out var values) || userId is null)
        {
            await next(context);
            return;
        }

        var key = values.ToString().Trim();
        if (key.Length is 0 or > 100 || key.Any(char.IsControl))
        {
            await Problems.Invalid(Header, "Idempotency-Key: 1–100 ký tự in được (ví dụ một UUID), mỗi yêu cầu tạo mới một khoá.").ExecuteAsync(context);
            return;
        }

        context.Request.EnableBuffering();
        var hash = await BodyHashAsync(context.Request, context.RequestAborted);
        context.Request.Body.Position = 0;
        var request = $"POST {context.Request.Path.Value}".ToLowerInvariant();
        if (request.Length > 300)
        {
            request = request[..300];
        }

        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var seen = await db.IdempotentRequests.AsNoTracking().FirstOrDefaultAsync(r => r.UserId == userId && r.Key == key, context.RequestAborted);
            if (seen is not null && seen.CreatedAt + KeptFor < clock.GetUtcNow())
            {
                await db.IdempotentRequests.Where(r => r.Id == seen.Id).ExecuteDeleteAsync(context.RequestAborted);
                seen = null;
            }

            if (seen is not null)
            {
                await AnswerAgainAsync(context, seen, request, hash);
                return;
            }

            db.IdempotentRequests.Add(IdempotentRequest.Claim(userId, key, request, hash, clock.GetUtcNow()));
            try
            {
                await db.SaveChangesAsync(context.RequestAborted);
            }
            catch (DbUpdateException)
            {
                // Another request with this key claimed it a moment ago.
                await Refuse(context, "Một yêu cầu khác với cùng Idempotency-Key đang được xử lý; đợi câu trả lời của nó rồi gửi lại.");
                return;
            }
        }

        var original = context.Response.Body;
        using var buffer = new MemoryStream();
        context.Response.Body = buffer;
        var kept = false;
        try
        {
            await next(context);
            buffer.Position = 0;
            var status = context.Response.StatusCode;
            if (status is >= 200 and < 300 && buffer.Length <= MaxAnswer)
            {
                var answer = Encoding.UTF8.GetString(buffer.ToArray());
                var contentType = context.Response.ContentType;
                var location = context.Response.Headers.Location.ToString() is { Length: > 0 and <= 300 } l ? l : null;
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<AppDbContext>().IdempotentRequests.Where(r => r.UserId == userId && r.Key == key)
                    .ExecuteUpdateAsync(s => s.SetProperty(r => r.Status, status).SetProperty(r => r.Answer, answer)
                        .SetProperty(r => r.ContentType, contentType).SetProperty(r => r.Location, location), CancellationToken.None);
                kept = true;
            }
        }
        finally
        {
            context.Response.Body = original;
            if (!kept)
            {
                // Refused or failed: nothing was done, so the key is free for a corrected retry.
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<AppDbContext>().IdempotentRequests.Where(r => r.UserId == userId && r.Key == key && r.Status == 0)
                    .ExecuteDeleteAsync(CancellationToken.None);
            }
        }

        buffer.Position = 0;
        await buffer.CopyToAsync(original, context.RequestAborted);
    }

    /// <summary>
    /// The body's SHA-256. A form with files is sent again under a new random boundary, so the boundary is left out:
    /// the same fields and files are the same request.
    /// </summary>
    public static async Task<string> BodyHashAsync(HttpRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var boundary = Microsoft.Net.Http.Headers.MediaTypeHeaderValue.TryParse(request.ContentType, out var type) && type.Boundary.HasValue
            ? Encoding.ASCII.GetBytes(Microsoft.Net.Http.Headers.HeaderUtilities.RemoveQuotes(type.Boundary).ToString()) : [];
        if (boundary.Length == 0)
        {
            return Convert.ToHexString(await SHA256.HashDataAsync(request.Body, ct));
        }

        using var copy = new MemoryStream();
        await request.Body.CopyToAsync(copy, ct);
        var bytes = copy.GetBuffer().AsSpan(0, (int)copy.Length);
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        int at;
        while ((at = bytes.IndexOf(boundary)) >= 0)
        {
            sha.AppendData(bytes[..at]);
            bytes = bytes[(at + boundary.Length)..];
        }

        sha.AppendData(bytes);
        return Convert.ToHexString(sha.GetHashAndReset());
    }

    private static async Task AnswerAgainAsync(HttpContext context, IdempotentRequest seen, string request, string hash)
    {
        if (seen.Status == 0)
        {
            await Refuse(context, "Yêu cầu đầu tiên với Idempotency-Key này còn đang được xử lý; đợi câu trả lời của nó rồi gửi lại.");
            return;
        }

        if (seen.Request != request || seen.BodyHash != hash)
        {
            await Refuse(context, "Idempotency-Key này đã dùng cho một yêu cầu khác (tuyến hoặc nội dung khác); mỗi yêu cầu tạo mới dùng một khoá mới.");
            return;
        }

        context.Response.StatusCode = seen.Status;
        context.Response.Headers["Idempotent-Replayed"] = "true";
        if (seen.Location is not null)
        {
            context.Response.Headers.Location = seen.Location;
        }

        if (seen.Answer is { Length: > 0 } answer)
        {
            context.Response.ContentType = seen.ContentType ?? "application/json; charset=utf-8";
            await context.Response.WriteAsync(answer, context.RequestAborted);
        }
    }

    private static Task Refuse(HttpContext context, string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status409Conflict, title: "Idempotency-Key đang dùng", type: ProblemTypes.Of("idempotency-key-in-use"))
            .ExecuteAsync(context);

    /// <summary>Removes keys older than a day (a replay past it would be a new request anyway).</summary>
    public static async Task<int> PurgeAsync(AppDbContext db, TimeProvider clock, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(clock);
        // As Sessions.PurgeExpiredAsync: SQLite cannot compare offsets in SQL, so times are read and old ids deleted.
        var cutoff = clock.GetUtcNow() - KeptFor;
        var old = (await db.IdempotentRequests.AsNoTracking().Select(r => new { r.Id, r.CreatedAt }).ToListAsync(ct)).Where(r => r.CreatedAt < cutoff).Select(r => r.Id).ToList();
        var deleted = 0;
        foreach (var chunk in old.Chunk(500))
        {
            deleted += await db.IdempotentRequests.Where(r => chunk.Contains(r.Id)).ExecuteDeleteAsync(ct);
        }

        return deleted;
    }
}
