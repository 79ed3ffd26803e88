using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;
using DanVan.Domain;
using DanVan.Infrastructure;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace DanVan.Features.Imports;

/// <summary>The columns an import knows: keys, their Vietnamese labels (the template's headers) and other names people use.</summary>
public sealed class ImportColumns
{
    private readonly Dictionary<string, string> _aliases = new(StringComparer.Ordinal);

    public ImportColumns(IReadOnlyDictionary<string, string> labels, IReadOnlyList<string> required, IReadOnlyDictionary<string, string>? aliases = null)
    {
        ArgumentNullException.ThrowIfNull(labels);
        Labels = labels;
        Required = required;
        foreach (var (key, label) in labels)
        {
            _aliases[Fold(key)] = key;
            _aliases[Fold(label)] = key;
        }

        foreach (var (alias, key) in aliases ?? new Dictionary<string, string>())
        {
            _aliases[Fold(alias)] = key;
        }
    }

    public IReadOnlyDictionary<string, string> Labels { get; }

    public IReadOnlyList<string> Required { get; }

    /// <summary>The key a header names, matched without case, tone marks, underscores or the required-column star.</summary>
    public string? KeyOf(string? header) => _aliases.TryGetValue(Fold(header ?? string.Empty), out var key) ? key : null;

    public static string Fold(string s) => VietnameseText.Fold(s).Replace("_", " ", StringComparison.Ordinal).Replace("*", string.Empty, StringComparison.Ordinal).Trim();
}

/// <summary>A file's rows by column key, the headers as the file wrote them, or why the file could not be read.</summary>
public sealed record ImportTable(List<(int Line, Dictionary<string, string> Values)> Rows, IReadOnlyDictionary<string, string> Headers, string? Error)
{
    public static ImportTable Failed(string error) => new([], new Dictionary<string, string>(), error);
}

/// <summary>Reads an import file (.xlsx or .csv) into rows of cells by column key; knows nothing of what the rows mean.</summary>
public static class ImportFile
{
    // Our refusals are Vietnamese sentences; a library's messages are English and say nothing to an officer.
    private static bool Ours(string message) => message.Any(c => c > 127);

    /// <summary>Reads the rows of a .csv (UTF-8, with or without BOM, comma or semicolon) or the first sheet of an .xlsx.</summary>
    public static ImportTable Read(Stream content, string fileName, ImportColumns columns)
    {
        ArgumentNullException.ThrowIfNull(columns);
        List<(int Line, List<string> Cells)> raw;
        try
        {
            raw = fileName.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase) ? ReadXlsx(content)
                : fileName.EndsWith(".csv", StringComparison.OrdinalIgnoreCase) ? ReadCsv(content)
                : throw new InvalidDataException("Chỉ nhận tệp .xlsx hoặc .csv.");
        }
        catch (Exception e) when (e is not OperationCanceledException and not OutOfMemoryException)
        {
            // Whatever a broken file makes a reader throw (cut XML, missing parts, a bad zip, bad text) is a refusal of
            // the file, said in words; our own refusals keep theirs.
            return ImportTable.Failed(e is InvalidDataException ide && ide.Message.Length < 300 && Ours(ide.Message)
                ? ide.Message : "Không đọc được tệp: tệp hỏng hoặc không đúng định dạng (.xlsx lưu từ Excel, hoặc .csv).");
        }

        // The header is the first row that names at least three known columns (a title may stand above it).
        var header = raw.Take(20).FirstOrDefault(r => r.Cells.Count(c => columns.KeyOf(c) is not null) >= 3);
        if (header.Cells is null)
        {
            header = raw.FirstOrDefault(r => r.Cells.Any(c => !string.IsNullOrWhiteSpace(c)));
        }

        if (header.Cells is null)
        {
            return ImportTable.Failed("Tệp không có dữ liệu.");
        }

        var keys = header.Cells.Select(columns.KeyOf).ToList();
        var missing = columns.Required.Where(k => !keys.Contains(k)).ToList();
        if (missing.Count > 0)
        {
            return ImportTable.Failed("Thiếu cột bắt buộc: " + string.Join(", ", missing.Select(k => $"{columns.Labels[k]} ({k})")) + ".");
        }

