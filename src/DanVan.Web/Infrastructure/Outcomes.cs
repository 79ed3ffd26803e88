using DanVan.Data;
using DanVan.Domain;
using DanVan.Features.Initiatives;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Infrastructure;

/// <summary>Thrown when a record exists but the caller may not act on it (Visible: 403), or is outside their scope (404).</summary>
public sealed class ScopeException : Exception
{
    public ScopeException()
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

/// <summary>One translation of domain refusals for every API route and every page.</summary>
public static class Outcomes
{
    /// <summary>Runs an API action: field errors → 400, refused transitions → 409, scope → 403/404, stale version → 409.</summary>
    public static async Task<IResult> ApiAsync(Func<Task<IResult>> action)
    {
        try
        {
            return await action();
        }
        catch (InputException e)
        {
            return Problems.Invalid(Validation.ToCamel(e.FieldName), e.Message);
        }
        catch (DomainException e)
        {
            return TypedResults.Problem(e.Message, statusCode: StatusCodes.Status409Conflict, title: "Thao tác không được phép");
        }
        catch (ScopeException e)
        {
            return e.Visible ? Problems.Forbidden() : Problems.NotFound();
        }
        catch (DbUpdateConcurrencyException)
        {
            return Problems.Conflict("Bản ghi vừa được người khác sửa. Hãy tải lại rồi thử lại.");
        }
    }

    /// <summary>Runs a page action; a refusal becomes a form error and the page is shown again. True when it succeeded.</summary>
    public static async Task<bool> PageAsync(ModelStateDictionary modelState, AppDbContext db, Func<Task> action, string prefix = "Input.")
    {
        try
        {
            await action();
            return true;
        }
        catch (InputException e)
        {
            modelState.AddModelError(string.IsNullOrEmpty(e.FieldName) ? string.Empty : prefix + e.FieldName, e.Message);
        }
        catch (DomainException e)
        {
            modelState.AddModelError(string.Empty, e.Message);
        }
        catch (DbUpdateConcurrencyException)
        {
            modelState.AddModelError(string.Empty, "Bản ghi vừa được người khác sửa. Hãy mở lại trang rồi thử lại; thay đổi của bạn chưa được lưu.");
        }

        db.ChangeTracker.Clear();
        return false;
    }
}

/// <summary>Shared lookups for the workflow features.</summary>
public static class Lookups
{
    public static async Task<AdminUnit> CurrentUnitAsync(AppDbContext db, string? code, string field, CancellationToken ct) =>
        await db.AdminUnits.FirstOrDefaultAsync(u => u.Map == Maps.Current && u.Code == code, ct)
        ?? throw new InputException(field, $"Không có đơn vị mã {code} trên bản đồ 2025.");

    /// <summary>Secretariat work (rounds, criteria, appraisal, recognition, review, conferences) at a unit.</summary>
    public static void EnsureManages(UserScope scope, string path)
    {
        if (!scope.CanAdministerUsersAt(path))
        {
            throw new ScopeException(scope.CanRead(path));
        }
    }

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
            db.Notifications.Add(new Notification { UserId = id, Text = text, Link = link, CreatedAt = now });
        }
    }
}
