using System.Globalization;
using System.Text.Json;
using DanVan.Domain;

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
        return d;
    }

    public static IReadOnlyList<Change> Parse(string? json)
    {
        if (string.IsNullOrEmpty(json))
        {
            return [];
        }

        try
        {
            using var doc = JsonDocument.Parse(json);
            var list = new List<Change>();
            foreach (var p in doc.RootElement.EnumerateObject())
            {
                var label = PropertyLabels.GetValueOrDefault(p.Name, p.Name);
                if (p.Value.ValueKind == JsonValueKind.Array && p.Value.GetArrayLength() == 2)
                {
                    list.Add(new Change(label, Show(p.Value[0]), Show(p.Value[1])));
                }
                else
                {
                    list.Add(new Change(label, null, Show(p.Value)));
                }
            }

            return list;
        }
        catch (JsonException)
        {
            return [new Change("", null, json)];
        }
    }

    private static string? Show(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.Null or JsonValueKind.Undefined => null,
        JsonValueKind.String when DateOnly.TryParseExact(e.GetString(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) => Cultures.Date(d),
        JsonValueKind.String => ValueLabels.GetValueOrDefault(e.GetString()!, e.GetString()!),
        JsonValueKind.True => "có",
        JsonValueKind.False => "không",
        _ => e.GetRawText(),
    };
}