        var duplicate = keys.Where(c => c is not null).GroupBy(c => c).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            return ImportTable.Failed($"Cột {columns.Labels[duplicate.Key!]} ({duplicate.Key}) xuất hiện hai lần.");
        }

        // Errors name a column as the file's own header does.
        var headers = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < keys.Count; i++)
        {
            if (keys[i] is { } k)
            {
                headers[k] = header.Cells[i].Trim();
            }
        }

        var rows = new List<(int, Dictionary<string, string>)>();
        foreach (var (line, cells) in raw.Where(r => r.Line > header.Line))
        {
            if (cells.All(string.IsNullOrWhiteSpace))
            {
                continue;
            }

            var values = new Dictionary<string, string>(StringComparer.Ordinal);
            for (var i = 0; i < keys.Count && i < cells.Count; i++)
            {
                if (keys[i] is { } key && !string.IsNullOrWhiteSpace(cells[i]))
                {
                    values[key] = TextInput.Clean(cells[i]).Trim(); // as every form and JSON body: composed, no invisible characters
                }
            }

            rows.Add((line, values));
        }

        return new ImportTable(rows, headers, null);
    }

    private static List<(int, List<string>)> ReadCsv(Stream content)
    {
        using var bytes = new MemoryStream();
        content.CopyTo(bytes);
        var (text, _) = TextEncodings.Decode(bytes.GetBuffer().AsSpan(0, (int)bytes.Length));
        var firstLine = text.Split('\n', 2)[0];
        var config = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            HasHeaderRecord = false, Delimiter = firstLine.Count(c => c == ';') > firstLine.Count(c => c == ',') ? ";" : ",",
            BadDataFound = null, MissingFieldFound = null,
        };
        using var csv = new CsvReader(new StringReader(text), config);
        var rows = new List<(int, List<string>)>();
        while (csv.Read())
        {
            rows.Add((csv.Parser.RawRow, csv.Parser.Record?.ToList() ?? []));
        }

        return rows;
    }

    private static List<(int, List<string>)> ReadXlsx(Stream content)
    {
        using (var zip = new System.IO.Compression.ZipArchive(content, System.IO.Compression.ZipArchiveMode.Read, leaveOpen: true))
        {
            if (!Infrastructure.EvidenceStore.IsReasonable(zip))
            {
                throw new InvalidDataException("Tệp Excel bất thường (quá lớn khi giải nén hoặc nén quá mức): không đọc.");
            }
        }

        content.Position = 0;
        using var doc = SpreadsheetDocument.Open(content, false);
        var wb = doc.WorkbookPart ?? throw new InvalidDataException("Tệp Excel không có bảng tính.");
        var sheet = wb.Workbook.Sheets?.Elements<Sheet>().FirstOrDefault() ?? throw new InvalidDataException("Tệp Excel không có bảng tính.");
        var part = (WorksheetPart)wb.GetPartById(sheet.Id!);
        var shared = wb.SharedStringTablePart?.SharedStringTable.Elements<SharedStringItem>().Select(s => s.InnerText).ToList() ?? [];
        var dateStyles = DateStyleIndexes(wb);
        var rows = new List<(int, List<string>)>();
        foreach (var row in part.Worksheet.Descendants<Row>())
        {
            var cells = new List<string>();
            foreach (var cell in row.Elements<Cell>())
            {
                var col = ColumnIndex(cell.CellReference?.Value);
                while (cells.Count < col)
                {
                    cells.Add(string.Empty);
                }

                if (cell.CellFormula is not null)
                {
                    // A formula's cached value could be anything the sheet computed; it is refused by content below.
                    cells.Add("=" + cell.CellFormula.Text);
                    continue;
                }

                var raw = cell.CellValue?.Text ?? cell.InlineString?.InnerText ?? string.Empty;
                var value = cell.DataType?.Value == CellValues.SharedString && int.TryParse(raw, out var si) && si < shared.Count ? shared[si]
                    : cell.DataType?.Value == CellValues.InlineString ? cell.InlineString?.InnerText ?? string.Empty
                    : raw;
                if ((cell.DataType is null || cell.DataType.Value == CellValues.Number) && cell.StyleIndex is { } st && dateStyles.Contains(st.Value)
                    && double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var serial) && serial is > 0 and < 2958466)
                {
                    value = DateOnly.FromDateTime(DateTime.FromOADate(serial)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
                }

                cells.Add(value);
            }

            rows.Add(((int)(row.RowIndex?.Value ?? (uint)(rows.Count + 1)), cells));
        }

        return rows;
    }

    private static HashSet<uint> DateStyleIndexes(WorkbookPart wb)
    {
        var set = new HashSet<uint>();
        var formats = wb.WorkbookStylesPart?.Stylesheet?.CellFormats?.Elements<CellFormat>().ToList() ?? [];
        var custom = wb.WorkbookStylesPart?.Stylesheet?.NumberingFormats?.Elements<NumberingFormat>()
            .ToDictionary(n => n.NumberFormatId!.Value, n => n.FormatCode?.Value ?? string.Empty) ?? [];
        for (var i = 0; i < formats.Count; i++)
        {
            var id = formats[i].NumberFormatId?.Value ?? 0;
            if (id is >= 14 and <= 22 || (custom.TryGetValue(id, out var code) && (code.Contains('d', StringComparison.OrdinalIgnoreCase) || code.Contains('y', StringComparison.OrdinalIgnoreCase))))
            {
                set.Add((uint)i);
            }
        }

        return set;
    }

    private static int ColumnIndex(string? reference)
    {
        if (string.IsNullOrEmpty(reference))
        {
            return 0;
        }

        var n = 0;
        foreach (var c in reference.TakeWhile(char.IsLetter))
        {
            n = (n * 26) + (char.ToUpperInvariant(c) - 'A' + 1);
        }

        return n - 1;
    }

}
