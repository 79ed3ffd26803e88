using System.ComponentModel.DataAnnotations;
using DanVan.Data;
using DanVan.Domain;
using DanVan.Features.Initiatives;
using DanVan.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Features.Organizations;

public sealed record OrganizationRow(int Id, string Name, OrganizationKind Kind, string UnitCode, string UnitFullName, string? Phone, string? Email, int Version);

public sealed class OrganizationInput
{
    [Display(Name = "Tên tổ chức")]
    [Required(ErrorMessage = "Vui lòng nhập {0}.")]
    [StringLength(300, ErrorMessage = "{0} không được dài quá {1} ký tự.")]
    [CleanText]
    public string? Name { get; set; }

    [Display(Name = "Loại tổ chức")]
    [Required(ErrorMessage = "Vui lòng chọn {0}.")]
    public OrganizationKind? Kind { get; set; }

    [Display(Name = "Xã, phường")]
    [Required(ErrorMessage = "Vui lòng chọn {0}.")]
    [StringLength(10)]
    public string? UnitCode { get; set; }

    [Display(Name = "Địa chỉ")]
    [StringLength(300, ErrorMessage = "{0} không được dài quá {1} ký tự.")]
    [CleanText]
    public string? Address { get; set; }

    [Display(Name = "Điện thoại")]
    [StringLength(30, ErrorMessage = "{0} không được dài quá {1} ký tự.")]
    [RegularExpression(@"^[0-9 +().-]*$", ErrorMessage = "{0} chỉ gồm chữ số và các dấu + ( ) . -")]
    public string? Phone { get; set; }

    [Display(Name = "Email")]
    [StringLength(200, ErrorMessage = "{0} không được dài quá {1} ký tự.")]
    [EmailAddress(ErrorMessage = "{0} không hợp lệ.")]
    public string? Email { get; set; }

    public int Version { get; set; }
}

public static class OrganizationQueries
{
    public static async Task<List<OrganizationRow>> ListAsync(AppDbContext db, UserScope scope, string? unit, string? q, int take, CancellationToken ct)
    {
        var query = db.Organizations.AsNoTracking().ReadableBy(scope, o => o.ScopePath);
        if (!string.IsNullOrWhiteSpace(unit))
        {
            var path = await db.AdminUnits.Where(u => u.Map == Maps.Current && u.Code == unit).Select(u => u.Path).FirstOrDefaultAsync(ct);
            query = path is null ? query.Where(_ => false) : query.WithinPaths([path], o => o.ScopePath);
        }

        var text = VietnameseText.Fold(q);
        if (text.Length > 0)
        {
            query = query.Where(o => o.SearchText.Contains(text));
        }

        return await query.OrderBy(o => o.SortKey).ThenBy(o => o.Id).Take(Math.Clamp(take, 1, 500))
            .Select(o => new OrganizationRow(o.Id, o.Name, o.Kind, o.Unit!.Code, o.Unit.FullName, o.Phone, o.Email, o.Version))
            .ToListAsync(ct);
    }

    public static Task<OrganizationRow?> GetAsync(AppDbContext db, UserScope scope, int id, CancellationToken ct) =>
        db.Organizations.AsNoTracking().ReadableBy(scope, o => o.ScopePath).Where(o => o.Id == id)
            .Select(o => new OrganizationRow(o.Id, o.Name, o.Kind, o.Unit!.Code, o.Unit.FullName, o.Phone, o.Email, o.Version))
            .FirstOrDefaultAsync(ct);

    public static async Task<Organization> SaveAsync(AppDbContext db, UserScope scope, int? id, OrganizationInput input, CancellationToken ct)
    {
        var unit = await db.AdminUnits.FirstOrDefaultAsync(u => u.Map == Maps.Current && u.Code == input.UnitCode, ct)
            ?? throw DomainException.For(nameof(OrganizationInput.UnitCode), $"Không có đơn vị mã {input.UnitCode} trên bản đồ 2025.");
        scope.Demand(Operation.Register, unit.Path);

        Organization org;
        if (id is null)
        {
            org = new Organization { Name = string.Empty };
            db.Organizations.Add(org);
        }
        else
        {
            org = await db.Organizations.ReadableBy(scope, o => o.ScopePath).FirstOrDefaultAsync(o => o.Id == id, ct)
                ?? throw new ScopeException(false);
            scope.Demand(Operation.Edit, org.ScopePath);
            db.ExpectVersion(org, input.Version);
        }

        org.Name = input.Name!;
        org.Kind = input.Kind!.Value;
        org.UnitId = unit.Id;
        org.ScopePath = unit.Path;
        org.Address = string.IsNullOrWhiteSpace(input.Address) ? null : input.Address.Trim();
        org.Phone = string.IsNullOrWhiteSpace(input.Phone) ? null : input.Phone.Trim();
        org.Email = string.IsNullOrWhiteSpace(input.Email) ? null : input.Email.Trim();
        org.Normalise();
        await db.SaveChangesAsync(ct);
        return org;
    }
}

public static class OrganizationsApi
{
    public static void MapOrganizationsApi(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("/organizations").WithTags("Organizations");
        g.MapGet("/", async (AppDbContext db, ScopeAccessor scopes, string? unit, string? q, CancellationToken ct) =>
            TypedResults.Ok(await OrganizationQueries.ListAsync(db, await scopes.GetAsync(ct), unit, q, 500, ct)));
        g.MapGet("/{id:int}", async Task<Results<Ok<OrganizationRow>, ProblemHttpResult>> (int id, AppDbContext db, ScopeAccessor scopes, CancellationToken ct) =>
            await OrganizationQueries.GetAsync(db, await scopes.GetAsync(ct), id, ct) is { } o ? TypedResults.Ok(o) : Problems.NotFound());
        g.MapPost("/", (OrganizationInput input, AppDbContext db, ScopeAccessor scopes, CancellationToken ct) => SaveAsync(null, input, db, scopes, ct));
        g.MapPut("/{id:int}", (int id, OrganizationInput input, AppDbContext db, ScopeAccessor scopes, CancellationToken ct) => SaveAsync(id, input, db, scopes, ct));
    }

    private static async Task<Results<Ok<OrganizationRow>, Created<OrganizationRow>, ValidationProblem, ProblemHttpResult>> SaveAsync(
        int? id, OrganizationInput input, AppDbContext db, ScopeAccessor scopes, CancellationToken ct)
    {
        var scope = await scopes.GetAsync(ct);
        var errors = Validation.Errors(input);
        if (errors.Count > 0)
        {
            return Problems.Invalid(errors);
        }

        var org = await OrganizationQueries.SaveAsync(db, scope, id, input, ct);
        var row = (await OrganizationQueries.GetAsync(db, scope, org.Id, ct))!;
        return id is null ? TypedResults.Created($"/api/v1/organizations/{org.Id}", row) : TypedResults.Ok(row);
    }
}
