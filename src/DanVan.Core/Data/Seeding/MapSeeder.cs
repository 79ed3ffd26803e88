using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;
using DanVan.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace DanVan.Data.Seeding;

/// <summary>
/// Loads Vietnam's administrative map (2024 three-tier, 2025 two-tier) and the 2025 successions
/// from the CSV files embedded in this assembly. Idempotent: a loaded map is left alone.
/// </summary>
public static class MapSeeder
{
    public sealed record Counts(int Units2024, int Units2025, int Successions);

    private sealed record UnitRow(string Code, string Name, string Type, string ParentCode, int Level, string FullName);

    private sealed record MappingRow(string OldLevel, string OldCode, string OldName, string OldProvinceCode, string NewCode, string Relation, string Note);

    public static async Task<Counts> SeedAsync(AppDbContext db, CancellationToken ct = default)
    {
        if (await db.AdminUnits.AnyAsync(ct))
        {
            return await CountAsync(db, ct);
        }

        var units2025 = ReadUnits("units_2025.csv");
        var units2024 = ReadUnits("units_2024.csv");
        var mapping = ReadMapping();

        var new2025 = BuildTree(Maps.Map2025, units2025, _ => null);
        var currentPaths = CurrentPathsFor2024(units2024, mapping, new2025);
        var old2024 = BuildTree(Maps.Map2024, units2024, u => currentPaths[u.Code]);

        // Ids are assigned here so one pass of plain INSERTs can link parents and successions;
        // EF change tracking made this 20 times slower.
        AssignLegacyPaths(new2025, old2024, mapping);
        var id = 0;
        foreach (var u in new2025.Values.Concat(old2024.Values))
        {
            u.Id = ++id;
        }

        var successions = new List<UnitSuccession>();
        var seen = new HashSet<(int, int)>();
        foreach (var m in mapping)
        {
            if (m.OldLevel == "area" || !old2024.TryGetValue(m.OldCode, out var oldUnit) || !new2025.TryGetValue(m.NewCode, out var newUnit)
                || !seen.Add((oldUnit.Id, newUnit.Id)))
            {
                continue;
            }

            successions.Add(new UnitSuccession
            {
                Id = successions.Count + 1,
                OldUnitId = oldUnit.Id,
                NewUnitId = newUnit.Id,
                Relation = m.Relation == "partial" ? SuccessionRelation.Partial : SuccessionRelation.Full,
                Note = string.IsNullOrWhiteSpace(m.Note) ? null : m.Note,
            });
        }

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await BulkInsert.RunAsync(db, "AdminUnits",
            ["Id", "Map", "Code", "Name", "FullName", "Type", "Level", "ParentId", "ParentCode", "Path", "CurrentPath", "LegacyPath", "CurrentPathByRule", "SortKey", "SearchText", "ValidFrom", "ValidTo"],
            new2025.Values.Concat(old2024.Values).OrderBy(u => u.Map == Maps.Map2025 ? 0 : 1).ThenBy(u => u.Level).Select(u => new object?[]
            {
                u.Id, u.Map, u.Code, u.Name, u.FullName, u.Type, u.Level, u.Parent?.Id, u.ParentCode, u.Path, u.CurrentPath, u.LegacyPath, u.CurrentPathByRule,
                u.SortKey, u.SearchText, u.ValidFrom, u.ValidTo,
            }), ct);
        await BulkInsert.RunAsync(db, "UnitSuccessions", ["Id", "OldUnitId", "NewUnitId", "Relation", "Note"],
            successions.Select(x => new object?[] { x.Id, x.OldUnitId, x.NewUnitId, (int)x.Relation, x.Note }), ct);
        if (db.Database.IsNpgsql())
        {
            // Explicit ids leave identity sequences behind; move them past the seeded rows.
            await db.Database.ExecuteSqlRawAsync(
                "SELECT setval(pg_get_serial_sequence('\"AdminUnits\"', 'Id'), (SELECT MAX(\"Id\") FROM \"AdminUnits\"));" +
                "SELECT setval(pg_get_serial_sequence('\"UnitSuccessions\"', 'Id'), (SELECT MAX(\"Id\") FROM \"UnitSuccessions\"));", ct);
        }

        await tx.CommitAsync(ct);
        return await CountAsync(db, ct);
    }

