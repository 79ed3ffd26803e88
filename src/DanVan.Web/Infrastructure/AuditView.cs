using System.Globalization;
using System.Text.Json;
using DanVan.Domain;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Infrastructure;

/// <summary>Turns an audit line's JSON into "label: before → after" rows a person can read.</summary>
public static class AuditView
{
    public sealed record Change(string Label, string? Before, string? After);

    private static readonly Dictionary<string, string> PropertyLabels = new(StringComparer.Ordinal)
    {
        ["Name"] = "Tên", ["Code"] = "Mã", ["Field"] = "Lĩnh vực", ["Kind"] = "Loại", ["Origin"] = "Nguồn gốc",
        ["ReplicatedFromId"] = "Nhân rộng từ mô hình", ["OriginNote"] = "Nguồn nhân rộng", ["OwnerOrganizationId"] = "Tổ chức chủ thể",
        ["OwnerName"] = "Chủ thể", ["UnitId"] = "Đơn vị", ["CurrentUnitId"] = "Đơn vị hiện hành", ["RegisteredOn"] = "Ngày đăng ký",
        ["Summary"] = "Tóm tắt", ["Goals"] = "Mục tiêu", ["Method"] = "Cách làm", ["Status"] = "Trạng thái",
        ["RetiredOn"] = "Ngày loại bỏ", ["RetiredReason"] = "Lý do loại bỏ", ["Address"] = "Địa chỉ", ["Phone"] = "Điện thoại", ["Email"] = "Email",
        ["HighestLevel"] = "Cấp công nhận cao nhất", ["FirstRecognizedOn"] = "Ngày công nhận đầu tiên", ["CommuneRecognizedOn"] = "Ngày công nhận cấp xã",
        ["DistrictRecognizedOn"] = "Ngày công nhận cấp huyện", ["ProvinceRecognizedOn"] = "Ngày công nhận cấp tỉnh", ["NationalRecognizedOn"] = "Ngày công nhận toàn quốc",
        ["CampaignId"] = "Đợt đăng ký", ["HiddenFromPublic"] = "Không công khai", ["OwnerConsentOn"] = "Ngày cá nhân đồng ý công khai tên",
        ["CreatedAt"] = "Ngày tạo", ["CreatedBy"] = "Người tạo", ["OwnerType"] = "Khối, lĩnh vực của chủ thể", ["TargetGroups"] = "Đối tượng vận động",
    };

    // Keys the system keeps for itself (paths, search and sort keys, versions): not news to a person reading the history.
    private static readonly HashSet<string> Internal = new(StringComparer.Ordinal)
    {
        "Id", "UnitPath", "LegacyPath", "ScopePath", "SortKey", "SearchText", "Version",
    };

