using System.Globalization;
using DanVan.Data;
using DanVan.Domain;
using DanVan.Features.Imports;
using DanVan.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Features.Indicators;

public sealed record ResultsImportOutcome(string? FileError, IReadOnlyList<RowError> Errors, int Total, int UnitValues, int ModelValues);

/// <summary>
/// Figures from a spreadsheet (a district's published results): one row per source, period, indicator and category.
/// Every row is checked first; if any is wrong nothing is written and every bad row is listed with its reason. A row
/// for the same source, period, indicator and category as before replaces the earlier value.
/// </summary>
public static class ResultsImport
{
    public static readonly ImportColumns Columns = new(
        new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["initiative"] = "Mã mô hình", ["unit"] = "Đơn vị", ["map"] = "Bản đồ", ["period"] = "Kỳ", ["indicator"] = "Chỉ tiêu",
            ["category"] = "Nguồn", ["value"] = "Giá trị", ["unit_of_measure"] = "Đơn vị tính", ["note"] = "Ghi chú",
        },
        ["unit", "period", "indicator", "value"],
        new Dictionary<string, string>(StringComparer.Ordinal) { ["Mã đơn vị"] = "unit", ["Số liệu"] = "value", ["ĐVT"] = "unit_of_measure", ["Mô hình"] = "initiative" });

    private sealed record Row(int Line, AdminUnit Unit, string Path, Initiative? Initiative, ReportPeriod Period, Indicator Indicator, string? Category, decimal Value);

    private static readonly string[] TemplateColumns = ["initiative", "unit", "map", "period", "indicator", "category", "value", "unit_of_measure", "note"];

    /// <summary>
    /// The file to fill, with the person's own units and models in it: one row per unit (of those the person reports for,
    /// up to 20) and indicator of the catalogue for the last quarter that has ended, then one row per model (up to 300,
    /// by the number its page shows). Columns as the import reads them.
    /// </summary>
    public static async Task<byte[]> TemplateAsync(AppDbContext db, UserScope scope, DateOnly today, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var paths = scope.PathsFor(Operation.ReportResults);
        var period = ReportPeriod.LastQuarterEnded(today).Code;
        var units = await db.AdminUnits.AsNoTracking().Where(u => u.Map == Maps.Current && paths.Contains(u.Path)).OrderBy(u => u.SortKey).Take(20).ToListAsync(ct);
        var rows = new List<object?[]>();
        var catalogues = new Dictionary<string, List<Indicator>>(StringComparer.Ordinal); // one read per province, not per unit
        foreach (var u in units)
        {
            var province = UnitPaths.Province(u.Path);
            if (!catalogues.TryGetValue(province, out var catalogue))
            {
                catalogue = catalogues[province] = await IndicatorCatalogue.UsableAt(db, u.Path).OrderBy(i => i.SortOrder).ThenBy(i => i.Code).ToListAsync(ct);
            }

            foreach (var i in catalogue)
            {
                rows.Add([null, u.FullName, 2025, period, i.Name, null, null, i.Unit, null]);
            }
        }

        var models = await db.Initiatives.AsNoTracking().WithinPaths(paths, i => i.ScopePath).Where(i => i.Status != InitiativeStatus.Retired)
            .OrderBy(i => i.ScopePath).ThenBy(i => i.Id).Take(300).Select(i => new { i.Id, i.Name, Unit = i.CurrentUnit!.FullName }).ToListAsync(ct);
        rows.AddRange(models.Select(m => new object?[] { "#" + m.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), m.Unit, 2025, period, null, null, null, null, m.Name }));
        string[] headers = [.. TemplateColumns.Select(k => Columns.Labels[k])];
        return Xlsx.Write("Số liệu", "Mẫu nhập số liệu kết quả phong trào thi đua \"Dân vận khéo\"",
            "Điền cột Giá trị; Chỉ tiêu ghi tên hoặc mã; Nguồn: Ngân sách Nhà nước, Nhân dân đóng góp, Nguồn khác (để trống: tổng); dòng mô hình: ghi Chỉ tiêu cho mỗi số liệu.",
            headers, rows);
    }

    public static async Task<ResultsImportOutcome> RunAsync(AppDbContext db, UserScope scope, Stream content, string fileName, bool dryRun, TimeProvider clock,
        CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var table = ImportFile.Read(content, fileName, Columns);
        if (table.Error is not null)
        {
            return new ResultsImportOutcome(table.Error, [], 0, 0, 0);
        }

        string Col(string key) => table.Headers.TryGetValue(key, out var h) ? h : Columns.Labels[key];
        var units = new Dictionary<(int, string), (AdminUnit? Unit, bool Ambiguous)>();
        // The catalogue a province may use, read once per province, not once per row.
        var catalogues = new Dictionary<string, List<Indicator>>(StringComparer.Ordinal);
        var rows = new List<Row>();
        var errors = new List<RowError>();
        foreach (var (line, v) in table.Rows)
        {
            var problems = new List<string>();
            string Cell(string key) => v.TryGetValue(key, out var x) ? x.Trim() : string.Empty;
            if (Cell("value").Length == 0)
            {
                continue; // a line without a figure (a template's line left unfilled), as a blank line on the form
            }

            var map = Cell("map") switch { "" or "2025" => Maps.Current, "2024" => Maps.Map2024, _ => 0 };
            if (map == 0)
            {
                problems.Add($"{Col("map")}: chỉ nhận 2024 hoặc 2025.");
            }

            AdminUnit? unit = null;
            if (Cell("unit").Length == 0)
            {
                problems.Add($"{Col("unit")}: chưa có đơn vị (mã hoặc tên).");
            }
            else if (map != 0)
            {
                var key = (map, Cell("unit"));
                if (!units.TryGetValue(key, out var found))
                {
                    found = units[key] = await Units.UnitNames.FindAsync(db, p => scope.Can(Operation.ReportResults, p), map, key.Item2, ct);
                }

                unit = found.Unit;
                if (found.Ambiguous)
                {
                    problems.Add($"{Col("unit")}: có nhiều đơn vị tên \"{Cell("unit")}\"; ghi mã đơn vị.");
                }
                else if (unit is null)
                {
                    problems.Add(Cell("unit").All(char.IsAsciiDigit)
                        ? $"{Col("unit")}: không có đơn vị mã {Cell("unit")} trên bản đồ {map}."
                        : $"{Col("unit")}: không tìm thấy đơn vị \"{Cell("unit")}\" trên bản đồ {map} trong phạm vi bạn báo cáo (ghi mã, hoặc tên như \"Xã Lương Bằng\").");
                }
            }

            var path = unit?.CountsUnder;
            if (path is not null && !scope.Can(Operation.ReportResults, path))
            {
                problems.Add($"{Col("unit")}: bạn không được nhập số liệu cho {unit!.FullName}.");
                path = null;
            }

            if (!ReportPeriod.TryParse(Cell("period"), out var period))
            {
                problems.Add($"{Col("period")}: \"{Cell("period")}\" không hợp lệ; viết 2024, 2024-H1, 2024-Q3 hoặc 2024-05.");
            }
            Indicator? indicator = null;
            if (path is not null)
            {
                var province = UnitPaths.Province(path);
                if (!catalogues.TryGetValue(province, out var usable))
                {
                    usable = catalogues[province] = await IndicatorCatalogue.UsableAt(db, path).ToListAsync(ct);
                }

                indicator = IndicatorCatalogue.Find(usable, Cell("indicator"));
                if (indicator is null)
                {
                    problems.Add($"{Col("indicator")}: không có chỉ tiêu \"{Cell("indicator")}\" trong danh mục.");
                }
            }

            string? category = null;
            decimal value = 0;
            var number = Number(Cell("value"));
            if (number is null)
            {
                problems.Add($"{Col("value")}: \"{Cell("value")}\" không phải là số (viết 67.416.790.288 hoặc 1,5).");
            }

            if (indicator is not null && number is not null)
            {
                try
                {
                    category = IndicatorCatalogue.CategoryOf(indicator, Cell("category"));
                    value = Quantities.ToCanonical(number.Value, Cell("unit_of_measure"), indicator.Unit);
                }
                catch (DomainException e)
                {
                    problems.Add($"{(e.Field switch { "Category" => Col("category"), "Value" => Col("value"), _ => Col("unit_of_measure") })}: {e.Message}");
                }
            }

            Initiative? initiative = null;
            if (Cell("initiative").Length > 0 && path is not null)
            {
                var code = Cell("initiative");
                initiative = await db.Initiatives.WithinPaths([path], i => i.ScopePath).FirstOrDefaultAsync(i => i.Code == code, ct);
                // Or by the number the model's page shows ("Số hiệu #451", written 451 or #451).
                if (initiative is null && int.TryParse(code.TrimStart('#'), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var modelNumber))
                {
                    initiative = await db.Initiatives.WithinPaths([path], i => i.ScopePath).FirstOrDefaultAsync(i => i.Id == modelNumber, ct);
                }

                if (initiative is null)
                {
                    problems.Add($"{Col("initiative")}: {unit!.FullName} không có mô hình mã hoặc số hiệu {code}.");
                }
                else if (period.Code?.Contains('H', StringComparison.Ordinal) == true)
                {
                    problems.Add($"{Col("period")}: kết quả của mô hình báo cáo theo tháng, quý hoặc năm, không theo 6 tháng.");
                }
            }

            if (problems.Count > 0)
            {
                errors.Add(new RowError(line, problems));
            }
            else
            {
                rows.Add(new Row(line, unit!, path!, initiative, period, indicator!, category, value));
            }
        }

        // The rules are the commands' own: every group of rows goes through the command its form calls, inside one
        // transaction that a check-only run (or any refusal) rolls back. So the check and the real run cannot disagree.
        var unitGroups = rows.Where(r => r.Initiative is null).GroupBy(r => (r.Unit.Id, r.Period.Code)).ToList();
        var modelGroups = rows.Where(r => r.Initiative is not null).GroupBy(r => (r.Initiative!.Id, r.Period.Code)).ToList();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        using var rollup = IndicatorRollup.Defer(db); // each touched path's totals once, at the end, not once a group
        foreach (var group in unitGroups)
        {
            await RunGroupAsync(db, group.ToList(), errors, Col, () => SaveUnitGroupAsync(db, scope, group.ToList(), clock, ct));
        }

        foreach (var group in modelGroups)
        {
            await RunGroupAsync(db, group.ToList(), errors, Col, () => SaveModelGroupAsync(db, scope, group.ToList(), clock, ct));
        }

        errors = errors.OrderBy(e => e.Line).ToList();
        if (errors.Count == 0)
        {
            await rollup.FlushAsync(ct);
        }

        if (errors.Count > 0 || dryRun)
        {
            await tx.RollbackAsync(ct);
            db.ChangeTracker.Clear();
            return new ResultsImportOutcome(null, errors, table.Rows.Count, 0, 0);
        }

        await tx.CommitAsync(ct);
        var modelValues = rows.Count(r => r.Initiative is not null);
        return new ResultsImportOutcome(null, [], table.Rows.Count, rows.Count - modelValues, modelValues);
    }

    /// <summary>
    /// One command for a group of rows; its refusal becomes the error of the row it names (the line of the k-th value,
    /// under the file's own column) or of the group's first row. The tracker is emptied after each group: what a command
    /// saved is in the transaction, what it refused before saving is forgotten.
    /// </summary>
    private static async Task RunGroupAsync(AppDbContext db, List<Row> group, List<RowError> errors, Func<string, string> col, Func<Task> command)
    {
        try
        {
            await command();
        }
        catch (Exception e) when (Refusals.Of(e) is { } refusal)
        {
            var (line, column) = Locate(group, refusal.Field, refusal.Message);
            errors.Add(new RowError(line, [$"{col(column)}: {refusal.Message}"]));
        }
        finally
        {
            db.ChangeTracker.Clear();
        }
    }

    /// <summary>The row and column a command's field stands for: "Values[2].Value" is the value of the group's third row.</summary>
    private static (int Line, string Column) Locate(List<Row> group, string? field, string message)
    {
        var m = System.Text.RegularExpressions.Regex.Match(field ?? string.Empty, @"^Values\[([0-9]+)\]\.?(.*)$");
        // A rule across the figures ("Values") names the indicator it is about: that indicator's row.
        var row = m.Success && int.TryParse(m.Groups[1].Value, CultureInfo.InvariantCulture, out var k) && k < group.Count ? group[k]
            : group.FirstOrDefault(r => message.Contains(r.Indicator.Name, StringComparison.Ordinal)) ?? group[0];
        var column = (m.Success ? m.Groups[2].Value : field) switch
        {
            "Period" or "PeriodStart" => "period",
            "UnitCode" or "Map" or "OrganizationId" => "unit",
            "Indicator" => "indicator",
            "Category" => "category",
            "Unit" => "unit_of_measure",
            "Value" or "Values" => "value",
            _ => row.Initiative is null ? "value" : "initiative",
        };
        return (row.Line, column);
    }

    /// <summary>The unit's report for the period through the form's command: what it had, with these rows' figures in place of the same lines.</summary>
    private static async Task SaveUnitGroupAsync(AppDbContext db, UserScope scope, List<Row> group, TimeProvider clock, CancellationToken ct)
    {
        var first = group[0];
        var existing = await db.UnitReports.AsNoTracking().Include(r => r.Values).ThenInclude(x => x.Indicator).AsSplitQuery()
            .FirstOrDefaultAsync(r => r.UnitId == first.Unit.Id && r.OrganizationId == null && r.Period == first.Period.Code, ct);
        // The file's rows first (in order, so that a refusal of the k-th value names the k-th row), then what they leave as it was.
        var values = group.Select(r => new UnitValueInput { Indicator = r.Indicator.Code, Category = r.Category, Value = r.Value }).ToList();
        values.AddRange((existing?.Values ?? []).Where(x => !group.Any(r => r.Indicator.Id == x.IndicatorId && r.Category == x.Category))
            .Select(x => new UnitValueInput { Indicator = x.Indicator!.Code, Category = x.Category, Value = x.Value }));
        var input = new UnitReportInput { UnitCode = first.Unit.Code, Map = first.Unit.Map, Period = first.Period.Code, Note = existing?.Note, Values = values };
        await UnitReports.SaveAsync(db, scope, input, clock, ct);
    }

    /// <summary>
    /// A model's figures for one period through the results form's command: a new report, or a correction of the one
    /// there (which keeps a revision of what it replaces), with these rows in place of the same indicator and category.
    /// </summary>
    private static async Task SaveModelGroupAsync(AppDbContext db, UserScope scope, List<Row> group, TimeProvider clock, CancellationToken ct)
    {
        var first = group[0];
        var kind = KindOf(first.Period);
        var existing = await db.ResultReports.AsNoTracking().Include(x => x.Values).ThenInclude(v => v.StandardIndicator).AsSplitQuery()
            .FirstOrDefaultAsync(x => x.InitiativeId == first.Initiative!.Id && x.PeriodKind == kind && x.PeriodStart == first.Period.Start, ct);
        var values = group.Select(r => new Results.IndicatorInput
        {
            Indicator = r.Indicator.Name, Value = r.Value, NewMeasure = r.Indicator.Unit, StandardIndicator = r.Indicator.Code, Category = r.Category,
        }).ToList();
        values.AddRange((existing?.Values ?? []).Where(x => !group.Any(r => r.Indicator.Id == x.IndicatorId && r.Category == x.Category))
            .Select(x => new Results.IndicatorInput { Indicator = x.Indicator, Value = x.Value, MeasureUnitId = x.MeasureUnitId, StandardIndicator = x.StandardIndicator?.Code, Category = x.Category }));
        var input = new Results.ResultInput
        {
            PeriodKind = kind, PeriodStart = first.Period.Start, Narrative = existing?.Narrative ?? "Số liệu nhập từ tệp.", Values = values, Version = existing?.Version ?? 0,
        };
        await Results.ResultReporting.SaveAsync(db, scope, first.Initiative!.Id, existing?.Id, input, clock, ct);
    }

    private static PeriodKind KindOf(ReportPeriod p) =>
        p.Code.Length == 4 ? PeriodKind.Year : p.Code.Contains('Q', StringComparison.Ordinal) ? PeriodKind.Quarter : PeriodKind.Month;

    /// <summary>The Vietnamese way first ("2.350" is two thousand three hundred and fifty); a spreadsheet's own number ("1.5") when it cannot be that.</summary>
    public static decimal? Number(string text) =>
        Quantities.ParseVietnamese(text)
        ?? (decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent, CultureInfo.InvariantCulture, out var d) ? d : null);
}
