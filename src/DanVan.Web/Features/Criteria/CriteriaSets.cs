using System.ComponentModel.DataAnnotations;
using DanVan.Data;
using DanVan.Domain;
using DanVan.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Features.Criteria;

public sealed class CriterionInput
{
    [Display(Name = "Tên tiêu chí")]
    [StringLength(500)]
    [CleanText]
    public string? Name { get; set; }

    // Limits as decimals: an int range would convert the value to int first and overflow on a huge number.
    [Display(Name = "Trọng số")]
    [Range(typeof(decimal), "0", "1000", ParseLimitsInInvariantCulture = true, ConvertValueInInvariantCulture = true)]
    public decimal? Weight { get; set; }

    [Display(Name = "Điểm tối đa")]
    [Range(typeof(decimal), "0", "1000", ParseLimitsInInvariantCulture = true, ConvertValueInInvariantCulture = true)]
    public decimal? MaxScore { get; set; }
}

public sealed class CriteriaSetInput
{
    [Display(Name = "Tên bộ tiêu chí")]
    [Required(ErrorMessage = "Vui lòng nhập {0}.")]
    [StringLength(300, ErrorMessage = "{0} không được dài quá {1} ký tự.")]
    [CleanText]
    public string? Name { get; set; }

    [Display(Name = "Đơn vị ban hành")]
    [Required(ErrorMessage = "Vui lòng nhập {0}.")]
    public string? UnitCode { get; set; }

    [Display(Name = "Ngưỡng đạt")]
    [Required(ErrorMessage = "Vui lòng nhập {0}.")]
    [Range(0.01, 100, ErrorMessage = "{0} phải từ {1} đến {2}.")]
    public decimal? PassThreshold { get; set; }

    [Display(Name = "Tiêu chí")]
    [MaxLength(50, ErrorMessage = "{0}: tối đa {1} mục.")]
    public List<CriterionInput> Criteria { get; set; } = [];
}

public sealed record CriterionView(int Id, int Order, string Name, decimal Weight, decimal MaxScore);

public sealed record CriteriaSetView(int Id, string Name, int VersionNumber, int FamilyId, bool Frozen, decimal PassThreshold, string UnitCode, string UnitName, IReadOnlyList<CriterionView> Criteria);

public static class CriteriaSets
{
    public static async Task<List<CriteriaSetView>> ListAsync(AppDbContext db, UserScope scope, CancellationToken ct) =>
        (await db.CriteriaSets.AsNoTracking().ReadableBy(scope, c => c.ScopePath).Include(c => c.Criteria).Include(c => c.Unit)
            .OrderBy(c => c.Name).ThenByDescending(c => c.VersionNumber).ToListAsync(ct)).Select(View).ToList();

    public static async Task<CriteriaSetView?> GetAsync(AppDbContext db, UserScope scope, int id, CancellationToken ct)
    {
        var set = await db.CriteriaSets.AsNoTracking().ReadableBy(scope, c => c.ScopePath).Include(c => c.Criteria).Include(c => c.Unit)
            .FirstOrDefaultAsync(c => c.Id == id, ct);
        return set is null ? null : View(set);
    }

    public static CriteriaSetView View(CriteriaSet c) => new(c.Id, c.Name, c.VersionNumber, c.FamilyId ?? c.Id, c.Frozen, c.PassThreshold,
        c.Unit?.Code ?? string.Empty, c.Unit?.FullName ?? string.Empty,
        c.Criteria.OrderBy(x => x.Order).Select(x => new CriterionView(x.Id, x.Order, x.Name, x.Weight, x.MaxScore)).ToList());

    /// <summary>Creates a set, or edits one; a frozen set is left alone and the edit becomes its next version.</summary>
    public static async Task<CriteriaSet> SaveAsync(AppDbContext db, UserScope scope, int? id, CriteriaSetInput input, CancellationToken ct)
    {
        var unit = await Lookups.CurrentUnitAsync(db, input.UnitCode, nameof(CriteriaSetInput.UnitCode), ct);
        scope.Demand(Operation.ManageCriteria, unit.Path);
        CriteriaSet set;
        if (id is null)
        {
            set = new CriteriaSet();
            db.CriteriaSets.Add(set);
        }
        else
        {
            var existing = await db.CriteriaSets.Include(c => c.Criteria).ReadableBy(scope, c => c.ScopePath).FirstOrDefaultAsync(c => c.Id == id, ct)
                ?? throw new ScopeException(false);
            scope.Demand(Operation.ManageCriteria, existing.ScopePath);
            if (existing.Frozen)
            {
                set = existing.NewVersion();
                db.CriteriaSets.Add(set);
            }
            else
            {
                set = existing;
                db.Criteria.RemoveRange(set.Criteria);
                set.Criteria.Clear();
            }
        }

        set.Name = input.Name ?? string.Empty;
        set.UnitId = unit.Id;
        set.ScopePath = unit.Path;
        set.PassThreshold = input.PassThreshold ?? 0;
        set.Criteria = input.Criteria.Where(c => !string.IsNullOrWhiteSpace(c.Name) || c.Weight is not null || c.MaxScore is not null)
            .Select((c, i) => new Criterion { Order = i + 1, Name = c.Name?.Trim() ?? string.Empty, Weight = c.Weight ?? 0, MaxScore = c.MaxScore ?? 0 }).ToList();
        set.Validate();

        await db.SaveChangesAsync(ct);
        if (set.FamilyId is null)
        {
            set.FamilyId = set.Id;
            await db.SaveChangesAsync(ct);
        }

        return set;
    }
}
