using DanVan.Data;
using DanVan.Domain;
using DanVan.Features.Initiatives;
using DanVan.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Features.Admin.Users;

public sealed record UserRow(string Id, string Email, string FullName, bool Locked, bool TwoFactor, IReadOnlyList<GrantRow> Grants, bool IsIntegration = false);

/// <summary>An API token as its managers see it (never the token itself, which is shown once).</summary>
public sealed record TokenRow(int Id, string Name, string Prefix, DateTimeOffset CreatedAt, DateTimeOffset? ExpiresAt, DateTimeOffset? LastUsedAt, DateTimeOffset? RevokedAt);

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
            .Select(u => new { u.Id, u.Email, u.FullName, u.LockoutEnd, u.TwoFactorEnabled, u.IsIntegration }).ToListAsync(ct);
        var ids = list.Select(u => u.Id).ToList();
        var allGrants = await db.RoleGrants.AsNoTracking().Where(g => ids.Contains(g.UserId))
            .Select(g => new { g.UserId, Row = new GrantRow(g.Id, g.Role, g.Unit != null ? g.Unit.Code : null, g.Unit != null ? g.Unit.FullName : "Toàn quốc", g.ScopePath) })
            .ToListAsync(ct);
        var grantsByUser = allGrants.ToLookup(g => g.UserId, g => g.Row);
        var now = DateTimeOffset.UtcNow;
        return list.Select(u => new UserRow(u.Id, u.Email ?? string.Empty, u.FullName, u.LockoutEnd > now, u.TwoFactorEnabled, grantsByUser[u.Id].ToList(), u.IsIntegration)).ToList();
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

        if (Permissions.MustUseTwoFactor(role) && await db.Users.AnyAsync(u => u.Id == userId && u.IsIntegration, ct))
        {
            throw DomainException.For("Role", "Tài khoản tích hợp chỉ mang quyền cán bộ, thẩm định hoặc lãnh đạo (xem); quyền quản trị và thường trực cần một người với xác thực hai bước.");
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

    /// <summary>
    /// An integration's account: named for the system it serves, with one role on one unit of the caller's area, no
    /// password. Made with its grant or not at all.
    /// </summary>
    public static async Task<AppUser> CreateIntegrationAsync(AppDbContext db, Microsoft.AspNetCore.Identity.UserManager<AppUser> users, UserScope scope, string name, Role role,
        string? unitCode, TimeProvider clock, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(users);
        ArgumentNullException.ThrowIfNull(clock);
        name = (name ?? string.Empty).Trim();
        if (name.Length is < 3 or > 200)
        {
            throw DomainException.For("Name", "Tên hệ thống tích hợp phải có từ 3 đến 200 ký tự (ví dụ: Cổng dữ liệu tỉnh Hưng Yên).");
        }

        var slug = string.Join('-', VietnameseText.Fold(name).Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(w => new string([.. w.Where(char.IsAsciiLetterOrDigit)]))
            .Where(w => w.Length > 0).Take(6));
        var handle = $"tich-hop.{(slug.Length == 0 ? "he-thong" : slug)}.{Guid.NewGuid().ToString("N")[..6]}@tich-hop.invalid";
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var user = new AppUser { UserName = handle, Email = handle, EmailConfirmed = true, FullName = name, CreatedAt = clock.GetUtcNow(), IsIntegration = true };
        var created = await users.CreateAsync(user);
        if (!created.Succeeded)
        {
            throw DomainException.For("Name", string.Join(" ", created.Errors.Select(e => e.Description)));
        }

        await AddGrantAsync(db, scope, user.Id, role, unitCode, ct);
        db.Audit("integration-created", "Account", user.Id, new { name, role = EnumKeys.Key(role), unit = unitCode });
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return user;
    }

    /// <summary>The integration account the caller manages, or a refusal (404 outside their area, 403 if not all of it is theirs).</summary>
    private static async Task<AppUser> ManagedIntegrationAsync(AppDbContext db, UserScope scope, string userId, CancellationToken ct)
    {
        var row = await FindAsync(db, scope, userId, ct);
        if (row is null || !row.IsIntegration)
        {
            throw new ScopeException(false);
        }

        if (!CanManageAccount(scope, row))
        {
            throw new ScopeException(true);
        }

        return await db.Users.FirstAsync(u => u.Id == userId, ct);
    }

    /// <summary>A new token for an integration: shown once, with its own expiry; audited as the manager's act.</summary>
    public static async Task<string> IssueIntegrationTokenAsync(AppDbContext db, UserScope scope, string userId, string name, int days, TimeProvider clock, CancellationToken ct)
    {
        var user = await ManagedIntegrationAsync(db, scope, userId, ct);
        var (_, token) = await ApiTokenService.CreateAsync(db, user, name, days, clock, ct);
        return token;
    }

    public static async Task RevokeIntegrationTokenAsync(AppDbContext db, UserScope scope, string userId, int tokenId, TimeProvider clock, CancellationToken ct)
    {
        await ManagedIntegrationAsync(db, scope, userId, ct);
        var token = await db.ApiTokens.FirstOrDefaultAsync(t => t.Id == tokenId && t.UserId == userId, ct) ?? throw new ScopeException(false);
        if (token.RevokedAt is null)
        {
            token.RevokedAt = clock.GetUtcNow();
            db.Audit("token-revoked", nameof(ApiToken), userId, new { token.Name, token.Prefix });
            await db.SaveChangesAsync(ct);
        }
    }

    public static Task<List<TokenRow>> TokensAsync(AppDbContext db, string userId, CancellationToken ct) =>
        db.ApiTokens.AsNoTracking().Where(t => t.UserId == userId).OrderByDescending(t => t.Id)
            .Select(t => new TokenRow(t.Id, t.Name, t.Prefix, t.CreatedAt, t.ExpiresAt, t.LastUsedAt, t.RevokedAt)).ToListAsync(ct);
}
