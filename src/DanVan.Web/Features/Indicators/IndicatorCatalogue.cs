using System.ComponentModel.DataAnnotations;
using DanVan.Data;
using DanVan.Domain;
using DanVan.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Features.Indicators;

public sealed record IndicatorView(int Id, string Code, string Name, string Unit, string Aggregation, IReadOnlyList<string> Categories, bool CountryWide,
    IReadOnlyList<string> EnteredAs);

public sealed class IndicatorInput
{
    [Display(Name = "Mã")]
    [Required(ErrorMessage = "Vui lòng nhập {0}.")]
    [RegularExpression("^[a-z][a-z0-9_]{1,59}$", ErrorMessage = "Mã gồm chữ thường không dấu, số và dấu gạch dưới, bắt đầu bằng chữ.")]
    public string? Code { get; set; }

    [Display(Name = "Tên chỉ tiêu")]
    [Required(ErrorMessage = "Vui lòng nhập {0}.")]
    [StringLength(200)]
    [CleanText]
    public string? Name { get; set; }

    [Display(Name = "Đơn vị tính")]
    [Required(ErrorMessage = "Vui lòng nhập {0}.")]
    [StringLength(30)]
    [CleanText]
    public string? Unit { get; set; }

    public Aggregation Aggregation { get; set; }

    /// <summary>Where it applies: a province's code (its secretariat), or empty for the whole country (an admin).</summary>
    [StringLength(20)]
    public string? UnitCode { get; set; }
}

/// <summary>The catalogue of standard indicators: the country's, and each province's own additions.</summary>
public static class IndicatorCatalogue
{
    /// <summary>The indicators usable at this path: the country's and its province's.</summary>
    public static IQueryable<Indicator> UsableAt(AppDbContext db, string path)
    {
        var province = UnitPaths.Province(path);
        return db.Indicators.AsNoTracking().Where(i => i.ScopePath == "/" || i.ScopePath == province);
    }

    /// <summary>The indicators a caller may read: the country's, and the own ones of the provinces they work in.</summary>
    public static IQueryable<Indicator> ReadableBy(AppDbContext db, UserScope scope)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var provinces = scope.ReadPaths.Select(UnitPaths.Province).Distinct().ToList();
        var everywhere = scope.ReadPaths.Contains("/");
        return db.Indicators.AsNoTracking().Where(i => i.ScopePath == "/" || provinces.Contains(i.ScopePath) || everywhere);
    }

    public static async Task<List<IndicatorView>> ListAsync(AppDbContext db, UserScope scope, CancellationToken ct)
    {
        var all = await ReadableBy(db, scope)
            .OrderBy(i => i.ScopePath).ThenBy(i => i.SortOrder).ThenBy(i => i.Code).ToListAsync(ct);
        return all.Select(View).ToList();
    }

    public static IndicatorView View(Indicator i)
    {
        ArgumentNullException.ThrowIfNull(i);
        return new IndicatorView(i.Id, i.Code, i.Name, i.Unit, EnumKeys.Key(i.Aggregation), i.CategoryList, i.ScopePath == "/", Quantities.EnteredAs(i.Unit));
    }

    /// <summary>An indicator by code or name (as an import's column may give it), usable at the path.</summary>
    public static async Task<Indicator?> FindAsync(AppDbContext db, string codeOrName, string path, CancellationToken ct)
    {
        return Find(await UsableAt(db, path).ToListAsync(ct), codeOrName);
    }

    /// <summary>An indicator of a catalogue already read, by code or by name (tone marks optional).</summary>
    public static Indicator? Find(IReadOnlyList<Indicator> usable, string codeOrName)
    {
        ArgumentNullException.ThrowIfNull(usable);
        var key = (codeOrName ?? string.Empty).Trim();
        return usable.FirstOrDefault(i => i.Code == key) ?? usable.FirstOrDefault(i => VietnameseText.Fold(i.Name) == VietnameseText.Fold(key));
    }

    /// <summary>A category code the indicator has, or null (its total) for an empty one; anything else is refused.</summary>
    // The words people write for a source: "Nhà nước", "ngân sách", "dân góp", "nguồn khác" (folded, without tone marks).
    private static readonly (string Word, string Key)[] CategoryWords =
    [
        ("nha nuoc", "state"), ("ngan sach", "state"), ("nhan dan", "people"), ("dan gop", "people"), ("dan dong gop", "people"), ("khac", "other"),
    ];

    public static string? CategoryOf(Indicator indicator, string? category)
    {
        ArgumentNullException.ThrowIfNull(indicator);
        if (string.IsNullOrWhiteSpace(category) || category.Trim() == "total")
        {
            return null;
        }

        var c = category.Trim();
        var folded = VietnameseText.Fold(c);
        var byName = Data.Seeding.IndicatorSeeder.CategoryNames.FirstOrDefault(n => VietnameseText.Fold(n.Value) == folded).Key
            ?? CategoryWords.FirstOrDefault(w => folded.Contains(w.Word, StringComparison.Ordinal)).Key;
        return indicator.CategoryList.Contains(c) ? c
            : byName is not null && indicator.CategoryList.Contains(byName) ? byName
            : throw DomainException.For("Category", $"{indicator.Name} không có nguồn \"{c}\"" + (indicator.CategoryList.Count == 0 ? "." : $"; ghi: {string.Join(", ", indicator.CategoryList.Select(k => Data.Seeding.IndicatorSeeder.CategoryNames.GetValueOrDefault(k, k)))}."));
    }

    /// <summary>Adds an indicator: to the country's catalogue (an admin) or to a province's (its secretariat).</summary>
    public static async Task<Indicator> CreateAsync(AppDbContext db, UserScope scope, IndicatorInput input, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(input);
        var path = "/";
        if (!string.IsNullOrWhiteSpace(input.UnitCode))
        {
            var unit = await db.AdminUnits.AsNoTracking().FirstOrDefaultAsync(u => u.Map == Maps.Current && u.Code == input.UnitCode.Trim() && u.Level == 1, ct)
                ?? throw DomainException.For(nameof(IndicatorInput.UnitCode), $"Không có tỉnh, thành phố mã {input.UnitCode} trên bản đồ 2025.");
            path = unit.Path;
        }

        // The catalogue is managed by those who manage criteria: the secretariat for its province, an admin for the country.
        if (!scope.Can(Operation.ManageIndicators, path))
        {
            throw new ScopeException(true); // the catalogue is public to every signed-in person: a refusal, not "not found"
        }

        var code = input.Code!.Trim();
        if (await db.Indicators.AnyAsync(i => i.Code == code, ct))
        {
            throw DomainException.For(nameof(IndicatorInput.Code), $"Đã có chỉ tiêu mã {code}.");
        }

        var indicator = Indicator.Define(code, input.Name!, input.Unit!, input.Aggregation, path, 1000 + await db.Indicators.CountAsync(ct));
        db.Indicators.Add(indicator);
        // The indicator's own unit is a measure of its catalogue (the country's, or that province's), approved with it.
        if (!await db.MeasureUnits.AnyAsync(m => m.Name == indicator.Unit && m.Approved && (m.ScopePath == "/" || m.ScopePath == path), ct))
        {
            db.MeasureUnits.Add(new MeasureUnit { Name = indicator.Unit, Approved = true, ScopePath = path, CreatedBy = scope.UserName });
        }

        db.Audit("indicator-created", nameof(Indicator), code, new { indicator.Name, indicator.Unit, indicator.ScopePath });
        await db.SaveChangesAsync(ct);
        return indicator;
    }
}