    public static async Task<Counts> CountAsync(AppDbContext db, CancellationToken ct = default) => new(
        await db.AdminUnits.CountAsync(u => u.Map == Maps.Map2024, ct),
        await db.AdminUnits.CountAsync(u => u.Map == Maps.Map2025, ct),
        await db.UnitSuccessions.CountAsync(ct));

    /// <summary>
    /// For reports asked on the 2024 map, each 2025 unit stands for one predecessor of the same level:
    /// the one with its name, else the one with its code, else a whole (not split) one, else the lowest code.
    /// Old records keep their own old unit; only records made after the reform need this.
    /// </summary>
    private static void AssignLegacyPaths(Dictionary<string, AdminUnit> new2025, Dictionary<string, AdminUnit> old2024, List<MappingRow> mapping)
    {
        foreach (var u in old2024.Values)
        {
            u.LegacyPath = u.Path;
        }

        var byNew = mapping.Where(m => m.OldLevel is "province" or "commune" or "district").GroupBy(m => m.NewCode).ToDictionary(g => g.Key, g => g.ToList());
        foreach (var u in new2025.Values)
        {
            var level = u.Level == 1 ? "province" : "commune";
            var candidates = byNew.TryGetValue(u.Code, out var rows)
                ? rows.Where(r => r.OldLevel == level && old2024.ContainsKey(r.OldCode)).ToList()
                : [];
            if (candidates.Count == 0)
            {
                candidates = rows?.Where(r => old2024.ContainsKey(r.OldCode)).ToList() ?? [];
            }

            var folded = VietnameseText.Fold(u.Name);
            var chosen = candidates.FirstOrDefault(r => VietnameseText.Fold(old2024[r.OldCode].Name) == folded)
                ?? candidates.FirstOrDefault(r => r.OldCode == u.Code)
                ?? candidates.Where(r => r.Relation == "full").OrderBy(r => r.OldCode, StringComparer.Ordinal).FirstOrDefault()
                ?? candidates.OrderBy(r => r.OldCode, StringComparer.Ordinal).FirstOrDefault();
            u.LegacyPath = chosen is null ? string.Empty : old2024[chosen.OldCode].Path;
        }
    }

    private static Dictionary<string, AdminUnit> BuildTree(int map, List<UnitRow> rows, Func<UnitRow, (string Path, bool ByRule)?> current)
    {
        var byCode = new Dictionary<string, AdminUnit>(StringComparer.Ordinal);
        foreach (var row in rows.OrderBy(r => r.Level))
        {
            AdminUnit? parent = null;
            if (row.ParentCode.Length > 0 && !byCode.TryGetValue(row.ParentCode, out parent))
            {
                throw new InvalidDataException($"Map {map}: unit {row.Code} names unknown parent {row.ParentCode}.");
            }

            var path = (parent?.Path ?? "/") + row.Code + "/";
            var cur = current(row);
            var unit = new AdminUnit
            {
                Map = map,
                Code = row.Code,
                Name = row.Name,
                FullName = row.FullName,
                Type = row.Type,
                Level = row.Level,
                Parent = parent,
                ParentCode = parent?.Code,
                Path = path,
                CurrentPath = cur?.Path ?? path,
                CurrentPathByRule = cur?.ByRule ?? false,
                SortKey = VietnameseText.SortKey(row.Name),
                SearchText = VietnameseText.Fold(row.FullName),
                ValidFrom = map == Maps.Map2025 ? new DateOnly(2025, 7, 1) : null,
                ValidTo = map == Maps.Map2024 ? new DateOnly(2025, 6, 30) : null,
            };
            byCode.Add(row.Code, unit);
        }

        return byCode;
    }

