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
        var today = DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
        var units = new Dictionary<(int, string), AdminUnit?>();
        // The catalogue a province may use, read once per province, not once per row.
        var catalogues = new Dictionary<string, List<Indicator>>(StringComparer.Ordinal);
        var rows = new List<Row>();
        var errors = new List<RowError>();
        foreach (var (line, v) in table.Rows)
        {
            var problems = new List<string>();
            string Cell(string key) => v.TryGetValue(key, out var x) ? x.Trim() : string.Empty;

            var map = Cell("map") switch { "" or "2025" => Maps.Current, "2024" => Maps.Map2024, _ => 0 };
            if (map == 0)
            {
                problems.Add($"{Col("map")}: chỉ nhận 2024 hoặc 2025.");
            }

            AdminUnit? unit = null;
            if (Cell("unit").Length == 0)
            {
                problems.Add($"{Col("unit")}: chưa có mã đơn vị.");
            }
            else if (map != 0)
            {
                var key = (map, Cell("unit"));
                if (!units.TryGetValue(key, out unit))
                {
                    unit = units[key] = await db.AdminUnits.AsNoTracking().FirstOrDefaultAsync(u => u.Map == map && u.Code == key.Item2, ct);
                }

                if (unit is null)
                {
                    problems.Add($"{Col("unit")}: không có đơn vị mã {Cell("unit")} trên bản đồ {map}.");
                }
            }

            var path = unit is null ? null : unit.Map == Maps.Current ? unit.Path : unit.CurrentPath;
            if (path is not null && !scope.Can(Operation.ReportResults, path))
            {
                problems.Add($"{Col("unit")}: bạn không được nhập số liệu cho {unit!.FullName}.");
                path = null;
            }

            if (!ReportPeriod.TryParse(Cell("period"), out var period))
            {
                problems.Add($"{Col("period")}: \"{Cell("period")}\" không hợp lệ; viết 2024, 2024-H1, 2024-Q3 hoặc 2024-05.");
            }
            else if (period.Start > today)
            {
                problems.Add($"{Col("period")}: kỳ {period.Code} chưa bắt đầu.");
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
                    if (value < 0)
                    {
                        problems.Add($"{Col("value")}: không được âm.");
                    }
                }
                catch (DomainException e)
                {
                    problems.Add($"{(e.Field == "Category" ? Col("category") : Col("unit_of_measure"))}: {e.Message}");
                }
            }

            Initiative? initiative = null;
            if (Cell("initiative").Length > 0 && path is not null)
            {
                var code = Cell("initiative");
                initiative = await db.Initiatives.WithinPaths([path], i => i.ScopePath).FirstOrDefaultAsync(i => i.Code == code, ct);
                if (initiative is null)
                {
                    problems.Add($"{Col("initiative")}: {unit!.FullName} không có mô hình mã {code}.");
                }
                else if (period.Code?.Contains('H', StringComparison.Ordinal) == true)
                {
                    problems.Add($"{Col("period")}: kết quả của mô hình báo cáo theo tháng, quý hoặc năm, không theo 6 tháng.");
                }
                else if (indicator is not null && period.Code is not null)
                {
                    // The form's own rule on a trial report: a retired model, or a period before its registration, is refused here too.
                    try
                    {
                        new ResultReport { PeriodKind = KindOf(period), PeriodStart = period.Start, Values = [new IndicatorValue { Indicator = indicator.Name, Value = value }] }
                            .Validate(initiative, today);
                    }
                    catch (DomainException e)
                    {
                        problems.Add($"{Col(e.Field == nameof(ResultReport.PeriodStart) ? "period" : "initiative")}: {e.Message}");
                    }
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

        // Rules across a unit's report: the rows of one unit and period, with what is already stored, must hold together.
        var unitGroups = rows.Where(r => r.Initiative is null).GroupBy(r => (r.Unit.Id, r.Period.Code)).ToList();
        foreach (var group in unitGroups)
        {
            var stored = await db.UnitReportValues.AsNoTracking().Where(x => db.UnitReports.Any(r => r.Id == x.ReportId && r.UnitId == group.Key.Id && r.OrganizationId == null && r.Period == group.Key.Code))
                .Select(x => new { x.Indicator!.Code, x.Category, x.Value }).ToListAsync(ct);
            var merged = stored.ToDictionary(x => (x.Code, x.Category), x => x.Value);
            foreach (var r in group)
            {
                merged[(r.Indicator.Code, r.Category)] = r.Value;
            }

            var catalogue = await IndicatorCatalogue.UsableAt(db, group.First().Path).ToDictionaryAsync(i => i.Code, ct);
            foreach (var (code, message) in IndicatorRules.Check(merged, catalogue))
            {
                var line = group.Where(r => r.Indicator.Code == code).Select(r => r.Line).DefaultIfEmpty(group.First().Line).First();
                errors.Add(new RowError(line, [message]));
            }
        }

        errors = errors.OrderBy(e => e.Line).ToList();
        if (errors.Count > 0 || dryRun)
        {
            return new ResultsImportOutcome(null, errors, table.Rows.Count, 0, 0);
        }

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        foreach (var group in unitGroups)
        {
            var input = new UnitReportInput { UnitCode = group.First().Unit.Code, Map = group.First().Unit.Map, Period = group.Key.Code };
            var existing = await db.UnitReports.AsNoTracking().Include(r => r.Values).ThenInclude(x => x.Indicator)
                .FirstOrDefaultAsync(r => r.UnitId == group.Key.Id && r.OrganizationId == null && r.Period == group.Key.Code, ct);
            var merged = existing?.Values.ToDictionary(x => (x.Indicator!.Code, x.Category), x => x.Value) ?? [];
            foreach (var r in group)
            {
                merged[(r.Indicator.Code, r.Category)] = r.Value;
            }

            input.Values = merged.Select(m => new UnitValueInput { Indicator = m.Key.Code, Category = m.Key.Category, Value = m.Value }).ToList();
            input.Note = existing?.Note;
            await UnitReports.SaveAsync(db, scope, input, clock, ct);
        }

        var modelValues = 0;
        foreach (var r in rows.Where(r => r.Initiative is not null))
        {
            await SaveModelValueAsync(db, scope, r, clock, ct);
            modelValues++;
        }

        await tx.CommitAsync(ct);
        return new ResultsImportOutcome(null, [], table.Rows.Count, rows.Count - modelValues, modelValues);
    }

    /// <summary>A model's figure into its result report for the period (made if missing), replacing the same indicator and category.</summary>
    private static async Task SaveModelValueAsync(AppDbContext db, UserScope scope, Row r, TimeProvider clock, CancellationToken ct)
    {
        var kind = KindOf(r.Period);
        var report = await db.ResultReports.Include(x => x.Values)
            .FirstOrDefaultAsync(x => x.InitiativeId == r.Initiative!.Id && x.PeriodKind == kind && x.PeriodStart == r.Period.Start, ct);
        if (report is null)
        {
            report = new ResultReport { InitiativeId = r.Initiative!.Id, PeriodKind = kind, PeriodStart = r.Period.Start, Narrative = "Số liệu nhập từ tệp." };
            db.ResultReports.Add(report);
        }

        report.SubmittedAt = clock.GetUtcNow();
        report.SubmittedBy = scope.UserName;
        var measure = await db.MeasureUnits.FirstOrDefaultAsync(m => m.Name == r.Indicator.Unit, ct);
        if (measure is null)
        {
            // The indicator's own unit belongs in the catalogue of measures.
            measure = new MeasureUnit { Name = r.Indicator.Unit, BuiltIn = true, Approved = true, ScopePath = "/" };
            db.MeasureUnits.Add(measure);
        }

        var value = report.Values.FirstOrDefault(x => x.IndicatorId == r.Indicator.Id && x.Category == r.Category);
        if (value is null)
        {
            value = new IndicatorValue { Indicator = r.Indicator.Name, IndicatorId = r.Indicator.Id, Category = r.Category, MeasureUnit = measure };
            report.Values.Add(value);
        }

        value.Value = r.Value;
        value.CanonicalValue = r.Value;
        value.MeasureUnit = measure;
        r.Initiative!.MarkReporting();
        db.Audit("result-imported", nameof(ResultReport), r.Initiative.Id.ToString(CultureInfo.InvariantCulture), new { period = r.Period.Code, indicator = r.Indicator.Code, r.Category, r.Value });
        await db.SaveChangesAsync(ct);
    }

    private static PeriodKind KindOf(ReportPeriod p) =>
        p.Code.Length == 4 ? PeriodKind.Year : p.Code.Contains('Q', StringComparison.Ordinal) ? PeriodKind.Quarter : PeriodKind.Month;

    /// <summary>The Vietnamese way first ("2.350" is two thousand three hundred and fifty); a spreadsheet's own number ("1.5") when it cannot be that.</summary>
    public static decimal? Number(string text) =>
        Quantities.ParseVietnamese(text)
        ?? (decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent, CultureInfo.InvariantCulture, out var d) ? d : null);
}
