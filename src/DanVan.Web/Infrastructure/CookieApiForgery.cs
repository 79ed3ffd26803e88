using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Mvc;

namespace DanVan.Infrastructure;

/// <summary>
/// A browser sends its cookies to the API whatever page started the request, so an unsafe API call (POST, PUT, PATCH,
/// DELETE) that rides on the sign-in cookie must carry the antiforgery token (header <c>RequestVerificationToken</c>,
/// as the site's own scripts send it). Calls with a personal token (<c>Authorization: Bearer</c>) cannot be forged
/// by another site and are not affected. One check for every route, so no route can opt out.
/// </summary>
public sealed class CookieApiForgery(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context, IAntiforgery antiforgery, IProblemDetailsService problems)
    {
        ArgumentNullException.ThrowIfNull(context);
        var request = context.Request;
        if (request.Path.StartsWithSegments("/api")
            && !(HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method) || HttpMethods.IsOptions(request.Method) || HttpMethods.IsTrace(request.Method))
            && ApiTokenService.TokenOf(request) is null
            && context.User.Identity?.IsAuthenticated == true
            && !await antiforgery.IsRequestValidAsync(context))
        {
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
            await problems.WriteAsync(new ProblemDetailsContext
            {
                HttpContext = context,
                ProblemDetails = new ProblemDetails
                {
                    Status = StatusCodes.Status403Forbidden,
                    Title = "Thiếu mã chống giả mạo",
                    Detail = "Lệnh gửi tới API bằng phiên đăng nhập của trình duyệt phải kèm mã chống giả mạo (tiêu đề RequestVerificationToken); phần mềm kết nối hãy dùng mã truy cập API (Authorization: Bearer).",
                },
            });
            return;
        }

        await next(context);
    }
}
