using DanVan.Domain;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Data.Seeding;

/// <summary>The award forms each level issues for the movement, as the country's defaults (admins and provinces add their own).</summary>
public static class AwardFormSeeder
{
    public static readonly (string Code, string Name, string Title, RecognitionLevel Level, string IssuingBody)[] Standard =
    [
        ("gk_xa", "Giấy khen của Ban Thường vụ Đảng ủy xã, phường", "GIẤY KHEN", RecognitionLevel.Commune, "Ban Thường vụ Đảng ủy"),
        ("gk_ubnd_xa", "Giấy khen của Chủ tịch Ủy ban nhân dân xã, phường", "GIẤY KHEN", RecognitionLevel.Commune, "Ủy ban nhân dân"),
        ("gk_huyen", "Giấy khen của Ban Thường vụ Huyện ủy (trước 01/07/2025)", "GIẤY KHEN", RecognitionLevel.District, "Ban Thường vụ Huyện ủy"),
        ("bk_tinh", "Bằng khen của Ban Thường vụ Tỉnh ủy, Thành ủy", "BẰNG KHEN", RecognitionLevel.Province, "Ban Thường vụ Tỉnh ủy"),
        ("bk_ubnd_tinh", "Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh, thành phố", "BẰNG KHEN", RecognitionLevel.Province, "Ủy ban nhân dân tỉnh"),
        ("bk_bdvtw", "Bằng khen của Ban Dân vận Trung ương", "BẰNG KHEN", RecognitionLevel.National, "Ban Dân vận Trung ương"),
        ("bk_ttcp", "Bằng khen của Thủ tướng Chính phủ", "BẰNG KHEN", RecognitionLevel.National, "Thủ tướng Chính phủ"),
    ];

    public static async Task SeedAsync(AppDbContext db, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var have = await db.AwardForms.Where(f => f.ScopePath == "/").Select(f => f.Code).ToListAsync(ct);
        var order = 0;
        foreach (var (code, name, title, level, body) in Standard)
        {
            order += 10;
            if (!have.Contains(code))
            {
                var form = AwardForm.Define(code, name, title, level, body, "/", order);
                form.Version = 1;
                db.AwardForms.Add(form);
            }
        }

        await db.SaveChangesAsync(ct);
    }
}
