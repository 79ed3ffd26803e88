using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DanVan.Features;

/// <summary>
/// What a person sees when a page cannot be shown (404, 403, 429, 500, 503): a page in the site's style and language,
/// with a way back. The API keeps answering problem documents; a developer's exception page is never shown.
/// </summary>
[IgnoreAntiforgeryToken]
public class ErrorModel : PageModel
{
    public int Code { get; private set; }

    public string? TraceId { get; private set; }

    public bool Public { get; private set; }

    public string? Back { get; private set; }

    public IActionResult OnGet(int code) => Show(code);

    // A failed request is re-executed here with its own method.
    public IActionResult OnPost(int code) => Show(code);

    public IActionResult OnPut(int code) => Show(code);

    public IActionResult OnPatch(int code) => Show(code);

    public IActionResult OnDelete(int code) => Show(code);

    private IActionResult Show(int code)
    {
        var original = HttpContext.Features.Get<IStatusCodeReExecuteFeature>()?.OriginalPath
            ?? HttpContext.Features.Get<IExceptionHandlerPathFeature>()?.Path ?? string.Empty;
        var error = HttpContext.Features.Get<IExceptionHandlerFeature>()?.Error;
        Code = error is not null && Infrastructure.ProblemExceptionHandler.IsDatabaseUnavailable(error) ? StatusCodes.Status503ServiceUnavailable
            : code is >= 400 and <= 599 ? code : StatusCodes.Status404NotFound;
        TraceId = HttpContext.TraceIdentifier;
        if (Code == StatusCodes.Status503ServiceUnavailable)
        {
            Response.Headers.RetryAfter = "5";
        }

        if (original.StartsWith("/api", StringComparison.OrdinalIgnoreCase))
        {
            if (Code == StatusCodes.Status401Unauthorized)
            {
                Response.Headers.WWWAuthenticate = "Bearer";
            }

            // A bare 400 here is the framework's: a body it could not read as the operation's JSON (parameters are named by
            // ApiQuery.UnreadableAsync before they get here).
            var problem = Code == StatusCodes.Status400BadRequest
                ? new ValidationProblemDetails(new Dictionary<string, string[]>(StringComparer.Ordinal)
                {
                    ["body"] = ["Không đọc được nội dung yêu cầu: gửi JSON đúng lược đồ của thao tác trong tài liệu OpenAPI (Content-Type: application/json)."],
                })
                : new ProblemDetails();
            problem.Type = Infrastructure.ProblemTypes.ForStatus(Code);
            problem.Status = Code;
            problem.Title = Title(Code);
            problem.Detail = Code == StatusCodes.Status400BadRequest ? "Nội dung yêu cầu không đọc được." : Message(Code);
            problem.Extensions["traceId"] = TraceId;
            return new ObjectResult(problem)
            {
                StatusCode = Code,
                ContentTypes = { "application/problem+json" },
            };
        }

        Public = original.StartsWith("/cong-khai", StringComparison.OrdinalIgnoreCase) || User.Identity?.IsAuthenticated != true;
        var referer = Request.Headers.Referer.ToString();
        Back = Uri.TryCreate(referer, UriKind.Absolute, out var r) && r.Host == Request.Host.Host ? Infrastructure.LocalUrls.Safe(r.PathAndQuery) : null;
        Response.StatusCode = Code;
        return Page();
    }

    public static string Title(int code) => code switch
    {
        401 => "Chưa xác thực",
        404 => "Không tìm thấy trang",
        403 => "Bạn không có quyền làm việc này",
        429 => "Bạn gửi quá nhiều lần",
        503 => "Hệ thống tạm thời bận",
        >= 500 => "Có lỗi xảy ra",
        _ => "Yêu cầu không thực hiện được",
    };

    public static string Message(int code) => code switch
    {
        401 => "Thiếu mã truy cập, mã đã hết hạn hoặc đã bị thu hồi: gửi Authorization: Bearer <mã> (tạo mã ở trang Tài khoản → Mã truy cập API).",
        404 => "Trang hoặc bản ghi bạn tìm không có, đã được chuyển đi, hoặc nằm ngoài phạm vi bạn được xem.",
        403 => "Tài khoản của bạn không được làm việc này ở đơn vị này. Nếu cần, hãy nhờ Ban Dân vận cấp quyền.",
        429 => "Bạn gửi quá nhiều lần trong thời gian ngắn. Xin đợi một phút rồi thử lại.",
        503 => "Cơ sở dữ liệu đang tạm ngừng hoặc quá tải; không có gì bị ghi dở. Xin thử lại sau vài giây.",
        >= 500 => "Hệ thống gặp lỗi khi xử lý yêu cầu; không có gì bị ghi dở. Xin thử lại; nếu vẫn lỗi, báo quản trị hệ thống kèm mã dưới đây.",
        _ => "Yêu cầu không hợp lệ. Xin quay lại và thử lại.",
    };
}
