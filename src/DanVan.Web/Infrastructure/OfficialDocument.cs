using DanVan.Domain;
using System.Globalization;
using DanVan.Features.Reports;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace DanVan.Infrastructure;

/// <summary>
/// The pieces of a Vietnamese official document in .docx (documents.md): A4, Times New Roman 14, the Party or State
/// header, number, place and date, recipients and signature block. The review report and the recognition decision
/// are both made of these.
/// </summary>
public static class OfficialDocument
{
    private const int Twip = 567; // twentieths of a point per centimetre

    public static string FormatDate(string place, DateOnly d) =>
        string.Create(CultureInfo.InvariantCulture, $"{place}, ngày {d.Day:00} tháng {d.Month:00} năm {d.Year}");

    /// <summary>A new document's main part and body, with the default font and spacing.</summary>
    public static (MainDocumentPart Main, Body Body) Start(WordprocessingDocument doc)
    {
        ArgumentNullException.ThrowIfNull(doc);
        var main = doc.AddMainDocumentPart();
        var body = new Body();
        main.Document = new Document(body);
        AddStyles(main);
        return (main, body);
    }

    /// <summary>A4 with the margins of the guideline (20 mm top and bottom, 30 mm left, 15 mm right), then saved.</summary>
    public static void Finish(MainDocumentPart main, Body body)
    {
        ArgumentNullException.ThrowIfNull(main);
        ArgumentNullException.ThrowIfNull(body);
        body.Append(new SectionProperties(
            new PageSize { Width = 11906, Height = 16838 },
            new PageMargin { Top = 20 * Twip / 10, Bottom = 20 * Twip / 10, Left = (uint)(30 * Twip / 10), Right = (uint)(15 * Twip / 10) }));
        main.Document!.Save();
    }

    public static void AddStyles(MainDocumentPart main)
    {
        var styles = main.AddNewPart<StyleDefinitionsPart>();
        styles.Styles = new Styles(new DocDefaults(
            new RunPropertiesDefault(new RunPropertiesBaseStyle(
                new RunFonts { Ascii = "Times New Roman", HighAnsi = "Times New Roman", ComplexScript = "Times New Roman", EastAsia = "Times New Roman" },
                new FontSize { Val = "28" }, new Languages { Val = "vi-VN" })),
            new ParagraphPropertiesDefault(new ParagraphPropertiesBaseStyle(new SpacingBetweenLines { After = "60", Line = "288", LineRule = LineSpacingRuleValues.Auto }))));
    }

    public static Paragraph Para(string text, bool bold = false, bool italic = false, bool center = false, bool justify = false, bool indent = false,
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

    public static Run Run(string text, bool bold = false, bool italic = false, int? size = null)
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

    public static TableCell Cell(params Paragraph[] paragraphs)
    {
        var cell = new TableCell(new TableCellProperties(new TableCellWidth { Type = TableWidthUnitValues.Pct, Width = "2500" }));
        cell.Append(paragraphs);
        return cell;
    }

    public static Table Borderless(params TableCell[] cells) => new(
        new TableProperties(new TableWidth { Type = TableWidthUnitValues.Pct, Width = "5000" },
            new TableBorders(new TopBorder { Val = BorderValues.None }, new BottomBorder { Val = BorderValues.None }, new LeftBorder { Val = BorderValues.None },
                new RightBorder { Val = BorderValues.None }, new InsideHorizontalBorder { Val = BorderValues.None }, new InsideVerticalBorder { Val = BorderValues.None })),
        new TableRow(cells));

    public static Table HeaderTable(DocumentInput i)
    {
        var place = FormatDate(i.Place ?? string.Empty, i.Date ?? VietnamClock.TodayNow);
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

    public static Table FooterTable(DocumentInput i)
    {
        var recipients = (i.Recipients ?? "- Như trên,").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
        recipients.Add("- Lưu Văn phòng.");
        var left = new[] { Para("Nơi nhận:", bold: true, italic: true, size: 24, before: 360) }.Concat(recipients.Select(r => Para(r, size: 22))).ToArray();
        var authority = string.IsNullOrWhiteSpace(i.Authority) ? (i.Issuer == IssuerKind.Party ? "T/M BAN CHỈ ĐẠO\nTRƯỞNG BAN" : "TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH") : i.Authority;
        var right = authority.Split('\n').Select(a => Para(a.Trim(), bold: true, center: true, before: 0))
            .Append(Para(" ", before: 1200)).Append(Para(i.Signer ?? string.Empty, bold: true, center: true)).ToArray();
        // One row that may not split: "Nơi nhận", the authority, the space and the signer's name stay on one page.
        var table = Borderless(Cell(left), Cell(right));
        table.GetFirstChild<TableRow>()!.PrependChild(new TableRowProperties(new CantSplit()));
        return table;
    }

    /// <summary>An annex's heading: it starts a new page itself (no empty break paragraph that could make a blank page).</summary>
    public static Paragraph AnnexTitle(string text)
    {
        var p = Para(text, bold: true, center: true);
        p.ParagraphProperties!.PrependChild(new PageBreakBefore());
        return p;
    }

    public static Table Grid(string[] headers, List<string[]> rows)
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
