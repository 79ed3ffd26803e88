using DanVan.Data;
using DanVan.Domain;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Infrastructure;

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
