using System.Linq.Expressions;
using System.Security.Claims;
using DanVan.Data;
using DanVan.Domain;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Infrastructure;

/// <summary>
/// The caller's grants and what they reach: one place that every page and API route asks.
/// A grant on a unit covers the unit's subtree in the current map; a grant with no unit covers the country.
/// </summary>
public sealed class UserScope
{
    private readonly List<(Role Role, string Path)> _grants;

    public UserScope(string? userId, string? userName, IEnumerable<(Role Role, string Path)> grants)
    {
        UserId = userId;
        UserName = userName;
        _grants = grants.ToList();
    }

    public static UserScope Anonymous { get; } = new(null, null, []);

    public string? UserId { get; }

    public string? UserName { get; }

    public bool IsAuthenticated => UserId is not null;

    public bool IsAdmin => _grants.Any(g => g.Role == Role.Admin);

    public IReadOnlyList<(Role Role, string Path)> Grants => _grants;

    public bool Has(Role role) => IsAdmin || _grants.Any(g => g.Role == role);

    /// <summary>Paths the caller may read: any grant reads its subtree.</summary>
    public IReadOnlyList<string> ReadPaths => Minimal(IsAdmin ? ["/"] : _grants.Select(g => g.Path));

    /// <summary>Paths where the caller may register and edit initiatives and organisations.</summary>
    public IReadOnlyList<string> WritePaths => Minimal(IsAdmin ? ["/"] :
        _grants.Where(g => g.Role is Role.Secretariat or Role.Officer).Select(g => g.Path));

    /// <summary>Paths where the caller manages users (a secretariat manages its own area's users).</summary>
    public IReadOnlyList<string> UserAdminPaths => Minimal(IsAdmin ? ["/"] :
        _grants.Where(g => g.Role == Role.Secretariat).Select(g => g.Path));

    public bool CanRead(string path) => ReadPaths.Any(p => UnitPaths.Contains(p, path));

    public bool CanWrite(string path) => WritePaths.Any(p => UnitPaths.Contains(p, path));

    public bool CanAdministerUsersAt(string path) => UserAdminPaths.Any(p => UnitPaths.Contains(p, path));

    /// <summary>The unit a leader's dashboard or a list opens on: the broadest grant's path.</summary>
    public string? HomePath => ReadPaths.OrderBy(p => p.Length).FirstOrDefault();

    // Drops paths inside other paths, so filters have as few ranges as possible.
    private static List<string> Minimal(IEnumerable<string> paths)
    {
        var sorted = paths.Distinct(StringComparer.Ordinal).OrderBy(p => p.Length).ToList();
        var result = new List<string>();
        foreach (var p in sorted)
        {
            if (!result.Any(r => UnitPaths.Contains(r, p)))
            {
                result.Add(p);
            }
        }

        return result;
    }

    public static async Task<UserScope> LoadAsync(AppDbContext db, ClaimsPrincipal principal, CancellationToken ct = default)
    {
        var userId = principal.FindFirstValue(ClaimTypes.NameIdentifier);
        if (userId is null)
        {
            return Anonymous;
        }

        var grants = await db.RoleGrants.AsNoTracking().Where(g => g.UserId == userId)
            .Select(g => new { g.Role, g.ScopePath }).ToListAsync(ct);
        return new UserScope(userId, principal.Identity?.Name, grants.Select(g => (g.Role, g.ScopePath)));
    }
}

/// <summary>The shared filter: keeps rows whose path lies in one of the given subtrees (index range scans).</summary>
public static class ScopeQueries
{
    public static IQueryable<T> WithinPaths<T>(this IQueryable<T> query, IReadOnlyList<string> paths, Expression<Func<T, string>> pathOf)
    {
        if (paths.Any(p => p == "/"))
        {
            return query;
        }

        if (paths.Count == 0)
        {
            return query.Where(_ => false);
        }

        var parameter = pathOf.Parameters[0];
        Expression? body = null;
        var compare = typeof(string).GetMethod(nameof(string.Compare), [typeof(string), typeof(string)])!;
        foreach (var path in paths)
        {
            // path <= x < upper bound: a range that a b-tree index answers directly.
            var lower = Expression.GreaterThanOrEqual(
                Expression.Call(compare, pathOf.Body, Expression.Constant(path)), Expression.Constant(0));
            var upper = Expression.LessThan(
                Expression.Call(compare, pathOf.Body, Expression.Constant(UnitPaths.UpperBound(path))), Expression.Constant(0));
            var range = Expression.AndAlso(lower, upper);
            body = body is null ? range : Expression.OrElse(body, range);
        }

        return query.Where(Expression.Lambda<Func<T, bool>>(body!, parameter));
    }

    public static IQueryable<T> ReadableBy<T>(this IQueryable<T> query, UserScope scope, Expression<Func<T, string>> pathOf) =>
        query.WithinPaths(scope.ReadPaths, pathOf);

    public static IQueryable<T> WritableBy<T>(this IQueryable<T> query, UserScope scope, Expression<Func<T, string>> pathOf) =>
        query.WithinPaths(scope.WritePaths, pathOf);
}
