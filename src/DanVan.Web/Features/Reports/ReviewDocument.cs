using System.ComponentModel.DataAnnotations;
using System.Globalization;
using DanVan.Domain;
using DanVan.Infrastructure;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;

namespace DanVan.Features.Reports;

public enum IssuerKind
{
    /// <summary>Party bodies (Hướng dẫn 36-HD/VPTW): Ban Dân vận, steering committees set up by Party committees.</summary>
    Party = 0,

    /// <summary>State bodies (Nghị định 30/2020/NĐ-CP): People's Committees.</summary>
    State = 1,
}

/// <summary>The fields an officer fills or edits before downloading a review report.</summary>
public class DocumentInput
{
    [Display(Name = "Thể thức")]
    public IssuerKind Issuer { get; set; } = IssuerKind.Party;

    [Display(Name = "Cơ quan cấp trên")]
    [StringLength(200)]
    [CleanText]
    public string? SuperiorBody { get; set; }

    [Display(Name = "Cơ quan ban hành")]
    [Required(ErrorMessage = "Vui lòng nhập {0}.")]
    [StringLength(200)]
    [CleanText]
    public string? IssuingBody { get; set; }

    [Display(Name = "Số, ký hiệu")]
    [Required(ErrorMessage = "Vui lòng nhập {0}.")]
    [StringLength(50)]
    [CleanText]
    public string? Number { get; set; }

    [Display(Name = "Địa danh")]
    [Required(ErrorMessage = "Vui lòng nhập {0}.")]
    [StringLength(100)]
    [CleanText]
    public string? Place { get; set; }

    [Display(Name = "Ngày ban hành")]
    [Required(ErrorMessage = "Vui lòng nhập {0}.")]
    public DateOnly? Date { get; set; }

    [Display(Name = "Trích yếu")]
    [Required(ErrorMessage = "Vui lòng nhập {0}.")]
    [StringLength(300)]
    [CleanText]
    public string? Subject { get; set; }

    [Display(Name = "Thẩm quyền ký")]
    [StringLength(100)]
    [CleanText]
    public string? Authority { get; set; }

    [Display(Name = "Người ký")]
    [StringLength(100)]
    [CleanText]
    public string? Signer { get; set; }

    [Display(Name = "Nơi nhận")]
    [StringLength(1000)]
    [CleanText]
    public string? Recipients { get; set; }
}

/// <summary>
/// The review report (báo cáo sơ kết / tổng kết) as .docx in the layout of Vietnamese administrative documents:
/// A4, Times New Roman 14, the Party or State header, number, place and date, title, body with the summary's
/// paragraph and tables, recipients and signature block. The figures come from the same <see cref="SummaryReport"/>
/// as the screen.
/// </summary>
public static class ReviewDocument
{
    public static byte[] Build(DocumentInput input, SummaryReport report)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(report);
        using var ms = new MemoryStream();
        using (var doc = WordprocessingDocument.Create(ms, WordprocessingDocumentType.Document))
        {
            var (main, body) = OfficialDocument.Start(doc);

            body.Append(OfficialDocument.HeaderTable(input));
            body.Append(OfficialDocument.Para("BÁO CÁO", bold: true, center: true, size: 30, before: 360));
            body.Append(OfficialDocument.Para(input.Subject ?? string.Empty, bold: true, center: true));
            body.Append(OfficialDocument.Para("-----", center: true));

            var vi = Cultures.Vietnamese;
            body.Append(OfficialDocument.Para("I- KẾT QUẢ THỰC HIỆN PHONG TRÀO THI ĐUA \"DÂN VẬN KHÉO\"", bold: true));
            body.Append(OfficialDocument.Para(string.Create(CultureInfo.InvariantCulture,
                $"Số liệu của {report.Unit.Name} từ ngày {report.From:dd/MM/yyyy} đến ngày {report.To:dd/MM/yyyy}, tổng hợp trực tiếp từ hệ thống DanVan."), indent: true, justify: true));
            body.Append(OfficialDocument.Para(Summary.Paragraph(report), indent: true, justify: true));
            body.Append(OfficialDocument.Para(string.Create(CultureInfo.InvariantCulture,
                $"Trong kỳ, đăng ký xây dựng mới {report.RegisteredInPeriod.Total.ToString("#,##0", vi)} mô hình; công nhận lần đầu {report.RecognizedInPeriod.Total.ToString("#,##0", vi)} mô hình; loại bỏ {report.RetiredInPeriod.Total.ToString("#,##0", vi)} mô hình không hiệu quả."), indent: true, justify: true));

            if (report.Indicators is { } figures && figures.Any(x => x.Value.Total != 0))
            {
                body.Append(OfficialDocument.Grid(["Chỉ tiêu", "Đơn vị tính", "Tổng", "Từ các mô hình", "Từ báo cáo đơn vị"],
                    figures.Where(x => x.Value.Total != 0).Select(x => new[] { x.Value.Name, x.Value.Unit, Cultures.VietnameseNumber(x.Value.Total), Cultures.VietnameseNumber(x.Value.FromInitiatives),
                        Cultures.VietnameseNumber(x.Value.FromUnitReports + x.Value.FromSurveys) }).ToList()));
            }

            body.Append(OfficialDocument.Para("1- Mô hình đang duy trì theo lĩnh vực", bold: true));
            var fieldRows = Enum.GetValues<Field>().Select(f =>
            {
                var c = report.Maintained.ByField[Labels.Key(f)];
                return new[] { Labels.Of(f), N(c.Total), N(c.New), N(c.Replicated), N(c.Collective), N(c.Individual), N(report.Recognized.ByField[Labels.Key(f)].Total) };
            }).Append(["Cộng", N(report.Maintained.Total), N(report.Maintained.ByOrigin["new"]), N(report.Maintained.ByOrigin["replicated"]),
                N(report.Maintained.ByKind["collective"]), N(report.Maintained.ByKind["individual"]), N(report.Recognized.Total)]).ToList();
            body.Append(OfficialDocument.Grid(["Lĩnh vực", "Tổng", "Mới", "Nhân rộng", "Tập thể", "Cá nhân", "Đã công nhận"], fieldRows));

            // The units with models, as the page shows them; the others are counted in one line, not listed as rows of zeros.
            var active = report.Children.Where(c => c.Maintained + c.Recognized + c.NotRecognized > 0).ToList();
            if (report.Children.Count > 0)
            {
                body.Append(OfficialDocument.Para("2- Theo đơn vị trực thuộc", bold: true, before: 240));
                if (active.Count > 0)
                {
                    body.Append(OfficialDocument.Grid(["Đơn vị", "Đang duy trì", "Đã công nhận", "Chưa công nhận"],
                        active.Select(c => new[] { c.Name, N(c.Maintained), N(c.Recognized), N(c.NotRecognized) }).ToList()));
                }

                if (report.Children.Count > active.Count)
                {
                    body.Append(OfficialDocument.Para($"{N(report.Children.Count - active.Count)} đơn vị trực thuộc chưa có mô hình trong kỳ.", italic: true, indent: true));
                }
            }

            body.Append(OfficialDocument.Para("II- PHƯƠNG HƯỚNG, NHIỆM VỤ THỜI GIAN TỚI", bold: true, before: 240));
            body.Append(OfficialDocument.Para("(Đơn vị bổ sung nội dung.)", indent: true, italic: true));
            body.Append(OfficialDocument.FooterTable(input));
            OfficialDocument.Finish(main, body);
        }

        return ms.ToArray();
    }

    private static string N(long n) => n.ToString("#,##0", Cultures.Vietnamese);
}
