using DanVan.Domain;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Data.Seeding;

/// <summary>The country's catalogue of standard indicators (issue "the movement's results"): what review reports open with.</summary>
public static class IndicatorSeeder
{
    public static readonly (string Code, string Name, string Unit, Aggregation Aggregation, string Categories)[] Standard =
    [
        ("funds_mobilized", "Kinh phí huy động", "đồng", Aggregation.Sum, "state,people,other"),
        ("land_donated", "Đất hiến", "m²", Aggregation.Sum, ""),
        ("working_days", "Ngày công đóng góp", "ngày công", Aggregation.Sum, ""),
        ("roads_built", "Đường giao thông làm mới, nâng cấp", "km", Aggregation.Sum, ""),
        ("canals_built", "Kênh mương kiên cố hoá", "km", Aggregation.Sum, ""),
        ("houses_built", "Nhà xây mới", "căn", Aggregation.Sum, ""),
        ("houses_repaired", "Nhà sửa chữa", "căn", Aggregation.Sum, ""),
        ("beneficiaries", "Lượt người được hỗ trợ", "lượt người", Aggregation.Sum, ""),
        ("households_out_of_poverty", "Hộ thoát nghèo", "hộ", Aggregation.Sum, ""),
        ("dialogues", "Cuộc đối thoại với Nhân dân", "cuộc", Aggregation.Sum, ""),
        ("dialogue_attendees", "Lượt người dự đối thoại", "người", Aggregation.Sum, ""),
        ("petitions_received", "Đơn thư, kiến nghị tiếp nhận", "đơn", Aggregation.Sum, ""),
        ("petitions_resolved", "Đơn thư, kiến nghị giải quyết", "đơn", Aggregation.Sum, ""),
        ("dossiers_total", "Hồ sơ tiếp nhận", "hồ sơ", Aggregation.Sum, ""),
        ("dossiers_on_time", "Hồ sơ giải quyết đúng hạn", "hồ sơ", Aggregation.Sum, ""),
        ("ballots_total", "Phiếu lấy ý kiến", "phiếu", Aggregation.Sum, ""),
        ("ballots_satisfied", "Phiếu hài lòng", "phiếu", Aggregation.Sum, ""),
        ("members", "Thành viên, hội viên tham gia", "người", Aggregation.Last, ""),
        ("households_participating", "Hộ tham gia", "hộ", Aggregation.Last, ""),
        ("revenue", "Giá trị sản phẩm, doanh thu", "đồng", Aggregation.Sum, ""),
    ];

    /// <summary>Category names as reports write them.</summary>
    public static readonly IReadOnlyDictionary<string, string> CategoryNames = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["state"] = "Ngân sách Nhà nước", ["people"] = "Nhân dân đóng góp", ["other"] = "Nguồn khác",
    };

    public static async Task SeedAsync(AppDbContext db, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var existing = await db.Indicators.Select(i => i.Code).ToListAsync(ct);
        for (var k = 0; k < Standard.Length; k++)
        {
            var s = Standard[k];
            if (!existing.Contains(s.Code))
            {
                db.Indicators.Add(Indicator.Define(s.Code, s.Name, s.Unit, s.Aggregation, "/", k, s.Categories, builtIn: true));
            }
        }

        await db.SaveChangesAsync(ct);
    }
}
