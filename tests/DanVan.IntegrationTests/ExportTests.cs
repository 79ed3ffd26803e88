using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using DanVan.Domain;
using DanVan.IntegrationTests.Support;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace DanVan.IntegrationTests;

/// <summary>Exported files are real: read back with OpenXML and converted to PDF by LibreOffice.</summary>
[Collection(AppCollection.Name)]
public class ExportTests(DanVanFactory app)
{
    /// <summary>Converts a file to PDF with LibreOffice headless; returns the PDF's size.</summary>
    public static async Task<long> LibreOfficeToPdfAsync(byte[] content, string fileName) => (await LibreOfficePdfAsync(content, fileName)).Length;

    /// <summary>The file as LibreOffice prints it: a PDF, to read page by page.</summary>
    public static async Task<byte[]> LibreOfficePdfAsync(byte[] content, string fileName)
    {
        var dir = Directory.CreateTempSubdirectory("danvan-lo-");
        try
        {
            var input = Path.Combine(dir.FullName, fileName);
            await File.WriteAllBytesAsync(input, content);
            var psi = new ProcessStartInfo("soffice", ["--headless", "--norestore", $"-env:UserInstallation=file://{dir.FullName}/profile", "--convert-to", "pdf", "--outdir", dir.FullName, input])
            {
                RedirectStandardOutput = true, RedirectStandardError = true,
            };
            using var process = Process.Start(psi)!;
            var output = await process.StandardOutput.ReadToEndAsync() + await process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync(new CancellationTokenSource(TimeSpan.FromMinutes(2)).Token);
            var pdf = Path.ChangeExtension(input, ".pdf");
            Assert.True(File.Exists(pdf), "LibreOffice did not convert " + fileName + ": " + output);
            var bytes = await File.ReadAllBytesAsync(pdf);
            Assert.Equal("%PDF", System.Text.Encoding.ASCII.GetString(bytes, 0, 4));
            return bytes;
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    private static string CellText(WorkbookPart wb, Cell cell) =>
        cell.DataType?.Value == CellValues.InlineString ? cell.InlineString!.InnerText : cell.CellValue?.Text ?? string.Empty;

    [Fact]
    public async Task SummaryXlsx_HasTitleFrozenHeaderAndRealNumbers_AndLibreOfficeOpensIt()
    {
        var api = await app.ApiClientAsync((Role.Secretariat, TestData.NgheAn));
        var officer = await app.ApiClientAsync((Role.Officer, TestData.ThaiHoa));
        await TestData.CreateInitiativeAsync(officer, TestData.ThaiHoa, "=HYPERLINK(\"http://x\")", registeredOn: "2026-01-05");
        var response = await api.GetAsync("/api/v1/reports/summary.xlsx?unit=40&from=2026-01-01&to=2026-12-31");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType?.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        using (var doc = SpreadsheetDocument.Open(new MemoryStream(bytes), false))
        {
            var wb = doc.WorkbookPart!;
            var sheet = wb.WorksheetParts.Single().Worksheet;
            var rows = sheet.Descendants<Row>().ToList();
            Assert.Contains("Tỉnh Nghệ An", CellText(wb, rows[0].Elements<Cell>().First()), StringComparison.Ordinal);
            Assert.Equal("Từ ngày 01/01/2026 đến ngày 31/12/2026", CellText(wb, rows[1].Elements<Cell>().First()));
            Assert.Equal("Lĩnh vực", CellText(wb, rows[2].Elements<Cell>().First()));
            var pane = sheet.Descendants<DocumentFormat.OpenXml.Spreadsheet.Pane>().Single();
            Assert.Equal(3d, pane.VerticalSplit!.Value);
            Assert.Equal(PaneStateValues.Frozen, pane.State!.Value);
            var total = rows[3].Elements<Cell>().ElementAt(1);
            Assert.Equal(CellValues.Number, total.DataType!.Value);
            // Figures are grouped by thousands (the office's locale shows 1.234.567).
            var format = wb.WorkbookStylesPart!.Stylesheet.CellFormats!.Elements<CellFormat>().ElementAt((int)total.StyleIndex!.Value);
            var id = format.NumberFormatId!.Value;
            var code = id == 3 ? "#,##0" : wb.WorkbookStylesPart.Stylesheet.NumberingFormats!.Elements<NumberingFormat>().Single(n => n.NumberFormatId!.Value == id).FormatCode!.Value!;
            Assert.StartsWith("#,##0", code, StringComparison.Ordinal);
        }

        Assert.True(await LibreOfficeToPdfAsync(bytes, "tong-hop.xlsx") > 1000);
    }

    /// <summary>Every cell's text of the first sheet, tab-separated rows.</summary>
    public static string SheetText(byte[] xlsx)
    {
        using var doc = SpreadsheetDocument.Open(new MemoryStream(xlsx), false);
        var wb = doc.WorkbookPart!;
        return string.Join("\n", wb.WorksheetParts.First().Worksheet.Descendants<Row>().Select(r => string.Join("\t", r.Elements<Cell>().Select(c => CellText(wb, c)))));
    }

    [Theory]
    [InlineData("/Organizations?handler=Xlsx", "Danh sách cơ quan, tổ chức", "Tên\tLoại\tĐơn vị")]
    [InlineData("/Appraisals?handler=Xlsx", "Danh sách đợt thẩm định", "Đợt thẩm định\tĐơn vị\tTrạng thái")]
    [InlineData("/Review?handler=Xlsx", "Danh sách mô hình cần rà soát", "Số hiệu\tTên mô hình\tĐơn vị")]
    [InlineData("/Recognition?handler=Xlsx", "Sổ quyết định công nhận mô hình \"Dân vận khéo\"", "Số quyết định\tNgày\tCấp công nhận")]
    public async Task ListPages_DownloadAsExcel_WithTitleAndVietnameseHeaders(string url, string title, string headers)
    {
        var secretariat = await app.PageClientAsync((Role.Secretariat, TestData.HungYen));
        var response = await secretariat.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType?.MediaType);
        Assert.EndsWith(".xlsx", response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName?.Trim('"'), StringComparison.Ordinal);
        var lines = SheetText(await response.Content.ReadAsByteArrayAsync()).Split('\n');
        Assert.Equal(title, lines[0]);
        Assert.StartsWith("Xuất ngày ", lines[1], StringComparison.Ordinal);
        Assert.StartsWith(headers, lines[2], StringComparison.Ordinal);
    }

    [Fact]
    public async Task OrganizationListXlsx_HoldsOnlyTheCallersArea()
    {
        var officer = await app.ApiClientAsync((Role.Officer, TestData.ThaiHoa));
        var mine = TestData.Unique("Chi hội Phụ nữ xóm Đông");
        Assert.Equal(HttpStatusCode.Created, (await officer.PostAsJsonAsync("/api/v1/organizations", new { name = mine, kind = "mass_organization", unitCode = TestData.ThaiHoa })).StatusCode);
        var other = await app.PageClientAsync((Role.Officer, TestData.LuongBang));
        var theirs = SheetText(await (await other.GetAsync("/Organizations?handler=Xlsx")).Content.ReadAsByteArrayAsync());
        Assert.DoesNotContain(mine, theirs, StringComparison.Ordinal);
        var own = await (await (await app.PageClientAsync((Role.Officer, TestData.ThaiHoa))).GetAsync("/Organizations?handler=Xlsx")).Content.ReadAsByteArrayAsync();
        Assert.Contains(mine, SheetText(own), StringComparison.Ordinal);
        Assert.True(await LibreOfficeToPdfAsync(own, "to-chuc.xlsx") > 1000);
    }

    [Fact]
    public async Task InitiativeListXlsx_KeepsDatesAsDates_AndFormulaTextAsText()
    {
        var officer = await app.ApiClientAsync((Role.Officer, TestData.ThaiHoa));
        var name = "=1+1 " + Guid.NewGuid().ToString("N")[..6];
        await TestData.CreateInitiativeAsync(officer, TestData.ThaiHoa, name, registeredOn: "2026-03-05");
        var bytes = await (await officer.GetAsync("/api/v1/initiatives/export.xlsx?q=" + Uri.EscapeDataString(name[5..]))).Content.ReadAsByteArrayAsync();
        using var doc = SpreadsheetDocument.Open(new MemoryStream(bytes), false);
        var wb = doc.WorkbookPart!;
        var row = wb.WorksheetParts.Single().Worksheet.Descendants<Row>().ElementAt(3);
        var cells = row.Elements<Cell>().ToList();
        Assert.Equal(name, CellText(wb, cells[2]));
        Assert.Equal(CellValues.InlineString, cells[2].DataType!.Value); // never a formula
        Assert.Empty(wb.WorksheetParts.Single().Worksheet.Descendants<CellFormula>());
        var date = cells[9];
        Assert.Equal(1u, date.StyleIndex!.Value);
        Assert.Equal(new DateOnly(2026, 3, 5), DateOnly.FromDateTime(DateTime.FromOADate(double.Parse(date.CellValue!.Text, System.Globalization.CultureInfo.InvariantCulture))));
    }

    [Theory]
    [InlineData("Party", "ĐẢNG CỘNG SẢN VIỆT NAM", "Số 07-BC/BCĐ")]
    [InlineData("State", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Số: 07-BC/BCĐ")]
    public async Task ReviewDocx_HasTheOfficialLayout_AndLibreOfficeOpensIt(string issuer, string motto, string number)
    {
        var api = await app.ApiClientAsync((Role.Secretariat, TestData.NgheAn));
        var response = await api.PostAsJsonAsync("/api/v1/reports/document?unit=40&from=2021-01-01&to=2025-12-31", new
        {
            issuer, superiorBody = "Tỉnh ủy Nghệ An", issuingBody = "Ban Chỉ đạo phong trào thi đua \"Dân vận khéo\"", number = "07-BC/BCĐ",
            place = "Vinh", date = "2026-03-05", subject = "Tổng kết phong trào thi đua \"Dân vận khéo\" giai đoạn 2021–2025", signer = "Nguyễn Văn A",
        });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        using (var doc = WordprocessingDocument.Open(new MemoryStream(bytes), false))
        {
            var text = doc.MainDocumentPart!.Document.Body!.InnerText;
            Assert.Contains(motto, text, StringComparison.Ordinal);
            Assert.Contains(number, text, StringComparison.Ordinal);
            Assert.Contains("Vinh, ngày 05 tháng 03 năm 2026", text, StringComparison.Ordinal);
            Assert.Contains("BÁO CÁO", text, StringComparison.Ordinal);
            Assert.Contains("Tổng số có", text, StringComparison.Ordinal);
            Assert.Contains("Nơi nhận:", text, StringComparison.Ordinal);
            Assert.Contains("Nguyễn Văn A", text, StringComparison.Ordinal);
        }

        Assert.True(await LibreOfficeToPdfAsync(bytes, "bao-cao.docx") > 1000);

        // The units table lists the units with models, as the page does; the others are one line, not pages of zeros.
        using (var doc = WordprocessingDocument.Open(new MemoryStream(bytes), false))
        {
            var table = doc.MainDocumentPart!.Document.Body!.Elements<DocumentFormat.OpenXml.Wordprocessing.Table>()
                .LastOrDefault(t => t.InnerText.Contains("Đang duy trì", StringComparison.Ordinal) && t.InnerText.Contains("Chưa công nhận", StringComparison.Ordinal));
            if (table is not null)
            {
                foreach (var row in table.Elements<DocumentFormat.OpenXml.Wordprocessing.TableRow>().Skip(1))
                {
                    var cells = row.Elements<DocumentFormat.OpenXml.Wordprocessing.TableCell>().Skip(1).Select(c => c.InnerText).ToList();
                    Assert.False(cells.All(c => c == "0"), "a row of zeros: " + row.InnerText);
                }
            }

            Assert.Contains("đơn vị trực thuộc chưa có mô hình trong kỳ", doc.MainDocumentPart.Document.Body.InnerText, StringComparison.Ordinal);
        }

        var missing = await api.PostAsJsonAsync("/api/v1/reports/document?unit=40", new { issuer });
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
    }
}
