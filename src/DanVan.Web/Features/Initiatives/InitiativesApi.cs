using DanVan.Data;
using DanVan.Domain;
using DanVan.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;

namespace DanVan.Features.Initiatives;

public static class InitiativesApi
{
    public static void MapInitiativesApi(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("/initiatives").WithTags("Initiatives");
        g.MapGet("/", ListAsync).WithSummary("Danh sách mô hình trong phạm vi của người gọi, có lọc, sắp xếp, phân trang.");
        g.MapGet("/{id:int}", GetAsync);
        g.MapGet("/export.xlsx", async ([FromKeyedServices(ReadReplica.Key)] AppDbContext db, ScopeAccessor scopes, CancellationToken ct, string? field, string? kind, string? origin, string? status,
            string? unit, int? map, int? year, string? q, DateOnly? asOf, bool? recognized, string? ownerType, string? targetGroup) =>
        {
            var errors = new Dictionary<string, string[]>();
            var filter = new InitiativeFilter(Parse<Field>(field, "field", errors), Parse<InitiativeKind>(kind, "kind", errors), Parse<Origin>(origin, "origin", errors),
                Parse<InitiativeStatus>(status, "status", errors), unit, map, year, q, null, 1, InitiativeQueries.MaxPageSize, asOf, recognized,
                Parse<OwnerType>(ownerType, "ownerType", errors), Parse<TargetGroups>(targetGroup, "targetGroup", errors));
            if (errors.Count > 0)
            {
                return (IResult)Problems.Invalid(errors);
            }

            var bytes = await Reports.Exports.InitiativesXlsxAsync(db, await scopes.GetAsync(ct), filter, "Danh sách mô hình \"Dân vận khéo\"", ct);
            return TypedResults.File(bytes, Reports.Exports.XlsxType, Reports.Exports.FileName("danh-sach-mo-hinh", "xlsx"));
        }).WithSummary("Danh sách mô hình (cùng bộ lọc) dạng Excel.");
        g.MapGet("/{id:int}/audit", AuditAsync).WithSummary("Nhật ký thay đổi của mô hình.");
        g.MapPost("/", CreateAsync);
        g.MapPut("/{id:int}", UpdateAsync).WithSummary("Sửa mô hình; gửi kèm version đã đọc (kiểm soát xung đột).");
    }

    private static async Task<Results<Ok<Page<InitiativeRow>>, ValidationProblem>> ListAsync(
        [FromKeyedServices(ReadReplica.Key)] AppDbContext db, ScopeAccessor scopes, CancellationToken ct,
        string? field = null, string? kind = null, string? origin = null, string? status = null,
        string? unit = null, int? map = null, int? year = null, string? q = null, string? sort = null, int page = 1, int pageSize = 20,
        DateOnly? asOf = null, bool? recognized = null, string? ownerType = null, string? targetGroup = null, string? after = null, int? limit = null,
        DateOnly? updatedSince = null)
    {
        // A sync reads what changed in the order it changed, unless it asks for another order.
        sort = updatedSince is not null && string.IsNullOrEmpty(sort) ? "changed" : sort;
        // limit is every list's word for a page's size; pageSize stays for the clients that use it.
        pageSize = limit ?? pageSize;
        var errors = new Dictionary<string, string[]>();
        var filter = new InitiativeFilter(
            Parse<Field>(field, "field", errors), Parse<InitiativeKind>(kind, "kind", errors), Parse<Origin>(origin, "origin", errors),
            Parse<InitiativeStatus>(status, "status", errors), unit, map, year, q, sort, page, pageSize, asOf, recognized,
            Parse<OwnerType>(ownerType, "ownerType", errors), Parse<TargetGroups>(targetGroup, "targetGroup", errors), after, updatedSince);
        if (map is not null && !Maps.IsKnown(map.Value))
        {
            errors["map"] = ["Bản đồ phải là 2024 hoặc 2025."];
        }

        if (year is < 2000 or > 2100)
        {
            errors["year"] = ["Năm không hợp lệ."];
        }

        if (sort is not (null or "" or "unit" or "name" or "-name" or "registered" or "-registered" or "changed"))
        {
            errors["sort"] = ["sort là unit (mặc định), name, -name, registered, -registered hoặc changed (ngày thay đổi, cũ trước)."];
        }

        if (pageSize is < 1 or > InitiativeQueries.MaxPageSize || page < 1)
        {
            errors[limit is null ? "pageSize" : "limit"] = [$"page ≥ 1 và limit (pageSize) từ 1 đến {InitiativeQueries.MaxPageSize}."];
        }

        if (errors.Count > 0)
        {
            return Problems.Invalid(errors);
        }

        return TypedResults.Ok(await InitiativeQueries.ListAsync(db, await scopes.GetAsync(ct), filter, ct));
    }

    private static T? Parse<T>(string? value, string name, Dictionary<string, string[]> errors)
        where T : struct, Enum
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        if (EnumKeys.TryParse<T>(value, out var result))
        {
            return result;
        }

        errors[name] = [$"Giá trị '{value}' không hợp lệ; dùng: {string.Join(", ", Enum.GetValues<T>().Select(EnumKeys.Key))}."];
        return null;
    }

    private static async Task<Results<Ok<InitiativeDetail>, ProblemHttpResult>> GetAsync(int id, AppDbContext db, ScopeAccessor scopes, CancellationToken ct)
    {
        var d = await InitiativeQueries.DetailAsync(db, await scopes.GetAsync(ct), id, ct);
        return d is null ? Problems.NotFound() : TypedResults.Ok(d);
    }

    private static async Task<Results<Ok<Page<AuditRow>>, ProblemHttpResult>> AuditAsync(int id, AppDbContext db, ScopeAccessor scopes, int? limit, string? after,
        CancellationToken ct)
    {
        var d = await InitiativeQueries.DetailAsync(db, await scopes.GetAsync(ct), id, ct);
        return d is null ? Problems.NotFound() : TypedResults.Ok(await InitiativeQueries.AuditAsync(db, nameof(Initiative), id, ListPage.From(limit, after), ct));
    }

    private static async Task<Results<Created<InitiativeDetail>, ValidationProblem>> CreateAsync(
        InitiativeInput input, AppDbContext db, ScopeAccessor scopes, TimeProvider clock, CancellationToken ct)
    {
        var scope = await scopes.GetAsync(ct);
        if (!scope.CanAnywhere(Operation.Register))
        {
            throw new ScopeException(true);
        }

        var errors = Validation.Errors(input);
        if (errors.Count > 0)
        {
            return Problems.Invalid(errors);
        }

        var created = await InitiativeCommands.CreateAsync(db, scope, input, clock, ct);
        return TypedResults.Created($"/api/v1/initiatives/{created.Id}", (await InitiativeQueries.DetailAsync(db, scope, created.Id, ct))!);
    }

    private static async Task<Results<Ok<InitiativeDetail>, ValidationProblem>> UpdateAsync(
        int id, InitiativeInput input, AppDbContext db, ScopeAccessor scopes, CancellationToken ct)
    {
        var scope = await scopes.GetAsync(ct);
        var errors = Validation.Errors(input);
        if (errors.Count > 0)
        {
            return Problems.Invalid(errors);
        }

        await InitiativeCommands.UpdateAsync(db, scope, id, input, ct);
        return TypedResults.Ok((await InitiativeQueries.DetailAsync(db, scope, id, ct))!);
    }
}
