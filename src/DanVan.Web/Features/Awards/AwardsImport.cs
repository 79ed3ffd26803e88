using System.Globalization;
using DanVan.Data;
using DanVan.Domain;
using DanVan.Features.Imports;
using DanVan.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Features.Awards;

public sealed record AwardsImportOutcome(string? FileError, IReadOnlyList<RowError> Errors, int Total, int Decisions);

/// <summary>
/// Award lists as districts and provinces publish them: one row per recipient; rows with the same number, date, level
/// and form (and issuer, which the level and the recipient's unit say) make one decision. Every row is read and
/// checked first, then each decision goes through <see cref="Awards.IssueAsync"/> like one made on the page; all of
/// them or none, and every bad row is listed with its reason.
/// </summary>
public static class AwardsImport
{
    public static readonly ImportColumns Columns = new(
        new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["decision_no"] = "Số quyết định", ["decided_on"] = "Ngày quyết định", ["level"] = "Cấp", ["form"] = "Hình thức", ["recipient_kind"] = "Tập thể/cá nhân",
            ["recipient"] = "Tên người hoặc tập thể", ["unit"] = "Đơn vị", ["map"] = "Bản đồ", ["initiative"] = "Mã mô hình", ["note"] = "Ghi chú",
        },
        ["decision_no", "decided_on", "level", "recipient_kind", "recipient", "unit"],
        new Dictionary<string, string>(StringComparer.Ordinal) { ["Mã đơn vị"] = "unit", ["Loại"] = "recipient_kind", ["Người, tập thể được khen"] = "recipient", ["Tên tập thể, cá nhân"] = "recipient" });

    private sealed record Row(int Line, string Number, DateOnly On, RecognitionLevel Level, AwardForm Form, string IssuerPath, string? IssuerCode, RecipientInput Recipient);

    public static RecognitionLevel? LevelOf(string text) => VietnameseText.Fold(text).Trim() switch
    {
        "commune" or "xa" or "cap xa" or "phuong" => RecognitionLevel.Commune,
        "district" or "huyen" or "cap huyen" => RecognitionLevel.District,
        "province" or "tinh" or "cap tinh" or "thanh pho" => RecognitionLevel.Province,
        "national" or "trung uong" or "cap trung uong" or "toan quoc" => RecognitionLevel.National,
        _ => null,
    };

    public static async Task<AwardsImportOutcome> RunAsync(AppDbContext db, UserScope scope, Stream content, string fileName, bool dryRun, TimeProvider clock,
        CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var table = ImportFile.Read(content, fileName, Columns);
        if (table.Error is not null)
        {
            return new AwardsImportOutcome(table.Error, [], 0, 0);
        }

        string Col(string key) => table.Headers.TryGetValue(key, out var h) ? h : Columns.Labels[key];
        var forms = await db.AwardForms.AsNoTracking().ToListAsync(ct);
        var rows = new List<Row>();
        var errors = new List<RowError>();
        foreach (var (line, v) in table.Rows)
        {
            var problems = new List<string>();
            string Cell(string key) => v.TryGetValue(key, out var x) ? x.Trim() : string.Empty;
            foreach (var key in Columns.Required.Where(k => Cell(k).Length == 0))
            {
                problems.Add($"{Col(key)}: bắt buộc.");
            }

            DateOnly on = default;
            if (Cell("decided_on").Length > 0 && !Imports.InitiativeRows.TryDate(Cell("decided_on"), out on))
            {
                problems.Add($"{Col("decided_on")}: ngày \"{Cell("decided_on")}\" không hợp lệ (dd/mm/yyyy).");
            }

            var level = LevelOf(Cell("level"));
            if (Cell("level").Length > 0 && level is null)
            {
                problems.Add($"{Col("level")}: \"{Cell("level")}\" không nhận ra (xã, huyện, tỉnh, trung ương).");
            }

            var kind = Cell("recipient_kind").Length == 0 ? null : Awards.KindOf(Cell("recipient_kind"));
            if (Cell("recipient_kind").Length > 0 && kind is null)
            {
                problems.Add($"{Col("recipient_kind")}: ghi \"tập thể\" hoặc \"cá nhân\".");
            }

            var map = Cell("map") switch { "" => on == default ? Maps.Current : Maps.InForceOn(on), "2025" => Maps.Current, "2024" => Maps.Map2024, _ => 0 };
            if (map == 0)
            {
                problems.Add($"{Col("map")}: chỉ nhận 2024 hoặc 2025.");
            }

            AdminUnit? unit = null;
            if (Cell("unit").Length > 0 && map != 0)
            {
                (unit, var ambiguous) = await Units.UnitNames.FindAsync(db, scope.CanRead, map, Cell("unit"), ct);
                if (unit is null)
                {
                    problems.Add(ambiguous ? $"{Col("unit")}: có nhiều đơn vị tên \"{Cell("unit")}\"; ghi mã đơn vị."
                        : $"{Col("unit")}: không có đơn vị \"{Cell("unit")}\" trên bản đồ {map}.");
                }
            }

            AwardForm? form = null;
            if (level is { } l && unit is not null)
            {
                var current = unit.CountsUnder;
                var province = UnitPaths.Province(current);
                var usable = forms.Where(f => f.Level == l && (f.ScopePath == "/" || f.ScopePath == province)).OrderBy(f => f.SortOrder).ToList();
                var folded = VietnameseText.Fold(Cell("form"));
                form = Cell("form").Length == 0 ? usable.FirstOrDefault()
                    : usable.FirstOrDefault(f => f.Code == Cell("form") || VietnameseText.Fold(f.Name) == folded);
                if (form is null)
                {
                    problems.Add($"{Col("form")}: không có hình thức \"{Cell("form")}\" ở cấp này.");
                }
            }

            if (unit is not null && !scope.CanRead(unit.CountsUnder))
            {
                // Not the caller's area: say so before anything about what the unit holds.
                problems.Add($"{Col("unit")}: đơn vị {unit.Code} không thuộc phạm vi của bạn.");
                unit = null;
            }

            int? initiativeId = null;
            if (Cell("initiative").Length > 0 && unit is not null)
            {
                var code = Cell("initiative");
                initiativeId = await db.Initiatives.AsNoTracking().Where(i => i.UnitId == unit.Id && i.Code == code).Select(i => (int?)i.Id).FirstOrDefaultAsync(ct);
                if (initiativeId is null)
                {
                    problems.Add($"{Col("initiative")}: đơn vị không có mô hình mã {Cell("initiative")}.");
                }
            }

            if (problems.Count > 0 || unit is null || form is null || level is null || kind is null)
            {
                errors.Add(new RowError(line, problems.Count > 0 ? problems : ["Dòng không hợp lệ."]));
                continue;
            }

            // Who issues: the commune for its Giấy khen, the province for a district's (before 2025) or its own, the centre.
            var currentPath = unit.CountsUnder;
            var issuerPath = level == RecognitionLevel.National ? "/" : Permissions.DecisionPath(level.Value, currentPath);
            var issuerCode = issuerPath == "/" ? null : issuerPath.TrimEnd('/').Split('/')[^1];
            rows.Add(new Row(line, Cell("decision_no"), on, level.Value, form, issuerPath, issuerCode, new RecipientInput
            {
                Kind = kind, Name = Cell("recipient"), UnitCode = unit.Code, Map = unit.Map, InitiativeId = initiativeId, Achievement = Cell("note").Length == 0 ? null : Cell("note"),
            }));
        }

        if (errors.Count > 0)
        {
            return new AwardsImportOutcome(null, errors, table.Rows.Count, 0);
        }

        // Each decision as the page makes it, in one transaction; a refusal names the rows of its decision.
        var groups = rows.GroupBy(r => (r.Number, r.On, r.Level, r.Form.Id, r.IssuerPath)).ToList();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        foreach (var g in groups)
        {
            var first = g.First();
            try
            {
                await Awards.IssueAsync(db, scope, new AwardInput
                {
                    Number = first.Number, DecidedOn = first.On, FormCode = first.Form.Code, UnitCode = first.IssuerCode, Recipients = g.Select(r => r.Recipient).ToList(),
                }, clock, ct);
            }
            catch (Exception e) when (e is DomainException or ScopeException)
            {
                var message = e is ScopeException ? $"bạn không có quyền ban hành quyết định {Recognition.Recognitions.LevelLabel(first.Level).ToLower(Cultures.Vietnamese)} ở đơn vị này."
                    : e.Message;
                errors.AddRange(g.Select(r => new RowError(r.Line, [$"Quyết định {first.Number}: {message}"])));
                db.ChangeTracker.Clear();
            }
        }

        if (errors.Count > 0 || dryRun)
        {
            await tx.RollbackAsync(ct);
            return new AwardsImportOutcome(null, errors, table.Rows.Count, errors.Count > 0 ? 0 : groups.Count);
        }

        await tx.CommitAsync(ct);
        return new AwardsImportOutcome(null, [], table.Rows.Count, groups.Count);
    }
}
