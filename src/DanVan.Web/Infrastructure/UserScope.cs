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
    private readonly Dictionary<Operation, IReadOnlyList<string>> _paths = [];

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

    /// <summary>Whether the caller may issue a decision (recognition or award) at some level somewhere.</summary>
    public bool CanDecideAnywhere => Enum.GetValues<RecognitionLevel>().Any(l => CanAnywhere(Permissions.RecognizeAt(l)));

    public IReadOnlyList<(Role Role, string Path)> Grants => _grants;

    /// <summary>Paths the caller may read: any grant reads its subtree.</summary>
    public IReadOnlyList<string> ReadPaths => PathsFor(Operation.Read);

    /// <summary>The subtrees where the caller may perform the operation (see <see cref="Permissions"/>).</summary>
    public IReadOnlyList<string> PathsFor(Operation operation)
    {
        if (!_paths.TryGetValue(operation, out var paths))
        {
            paths = Minimal(IsAdmin ? ["/"] : _grants.Where(g => Permissions.Allows(g.Role, operation)).Select(g => g.Path));
            _paths[operation] = paths;
        }

        return paths;
    }

    public bool CanRead(string path) => Can(Operation.Read, path);

    /// <summary>Whether the caller may perform the operation on the unit at this path (or on a record counted there).</summary>
    public bool Can(Operation operation, string path) => PathsFor(operation).Any(p => UnitPaths.Contains(p, path));

    /// <summary>Whether the caller may perform the operation anywhere at all (to offer a page or a button).</summary>
    public bool CanAnywhere(Operation operation) => PathsFor(operation).Count > 0;

    /// <summary>
    /// The one permission check: refuses with 404 when the caller cannot even see the unit or record at this path,
    /// and with 403 when they can see it but not do this.
    /// </summary>
    public void Demand(Operation operation, string path)
    {
        if (!Can(operation, path))
        {
            throw new ScopeException(CanRead(path));
        }
    }

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
                Expression.Call(compare, pathOf.Body, QueryValue.Of(path)), Expression.Constant(0));
            var upper = Expression.LessThan(
                Expression.Call(compare, pathOf.Body, QueryValue.Of(UnitPaths.UpperBound(path))), Expression.Constant(0));
            var range = Expression.AndAlso(lower, upper);
            body = body is null ? range : Expression.OrElse(body, range);
        }

        return query.Where(Expression.Lambda<Func<T, bool>>(body!, parameter));
    }

    public static IQueryable<T> ReadableBy<T>(this IQueryable<T> query, UserScope scope, Expression<Func<T, string>> pathOf) =>
        query.WithinPaths(scope.ReadPaths, pathOf);

    /// <summary>Rows on which the caller may perform the operation.</summary>
    public static IQueryable<T> PermittedFor<T>(this IQueryable<T> query, UserScope scope, Operation operation, Expression<Func<T, string>> pathOf) =>
        query.WithinPaths(scope.PathsFor(operation), pathOf);
}
