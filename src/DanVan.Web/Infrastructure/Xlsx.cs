using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace DanVan.Infrastructure;

/// <summary>
/// Writes one-sheet .xlsx files: a title row naming unit and period, a frozen header row in Vietnamese,
/// numbers as numbers and dates as dates (dd/mm/yyyy), text as inline strings (never evaluated as formulas).
/// </summary>
public static class Xlsx
{
    private const uint DateStyle = 1;
    private const uint HeaderStyle = 2;
    private const uint TitleStyle = 3;

    public static byte[] Write(string sheetName, string title, string subtitle, IReadOnlyList<string> headers, IEnumerable<object?[]> rows)
    {
        using var ms = new MemoryStream();
        using (var doc = SpreadsheetDocument.Create(ms, SpreadsheetDocumentType.Workbook))
        {
            var wb = doc.AddWorkbookPart();
            wb.Workbook = new Workbook();
            var styles = wb.AddNewPart<WorkbookStylesPart>();
            styles.Stylesheet = Stylesheet();
            var ws = wb.AddNewPart<WorksheetPart>();
            var data = new SheetData();
            uint r = 1;
            data.Append(Row(r++, [title], TitleStyle));
            data.Append(Row(r++, [subtitle], 0));
            var headerRow = r;
            data.Append(Row(r++, headers.Cast<object?>().ToArray(), HeaderStyle));
            // Each column as wide as its longest value (dates 10 characters), within reason; long text wraps in print.
            var widths = headers.Select(h => (double)h.Length).ToArray();
            foreach (var row in rows)
            {
                data.Append(Row(r++, row, 0));
                for (var c = 0; c < row.Length && c < widths.Length; c++)
                {
                    widths[c] = Math.Max(widths[c], row[c] switch
                    {
                        null => 0,
                        DateOnly => 10,
                        int or long or decimal or double => Convert.ToString(row[c], CultureInfo.InvariantCulture)!.Length + 2,
                        var v => Convert.ToString(v, CultureInfo.InvariantCulture)!.Length,
                    });
                }
            }

            var columns = new Columns(widths.Select((w, i) => new Column { Min = (uint)i + 1, Max = (uint)i + 1, Width = Math.Clamp(w + 2, 8, 60), CustomWidth = true }));
            var view = new SheetViews(new SheetView(new Pane
            {
                VerticalSplit = headerRow, TopLeftCell = "A" + (headerRow + 1).ToString(CultureInfo.InvariantCulture),
                ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen,
            }) { WorkbookViewId = 0 });
            // Printed on A4 landscape, as wide as one page (as many pages tall as it needs).
            ws.Worksheet = new Worksheet(new SheetProperties(new PageSetupProperties { FitToPage = true }), view, columns, data,
                new PageMargins { Left = 0.5, Right = 0.4, Top = 0.6, Bottom = 0.6, Header = 0.3, Footer = 0.3 },
                new PageSetup { PaperSize = 9, Orientation = OrientationValues.Landscape, FitToWidth = 1, FitToHeight = 0 });
            wb.Workbook.AppendChild(new Sheets(new Sheet { Id = wb.GetIdOfPart(ws), SheetId = 1, Name = SafeSheetName(sheetName) }));
            wb.Workbook.Save();
        }

        return ms.ToArray();
    }

    private static string SafeSheetName(string name)
    {
        var clean = new string(name.Where(c => c is not ('\\' or '/' or '?' or '*' or '[' or ']' or ':')).ToArray());
        return clean.Length == 0 ? "Sheet1" : clean[..Math.Min(31, clean.Length)];
    }

    private static Row Row(uint index, object?[] values, uint style)
    {
        var row = new Row { RowIndex = index };
        for (var c = 0; c < values.Length; c++)
        {
            var reference = ColumnName(c) + index.ToString(CultureInfo.InvariantCulture);
            row.Append(values[c] switch
            {
                null => new Cell { CellReference = reference, StyleIndex = style },
                DateOnly d => new Cell { CellReference = reference, StyleIndex = DateStyle, CellValue = new CellValue((d.ToDateTime(TimeOnly.MinValue) - new DateTime(1899, 12, 30)).TotalDays.ToString(CultureInfo.InvariantCulture)) },
                int or long or decimal or double => new Cell
                {
                    CellReference = reference, StyleIndex = style == 0 ? (IsWhole(values[c]!) ? WholeStyle : FractionStyle) : style, DataType = CellValues.Number,
                    CellValue = new CellValue(Convert.ToString(values[c], CultureInfo.InvariantCulture)!),
                },
                var v => new Cell { CellReference = reference, StyleIndex = style, DataType = CellValues.InlineString, InlineString = new InlineString(new DocumentFormat.OpenXml.Spreadsheet.Text(Clean(Convert.ToString(v, CultureInfo.InvariantCulture))) { Space = SpaceProcessingModeValues.Preserve }) },
            });
        }

        return row;
    }

    // Figures grouped by thousands, as the office's locale writes them (1.234.567 in Vietnamese, 1,234,567 in English).
    private const uint WholeStyle = 4;

    private const uint FractionStyle = 5;

    private static bool IsWhole(object n) => n switch
    {
        decimal d => d == decimal.Truncate(d),
        double d => d == Math.Truncate(d),
        _ => true,
    };

    // XML cannot carry most control characters.
    private static string Clean(string? s) => new((s ?? string.Empty).Where(ch => !char.IsControl(ch) || ch is '\n' or '\t').ToArray());

    public static string ColumnName(int index)
    {
        var name = string.Empty;
        for (var n = index + 1; n > 0; n = (n - 1) / 26)
        {
            name = (char)('A' + ((n - 1) % 26)) + name;
        }

        return name;
    }

    private static Stylesheet Stylesheet() => new(
        new NumberingFormats(new NumberingFormat { NumberFormatId = 164, FormatCode = "dd/mm/yyyy" }, new NumberingFormat { NumberFormatId = 165, FormatCode = "#,##0.0##" }) { Count = 2 },
        new Fonts(
            new Font(new FontSize { Val = 11 }, new FontName { Val = "Times New Roman" }),
            new Font(new Bold(), new FontSize { Val = 11 }, new FontName { Val = "Times New Roman" }),
            new Font(new Bold(), new FontSize { Val = 14 }, new FontName { Val = "Times New Roman" })) { Count = 3 },
        new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })) { Count = 2 },
        new Borders(new Border()) { Count = 1 },
        new CellFormats(
            new CellFormat(),
            new CellFormat { NumberFormatId = 164, ApplyNumberFormat = true },
            new CellFormat { FontId = 1, ApplyFont = true, Alignment = new Alignment { WrapText = true, Vertical = VerticalAlignmentValues.Center } },
            new CellFormat { FontId = 2, ApplyFont = true },
            new CellFormat { NumberFormatId = 3, ApplyNumberFormat = true },
            new CellFormat { NumberFormatId = 165, ApplyNumberFormat = true }) { Count = 6 });
}
