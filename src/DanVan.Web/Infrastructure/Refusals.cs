using DanVan.Data;
using DanVan.Domain;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Infrastructure;

/// <summary>What a refusal becomes: a status, the field it belongs to (if any) and the sentence shown.</summary>
public sealed record Refusal(int Status, string Title, string? Field, string Message);

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
        DomainException { Field: { } field } d => new(StatusCodes.Status400BadRequest, "Dữ liệu không hợp lệ", field, d.Message),
        DomainException d => new(StatusCodes.Status409Conflict, "Thao tác không được phép", null, d.Message),
        ScopeException { Visible: true } => new(StatusCodes.Status403Forbidden, "Không có quyền", null, "Bạn không có quyền thực hiện thao tác này với đơn vị này."),
        ScopeException => new(StatusCodes.Status404NotFound, "Không tìm thấy", null, "Không tìm thấy bản ghi (hoặc bạn không có quyền xem)."),
        DbUpdateConcurrencyException => new(StatusCodes.Status409Conflict, "Dữ liệu đã thay đổi", null, Stale),
        _ => null,
    };
}
