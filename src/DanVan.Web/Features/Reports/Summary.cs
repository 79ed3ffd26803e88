using System.Globalization;
using System.Text;
using DanVan.Data;
using DanVan.Domain;
using DanVan.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Features.Reports;

public sealed record FieldCounts(long Total, long New, long Replicated, long Collective, long Individual);

public sealed record Block(long Total, IReadOnlyDictionary<string, FieldCounts> ByField, IReadOnlyDictionary<string, long> ByKind,
    IReadOnlyDictionary<string, long> ByOrigin, IReadOnlyDictionary<string, long> ByLevel);

public sealed record ChildCounts(string Code, string Name, long Maintained, long Recognized, long NotRecognized);

public sealed record SummaryUnit(string? Code, string Name, int Map);

public sealed record SummaryReport(SummaryUnit Unit, DateOnly From, DateOnly To, Block Maintained, Block Recognized, long NotRecognized,
    Block RegisteredInPeriod, Block RecognizedInPeriod, Block RetiredInPeriod, IReadOnlyList<ChildCounts> Children);

/// <summary>
/// The movement's statistics, computed live from the records of a unit's subtree on either map.
/// On the 2025 map a record counts under the unit it counts under today (old units rolled into their
/// successors); on the 2024 map under the old unit it was recorded on (records made after the reform under a
/// chosen predecessor of their commune). Every block is counted from the same rows, so each total is the sum
/// of its parts.
/// </summary>
public static class Summary
{
    public static readonly string[] Levels = ["commune", "district", "province", "national"];

    /// <summary>One initiative reduced to what the summary counts.</summary>
    public sealed record Row(Field Field, InitiativeKind Kind, Origin Origin, DateOnly RegisteredOn, DateOnly? RetiredOn,
        DateOnly? FirstRecognizedOn, RecognitionLevel? LevelAsOfTo, string Path);

    public sealed record Target(AdminUnit? Unit, int Map, string? Path);

    /// <summary>Finds the unit asked for and checks the caller may read it; null unit = the whole country.</summary>
    public static async Task<Target> ResolveAsync(AppDbContext db, UserScope scope, string? unitCode, int map, CancellationToken ct)
    {
        if (!Maps.IsKnown(map))
        {
            throw new Initiatives.InputException("map", "Bản đồ phải là 2024 hoặc 2025.");
        }

        if (string.IsNullOrWhiteSpace(unitCode))
        {
            if (!scope.CanRead("/"))
            {
                throw new ScopeException(true);
            }

            return new Target(null, map, null);
        }

        var unit = await db.AdminUnits.AsNoTracking().FirstOrDefaultAsync(u => u.Map == map && u.Code == unitCode, ct)
            ?? throw new ScopeException(false);
        // An old unit is readable when the area it rolled into is.
        if (!scope.CanRead(unit.CurrentPath) && !(map == Maps.Map2024 && scope.ReadPaths.Any(p => UnitPaths.Contains(unit.CurrentPath, p))))
        {
            throw new ScopeException(true);
        }

        return new Target(unit, map, unit.Path);
    }

    public static async Task<List<Row>> RowsAsync(AppDbContext db, UserScope scope, Target target, DateOnly to, CancellationToken ct)
    {
        var q = db.Initiatives.AsNoTracking().ReadableBy(scope, i => i.ScopePath).Where(i => i.RegisteredOn <= to);
        if (target.Path is not null)
        {
            q = target.Map == Maps.Current ? q.WithinPaths([target.Path], i => i.ScopePath) : q.WithinPaths([target.Path], i => i.LegacyPath);
        }

        var rows = await q.Select(i => new
        {
            i.Field, i.Kind, i.Origin, i.RegisteredOn,
            RetiredOn = i.Status == InitiativeStatus.Retired ? i.RetiredOn : null,
            i.FirstRecognizedOn,
            Level = i.Recognitions.Where(r => r.Date <= to).Max(r => (RecognitionLevel?)r.Level),
            Path = target.Map == Maps.Current ? i.ScopePath : i.LegacyPath,
        }).ToListAsync(ct);
        return rows.Select(r => new Row(r.Field, r.Kind, r.Origin, r.RegisteredOn, r.RetiredOn, r.FirstRecognizedOn, r.Level, r.Path)).ToList();
    }

