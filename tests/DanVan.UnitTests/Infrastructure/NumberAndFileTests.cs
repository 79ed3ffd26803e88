using System.IO.Compression;
using DanVan.Domain;
using DanVan.Features.Results;
using DanVan.Infrastructure;

namespace DanVan.UnitTests.Infrastructure;

public class NumberAndFileTests
{
    [Theory]
    [InlineData("7,5", 7.5)]
    [InlineData("7.5", 7.5)]
    [InlineData("25.043", 25043)]
    [InlineData("1.234.567", 1234567)]
    [InlineData("1.234,5", 1234.5)]
    [InlineData("1,234.5", 1234.5)]
    [InlineData("99,78", 99.78)]
    [InlineData(" 589 ", 589)]
    [InlineData("-3,25", -3.25)]
    public void VietnameseNumber_ReadsHowOfficersType(string text, double expected)
    {
        Assert.True(VietnameseNumber.TryParse(text, out var value));
        Assert.Equal((decimal)expected, value);
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("1e5")]
    [InlineData("")]
    [InlineData("NaN")]
    [InlineData("∞")]
    public void VietnameseNumber_RefusesWhatIsNotANumber(string text) => Assert.False(VietnameseNumber.TryParse(text, out _));

    private static MemoryStream Zip(params (string Name, byte[] Content)[] entries)
    {
        var ms = new MemoryStream();
        using (var zip = new ZipArchive(ms, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, content) in entries)
            {
                using var s = zip.CreateEntry(name).Open();
                s.Write(content);
            }
        }

        ms.Position = 0;
        return ms;
    }

    [Fact]
    public void Detect_JudgesByContentNotByName()
    {
        Assert.Equal(EvidenceKind.Png, EvidenceStore.Detect(new MemoryStream(Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=="))));
        Assert.Equal(EvidenceKind.Jpeg, EvidenceStore.Detect(new MemoryStream([0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10])));
        Assert.Equal(EvidenceKind.Pdf, EvidenceStore.Detect(new MemoryStream("%PDF-1.7\n"u8.ToArray())));
        Assert.Null(EvidenceStore.Detect(new MemoryStream("MZ\u0090\u0000 this is an executable"u8.ToArray())));
        Assert.Null(EvidenceStore.Detect(new MemoryStream("<script>alert(1)</script>"u8.ToArray())));
        Assert.Null(EvidenceStore.Detect(new MemoryStream([])));
    }

    [Fact]
    public void Detect_TellsWordFromExcelFromAPlainZip()
    {
        Assert.Equal(EvidenceKind.Docx, EvidenceStore.Detect(Zip(("[Content_Types].xml", [1]), ("word/document.xml", [1]))));
        Assert.Equal(EvidenceKind.Xlsx, EvidenceStore.Detect(Zip(("[Content_Types].xml", [1]), ("xl/workbook.xml", [1]))));
        Assert.Null(EvidenceStore.Detect(Zip(("readme.txt", [1]))));
    }

    [Fact]
    public void Detect_RefusesAZipBombDressedAsWord()
    {
        var bomb = new byte[50 * 1024 * 1024]; // 50 MB of zeros compresses to about 50 KB
        Assert.Null(EvidenceStore.Detect(Zip(("[Content_Types].xml", [1]), ("word/document.xml", bomb))));
    }

    [Fact]
    public void Import_RefusesAZipBombDressedAsExcel_BeforeUnpackingIt()
    {
        var bomb = new byte[300 * 1024 * 1024]; // 300 MB of zeros: about 300 KB packed
        var (rows, _, error) = DanVan.Features.Imports.InitiativeImport.Read(
            Zip(("[Content_Types].xml", [1]), ("xl/workbook.xml", [1]), ("xl/worksheets/sheet1.xml", bomb)), "danh-sach.xlsx");
        Assert.Empty(rows);
        Assert.Contains("bất thường", error, StringComparison.Ordinal);
    }
}
