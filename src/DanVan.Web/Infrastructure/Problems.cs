using DanVan.Domain;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Infrastructure;

/// <summary>The API's side of <see cref="Refusals"/>: refusals and outages as RFC 9457 problem details.</summary>
public sealed class ProblemExceptionHandler(IProblemDetailsService problems) : IExceptionHandler
{
    /// <summary>
    /// The database cannot be reached or is busy (PostgreSQL restarting, connections exhausted, SQLite locked past its
    /// timeout): the request failed before anything was committed, so the caller may simply retry.
    /// </summary>
    public static bool IsDatabaseUnavailable(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case Npgsql.NpgsqlException { IsTransient: true }:
                case Npgsql.PostgresException { SqlState: "57P01" or "57P02" or "57P03" or "53300" }:
                case Microsoft.Data.Sqlite.SqliteException { SqliteErrorCode: 5 or 6 }: // SQLITE_BUSY, SQLITE_LOCKED
                case TimeoutException:
                case System.Net.Sockets.SocketException:
                    return true;
            }
        }

        return false;
    }

    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        // Pages have their own error page (and their refusals their page filter); this answers the API.
        if (!httpContext.Request.Path.StartsWithSegments("/api") && Refusals.Of(exception) is null)
        {
            return false;
        }

        if (Refusals.Of(exception) is { } refusal)
        {
            httpContext.Response.StatusCode = refusal.Status;
            var problem = refusal.Field is { } field
                ? new HttpValidationProblemDetails(new Dictionary<string, string[]> { [Validation.ToCamel(field)] = [refusal.Message] })
                    { Status = refusal.Status, Title = refusal.Title, Type = refusal.Type }
                : new ProblemDetails { Status = refusal.Status, Title = refusal.Title, Detail = refusal.Message, Type = refusal.Type };
            return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, Exception = exception, ProblemDetails = problem });
        }

        var (status, title, detail) = exception switch
        {
            BadHttpRequestException b => (b.StatusCode, "Yêu cầu không hợp lệ", "Nội dung yêu cầu không đọc được."),
            OperationCanceledException when httpContext.RequestAborted.IsCancellationRequested => (499, "Đã huỷ", (string?)null),
            _ when IsDatabaseUnavailable(exception) => (StatusCodes.Status503ServiceUnavailable, "Tạm thời không phục vụ được",
                "Cơ sở dữ liệu đang tạm ngừng hoặc quá tải; không có gì bị ghi dở. Hãy thử lại sau vài giây."),
            _ => (0, string.Empty, null),
        };
        if (status == 0)
        {
            return false;
        }

        httpContext.Response.StatusCode = status;
        if (status == StatusCodes.Status503ServiceUnavailable)
        {
            httpContext.Response.Headers.RetryAfter = "5";
        }

        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails = new ProblemDetails { Status = status, Title = title, Detail = detail, Type = ProblemTypes.ForStatus(status) },
        });
    }
}

public static class Problems
{
    public static ProblemHttpResult Conflict(string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status409Conflict, title: "Dữ liệu đã thay đổi", type: ProblemTypes.Of("stale"));

    public static ProblemHttpResult NotFound(string detail = "Không tìm thấy bản ghi (hoặc bạn không có quyền xem).") =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status404NotFound, title: "Không tìm thấy", type: ProblemTypes.Of("not-found"));

    public static ProblemHttpResult Forbidden(string detail = "Bạn không có quyền thực hiện thao tác này với đơn vị này.") =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status403Forbidden, title: "Không có quyền", type: ProblemTypes.Of("forbidden"));

    public static ValidationProblem Invalid(string field, string message) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] },
            title: "Dữ liệu không hợp lệ", type: ProblemTypes.Of("invalid"));

    public static ValidationProblem Invalid(IDictionary<string, string[]> errors) =>
        TypedResults.ValidationProblem(errors, title: "Dữ liệu không hợp lệ", type: ProblemTypes.Of("invalid"));
}
