using DanVan.Data;
using DanVan.Domain;
using DanVan.Features.Initiatives;
using DanVan.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Features.Admin.Users;

public sealed record UserRow(string Id, string Email, string FullName, bool Locked, bool TwoFactor, IReadOnlyList<GrantRow> Grants);

public sealed record GrantRow(int Id, Role Role, string? UnitCode, string UnitName, string ScopePath);

/// <summary>Scoped user administration: a secretariat manages the users of its own area, an admin everyone.</summary>
public static class UserAdmin
{
    public static Task<List<UserRow>> ListAsync(AppDbContext db, UserScope scope, string? q, CancellationToken ct) => ListAsync(db, scope, q, null, ct);

    /// <summary>One user the caller may see, whatever the length of the list.</summary>
    public static async Task<UserRow?> FindAsync(AppDbContext db, UserScope scope, string id, CancellationToken ct) =>
        (await ListAsync(db, scope, null, id, ct)).FirstOrDefault();

    private static async Task<List<UserRow>> ListAsync(AppDbContext db, UserScope scope, string? q, string? id, CancellationToken ct)
    {
        var paths = scope.PathsFor(Operation.ManageUsers);
        var grants = db.RoleGrants.AsNoTracking().WithinPaths(paths, g => g.ScopePath);
        var users = db.Users.AsNoTracking().Where(u => grants.Any(g => g.UserId == u.Id) || (scope.IsAdmin && !u.Grants.Any()));
        if (id is not null)
        {
            users = users.Where(u => u.Id == id);
        }

        var text = q?.Trim();
        if (!string.IsNullOrEmpty(text))
        {
            users = users.Where(u => u.Email!.Contains(text) || u.FullName.Contains(text));
        }

        var list = await users.OrderBy(u => u.Email).Take(500)
            .Select(u => new { u.Id, u.Email, u.FullName, u.LockoutEnd, u.TwoFactorEnabled }).ToListAsync(ct);
        var ids = list.Select(u => u.Id).ToList();
        var allGrants = await db.RoleGrants.AsNoTracking().Where(g => ids.Contains(g.UserId))
            .Select(g => new { g.UserId, Row = new GrantRow(g.Id, g.Role, g.Unit != null ? g.Unit.Code : null, g.Unit != null ? g.Unit.FullName : "Toàn quốc", g.ScopePath) })
            .ToListAsync(ct);
        var grantsByUser = allGrants.ToLookup(g => g.UserId, g => g.Row);
        var now = DateTimeOffset.UtcNow;
        return list.Select(u => new UserRow(u.Id, u.Email ?? string.Empty, u.FullName, u.LockoutEnd > now, u.TwoFactorEnabled, grantsByUser[u.Id].ToList())).ToList();
    }

    /// <summary>Whether the caller may manage this user at all (a grant of theirs lies in the caller's area).</summary>
    public static bool CanSee(UserScope scope, UserRow user) =>
        scope.IsAdmin || user.Grants.Any(g => scope.Can(Operation.ManageUsers, g.ScopePath));

    /// <summary>Locking or resetting an account touches every area it serves, so it needs all of them.</summary>
    public static bool CanManageAccount(UserScope scope, UserRow user) =>
        scope.IsAdmin || (user.Grants.Count > 0 && user.Grants.All(g => scope.Can(Operation.ManageUsers, g.ScopePath)));

    public static async Task<RoleGrant> AddGrantAsync(AppDbContext db, UserScope scope, string userId, Role role, string? unitCode, CancellationToken ct)
    {
        if (role == Role.Admin && !scope.IsAdmin)
        {
            throw DomainException.For("Role", "Chỉ quản trị hệ thống mới được cấp quyền quản trị.");
        }

        AdminUnit? unit = null;
        if (!string.IsNullOrWhiteSpace(unitCode))
        {
            unit = await db.AdminUnits.FirstOrDefaultAsync(u => u.Map == Maps.Current && u.Code == unitCode.Trim(), ct)
                ?? throw DomainException.For("UnitCode", $"Không có đơn vị mã {unitCode} trên bản đồ 2025.");
        }
        else if (role != Role.Admin && !scope.IsAdmin)
        {
            throw DomainException.For("UnitCode", "Vui lòng nhập mã đơn vị được cấp quyền.");
        }

        var path = unit?.Path ?? "/";
        if (!scope.Can(Operation.ManageUsers, path))
        {
            throw DomainException.For("UnitCode", "Bạn chỉ được cấp quyền trên đơn vị thuộc phạm vi của mình.");
        }

        if (await db.RoleGrants.AnyAsync(g => g.UserId == userId && g.Role == role && g.UnitId == (unit == null ? null : unit.Id), ct))
        {
            throw DomainException.For("Role", "Người dùng đã có quyền này trên đơn vị này.");
        }

        var grant = new RoleGrant { UserId = userId, Role = role, UnitId = unit?.Id, ScopePath = path };
        db.RoleGrants.Add(grant);
        db.Audit("grant-added", nameof(RoleGrant), userId, new { role = EnumKeys.Key(role), unit = unit?.Code });
        await db.SaveChangesAsync(ct);
        // A change of roles ends the person's sessions: they sign in again under what they may now do.
        await db.UserSessions.Where(s => s.UserId == userId).ExecuteDeleteAsync(ct);
        return grant;
    }

    public static async Task<bool> RemoveGrantAsync(AppDbContext db, UserScope scope, int grantId, CancellationToken ct)
    {
        var grant = await db.RoleGrants.Include(g => g.Unit).FirstOrDefaultAsync(g => g.Id == grantId, ct);
        if (grant is null || !scope.Can(Operation.ManageUsers, grant.ScopePath) || (grant.Role == Role.Admin && !scope.IsAdmin))
        {
            return false;
        }

        db.RoleGrants.Remove(grant);
        db.Audit("grant-removed", nameof(RoleGrant), grant.UserId, new { role = EnumKeys.Key(grant.Role), unit = grant.Unit?.Code });
        await db.SaveChangesAsync(ct);
        await db.UserSessions.Where(s => s.UserId == grant.UserId).ExecuteDeleteAsync(ct);
        return true;
    }
}