    public static bool IsMaintained(Row r, DateOnly to) => r.RegisteredOn <= to && !(r.RetiredOn is { } retired && retired <= to);

    public static SummaryReport Compute(Target target, IReadOnlyList<Row> rows, DateOnly from, DateOnly to, IReadOnlyList<(string Code, string Name, string Path)> children)
    {
        var maintained = rows.Where(r => IsMaintained(r, to)).ToList();
        var recognized = maintained.Where(r => r.LevelAsOfTo is not null).ToList();
        return new SummaryReport(
            new SummaryUnit(target.Unit?.Code, target.Unit?.FullName ?? "Toàn quốc", target.Map), from, to,
            BlockOf(maintained), BlockOf(recognized), maintained.Count - recognized.Count,
            BlockOf(rows.Where(r => r.RegisteredOn >= from && r.RegisteredOn <= to).ToList()),
            BlockOf(rows.Where(r => r.FirstRecognizedOn is { } d && d >= from && d <= to).ToList()),
            BlockOf(rows.Where(r => r.RetiredOn is { } d && d >= from && d <= to).ToList()),
            CountByChild(maintained, recognized, children));
    }

    // Children of one unit share a path length, so each row's child is a prefix of its path: one pass over the rows.
    private static List<ChildCounts> CountByChild(List<Row> maintained, List<Row> recognized, IReadOnlyList<(string Code, string Name, string Path)> children)
    {
        if (children.Count == 0)
        {
            return [];
        }

        var length = children[0].Path.Length;
        Dictionary<string, int> Tally(List<Row> rows) => rows.Where(r => r.Path.Length >= length)
            .GroupBy(r => r.Path[..length], StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var m = Tally(maintained);
        var rec = Tally(recognized);
        return children.Select(c =>
        {
            var (mc, rc) = (m.GetValueOrDefault(c.Path), rec.GetValueOrDefault(c.Path));
            return new ChildCounts(c.Code, c.Name, mc, rc, mc - rc);
        }).ToList();
    }

    public static Block BlockOf(IReadOnlyList<Row> rows)
    {
        var byField = Enum.GetValues<Field>().ToDictionary(Labels.Key, f =>
        {
            var mine = rows.Where(r => r.Field == f).ToList();
            return new FieldCounts(mine.Count, mine.Count(r => r.Origin == Origin.New), mine.Count(r => r.Origin == Origin.Replicated),
                mine.Count(r => r.Kind == InitiativeKind.Collective), mine.Count(r => r.Kind == InitiativeKind.Individual));
        });
        return new Block(rows.Count, byField,
            new Dictionary<string, long> { ["collective"] = rows.Count(r => r.Kind == InitiativeKind.Collective), ["individual"] = rows.Count(r => r.Kind == InitiativeKind.Individual) },
            new Dictionary<string, long> { ["new"] = rows.Count(r => r.Origin == Origin.New), ["replicated"] = rows.Count(r => r.Origin == Origin.Replicated) },
            Enum.GetValues<RecognitionLevel>().ToDictionary(l => Levels[(int)l], l => (long)rows.Count(r => r.LevelAsOfTo == l)));
    }

    public static async Task<List<(string Code, string Name, string Path)>> ChildrenAsync(AppDbContext db, Target target, CancellationToken ct)
    {
        var q = db.AdminUnits.AsNoTracking().Where(u => u.Map == target.Map);
        q = target.Unit is null ? q.Where(u => u.ParentId == null) : q.Where(u => u.ParentCode == target.Unit.Code);
        var list = await q.OrderBy(u => u.SortKey).Select(u => new { u.Code, u.FullName, u.Path }).ToListAsync(ct);
        return list.Select(u => (u.Code, u.FullName, u.Path)).ToList();
    }

    public static async Task<SummaryReport> RunAsync(AppDbContext db, UserScope scope, string? unitCode, int map, DateOnly from, DateOnly to, CancellationToken ct)
    {
        if (to < from)
        {
            throw new Initiatives.InputException("to", "Ngày kết thúc không thể trước ngày bắt đầu.");
        }

        var target = await ResolveAsync(db, scope, unitCode, map, ct);
        var rows = await RowsAsync(db, scope, target, to, ct);
        var children = await ChildrenAsync(db, target, ct);
        return Compute(target, rows, from, to, children);
    }

    /// <summary>Maintained initiatives at the end of each year, for the trend chart.</summary>
    public static IReadOnlyList<(int Year, long Maintained, long Recognized)> Trend(IReadOnlyList<Row> rows, int fromYear, int toYear) =>
        Enumerable.Range(fromYear, Math.Max(0, toYear - fromYear + 1)).Select(y =>
        {
            var end = new DateOnly(y, 12, 31);
            var m = rows.Where(r => IsMaintained(r, end)).ToList();
            return (y, (long)m.Count, (long)m.Count(r => r.FirstRecognizedOn is { } d && d <= end));
        }).ToList();

    // Inside a sentence the Party keeps its capital: "xây dựng Đảng".
    private static string InSentence(Field f) => f switch
    {
        Field.Economy => "phát triển kinh tế",
        Field.CultureSociety => "văn hóa – xã hội",
        Field.DefenseSecurity => "quốc phòng – an ninh",
        Field.PoliticalSystem => "xây dựng Đảng và hệ thống chính trị",
    };

    /// <summary>The paragraph of a review report (báo cáo sơ kết, tổng kết), in the style officers write.</summary>
    public static string Paragraph(SummaryReport s)
    {
        var vi = Cultures.Vietnamese;
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"Tổng số có {s.Maintained.Total.ToString("#,##0", vi)} mô hình đang được duy trì thực hiện");
        var parts = Enum.GetValues<Field>().Select(f =>
        {
            var c = s.Maintained.ByField[Labels.Key(f)];
            return $"lĩnh vực {InSentence(f)} {c.Total.ToString("#,##0", vi)} mô hình (mới {c.New.ToString("#,##0", vi)}, nhân rộng {c.Replicated.ToString("#,##0", vi)})";
        });
        sb.Append(", trong đó: ").Append(string.Join("; ", parts));
        sb.Append(CultureInfo.InvariantCulture, $"; tập thể {s.Maintained.ByKind["collective"].ToString("#,##0", vi)}, cá nhân {s.Maintained.ByKind["individual"].ToString("#,##0", vi)}");
        sb.Append(CultureInfo.InvariantCulture, $"; đã công nhận {s.Recognized.Total.ToString("#,##0", vi)} mô hình");
        var levels = new[] { (RecognitionLevel.National, "toàn quốc"), (RecognitionLevel.Province, "cấp tỉnh"), (RecognitionLevel.District, "cấp huyện"), (RecognitionLevel.Commune, "cấp xã") }
            .Select(l => (Label: l.Item2, N: s.Recognized.ByLevel[Levels[(int)l.Item1]])).Where(l => l.N > 0).Select(l => $"{l.Label} {l.N.ToString("#,##0", vi)}").ToList();
        if (levels.Count > 0)
        {
            sb.Append(" (").Append(string.Join(", ", levels)).Append(')');
        }

        sb.Append(CultureInfo.InvariantCulture, $", còn {s.NotRecognized.ToString("#,##0", vi)} mô hình chưa được xét công nhận.");
        return sb.ToString();
    }
}
