using DanVan.Infrastructure;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace DanVan.UnitTests.Infrastructure;

public class XlsxTests
{
    [Fact]
    public void Columns_FitTheirContent_AndTheSheetPrintsOnA4Landscape()
    {
        var longName = "Mô hình dân vận khéo vận động nhân dân hiến đất làm đường giao thông nông thôn";
        var bytes = Xlsx.Write("Danh sách", "Tiêu đề", "Phụ đề", ["Mã", "Tên mô hình", "Ngày"], [["A1", longName, new DateOnly(2026, 3, 1)], ["A2", "Ngắn", null]]);
        using var doc = SpreadsheetDocument.Open(new MemoryStream(bytes), false);
        var sheet = doc.WorkbookPart!.WorksheetParts.Single().Worksheet;
        var widths = sheet.GetFirstChild<Columns>()!.Elements<Column>().Select(c => c.Width!.Value).ToList();
        Assert.True(widths[1] >= 50, $"name column {widths[1]}"); // as wide as the text, up to the 60 that still prints
        Assert.True(widths[0] < 12, $"code column {widths[0]}");
        Assert.True(widths[2] >= 10, $"date column {widths[2]}");
        var setup = sheet.GetFirstChild<PageSetup>()!;
        Assert.Equal(OrientationValues.Landscape, setup.Orientation!.Value);
        Assert.Equal(9u, setup.PaperSize!.Value);
        Assert.Equal(1u, setup.FitToWidth!.Value);
        Assert.True(sheet.GetFirstChild<SheetProperties>()!.PageSetupProperties!.FitToPage!.Value);
    }
}
