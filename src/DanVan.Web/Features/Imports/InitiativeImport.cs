using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;
using DanVan.Data;
using DanVan.Domain;
using DanVan.Infrastructure;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Microsoft.EntityFrameworkCore;
using Field = DanVan.Domain.Field;
using Maps = DanVan.Domain.Maps;

namespace DanVan.Features.Imports;

public sealed record RowError(int Line, IReadOnlyList<string> Errors);

public sealed record ImportOutcome(int Total, IReadOnlyList<RowError> Errors, string? FileError, int Created, int Updated, int Recognitions, int Retired)
{
    public bool Ok => FileError is null && Errors.Count == 0;
}

/// <summary>
/// Bulk import of initiatives from .xlsx or .csv. Headers are the keys or their Vietnamese labels, matched
/// without case or diacritics. A dry run lists every bad row with its line and reason; a real run applies every
/// row or none, in one transaction, and is recorded in the audit trail as one import.
/// </summary>
public static class InitiativeImport
{
    public static readonly string[] Keys =
        ["code", "name", "unit", "map", "field", "kind", "origin", "replicated_from", "owner", "registered_on", "status", "retired_on", "recognized_level", "recognized_on", "decision_no"];

    public static readonly string[] Required = ["name", "unit", "field", "kind", "owner", "registered_on"];

    /// <summary>Vietnamese header labels (as in the template) for each key.</summary>
    public static readonly Dictionary<string, string> Labels = new()
    {
        ["code"] = "Mã", ["name"] = "Tên mô hình", ["unit"] = "Mã đơn vị", ["map"] = "Bản đồ", ["field"] = "Lĩnh vực", ["kind"] = "Loại",
        ["origin"] = "Nguồn gốc", ["replicated_from"] = "Nhân rộng từ", ["owner"] = "Chủ thể", ["registered_on"] = "Ngày đăng ký", ["status"] = "Trạng thái",
        ["retired_on"] = "Ngày loại bỏ", ["recognized_level"] = "Cấp công nhận", ["recognized_on"] = "Ngày công nhận", ["decision_no"] = "Số quyết định",
    };

    private static readonly Dictionary<string, string> HeaderAliases = BuildAliases();

    private static Dictionary<string, string> BuildAliases()
    {
        var d = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var k in Keys)
        {
            d[Fold(k)] = k;
            d[Fold(Labels[k])] = k;
        }

