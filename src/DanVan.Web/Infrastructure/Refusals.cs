using DanVan.Data;
using DanVan.Domain;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Infrastructure;

/// <summary>What a refusal becomes: a status, the field it belongs to (if any), the sentence shown, and its kind.</summary>
public sealed record Refusal(int Status, string Title, string? Field, string Message, string Kind)
{
    public string Type => ProblemTypes.Of(Kind);
}

/// <summary>
/// One problem type per kind of refusal (RFC 9457 "type"), so a client tells a stale version (read again, then retry)
/// from a transition the rules refuse (do not retry) without reading the Vietnamese sentence.
/// </summary>
public static class ProblemTypes
{
    public static string Of(string kind) => "urn:danvan:problem:" + kind;

    public static string ForStatus(int status) => Of(status switch
    {
        400 => "invalid",
        401 => "unauthenticated",
        403 => "forbidden",
        404 => "not-found",
        405 => "method-not-allowed",
        409 => "refused",
        415 => "unsupported-media-type",
        429 => "too-many-requests",
        503 => "unavailable",
        _ => "error",
    });
}

/// <summary>
/// The one mapping from a refusal to an answer, used by the API's exception handler and by every page:
/// a field error → 400 with the field; outside read scope or missing → 404; readable but not allowed → 403;
/// a refused transition or a stale version → 409.
/// </summary>
public static class Refusals
{
    public const string Stale = "Bản ghi vừa được người khác sửa. Hãy tải lại trang rồi thử lại; thay đổi của bạn chưa được lưu.";

    /// <summary>The refusal an exception stands for, or null when it is not a refusal (a fault).</summary>
    public static Refusal? Of(Exception exception) => exception switch
    {
        DomainException { Field: { } field } d => new(StatusCodes.Status400BadRequest, "Dữ liệu không hợp lệ", field, d.Message, "invalid"),
        DomainException d => new(StatusCodes.Status409Conflict, "Thao tác không được phép", null, d.Message, "refused"),
        ScopeException { Visible: true } => new(StatusCodes.Status403Forbidden, "Không có quyền", null, "Bạn không có quyền thực hiện thao tác này với đơn vị này.", "forbidden"),
        ScopeException => new(StatusCodes.Status404NotFound, "Không tìm thấy", null, "Không tìm thấy bản ghi (hoặc bạn không có quyền xem).", "not-found"),
        DbUpdateConcurrencyException => new(StatusCodes.Status409Conflict, "Dữ liệu đã thay đổi", null, Stale, "stale"),
        _ => null,
    };
}
