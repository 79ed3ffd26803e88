using DanVan.Data;
using DanVan.Domain;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Infrastructure;

/// <summary>
/// "Not yours", said one way everywhere: the record or unit is outside the caller's read scope, or missing (404), or
/// the caller can see it but may not do this (Visible: 403). Thrown by <see cref="UserScope.Demand"/> and the lookups.
/// </summary>
public sealed class ScopeException : Exception
{
    public ScopeException()
        : this(false)
    {
    }

    public ScopeException(bool visible)
        : base(visible ? "forbidden" : "not found") => Visible = visible;

    public ScopeException(string message)
        : base(message)
    {
    }

    public ScopeException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public bool Visible { get; }
}

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

/// <summary>Page handlers: a refusal becomes a message on the form, never a 500.</summary>
public static class Outcomes
{
    /// <summary>
    /// Runs a page action; a field or transition refusal becomes a form error (by its field) and the page is shown again.
    /// True when it succeeded. "Not yours" is left to <see cref="RefusalPageFilter"/>, which answers 404/403 like the API.
    /// </summary>
    public static async Task<bool> PageAsync(ModelStateDictionary modelState, AppDbContext db, Func<Task> action, string prefix = "Input.")
    {
        try
        {
            await action();
            return true;
        }
        catch (Exception e) when (Refusals.Of(e) is { Status: not (StatusCodes.Status403Forbidden or StatusCodes.Status404NotFound) } refusal)
        {
            modelState.AddModelError(refusal.Field is null ? string.Empty : prefix + refusal.Field, refusal.Message);
        }

        db.ChangeTracker.Clear();
        return false;
    }
}

/// <summary>
/// The page side of <see cref="Refusals"/> for whatever a handler did not show on its form: "not yours" is a 404 or 403
/// page; any other refusal goes back to the page it came from with the sentence as a flash message.
/// </summary>
public sealed class RefusalPageFilter : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var executed = await next();
        if (executed.Exception is null || executed.ExceptionHandled || Refusals.Of(executed.Exception) is not { } refusal)
        {
            return;
        }

        executed.ExceptionHandled = true;
        var http = context.HttpContext;
        // "Not yours" answers like the API; so does any refusal of a page that is only being read (sending it back to
        // the same address would loop).
        if (refusal.Status is StatusCodes.Status403Forbidden or StatusCodes.Status404NotFound || HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method))
        {
            executed.Result = new StatusCodeResult(refusal.Status);
            return;
        }

        var tempData = http.RequestServices.GetRequiredService<ITempDataDictionaryFactory>().GetTempData(http);
        tempData["Error"] = refusal.Message;
        executed.Result = new RedirectResult(http.Request.Path + http.Request.QueryString);
    }
}

/// <summary>Shared lookups for the workflow features.</summary>
public static class Lookups
{
    public static async Task<AdminUnit> CurrentUnitAsync(AppDbContext db, string? code, string field, CancellationToken ct) =>
        await db.AdminUnits.FirstOrDefaultAsync(u => u.Map == Maps.Current && u.Code == code, ct)
        ?? throw DomainException.For(field, $"Không có đơn vị mã {code} trên bản đồ 2025.");

    /// <summary>An initiative the caller can read (404 otherwise), tracked for changes.</summary>
    public static async Task<Initiative> InitiativeAsync(AppDbContext db, UserScope scope, int id, CancellationToken ct) =>
        await db.Initiatives.ReadableBy(scope, i => i.ScopePath).FirstOrDefaultAsync(i => i.Id == id, ct)
        ?? throw new ScopeException(false);
}

/// <summary>In-app notifications.</summary>
public static class Notifier
{
    /// <summary>Users holding one of the roles on the unit at this path or above it.</summary>
    public static async Task<List<string>> UsersCoveringAsync(AppDbContext db, string path, Role[] roles, CancellationToken ct) =>
        (await GrantsCoveringAsync(db, [path], roles, ct)).Select(g => g.UserId).Distinct().ToList();

    /// <summary>The grants (user, path) of these roles on any of the paths or their ancestors.</summary>
    public static async Task<List<(string UserId, string Path)>> GrantsCoveringAsync(AppDbContext db, IEnumerable<string> paths, Role[] roles, CancellationToken ct)
    {
        var ancestors = paths.SelectMany(AncestorPaths).Distinct().ToList();
        var rows = await db.RoleGrants.Where(g => roles.Contains(g.Role) && ancestors.Contains(g.ScopePath))
            .Select(g => new { g.UserId, g.ScopePath }).ToListAsync(ct);
        return rows.Select(r => (r.UserId, r.ScopePath)).ToList();
    }

    public static List<string> AncestorPaths(string path)
    {
        var parts = path.Trim('/').Split('/', StringSplitOptions.RemoveEmptyEntries);
        var list = new List<string> { "/" };
        for (var i = 1; i <= parts.Length; i++)
        {
            list.Add("/" + string.Join('/', parts.Take(i)) + "/");
        }

        return list;
    }

    /// <summary>Tells the officers and secretariat covering a unit (added to the context; saved by the caller).</summary>
    public static async Task NotifyOfficersAsync(AppDbContext db, string path, string text, string? link, DateTimeOffset now, CancellationToken ct) =>
        Notify(db, await UsersCoveringAsync(db, path, [Role.Officer, Role.Secretariat], ct), text, link, now);

    public static void Notify(AppDbContext db, IEnumerable<string> userIds, string text, string? link, DateTimeOffset now)
    {
        foreach (var id in userIds.Distinct())
        {
            // A notification is a line, not the whole story: long reasons are cut (the record keeps them whole).
            db.Notifications.Add(new Notification { UserId = id, Text = text.Length > 1000 ? text[..999] + "…" : text, Link = link, CreatedAt = now });
        }
    }
}