        d[Fold("Đơn vị")] = "unit";
        d[Fold("Tên")] = "name";
        d[Fold("Mã mô hình")] = "code";
        return d;
    }

    private static string Fold(string s) => VietnameseText.Fold(s).Replace("_", " ", StringComparison.Ordinal).Replace("*", string.Empty, StringComparison.Ordinal).Trim();

    private static readonly Dictionary<string, Field> FieldWords = new(StringComparer.Ordinal)
    {
        ["economy"] = Field.Economy, ["kinh te"] = Field.Economy, ["phat trien kinh te"] = Field.Economy,
        ["culture society"] = Field.CultureSociety, ["van hoa xa hoi"] = Field.CultureSociety, ["van hoa - xa hoi"] = Field.CultureSociety, ["van hoa – xa hoi"] = Field.CultureSociety,
        ["defense security"] = Field.DefenseSecurity, ["quoc phong an ninh"] = Field.DefenseSecurity, ["quoc phong - an ninh"] = Field.DefenseSecurity, ["quoc phong – an ninh"] = Field.DefenseSecurity,
        ["political system"] = Field.PoliticalSystem, ["xay dung dang va he thong chinh tri"] = Field.PoliticalSystem, ["he thong chinh tri"] = Field.PoliticalSystem,
    };

    private static readonly Dictionary<string, RecognitionLevel> LevelWords = new(StringComparer.Ordinal)
    {
        ["commune"] = RecognitionLevel.Commune, ["xa"] = RecognitionLevel.Commune, ["cap xa"] = RecognitionLevel.Commune,
        ["district"] = RecognitionLevel.District, ["huyen"] = RecognitionLevel.District, ["cap huyen"] = RecognitionLevel.District,
        ["province"] = RecognitionLevel.Province, ["tinh"] = RecognitionLevel.Province, ["cap tinh"] = RecognitionLevel.Province,
        ["national"] = RecognitionLevel.National, ["toan quoc"] = RecognitionLevel.National, ["trung uong"] = RecognitionLevel.National,
    };

    /// <summary>Reads the rows of a .csv (UTF-8, with or without BOM, comma or semicolon) or the first sheet of an .xlsx.</summary>
    public static (List<(int Line, Dictionary<string, string> Values)> Rows, string? Error) Read(Stream content, string fileName)
    {
        List<(int Line, List<string> Cells)> raw;
        try
        {
            raw = fileName.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase) ? ReadXlsx(content)
                : fileName.EndsWith(".csv", StringComparison.OrdinalIgnoreCase) ? ReadCsv(content)
                : throw new InvalidDataException("Chỉ nhận tệp .xlsx hoặc .csv.");
        }
        catch (Exception e) when (e is InvalidDataException or OpenXmlPackageException or CsvHelperException or IOException or FormatException or InvalidOperationException)
        {
            return ([], e is InvalidDataException ide && ide.Message.Length < 200 && !ide.Message.Contains("Central Directory", StringComparison.Ordinal)
                ? ide.Message : "Không đọc được tệp: tệp hỏng hoặc không đúng định dạng.");
        }

        // The header is the first row that names at least three known columns (a title may stand above it).
        var header = raw.Take(20).FirstOrDefault(r => r.Cells.Count(c => HeaderAliases.ContainsKey(Fold(c ?? string.Empty))) >= 3);
        if (header.Cells is null)
        {
            header = raw.FirstOrDefault(r => r.Cells.Any(c => !string.IsNullOrWhiteSpace(c)));
        }

        if (header.Cells is null)
        {
            return ([], "Tệp không có dữ liệu.");
        }

        var columns = header.Cells.Select(h => HeaderAliases.TryGetValue(Fold(h ?? string.Empty), out var k) ? k : null).ToList();
        var missing = Required.Where(k => !columns.Contains(k)).ToList();
        if (missing.Count > 0)
        {
            return ([], "Thiếu cột bắt buộc: " + string.Join(", ", missing.Select(k => $"{k} ({Labels[k]})")) + ".");
        }

        var duplicate = columns.Where(c => c is not null).GroupBy(c => c).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            return ([], $"Cột {duplicate.Key} xuất hiện hai lần.");
        }

        var rows = new List<(int, Dictionary<string, string>)>();
        foreach (var (line, cells) in raw.Where(r => r.Line > header.Line))
        {
            if (cells.All(string.IsNullOrWhiteSpace))
            {
                continue;
            }

            var values = new Dictionary<string, string>(StringComparer.Ordinal);
            for (var i = 0; i < columns.Count && i < cells.Count; i++)
            {
                if (columns[i] is { } key && !string.IsNullOrWhiteSpace(cells[i]))
                {
                    values[key] = cells[i].Trim();
                }
            }

            rows.Add((line, values));
        }

        return (rows, null);
    }

    private static List<(int, List<string>)> ReadCsv(Stream content)
    {
        using var reader = new StreamReader(content, new UTF8Encoding(false, true), detectEncodingFromByteOrderMarks: true);
        var text = reader.ReadToEnd();
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
            if (!Features.Results.EvidenceStore.IsReasonable(zip))
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

    /// <summary>An officer reads the column's Vietnamese name first; the key stays for scripts: "Ngày đăng ký (registered_on): …".</summary>
    private static string Readable(string message)
    {
        var colon = message.IndexOf(':', StringComparison.Ordinal);
        return colon > 0 && Labels.TryGetValue(message[..colon], out var label) ? $"{label} ({message[..colon]}){message[colon..]}" : message;
    }

    public static bool TryDate(string? s, out DateOnly date) =>
        DateOnly.TryParseExact(s, ["yyyy-MM-dd", "dd/MM/yyyy", "d/M/yyyy"], CultureInfo.InvariantCulture, DateTimeStyles.None, out date);

    private sealed record Planned(int Line, Dictionary<string, string> V, AdminUnit Unit, AdminUnit Current, Field Field, InitiativeKind Kind, Origin Origin,
        string? SourceCode, DateOnly RegisteredOn, InitiativeStatus Status, DateOnly? RetiredOn, RecognitionLevel? Level, DateOnly? RecognizedOn, Initiative? Existing);

    /// <summary>Validates every row (all errors of all rows), then, unless a dry run, applies all rows in one transaction.</summary>
    public static async Task<ImportOutcome> RunAsync(AppDbContext db, UserScope scope, Stream content, string fileName, bool dryRun, TimeProvider clock,
        Func<int, int, Task>? progress = null, CancellationToken ct = default)
    {
        var (rows, fileError) = Read(content, fileName);
        if (fileError is not null)
        {
            return new ImportOutcome(0, [], fileError, 0, 0, 0, 0);
        }

        var units = await db.AdminUnits.AsNoTracking().Select(u => new { u.Id, u.Map, u.Code, u.Path, u.CurrentPath, u.LegacyPath, u.Level, u.Name, u.FullName, u.Type, u.ParentCode })
            .ToListAsync(ct);
        var byKey = units.ToDictionary(u => (u.Map, u.Code), u => new AdminUnit
        {
            Id = u.Id, Map = u.Map, Code = u.Code, Path = u.Path, CurrentPath = u.CurrentPath, LegacyPath = u.LegacyPath, Level = u.Level,
            Name = u.Name, FullName = u.FullName, Type = u.Type, ParentCode = u.ParentCode, SortKey = string.Empty, SearchText = string.Empty,
        });
        var byPath2025 = byKey.Values.Where(u => u.Map == Maps.Current).ToDictionary(u => u.Path, StringComparer.Ordinal);
        var codesInFile = new Dictionary<string, int>(StringComparer.Ordinal);
        var errors = new List<RowError>();
        var planned = new List<Planned>();
        foreach (var (line, v) in rows)
        {
            var e = new List<string>();
            string? Get(string k) => v.TryGetValue(k, out var x) ? x : null;
            foreach (var (k, val) in v)
            {
                if (val.Length > 0 && (val[0] is '=' or '@' || (val[0] is '+' or '-' && !decimal.TryParse(val, NumberStyles.Number, CultureInfo.InvariantCulture, out _))))
                {
                    e.Add($"{k}: ô chứa công thức hoặc ký tự đầu \"{val[0]}\" không được nhận.");
                }
                else if (!Validation.IsCleanText(val))
                {
                    e.Add($"{k}: chứa ký tự điều khiển không hợp lệ.");
                }
            }

            foreach (var k in Required.Where(k => string.IsNullOrWhiteSpace(Get(k))))
            {
                e.Add($"Thiếu {Labels[k]} ({k}).");
            }

            if (Get("name") is { Length: > 300 })
            {
                e.Add("name: dài quá 300 ký tự.");
            }

            DateOnly registered = default;
            if (Get("registered_on") is { } reg && !TryDate(reg, out registered))
            {
                e.Add($"registered_on: ngày \"{reg}\" không hợp lệ (dùng yyyy-MM-dd hoặc dd/MM/yyyy).");
            }
            else if (registered != default && (registered.Year < 2009 || registered > DateOnly.FromDateTime(clock.GetLocalNow().DateTime)))
            {
                e.Add($"registered_on: ngày {registered:dd/MM/yyyy} nằm ngoài khoảng từ năm 2009 đến hôm nay.");
            }

            int map = registered == default ? Maps.Current : Maps.InForceOn(registered);
            if (Get("map") is { } m && !(int.TryParse(m, CultureInfo.InvariantCulture, out map) && Maps.IsKnown(map)))
            {
                e.Add($"map: \"{m}\" phải là 2024 hoặc 2025.");
            }

            AdminUnit? unit = null;
            if (Get("unit") is { } code)
            {
                if (!byKey.TryGetValue((map, code), out unit))
                {
                    e.Add($"unit: không có đơn vị mã {code} trên bản đồ {map}.");
                }
                else if (!scope.CanWrite(unit.CurrentPath))
                {
                    e.Add($"unit: bạn không được nhập mô hình cho {unit.FullName}.");
                    unit = null;
                }
            }

            Field field = default;
            if (Get("field") is { } f && !(EnumKeys.TryParse(f, out field) || FieldWords.TryGetValue(Fold(f), out field)))
            {
                e.Add($"field: lĩnh vực \"{f}\" không nhận ra.");
            }

            InitiativeKind kind = default;
            if (Get("kind") is { } k2 && !(EnumKeys.TryParse(k2, out kind) || (Fold(k2) is var fk && (fk == "tap the" ? (kind = InitiativeKind.Collective) == kind : fk == "ca nhan" && (kind = InitiativeKind.Individual) == kind))))
            {
                e.Add($"kind: loại \"{k2}\" phải là tập thể hoặc cá nhân.");
            }

            var origin = Origin.New;
            if (Get("origin") is { } o && !(EnumKeys.TryParse(o, out origin) || (Fold(o) is var fo && (fo == "moi" ? (origin = Origin.New) == origin : fo == "nhan rong" && (origin = Origin.Replicated) == origin))))
            {
                e.Add($"origin: \"{o}\" phải là mới hoặc nhân rộng.");
            }

            var status = InitiativeStatus.Active;
            if (Get("status") is { } st && !(EnumKeys.TryParse(st, out status) || (Fold(st) switch
                {
                    "dang ky" or "dang ky xay dung" => (status = InitiativeStatus.Registered) == status,
                    "duy tri" or "duy tri thuc hien" or "dang thuc hien" => (status = InitiativeStatus.Active) == status,
                    "loai bo" or "da loai bo" => (status = InitiativeStatus.Retired) == status,
                    _ => false,
                })))
            {
                e.Add($"status: trạng thái \"{st}\" không nhận ra.");
            }

            DateOnly? retiredOn = null;
            if (Get("retired_on") is { } ro)
            {
                if (TryDate(ro, out var r))
                {
                    retiredOn = r;
                }
                else
                {
                    e.Add($"retired_on: ngày \"{ro}\" không hợp lệ.");
                }
            }

            if (status == InitiativeStatus.Retired && retiredOn is null && Get("retired_on") is null)
            {
                e.Add("retired_on: mô hình đã loại bỏ cần ngày loại bỏ.");
            }

            if (retiredOn is { } rdate && registered != default && rdate < registered)
            {
                e.Add("retired_on: ngày loại bỏ trước ngày đăng ký.");
            }

            RecognitionLevel? level = null;
            DateOnly? recognizedOn = null;
            if (Get("recognized_level") is { } lv)
            {
                if (LevelWords.TryGetValue(Fold(lv), out var l))
                {
                    level = l;
                }
                else
                {
                    e.Add($"recognized_level: cấp \"{lv}\" không nhận ra.");
                }

                if (Get("recognized_on") is { } rec && TryDate(rec, out var rd))
                {
                    recognizedOn = rd;
                    if (registered != default && rd < registered)
                    {
                        e.Add("recognized_on: ngày công nhận trước ngày đăng ký.");
                    }

                    if (level == RecognitionLevel.District && rd >= new DateOnly(2025, 7, 1))
                    {
                        e.Add("recognized_level: từ 01/07/2025 không còn cấp huyện.");
                    }
                }
                else
                {
                    e.Add("recognized_on: cần ngày công nhận hợp lệ khi có cấp công nhận.");
                }
            }
            else if (Get("recognized_on") is not null)
            {
                e.Add("recognized_level: có ngày công nhận nhưng thiếu cấp công nhận.");
            }

            var source = Get("replicated_from");
            if (source is not null)
            {
                origin = Origin.Replicated;
            }

            if (Get("code") is { } c)
            {
                if (c.Length > 50)
                {
                    e.Add("code: dài quá 50 ký tự.");
                }
                else if (unit is not null && codesInFile.TryGetValue(unit.Id + "|" + c, out var firstLine))
                {
                    e.Add($"code: mã {c} đã dùng ở dòng {firstLine}.");
                }
                else if (unit is not null)
                {
                    codesInFile[unit.Id + "|" + c] = line;
                }
            }

            if (e.Count > 0 || unit is null)
            {
                errors.Add(new RowError(line, e.Count > 0 ? e.Select(Readable).ToList() : ["Dòng không hợp lệ."]));
                continue;
            }

            var current = unit.Map == Maps.Current ? unit : byPath2025[unit.CurrentPath];
            planned.Add(new Planned(line, v, unit, current, field, kind, origin, source, registered, status, retiredOn, level, recognizedOn, null));
        }

        // Sources of replication: a code earlier in the file, or one already in the database.
        var fileCodes = planned.Where(p => p.V.ContainsKey("code")).GroupBy(p => p.V["code"]).ToDictionary(g => g.Key, g => g.First().Line, StringComparer.Ordinal);
        var wanted = planned.Select(p => p.SourceCode).Where(s => s is not null).Distinct().ToList();
        var dbCodes = await db.Initiatives.Where(i => i.Code != null && wanted.Contains(i.Code)).Select(i => new { i.Code, i.Id }).ToListAsync(ct);
        foreach (var p in planned.Where(p => p.SourceCode is not null).ToList())
        {
            if (!(fileCodes.TryGetValue(p.SourceCode!, out var at) && at < p.Line) && dbCodes.All(d => d.Code != p.SourceCode))
            {
                errors.Add(new RowError(p.Line, [Readable($"replicated_from: không tìm thấy mô hình mã {p.SourceCode} (trong hệ thống hoặc ở dòng trước).")]));
                planned.Remove(p);
            }
        }

        if (errors.Count > 0 || dryRun)
        {
            return new ImportOutcome(rows.Count, errors.OrderBy(x => x.Line).ToList(), null, 0, 0, 0, 0);
        }

        return await ApplyAsync(db, scope, planned, rows.Count, fileName, clock, progress, dbCodes.ToDictionary(d => d.Code!, d => d.Id, StringComparer.Ordinal), ct);
    }

    private static async Task<ImportOutcome> ApplyAsync(AppDbContext db, UserScope scope, List<Planned> planned, int total, string fileName, TimeProvider clock,
        Func<int, int, Task>? progress, Dictionary<string, int> dbCodes, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        int created = 0, updated = 0, recognitions = 0, retired = 0, line = 0;
        db.SuppressAutoAudit = true;
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        try
        {
            var byCode = new Dictionary<string, Initiative>(StringComparer.Ordinal);
            var decisions = new Dictionary<(RecognitionLevel, DateOnly, string, string), RecognitionDecision>();
            var provinces = await db.AdminUnits.Where(u => u.Map == Maps.Current && u.Level == 1).ToDictionaryAsync(u => u.Path, ct);
            // The codes already used in the file's units, read once: most batches of a large file then need no lookup.
            var unitsInFile = planned.Select(p => p.Unit.Id).Distinct().ToList();
            var known = (await db.Initiatives.AsNoTracking().Where(i => i.Code != null && unitsInFile.Contains(i.UnitId)).Select(i => new { i.UnitId, i.Code }).ToListAsync(ct))
                .Select(x => (x.UnitId, x.Code!)).ToHashSet();
            var done = 0;
            foreach (var batch in planned.Chunk(1000))
            {
                var codes = batch.Where(p => p.V.TryGetValue("code", out var c) && known.Contains((p.Unit.Id, c))).Select(p => p.V["code"]).ToList();
                var unitIds = batch.Select(p => p.Unit.Id).Distinct().ToList();
                var existing = codes.Count == 0 ? [] : await db.Initiatives.Include(i => i.Recognitions)
                    .Where(i => i.Code != null && codes.Contains(i.Code) && unitIds.Contains(i.UnitId)).ToListAsync(ct);
                // New records, their recognitions and new decisions are written in bulk (ids reserved below);
                // only records that already exist go through EF's change tracking.
                var fresh = new List<Initiative>();
                var newRecognitions = new List<Domain.Recognition>();
                var newDecisions = new List<RecognitionDecision>();
                var sourceOf = new Dictionary<Initiative, Initiative>();
                foreach (var p in batch)
                {
                    line = p.Line;
                    var code = p.V.GetValueOrDefault("code");
                    var i = code is null ? null : existing.FirstOrDefault(x => x.Code == code && x.UnitId == p.Unit.Id);
                    if (i is null)
                    {
                        i = new Initiative { CreatedAt = now, CreatedBy = scope.UserName ?? "import", Version = 1 };
                        fresh.Add(i);
                        created++;
                    }
                    else
                    {
                        updated++;
                    }

                    i.Code = code;
                    i.Name = p.V["name"];
                    i.Field = p.Field;
                    i.Kind = p.Kind;
                    i.Origin = p.Origin;
                    i.OwnerName = p.V["owner"];
                    i.RegisteredOn = p.RegisteredOn;
                    i.Status = p.Status == InitiativeStatus.Retired ? InitiativeStatus.Active : p.Status;
                    i.RetiredOn = null;
                    i.RetiredReason = null;
                    i.PlaceIn(p.Unit, p.Current);
                    // The units here are light copies made for the import: only their ids go to the database,
                    // never the copies themselves (tracked, they would overwrite the units' sort and search keys).
                    i.Unit = null;
                    i.CurrentUnit = null;
                    // Published lists often say "nhân rộng" without naming the source; the record says so instead.
                    i.OriginNote = p.Origin == Origin.Replicated && p.SourceCode is null ? "Nhân rộng (theo tệp nhập, chưa ghi mô hình gốc)" : null;
                    if (p.SourceCode is { } src)
                    {
                        if (byCode.TryGetValue(src, out var fromFile) && fromFile.Id == 0)
                        {
                            // New in this batch: linked by reference until its id is reserved below.
                            i.ReplicatedFrom = fromFile;
                            sourceOf[i] = fromFile;
                        }
                        else
                        {
                            i.ReplicatedFromId = fromFile?.Id ?? dbCodes[src];
                        }
                    }

                    if (code is not null)
                    {
                        byCode[code] = i;
                    }

                    if (p.Level is { } level && (i.HighestLevel is null || i.HighestLevel < level))
                    {
                        var province = provinces.Values.First(u => UnitPaths.Contains(u.Path, i.ScopePath));
                        var decisionUnit = level == RecognitionLevel.Commune ? p.Current : province;
                        var key = (level, p.RecognizedOn!.Value, p.V.GetValueOrDefault("decision_no") ?? "(nhập từ tệp)", level == RecognitionLevel.National ? "/" : decisionUnit.Path);
                        if (!decisions.TryGetValue(key, out var decision))
                        {
                            decision = new RecognitionDecision
                            {
                                UnitId = decisionUnit.Id, ScopePath = key.Item4, Number = key.Item3, Date = key.Item2, Level = level,
                                IssuingBody = "Ban Chỉ đạo phong trào thi đua \"Dân vận khéo\" " + decisionUnit.FullName,
                            };
                            decisions[key] = decision;
                            newDecisions.Add(decision);
                        }

                        var recognition = i.Recognize(decision);
                        // Kept out of the record's collection so change tracking never sees it: it is written in bulk.
                        i.Recognitions.Remove(recognition);
                        newRecognitions.Add(recognition);
                        recognitions++;
                    }

                    if (p.Status == InitiativeStatus.Retired)
                    {
                        i.Retire(p.RetiredOn ?? p.RegisteredOn, "Loại bỏ (nhập từ tệp)");
                        retired++;
                    }

                    i.Validate();
                }

                await BulkInsert.NumberAsync(db, fresh, ct);
                await BulkInsert.NumberAsync(db, newDecisions, ct);
                await BulkInsert.NumberAsync(db, newRecognitions, ct);
                foreach (var (replica, source) in sourceOf)
                {
                    (replica.ReplicatedFromId, replica.ReplicatedFrom) = (source.Id, null);
                }

                foreach (var r in newRecognitions)
                {
                    (r.InitiativeId, r.DecisionId) = (r.Initiative!.Id, r.Decision!.Id);
                }

                await BulkInsert.EntitiesAsync(db, newDecisions, ct);
                await BulkInsert.EntitiesAsync(db, fresh, ct);
                await BulkInsert.EntitiesAsync(db, newRecognitions, ct);
                db.ChangeTracker.DetectChanges();
                await db.SaveChangesAsync(ct);
                // Each batch is written inside the one transaction; letting go of its entities keeps change
                // detection and memory flat however long the file is.
                db.ChangeTracker.Clear();
                done += batch.Length;
                if (progress is not null)
                {
                    await progress(done, total);
                }
            }

            db.SuppressAutoAudit = false;
            db.Audit("imported", nameof(Initiative), null, new { file = fileName, rows = total, created, updated, recognitions, retired });
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        }
        catch (DomainException e)
        {
            await tx.RollbackAsync(ct);
            db.ChangeTracker.Clear();
            // A rule only the domain checks (the dry run checks the rest): the row that broke it, and nothing written.
            return new ImportOutcome(total, [new RowError(line, [e.Message])], null, 0, 0, 0, 0);
        }
        finally
        {
            db.SuppressAutoAudit = false;
            db.ChangeTracker.AutoDetectChangesEnabled = true;
        }

        db.ChangeTracker.Clear();
        return new ImportOutcome(total, [], null, created, updated, recognitions, retired);
    }

    /// <summary>The template: headers in Vietnamese (required ones starred) and two example rows.</summary>
    public static byte[] Template() => Xlsx.Write("Mô hình", "Mẫu nhập danh sách mô hình \"Dân vận khéo\"",
        "Cột có dấu * là bắt buộc. Ngày ghi dạng dd/mm/yyyy hoặc yyyy-mm-dd. Lĩnh vực: Kinh tế; Văn hóa – Xã hội; Quốc phòng – An ninh; Xây dựng Đảng và hệ thống chính trị.",
        Keys.Select(k => Labels[k] + (Required.Contains(k) ? " *" : string.Empty)).ToList(),
        [
            ["MH-01", "Nuôi ong lấy mật", "12280", "2025", "Kinh tế", "Tập thể", "Mới", null, "Hội Nông dân xã", "15/03/2024", "Duy trì", null, "Cấp xã", "20/12/2024", "12-QĐ/BCĐ"],
            ["MH-02", "Nuôi ong gắn với trồng điều", "12280", "2025", "Kinh tế", "Tập thể", "Nhân rộng", "MH-01", "Chi hội Nông dân thôn Đông", "10/01/2025", "Duy trì", null, null, null, null],
        ]);
}
