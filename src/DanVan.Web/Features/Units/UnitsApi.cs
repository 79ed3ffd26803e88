using DanVan.Data;
using DanVan.Domain;
using DanVan.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;

namespace DanVan.Features.Units;

public static class UnitsApi
{
    public static void MapUnitsApi(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("/units").WithTags("Units");
        g.MapGet("/", ListAsync).WithSummary("Đơn vị con của một đơn vị (không có parent: các tỉnh).");
        g.MapGet("/search", SearchAsync).WithSummary("Tìm đơn vị theo tên (có hay không dấu) hoặc mã, trên cả hai bản đồ; đơn vị cũ kèm đơn vị hiện nay. operation: chỉ trong phạm vi người gọi được làm việc đó.");
        g.MapGet("/{map:int}/{code}", GetAsync).WithSummary("Một đơn vị: cha, con, đơn vị tiền thân và kế thừa.");
    }

    private static async Task<Results<Ok<List<UnitSummary>>, ValidationProblem, ProblemHttpResult>> ListAsync(
        AppDbContext db, int? map, string? parent, CancellationToken ct)
    {
        var m = map ?? Maps.Current;
        if (!Maps.IsKnown(m))
        {
            return Problems.Invalid("map", "Bản đồ phải là 2024 hoặc 2025.");
        }

        if (parent is not null && !await UnitExists(db, m, parent, ct))
        {
            return Problems.NotFound($"Không có đơn vị mã {parent} trên bản đồ {m}.");
        }

        return TypedResults.Ok(await UnitQueries.ChildrenAsync(db, m, parent, ct));
    }

    private static async Task<Results<Ok<UnitDetail>, ValidationProblem, ProblemHttpResult>> GetAsync(
        AppDbContext db, int map, string code, CancellationToken ct)
    {
        if (!Maps.IsKnown(map))
        {
            return Problems.Invalid("map", "Bản đồ phải là 2024 hoặc 2025.");
        }

        var detail = await UnitQueries.DetailAsync(db, map, code, ct);
        return detail is null ? Problems.NotFound($"Không có đơn vị mã {code} trên bản đồ {map}.") : TypedResults.Ok(detail);
    }

    private static async Task<Results<Ok<List<UnitHit>>, ValidationProblem>> SearchAsync(UnitSearch search, ScopeAccessor scopes,
        string? q, int? level, string? operation, int? limit, CancellationToken ct)
    {
        if (level is not null and not (1 or 2))
        {
            return Problems.Invalid("level", "Cấp phải là 1 (tỉnh) hoặc 2 (xã, phường).");
        }

        IReadOnlyList<string>? within = null;
        if (!string.IsNullOrEmpty(operation))
        {
            if (!operation.All(char.IsAsciiLetter) || !Enum.TryParse<Operation>(operation, ignoreCase: false, out var op))
            {
                return Problems.Invalid("operation", "Không có thao tác này.");
            }

            within = (await scopes.GetAsync(ct)).PathsFor(op);
        }

        return TypedResults.Ok(await search.FindAsync(q is { Length: > 100 } ? q[..100] : q, level, within, limit ?? 12, ct));
    }

    private static Task<bool> UnitExists(AppDbContext db, int map, string code, CancellationToken ct) =>
        Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.AnyAsync(db.AdminUnits, u => u.Map == map && u.Code == code, ct);
}