    /// <summary>Properties holding the id of another record, shown by that record's name.</summary>
    public static readonly IReadOnlyDictionary<string, string> References = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["UnitId"] = "unit", ["CurrentUnitId"] = "unit", ["CampaignId"] = "campaign", ["OwnerOrganizationId"] = "organization", ["ReplicatedFromId"] = "initiative",
    };

    private static readonly Dictionary<string, string> ValueLabels = BuildValueLabels();

    private static Dictionary<string, string> BuildValueLabels()
    {
        var d = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var v in Enum.GetValues<Field>()) { d[v.ToString()] = Labels.Of(v); }
        foreach (var v in Enum.GetValues<InitiativeKind>()) { d[v.ToString()] = Labels.Of(v); }
        foreach (var v in Enum.GetValues<Origin>()) { d[v.ToString()] = Labels.Of(v); }
        foreach (var v in Enum.GetValues<InitiativeStatus>()) { d[v.ToString()] = Labels.Of(v); }
        foreach (var v in Enum.GetValues<OrganizationKind>()) { d[v.ToString()] = Labels.Of(v); }
        foreach (var v in Enum.GetValues<RecognitionLevel>()) { d[v.ToString()] = Features.Recognition.Recognitions.LevelLabel(v); }
        foreach (var v in Enum.GetValues<OwnerType>()) { d.TryAdd(v.ToString(), Labels.Of(v)); }
        foreach (var v in OwnerTypes.AllGroups) { d.TryAdd(v.ToString(), Labels.Of(v)); }
        d.TryAdd(nameof(TargetGroups.None), "không");
        return d;
    }

    /// <summary>The names of the records an audit trail's lines refer to by id (units, rounds, organisations, models).</summary>
    public static async Task<Dictionary<(string Kind, long Id), string>> NamesAsync(Data.AppDbContext db, IEnumerable<string?> lines, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var ids = new HashSet<(string Kind, long Id)>();
        foreach (var json in lines.OfType<string>())
        {
            try
            {
                using var doc = JsonDocument.Parse(json);
                foreach (var p in doc.RootElement.EnumerateObject().Where(p => References.ContainsKey(p.Name)))
                {
                    var values = p.Value.ValueKind == JsonValueKind.Array ? p.Value.EnumerateArray().ToList() : [p.Value];
                    foreach (var v in values.Where(v => v.ValueKind == JsonValueKind.Number && v.TryGetInt64(out _)))
                    {
                        ids.Add((References[p.Name], v.GetInt64()));
                    }
                }
            }
            catch (JsonException)
            {
                // An old line that is not JSON is shown as it is.
            }
        }

        List<int> Of(string kind) => ids.Where(i => i.Kind == kind).Select(i => (int)i.Id).ToList();
        var units = Of("unit");
        var campaigns = Of("campaign");
        var organizations = Of("organization");
        var initiatives = Of("initiative");
        var names = new Dictionary<(string, long), string>();
        foreach (var u in await db.AdminUnits.AsNoTracking().Where(u => units.Contains(u.Id)).Select(u => new { u.Id, u.FullName, u.Map }).ToListAsync(ct))
        {
            names[("unit", u.Id)] = $"{u.FullName} ({u.Map})";
        }

        foreach (var c in await db.Campaigns.AsNoTracking().Where(c => campaigns.Contains(c.Id)).Select(c => new { c.Id, c.Name }).ToListAsync(ct))
        {
            names[("campaign", c.Id)] = c.Name;
        }

        foreach (var o in await db.Organizations.AsNoTracking().Where(o => organizations.Contains(o.Id)).Select(o => new { o.Id, o.Name }).ToListAsync(ct))
        {
            names[("organization", o.Id)] = o.Name;
        }

        foreach (var i in await db.Initiatives.AsNoTracking().Where(i => initiatives.Contains(i.Id)).Select(i => new { i.Id, i.Name }).ToListAsync(ct))
        {
            names[("initiative", i.Id)] = i.Name;
        }

        return names;
    }

    public static IReadOnlyList<Change> Parse(string? json) => Parse(json, null);

    /// <summary>The changes; <paramref name="say"/> puts the system's own words (states, levels, yes/no) in the page's language.</summary>
    public static IReadOnlyList<Change> Parse(string? json, IReadOnlyDictionary<(string Kind, long Id), string>? names, Func<string, string>? say = null)
    {
        say ??= s => s;
        if (string.IsNullOrEmpty(json))
        {
            return [];
        }

        try
        {
            using var doc = JsonDocument.Parse(json);
            var list = new List<Change>();
            foreach (var p in doc.RootElement.EnumerateObject().Where(p => !Internal.Contains(p.Name)))
            {
                var label = PropertyLabels.GetValueOrDefault(p.Name, p.Name);
                string? Value(JsonElement e) => References.TryGetValue(p.Name, out var kind) && e.ValueKind == JsonValueKind.Number && e.TryGetInt64(out var id)
                    && names is not null && names.TryGetValue((kind, id), out var name) ? name : Show(e, say);
                if (p.Value.ValueKind == JsonValueKind.Array && p.Value.GetArrayLength() == 2)
                {
                    list.Add(new Change(label, Value(p.Value[0]), Value(p.Value[1])));
                }
                else
                {
                    list.Add(new Change(label, null, Value(p.Value)));
                }
            }

            return list;
        }
        catch (JsonException)
        {
            return [new Change("", null, json)];
        }
    }

    private static string? Show(JsonElement e, Func<string, string> say) => e.ValueKind switch
    {
        JsonValueKind.Null or JsonValueKind.Undefined => null,
        JsonValueKind.String when DateOnly.TryParseExact(e.GetString(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) => Cultures.Date(d),
        // A set of flags reads "PoorHouseholds, EthnicMinorities": each by its words.
        JsonValueKind.String when e.GetString()!.Contains(", ", StringComparison.Ordinal) =>
            string.Join(", ", e.GetString()!.Split(", ").Select(v => ValueLabels.TryGetValue(v, out var l) ? say(l) : v)),
        JsonValueKind.String => ValueLabels.TryGetValue(e.GetString()!, out var label) ? say(label) : e.GetString()!,
        JsonValueKind.True => say("có"),
        JsonValueKind.False => say("không"),
        _ => e.GetRawText(),
    };
}
