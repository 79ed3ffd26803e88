using DanVan.Data;
using DanVan.Domain;
using DanVan.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Features.Units;

public sealed record UnitRef(int Map, string Code, string Name, string FullName, string Type, int Level);

public sealed record UnitSummary(int Map, string Code, string Name, string FullName, string Type, int Level, string? ParentCode, int ChildCount);

public sealed record SuccessionRef(UnitRef Unit, string Relation, string? Note);

public sealed record UnitDetail(
    UnitSummary Unit,
    IReadOnlyList<UnitRef> Ancestors,
    IReadOnlyList<UnitSummary> Children,
    IReadOnlyList<SuccessionRef> Predecessors,
    IReadOnlyList<SuccessionRef> Successors,
    UnitRef? CountsUnder,
    bool CountsUnderByRule);

/// <summary>Reads of the administrative map, shared by the pages and the API. The map is public fact: no scope.</summary>
public static class UnitQueries
{
    public static async Task<List<UnitSummary>> ChildrenAsync(AppDbContext db, int map, string? parentCode, CancellationToken ct)
    {
        IQueryable<AdminUnit> q = db.AdminUnits.AsNoTracking().Where(u => u.Map == map);
        q = parentCode is null ? q.Where(u => u.ParentId == null) : q.Where(u => u.ParentCode == parentCode);
        return await q.OrderBy(u => u.SortKey)
            .Select(u => new UnitSummary(u.Map, u.Code, u.Name, u.FullName, u.Type, u.Level, u.ParentCode, u.Children.Count))
            .ToListAsync(ct);
    }

    public static async Task<UnitDetail?> DetailAsync(AppDbContext db, int map, string code, CancellationToken ct)
    {
        var unit = await db.AdminUnits.AsNoTracking().Where(u => u.Map == map && u.Code == code)
            .Select(u => new { u.Id, u.Path, u.CurrentPath, u.CurrentPathByRule, Summary = new UnitSummary(u.Map, u.Code, u.Name, u.FullName, u.Type, u.Level, u.ParentCode, u.Children.Count) })
            .FirstOrDefaultAsync(ct);
        if (unit is null)
        {
            return null;
        }

        var ancestorCodes = unit.Path.Trim('/').Split('/')[..^1];
        var ancestors = await db.AdminUnits.AsNoTracking().Where(u => u.Map == map && ancestorCodes.Contains(u.Code))
            .OrderBy(u => u.Level).Select(u => new UnitRef(u.Map, u.Code, u.Name, u.FullName, u.Type, u.Level)).ToListAsync(ct);
        var children = await ChildrenAsync(db, map, code, ct);

        // A 2024 district has no row of its own in the reform table: what it became is what its communes became.
        var oldIds = new List<int> { unit.Id };
        if (map == Maps.Map2024 && unit.Summary.Level == 2)
        {
            oldIds.AddRange(await db.AdminUnits.Where(u => u.Map == map && u.ParentCode == code).Select(u => u.Id).ToListAsync(ct));
        }

        var successors = map == Maps.Map2024
            ? await db.UnitSuccessions.AsNoTracking().Where(s => oldIds.Contains(s.OldUnitId))
                .Select(s => new { s.NewUnit!.Map, s.NewUnit.Code, s.NewUnit.Name, s.NewUnit.FullName, s.NewUnit.Type, s.NewUnit.Level, s.NewUnit.SortKey, s.Relation, s.Note, Own = s.OldUnitId == unit.Id })
                .ToListAsync(ct)
            : [];
        var successorRefs = successors
            .GroupBy(s => s.Code)
            .Select(g => g.First())
            .OrderBy(s => s.SortKey, StringComparer.Ordinal)
            .Select(s => new SuccessionRef(new UnitRef(s.Map, s.Code, s.Name, s.FullName, s.Type, s.Level),
                successors.Any(x => x.Code == s.Code && x.Relation == SuccessionRelation.Partial) ? "partial" : "full", s.Own ? s.Note : null))
            .ToList();

        var predecessors = map == Maps.Map2025
            ? await db.UnitSuccessions.AsNoTracking().Where(s => s.NewUnitId == unit.Id)
                .OrderBy(s => s.OldUnit!.Level).ThenBy(s => s.OldUnit!.SortKey)
                .Select(s => new SuccessionRef(new UnitRef(s.OldUnit!.Map, s.OldUnit.Code, s.OldUnit.Name, s.OldUnit.FullName, s.OldUnit.Type, s.OldUnit.Level),
                    s.Relation == SuccessionRelation.Partial ? "partial" : "full", s.Note))
                .ToListAsync(ct)
            : [];

        UnitRef? countsUnder = null;
        if (map == Maps.Map2024)
        {
            countsUnder = await db.AdminUnits.AsNoTracking().Where(u => u.Map == Maps.Map2025 && u.Path == unit.CurrentPath)
                .Select(u => new UnitRef(u.Map, u.Code, u.Name, u.FullName, u.Type, u.Level)).FirstOrDefaultAsync(ct);
        }

        return new UnitDetail(unit.Summary, ancestors, children, predecessors, successorRefs, countsUnder, unit.CurrentPathByRule);
    }

    public static string LevelName(int map, int level) => (map, level) switch
    {
        (_, 1) => "Cấp tỉnh",
        (Maps.Map2024, 2) => "Cấp huyện",
        _ => "Cấp xã",
    };
}

/// <summary>Pick-lists of current-map units inside the caller's area (every form with a unit select uses it).</summary>
public static class UnitChoices
{
    /// <summary>Units of the 2025 map within the given paths; level 2 = communes only, null = provinces and communes.</summary>
    public static async Task<List<UnitSummary>> WithinAsync(AppDbContext db, IReadOnlyList<string> paths, int? level, CancellationToken ct)
    {
        var q = db.AdminUnits.AsNoTracking().Where(u => u.Map == Maps.Current).WithinPaths(paths, u => u.Path);
        if (level is { } l)
        {
            q = q.Where(u => u.Level == l);
        }

        return await q.OrderBy(u => u.Level).ThenBy(u => u.ParentCode).ThenBy(u => u.SortKey).Take(4000)
            .Select(u => new UnitSummary(u.Map, u.Code, u.Name, u.FullName, u.Type, u.Level, u.ParentCode, 0)).ToListAsync(ct);
    }
}
