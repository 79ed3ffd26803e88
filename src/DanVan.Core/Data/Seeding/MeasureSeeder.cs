using DanVan.Domain;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Data.Seeding;

/// <summary>The built-in catalogue of units of measure for result indicators; officers can add their own.</summary>
public static class MeasureSeeder
{
    public static readonly string[] BuiltIn =
    [
        "hộ", "thành viên", "người", "đồng", "triệu đồng", "m²", "km", "tấn", "%", "hồ sơ", "đơn thư",
        "phiếu", "cuộc", "lượt người", "ngày công", "bóng đèn", "camera", "con", "ha", "mô hình",
        "căn", "đơn", "kg",
    ];

    public static async Task SeedAsync(AppDbContext db, CancellationToken ct = default)
    {
        var existing = await db.MeasureUnits.Select(m => m.Name).ToListAsync(ct);
        foreach (var name in BuiltIn.Except(existing, StringComparer.Ordinal))
        {
            db.MeasureUnits.Add(new MeasureUnit { Name = name, BuiltIn = true, Approved = true, ScopePath = "/" });
        }

        await db.SaveChangesAsync(ct);
    }
}