    /// <summary>
    /// The 2025 unit each 2024 unit's records count under. Provinces and whole communes follow the
    /// statistics office's table. A split commune goes to the successor that kept its name, else to the
    /// first successor the table lists, and is marked for review. A district goes to its province's
    /// successor (districts were abolished), except island districts that became special zones.
    /// </summary>
    private static Dictionary<string, (string Path, bool ByRule)> CurrentPathsFor2024(
        List<UnitRow> units2024, List<MappingRow> mapping, Dictionary<string, AdminUnit> new2025)
    {
        var successors = mapping
            .Where(m => m.OldLevel is "province" or "district" or "commune")
            .GroupBy(m => (m.OldLevel, m.OldCode))
            .ToDictionary(g => g.Key, g => g.ToList());
        var byCode = units2024.ToDictionary(u => u.Code, StringComparer.Ordinal);
        var result = new Dictionary<string, (string, bool)>(StringComparer.Ordinal);

        string ProvinceOf(UnitRow u)
        {
            var p = u;
            while (p.ParentCode.Length > 0)
            {
                p = byCode[p.ParentCode];
            }

            return p.Code;
        }

        (string, bool) Province(UnitRow u)
        {
            var oldProvince = ProvinceOf(u);
            var target = successors[("province", oldProvince)][0].NewCode;
            return (new2025[target].Path, false);
        }

        foreach (var u in units2024)
        {
            var level = u.Level switch { 1 => "province", 2 => "district", _ => "commune" };
            if (!successors.TryGetValue((level, u.Code), out var rows))
            {
                // Districts (and any commune the table omits) roll up to the province's successor.
                result[u.Code] = level == "province"
                    ? throw new InvalidDataException($"Province {u.Code} has no successor.")
                    : Province(u) with { Item2 = level == "commune" };
                continue;
            }

            var distinct = rows.Select(r => r.NewCode).Distinct(StringComparer.Ordinal).ToList();
            if (distinct.Count == 1)
            {
                result[u.Code] = (new2025[distinct[0]].Path, false);
                continue;
            }

            var folded = VietnameseText.Fold(u.Name);
            var sameName = distinct.FirstOrDefault(c => VietnameseText.Fold(new2025[c].Name) == folded);
            result[u.Code] = (new2025[sameName ?? distinct[0]].Path, true);
        }

        return result;
    }

    /// <summary>The provinces' names on both maps ("Hưng Yên", "Hà Tây"): words an attacker tries first in a password here.</summary>
    public static IReadOnlyList<string> ProvinceNames() => ProvinceNamesOnce.Value;

    private static readonly Lazy<IReadOnlyList<string>> ProvinceNamesOnce = new(() =>
        ReadUnits("units_2024.csv").Concat(ReadUnits("units_2025.csv")).Where(u => u.Level == 1).Select(u => u.Name).Distinct(StringComparer.Ordinal).ToList());

    private static Stream Open(string file) =>
        typeof(MapSeeder).Assembly.GetManifestResourceStream("DanVan.Map." + file)
        ?? throw new InvalidOperationException($"Embedded map file {file} is missing.");

    private static CsvConfiguration CsvConfig => new(CultureInfo.InvariantCulture) { HasHeaderRecord = true };

    private static List<UnitRow> ReadUnits(string file)
    {
        using var reader = new StreamReader(Open(file));
        using var csv = new CsvReader(reader, CsvConfig);
        var list = new List<UnitRow>();
        csv.Read();
        csv.ReadHeader();
        while (csv.Read())
        {
            list.Add(new UnitRow(
                csv.GetField("code")!, csv.GetField("name")!, csv.GetField("type")!,
                csv.GetField("parent_code") ?? string.Empty, int.Parse(csv.GetField("level")!, CultureInfo.InvariantCulture),
                csv.GetField("full_name")!));
        }

        return list;
    }

    private static List<MappingRow> ReadMapping()
    {
        using var reader = new StreamReader(Open("mapping_2024_2025.csv"));
        using var csv = new CsvReader(reader, CsvConfig);
        var list = new List<MappingRow>();
        csv.Read();
        csv.ReadHeader();
        while (csv.Read())
        {
            list.Add(new MappingRow(
                csv.GetField("old_level")!, csv.GetField("old_code")!, csv.GetField("old_name")!,
                csv.GetField("old_province_code")!, csv.GetField("new_code")!, csv.GetField("relation")!,
                csv.GetField("nso_note") ?? string.Empty));
        }

        return list;
    }
}
