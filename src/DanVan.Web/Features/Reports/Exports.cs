using System.Globalization;
using DanVan.Data;
using DanVan.Domain;
using DanVan.Features.Initiatives;
using DanVan.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace DanVan.Features.Reports;

/// <summary>Excel and Word files built from the same queries as the screens.</summary>
public static class Exports
{
    public const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public const string DocxType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    public static string Period(SummaryReport r) => string.Create(CultureInfo.InvariantCulture, $"Từ ngày {r.From:dd/MM/yyyy} đến ngày {r.To:dd/MM/yyyy}");

    public static byte[] SummaryXlsx(SummaryReport r)
    {
        var rows = new List<object?[]>();
        foreach (var f in Enum.GetValues<Field>())
        {
            var c = r.Maintained.ByField[Labels.Key(f)];
            rows.Add([Labels.Of(f), c.Total, c.New, c.Replicated, c.Collective, c.Individual, r.Recognized.ByField[Labels.Key(f)].Total]);
        }

        rows.Add(["Cộng", r.Maintained.Total, r.Maintained.ByOrigin["new"], r.Maintained.ByOrigin["replicated"], r.Maintained.ByKind["collective"], r.Maintained.ByKind["individual"], r.Recognized.Total]);
        rows.Add([]);
        rows.Add(["Đã công nhận theo cấp", "Toàn quốc", "Cấp tỉnh", "Cấp huyện", "Cấp xã"]);
        rows.Add(["", r.Recognized.ByLevel["national"], r.Recognized.ByLevel["province"], r.Recognized.ByLevel["district"], r.Recognized.ByLevel["commune"]]);
        rows.Add([]);
        rows.Add(["Trong kỳ", "Đăng ký mới", "Công nhận lần đầu", "Loại bỏ"]);
        rows.Add(["", r.RegisteredInPeriod.Total, r.RecognizedInPeriod.Total, r.RetiredInPeriod.Total]);
        rows.Add([]);
        rows.Add(["Khối chủ thể", "Đang duy trì", "Đã công nhận", "Đăng ký trong kỳ"]);
        rows.AddRange(OwnerTypes.Ordered.Select(t => EnumKeys.Key(t)).Where(k => r.Maintained.ByOwnerType[k] + r.RegisteredInPeriod.ByOwnerType[k] > 0)
            .Select(k => new object?[] { Labels.Of(EnumKeys.TryParse<OwnerType>(k, out var t) ? t : OwnerType.Other), r.Maintained.ByOwnerType[k], r.Recognized.ByOwnerType[k], r.RegisteredInPeriod.ByOwnerType[k] }));
        if (r.MaintainedByTargetGroup is { } groups && groups.Values.Any(v => v > 0))
        {
            rows.Add([]);
            rows.Add(["Đối tượng hướng tới", "Đang duy trì"]);
            rows.AddRange(OwnerTypes.AllGroups.Where(g => groups[EnumKeys.Key(g)] > 0).Select(g => new object?[] { Labels.Of(g), groups[EnumKeys.Key(g)] }));
        }

        if (r.Indicators is { } figures && figures.Any(x => x.Value.Total != 0))
        {
            // Numbers as numbers (Excel adds them up); money to the đồng.
            rows.Add([]);
            rows.Add(["Kết quả phong trào", "Đơn vị tính", "Tổng", "Từ các mô hình", "Từ báo cáo đơn vị", "Từ khảo sát"]);
            rows.AddRange(figures.Where(x => x.Value.Total != 0).Select(x => new object?[] { x.Value.Name, x.Value.Unit, x.Value.Total, x.Value.FromInitiatives, x.Value.FromUnitReports, x.Value.FromSurveys }));
        }

        if (r.Commended is { Total: > 0 } awarded)
        {
            rows.Add([]);
            rows.Add(["Khen thưởng", "Tập thể", "Cá nhân", "Cấp Trung ương", "Cấp tỉnh", "Cấp huyện", "Cấp xã"]);
            rows.Add(["", awarded.ByKind["collective"], awarded.ByKind["individual"], awarded.ByLevel["national"], awarded.ByLevel["province"], awarded.ByLevel["district"], awarded.ByLevel["commune"]]);
        }

        if (r.Children.Count > 0)
        {
            rows.Add([]);
            rows.Add(["Đơn vị trực thuộc", "Đang duy trì", "Đã công nhận", "Chưa công nhận"]);
            rows.AddRange(r.Children.Select(c => new object?[] { c.Name, c.Maintained, c.Recognized, c.NotRecognized }));
        }

        return Xlsx.Write("Tổng hợp", $"Tổng hợp mô hình \"Dân vận khéo\" — {r.Unit.Name}", Period(r),
            ["Lĩnh vực", "Đang duy trì", "Mới", "Nhân rộng", "Tập thể", "Cá nhân", "Đã công nhận"], rows);
    }

    public static async Task<byte[]> InitiativesXlsxAsync(AppDbContext db, UserScope scope, InitiativeFilter filter, string title, CancellationToken ct)
    {
        // One page as large as an export needs; the list's own page size limit is for screens.
        // Up to 50,000 rows; a full page means there may be more (the list's count stops at 10,000). Where the order
        // allows it the next page is read after the last row (keyset), not past all the rows before it.
        var all = new List<InitiativeRow>();
        string? after = null;
        for (var page = 1; page <= 500; page++)
        {
            var p = await InitiativeQueries.ListAsync(db, scope, filter with { Page = after is null ? page : 1, PageSize = InitiativeQueries.MaxPageSize, After = after }, ct, count: false);
            all.AddRange(p.Items);
            if (p.Items.Count < InitiativeQueries.MaxPageSize)
            {
                break;
            }

            after = p.Next;
        }

        return Xlsx.Write("Mô hình", title, string.Create(CultureInfo.InvariantCulture, $"Xuất ngày {VietnamClock.TodayNow:dd/MM/yyyy}, {all.Count} mô hình"),
            ["Số hiệu", "Mã", "Tên mô hình", "Lĩnh vực", "Loại", "Nguồn gốc", "Chủ thể", "Đơn vị hiện nay", "Đơn vị khi đăng ký", "Ngày đăng ký", "Trạng thái"],
            all.Select(i => new object?[]
            {
                i.Id, i.Code, i.Name, Labels.Of(i.Field), Labels.Of(i.Kind), Labels.Of(i.Origin), i.Owner, i.CurrentUnitName,
                i.UnitMap == Maps.Map2024 ? i.UnitName : null, i.RegisteredOn, Labels.Of(i.Status),
            }));
    }

    /// <summary>A list as an Excel download: the page's own rows, a title row naming what and when.</summary>
    public static FileContentResult ListXlsx(string stem, string title, IReadOnlyList<string> headers, IEnumerable<object?[]> rows)
    {
        var list = rows.ToList();
        var bytes = Xlsx.Write(stem.Length > 31 ? stem[..31] : stem, title,
            string.Create(CultureInfo.InvariantCulture, $"Xuất ngày {VietnamClock.TodayNow:dd/MM/yyyy}, {list.Count} dòng"), headers, list);
        return new FileContentResult(bytes, XlsxType) { FileDownloadName = FileName(stem, "xlsx") };
    }

    public static string FileName(string stem, string ext) =>
        VietnameseText.Slug(stem) + "-" + VietnamClock.TodayNow.ToString("yyyyMMdd", CultureInfo.InvariantCulture) + "." + ext;
}
