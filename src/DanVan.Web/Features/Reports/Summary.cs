using System.Globalization;
using System.Text;
using DanVan.Data;
using DanVan.Domain;
using DanVan.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Features.Reports;

public sealed record FieldCounts(long Total, long New, long Replicated, long Collective, long Individual);

/// <param name="ByOwnerType">By the block or sector that builds the models (fatherland_front, women, …, individual, other).</param>
public sealed record Block(long Total, IReadOnlyDictionary<string, FieldCounts> ByField, IReadOnlyDictionary<string, long> ByKind,
    IReadOnlyDictionary<string, long> ByOrigin, IReadOnlyDictionary<string, long> ByLevel, IReadOnlyDictionary<string, long> ByOwnerType);

/// <param name="ByField">Maintained models by field (its key: economy, culture_society, …).</param>
public sealed record ChildCounts(string Code, string Name, long Maintained, long Recognized, long NotRecognized, IReadOnlyDictionary<string, long> ByField);

public sealed record SummaryUnit(string? Code, string Name, int Map);

/// <param name="Indicators">The movement's results by standard indicator (money mobilised, land donated, …), from both sources.</param>
public sealed record SummaryReport(SummaryUnit Unit, DateOnly From, DateOnly To, Block Maintained, Block Recognized, long NotRecognized,
    Block RegisteredInPeriod, Block RecognizedInPeriod, Block RetiredInPeriod, IReadOnlyList<ChildCounts> Children,
    IReadOnlyDictionary<string, DanVan.Features.Indicators.IndicatorFigure>? Indicators = null,
    IReadOnlyDictionary<string, long>? MaintainedByTargetGroup = null,
    DanVan.Features.Awards.Commended? Commended = null);

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

    /// <summary>
    /// A group of initiatives alike in everything the summary counts: the database groups the subtree's records by
    /// these keys and returns a few hundred groups, however many records there are.
    /// </summary>
    /// <param name="Registered">0 registered before <c>from</c>, 1 within the period (none after <c>to</c>).</param>
    /// <param name="Retired">0 not retired on <c>to</c>, 1 retired within the period, 2 retired before it.</param>
    /// <param name="FirstRecognized">0 not recognised on <c>to</c>, 1 first recognised within the period, 2 before it.</param>
    public sealed record Group(Field Field, InitiativeKind Kind, Origin Origin, int Registered, int Retired, int FirstRecognized,
        RecognitionLevel? Level, long Count, OwnerType OwnerType = OwnerType.Other);

    public sealed record Target(AdminUnit? Unit, int Map, string? Path);

    /// <summary>Finds the unit asked for and checks the caller may read it; null unit = the whole country.</summary>
    public static async Task<Target> ResolveAsync(AppDbContext db, UserScope scope, string? unitCode, int map, CancellationToken ct)
    {
        if (!Maps.IsKnown(map))
        {
            throw DomainException.For("map", "Bản đồ phải là 2024 hoặc 2025.");
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

    public static SummaryReport Compute(Target target, IReadOnlyList<Group> groups, DateOnly from, DateOnly to,
        IReadOnlyList<(string Code, string Name, string Path)> children, IReadOnlyDictionary<string, (long Maintained, long Recognized)> byChild,
        IReadOnlyDictionary<string, long[]>? byChildField = null)
    {
        var maintained = groups.Where(g => g.Retired == 0).ToList();
        var recognized = maintained.Where(g => g.Level is not null).ToList();
        var m = BlockOf(maintained);
        var r = BlockOf(recognized);
        return new SummaryReport(
            new SummaryUnit(target.Unit?.Code, target.Unit?.FullName ?? "Toàn quốc", target.Map), from, to,
            m, r, m.Total - r.Total,
            BlockOf(groups.Where(g => g.Registered == 1).ToList()),
            BlockOf(groups.Where(g => g.FirstRecognized == 1).ToList()),
            BlockOf(groups.Where(g => g.Retired == 1).ToList()),
            children.Select(c =>
            {
                var (mc, rc) = byChild.GetValueOrDefault(c.Path);
                var fields = byChildField?.GetValueOrDefault(c.Path);
                return new ChildCounts(c.Code, c.Name, mc, rc, mc - rc, Enum.GetValues<Field>().ToDictionary(Labels.Key, f => fields?[(int)f] ?? 0L));
            }).ToList());
    }

    public static Block BlockOf(IReadOnlyList<Group> groups)
    {
        long Sum(Func<Group, bool> which) => groups.Where(which).Sum(g => g.Count);
        var byField = Enum.GetValues<Field>().ToDictionary(Labels.Key, f =>
        {
            var mine = groups.Where(g => g.Field == f).ToList();
            long Of(Func<Group, bool> which) => mine.Where(which).Sum(g => g.Count);
            return new FieldCounts(Of(_ => true), Of(g => g.Origin == Origin.New), Of(g => g.Origin == Origin.Replicated),
                Of(g => g.Kind == InitiativeKind.Collective), Of(g => g.Kind == InitiativeKind.Individual));
        });
        return new Block(Sum(_ => true), byField,
            new Dictionary<string, long> { ["collective"] = Sum(g => g.Kind == InitiativeKind.Collective), ["individual"] = Sum(g => g.Kind == InitiativeKind.Individual) },
            new Dictionary<string, long> { ["new"] = Sum(g => g.Origin == Origin.New), ["replicated"] = Sum(g => g.Origin == Origin.Replicated) },
            Enum.GetValues<RecognitionLevel>().ToDictionary(l => Levels[(int)l], l => Sum(g => g.Level == l)),
            OwnerTypes.Ordered.ToDictionary(EnumKeys.Key, t => Sum(g => g.OwnerType == t)));
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
            throw DomainException.For("to", "Ngày kết thúc không thể trước ngày bắt đầu.");
        }

        var target = await ResolveAsync(db, scope, unitCode, map, ct);
        return await RunAsync(db, scope, target, from, to, ct);
    }

    public static async Task<SummaryReport> RunAsync(AppDbContext db, UserScope scope, Target target, DateOnly from, DateOnly to, CancellationToken ct) =>
        (await RunWithTrendAsync(db, scope, target, from, to, false, ct)).Report;

    /// <summary>The report and, when asked, the year-by-year trend, from the same single pass over the records.</summary>
    public static async Task<(SummaryReport Report, IReadOnlyList<(int Year, long Maintained, long Recognized)> Trend)> RunWithTrendAsync(
        AppDbContext db, UserScope scope, Target target, DateOnly from, DateOnly to, bool withTrend, CancellationToken ct)
    {
        using var activity = Infrastructure.Telemetry.Source.StartActivity("danvan.summary");
        activity?.SetTag("danvan.unit", target.Unit?.Code ?? "country");
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var children = await ChildrenAsync(db, target, ct);
        // Children of one unit share a path length, so a record's child is a prefix of its path.
        var counts = await SummaryCounts.CountAsync(db, scope, target, from, to, children.Select(c => c.Path).ToList(), withTrend, ct);
        var indicators = await DanVan.Features.Indicators.IndicatorFigures.ComputeAsync(db, scope, target.Map, target.Path, from, to, ct);
        var groups = await TargetGroupsAsync(db, scope, target, to, ct);
        var commended = await DanVan.Features.Awards.Awards.CountAsync(db, scope, target.Map, target.Path, from, to, ct);
        Infrastructure.Telemetry.SummaryDuration.Record(System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds,
            new KeyValuePair<string, object?>("danvan.level", target.Unit is null ? "country" : target.Unit.IsProvince ? "province" : target.Unit.IsCommune ? "commune" : "district"));
        return (Compute(target, counts.Groups, from, to, children, counts.Children, counts.ChildFields) with
            {
                Indicators = indicators, MaintainedByTargetGroup = groups, Commended = commended,
            },
            withTrend ? SummaryCounts.Trend(counts, to) : []);
    }

    /// <summary>Models maintained on <c>to</c> by whom they serve (a model serving two groups counts in each).</summary>
    private static async Task<Dictionary<string, long>> TargetGroupsAsync(AppDbContext db, UserScope scope, Target target, DateOnly to, CancellationToken ct)
    {
        var q = db.Initiatives.AsNoTracking().ReadableBy(scope, i => i.ScopePath).Where(i => i.TargetGroups != TargetGroups.None);
        q = target.Path is null ? q : target.Map == Maps.Current ? q.WithinPaths([target.Path], i => i.ScopePath) : q.WithinPaths([target.Path], i => i.LegacyPath);
        var combos = await q.Where(i => i.RegisteredOn <= to && !(i.Status == InitiativeStatus.Retired && i.RetiredOn <= to))
            .GroupBy(i => i.TargetGroups).Select(g => new { g.Key, N = g.LongCount() }).ToListAsync(ct);
        return OwnerTypes.AllGroups.ToDictionary(EnumKeys.Key, g => combos.Where(c => c.Key.HasFlag(g)).Sum(c => c.N));
    }

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
        var owners = OwnerTypes.Ordered.Where(t => t is not (OwnerType.Individual or OwnerType.Other) && s.Maintained.ByOwnerType[EnumKeys.Key(t)] > 0)
            .Select(t => $"{Labels.Of(t)} {s.Maintained.ByOwnerType[EnumKeys.Key(t)].ToString("#,##0", vi)}").ToList();
        if (owners.Count > 0)
        {
            sb.Append("; theo chủ thể: ").Append(string.Join(", ", owners));
        }
        sb.Append(CultureInfo.InvariantCulture, $"; đã công nhận {s.Recognized.Total.ToString("#,##0", vi)} mô hình");
        var levels = new[] { (RecognitionLevel.National, "toàn quốc"), (RecognitionLevel.Province, "cấp tỉnh"), (RecognitionLevel.District, "cấp huyện"), (RecognitionLevel.Commune, "cấp xã") }
            .Select(l => (Label: l.Item2, N: s.Recognized.ByLevel[Levels[(int)l.Item1]])).Where(l => l.N > 0).Select(l => $"{l.Label} {l.N.ToString("#,##0", vi)}").ToList();
        if (levels.Count > 0)
        {
            sb.Append(" (").Append(string.Join(", ", levels)).Append(')');
        }

        sb.Append(CultureInfo.InvariantCulture, $", còn {s.NotRecognized.ToString("#,##0", vi)} mô hình chưa được xét công nhận.");
        if (ResultsSentence(s) is { Length: > 0 } results)
        {
            sb.Append(' ').Append(results);
        }

        if (s.Commended is { Total: > 0 } c)
        {
            // As review reports say it: "khen thưởng 12 tập thể, 30 cá nhân (cấp tỉnh 5, cấp xã 37)".
            var byLevel = new[] { ("national", "cấp Trung ương"), ("province", "cấp tỉnh"), ("district", "cấp huyện"), ("commune", "cấp xã") }
                .Where(l => c.ByLevel[l.Item1] > 0).Select(l => $"{l.Item2} {c.ByLevel[l.Item1].ToString("#,##0", vi)}");
            sb.Append(CultureInfo.InvariantCulture, $" Đã khen thưởng {c.ByKind["collective"].ToString("#,##0", vi)} tập thể, {c.ByKind["individual"].ToString("#,##0", vi)} cá nhân")
                .Append(" (").Append(string.Join(", ", byLevel)).Append(").");
        }

        return sb.ToString();
    }

    /// <summary>
    /// The movement's results as review reports write them: "Phong trào đã huy động 500 tỷ đồng, trong đó Nhân dân đóng
    /// góp 230 tỷ đồng; Nhân dân hiến 17,5 ha đất; làm mới, nâng cấp 540 km đường giao thông; …". Empty when none.
    /// </summary>
    public static string ResultsSentence(SummaryReport s)
    {
        ArgumentNullException.ThrowIfNull(s);
        if (s.Indicators is not { } f)
        {
            return string.Empty;
        }

        decimal Total(string code) => f.TryGetValue(code, out var x) ? x.Total : 0;
        var parts = new List<string>();
        if (Total("funds_mobilized") > 0)
        {
            var people = f["funds_mobilized"].ByCategory.GetValueOrDefault("people");
            parts.Add($"huy động {Money(Total("funds_mobilized"))}" + (people > 0 ? $", trong đó Nhân dân đóng góp {Money(people)}" : string.Empty));
        }

        if (Total("land_donated") > 0)
        {
            var m2 = Total("land_donated");
            parts.Add("Nhân dân hiến " + (m2 >= 10_000 ? $"{Cultures.VietnameseNumber(Math.Round(m2 / 10_000, 2))} ha" : $"{Cultures.VietnameseNumber(m2)} m²") + " đất");
        }

        foreach (var (code, words) in new[]
        {
            ("working_days", "đóng góp {0} ngày công"), ("roads_built", "làm mới, nâng cấp {0} km đường giao thông"), ("canals_built", "kiên cố hoá {0} km kênh mương"),
            ("houses_built", "xây mới {0} căn nhà"), ("houses_repaired", "sửa chữa {0} căn nhà"), ("beneficiaries", "hỗ trợ {0} lượt người"),
            ("households_out_of_poverty", "giúp {0} hộ thoát nghèo"), ("dialogues", "tổ chức {0} cuộc đối thoại với Nhân dân"),
        })
        {
            if (Total(code) > 0)
            {
                parts.Add(string.Format(CultureInfo.InvariantCulture, words, Cultures.VietnameseNumber(Math.Round(Total(code), 2))));
            }
        }

        foreach (var (part, whole, words) in new[] { ("dossiers_on_time", "dossiers_total", "hồ sơ giải quyết đúng hạn"), ("petitions_resolved", "petitions_received", "đơn thư được giải quyết"), ("ballots_satisfied", "ballots_total", "phiếu hài lòng") })
        {
            if (Total(whole) > 0)
            {
                parts.Add($"{(Total(part) / Total(whole)).ToString("P1", Cultures.Vietnamese)} {words} ({Cultures.VietnameseNumber(Total(part))}/{Cultures.VietnameseNumber(Total(whole))})");
            }
        }

        return parts.Count == 0 ? string.Empty : "Kết quả phong trào: " + string.Join("; ", parts) + ".";
    }

    /// <summary>Money as reports write it: "1,5 tỷ đồng", "750 triệu đồng", "35.000 đồng".</summary>
    public static string Money(decimal dong) => dong switch
    {
        >= 1_000_000_000 => $"{Cultures.VietnameseNumber(Math.Round(dong / 1_000_000_000, 2))} tỷ đồng",
        >= 1_000_000 => $"{Cultures.VietnameseNumber(Math.Round(dong / 1_000_000, 2))} triệu đồng",
        _ => $"{Cultures.VietnameseNumber(dong)} đồng",
    };
}
