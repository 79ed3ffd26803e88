using System.ComponentModel.DataAnnotations;
using System.Globalization;
using DanVan.Domain;
using DanVan.Infrastructure;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace DanVan.Features.Reports;

public enum IssuerKind
{
    /// <summary>Party bodies (Hướng dẫn 36-HD/VPTW): Ban Dân vận, steering committees set up by Party committees.</summary>
    Party = 0,

    /// <summary>State bodies (Nghị định 30/2020/NĐ-CP): People's Committees.</summary>
    State = 1,
}

/// <summary>The fields an officer fills or edits before downloading a review report.</summary>
public sealed class DocumentInput
{
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
    private const int Twip = 567; // twentieths of a point per centimetre

    public static string FormatDate(string place, DateOnly d) =>
        string.Create(CultureInfo.InvariantCulture, $"{place}, ngày {d.Day:00} tháng {d.Month:00} năm {d.Year}");

    public static byte[] Build(DocumentInput input, SummaryReport report)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(report);
        using var ms = new MemoryStream();
        using (var doc = WordprocessingDocument.Create(ms, WordprocessingDocumentType.Document))
        {
            var main = doc.AddMainDocumentPart();
            var body = new Body();
            main.Document = new Document(body);
            AddStyles(main);

            body.Append(HeaderTable(input));
            body.Append(Para("BÁO CÁO", bold: true, center: true, size: 30, before: 360));
            body.Append(Para(input.Subject ?? string.Empty, bold: true, center: true));
            body.Append(Para("-----", center: true));

            var vi = Cultures.Vietnamese;
            body.Append(Para("I- KẾT QUẢ THỰC HIỆN PHONG TRÀO THI ĐUA \"DÂN VẬN KHÉO\"", bold: true));
            body.Append(Para(string.Create(CultureInfo.InvariantCulture,
                $"Số liệu của {report.Unit.Name} từ ngày {report.From:dd/MM/yyyy} đến ngày {report.To:dd/MM/yyyy}, tổng hợp trực tiếp từ hệ thống DanVan."), indent: true, justify: true));
            body.Append(Para(Summary.Paragraph(report), indent: true, justify: true));
            body.Append(Para(string.Create(CultureInfo.InvariantCulture,
                $"Trong kỳ, đăng ký xây dựng mới {report.RegisteredInPeriod.Total.ToString("#,##0", vi)} mô hình; công nhận lần đầu {report.RecognizedInPeriod.Total.ToString("#,##0", vi)} mô hình; loại bỏ {report.RetiredInPeriod.Total.ToString("#,##0", vi)} mô hình không hiệu quả."), indent: true, justify: true));

            body.Append(Para("1- Mô hình đang duy trì theo lĩnh vực", bold: true));
            var fieldRows = Enum.GetValues<Field>().Select(f =>
            {
                var c = report.Maintained.ByField[Labels.Key(f)];
                return new[] { Labels.Of(f), N(c.Total), N(c.New), N(c.Replicated), N(c.Collective), N(c.Individual), N(report.Recognized.ByField[Labels.Key(f)].Total) };
            }).Append(["Cộng", N(report.Maintained.Total), N(report.Maintained.ByOrigin["new"]), N(report.Maintained.ByOrigin["replicated"]),
                N(report.Maintained.ByKind["collective"]), N(report.Maintained.ByKind["individual"]), N(report.Recognized.Total)]).ToList();
            body.Append(Grid(["Lĩnh vực", "Tổng", "Mới", "Nhân rộng", "Tập thể", "Cá nhân", "Đã công nhận"], fieldRows));

            if (report.Children.Count > 0)
            {
                body.Append(Para("2- Theo đơn vị trực thuộc", bold: true, before: 240));
                body.Append(Grid(["Đơn vị", "Đang duy trì", "Đã công nhận", "Chưa công nhận"],
                    report.Children.Select(c => new[] { c.Name, N(c.Maintained), N(c.Recognized), N(c.NotRecognized) }).ToList()));
            }

            body.Append(Para("II- PHƯƠNG HƯỚNG, NHIỆM VỤ THỜI GIAN TỚI", bold: true, before: 240));
            body.Append(Para("(Đơn vị bổ sung nội dung.)", indent: true, italic: true));
            body.Append(FooterTable(input));
            body.Append(new SectionProperties(
                new PageSize { Width = 11906, Height = 16838 },
                new PageMargin { Top = 20 * Twip / 10, Bottom = 20 * Twip / 10, Left = (uint)(30 * Twip / 10), Right = (uint)(15 * Twip / 10) }));
            main.Document.Save();
        }

        return ms.ToArray();
    }

    private static string N(long n) => n.ToString("#,##0", Cultures.Vietnamese);

    private static void AddStyles(MainDocumentPart main)
    {
        var styles = main.AddNewPart<StyleDefinitionsPart>();
        styles.Styles = new Styles(new DocDefaults(
            new RunPropertiesDefault(new RunPropertiesBaseStyle(
                new RunFonts { Ascii = "Times New Roman", HighAnsi = "Times New Roman", ComplexScript = "Times New Roman", EastAsia = "Times New Roman" },
                new FontSize { Val = "28" }, new Languages { Val = "vi-VN" })),
            new ParagraphPropertiesDefault(new ParagraphPropertiesBaseStyle(new SpacingBetweenLines { After = "60", Line = "288", LineRule = LineSpacingRuleValues.Auto }))));
    }

    private static Paragraph Para(string text, bool bold = false, bool italic = false, bool center = false, bool justify = false, bool indent = false,
        int? size = null, int before = 0)
    {
        var props = new ParagraphProperties();
        if (before > 0)
        {
            props.Append(new SpacingBetweenLines { Before = before.ToString(CultureInfo.InvariantCulture) });
        }

        if (indent)
        {
            props.Append(new Indentation { FirstLine = "720" });
        }

        if (center || justify)
        {
            props.Append(new Justification { Val = center ? JustificationValues.Center : JustificationValues.Both });
        }

        return new Paragraph(props, Run(text, bold, italic, size));
    }

    private static Run Run(string text, bool bold = false, bool italic = false, int? size = null)
    {
        var rp = new RunProperties();
        if (bold)
        {
            rp.Append(new Bold());
        }

        if (italic)
        {
            rp.Append(new Italic());
        }

        if (size is { } s)
        {
            rp.Append(new FontSize { Val = s.ToString(CultureInfo.InvariantCulture) });
        }

        return new Run(rp, new DocumentFormat.OpenXml.Wordprocessing.Text(text) { Space = SpaceProcessingModeValues.Preserve });
    }

    private static TableCell Cell(params Paragraph[] paragraphs)
    {
        var cell = new TableCell(new TableCellProperties(new TableCellWidth { Type = TableWidthUnitValues.Pct, Width = "2500" }));
        cell.Append(paragraphs);
        return cell;
    }

    private static Table Borderless(params TableCell[] cells) => new(
        new TableProperties(new TableWidth { Type = TableWidthUnitValues.Pct, Width = "5000" },
            new TableBorders(new TopBorder { Val = BorderValues.None }, new BottomBorder { Val = BorderValues.None }, new LeftBorder { Val = BorderValues.None },
                new RightBorder { Val = BorderValues.None }, new InsideHorizontalBorder { Val = BorderValues.None }, new InsideVerticalBorder { Val = BorderValues.None })),
        new TableRow(cells));

    private static Table HeaderTable(DocumentInput i)
    {
        var place = FormatDate(i.Place ?? string.Empty, i.Date ?? DateOnly.FromDateTime(DateTime.Today));
        var superior = (i.SuperiorBody ?? string.Empty).ToUpper(Cultures.Vietnamese);
        var issuer = (i.IssuingBody ?? string.Empty).ToUpper(Cultures.Vietnamese);
        if (i.Issuer == IssuerKind.Party)
        {
            return Borderless(
                Cell(Para(superior, center: true, size: 26), Para(issuer, bold: true, center: true, size: 26), Para("*", center: true), Para("Số " + i.Number, center: true, size: 26)),
                Cell(Para("ĐẢNG CỘNG SẢN VIỆT NAM", bold: true, center: true, size: 28), Para("_______________", center: true), Para(place, italic: true, center: true)));
        }

        return Borderless(
            Cell(Para(superior, center: true, size: 26), Para(issuer, bold: true, center: true, size: 26), Para("_______", center: true), Para("Số: " + i.Number, center: true, size: 26)),
            Cell(Para("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", bold: true, center: true, size: 26), Para("Độc lập - Tự do - Hạnh phúc", bold: true, center: true, size: 28),
                Para("_______________", center: true), Para(place, italic: true, center: true)));
    }

    private static Table FooterTable(DocumentInput i)
    {
        var recipients = (i.Recipients ?? "- Như trên,").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
        recipients.Add("- Lưu Văn phòng.");
        var left = new[] { Para("Nơi nhận:", bold: true, italic: true, size: 24, before: 360) }.Concat(recipients.Select(r => Para(r, size: 22))).ToArray();
        var authority = string.IsNullOrWhiteSpace(i.Authority) ? (i.Issuer == IssuerKind.Party ? "T/M BAN CHỈ ĐẠO\nTRƯỞNG BAN" : "TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH") : i.Authority;
        var right = authority.Split('\n').Select(a => Para(a.Trim(), bold: true, center: true, before: 0))
            .Append(Para(" ", before: 1200)).Append(Para(i.Signer ?? string.Empty, bold: true, center: true)).ToArray();
        return Borderless(Cell(left), Cell(right));
    }

    private static Table Grid(string[] headers, List<string[]> rows)
    {
        var border = new TableBorders(new TopBorder { Val = BorderValues.Single, Size = 4 }, new BottomBorder { Val = BorderValues.Single, Size = 4 },
            new LeftBorder { Val = BorderValues.Single, Size = 4 }, new RightBorder { Val = BorderValues.Single, Size = 4 },
            new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4 }, new InsideVerticalBorder { Val = BorderValues.Single, Size = 4 });
        var table = new Table(new TableProperties(new TableWidth { Type = TableWidthUnitValues.Pct, Width = "5000" }, border));
        table.Append(new TableRow(headers.Select(h => new TableCell(Para(h, bold: true, center: true, size: 24)))));
        foreach (var r in rows)
        {
            table.Append(new TableRow(r.Select((v, k) => new TableCell(Para(v, center: k > 0, size: 24)))));
        }

        return table;
    }
}
