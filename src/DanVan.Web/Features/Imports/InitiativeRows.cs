using System.Globalization;
using DanVan.Domain;
using DanVan.Infrastructure;
using Field = DanVan.Domain.Field;
using Maps = DanVan.Domain.Maps;

namespace DanVan.Features.Imports;

/// <summary>One row of an initiatives file, read and checked: what the writer needs, and nothing it must check again.</summary>
public sealed record InitiativeRow(int Line, string? Code, string Name, string Owner, AdminUnit Unit, AdminUnit Current, Field Field, InitiativeKind Kind,
    Origin Origin, string? SourceCode, DateOnly RegisteredOn, InitiativeStatus? Status, DateOnly? RetiredOn, RecognitionLevel? Level, DateOnly? RecognizedOn,
    string? DecisionNumber, OwnerType? OwnerType = null, TargetGroups? TargetGroups = null);

/// <summary>
/// Turns cells into <see cref="InitiativeRow"/>s. The words of a spreadsheet (a field written three ways, Vietnamese dates)
/// are read here; the rules of the movement are not restated: each row is tried on the domain itself (a trial record is
/// validated, recognised and retired as the writer will do it) and against the caller's permissions, so the dry run
/// refuses with the domain's own sentences what the real run would.
/// </summary>
public static class InitiativeRows
{
    public static readonly string[] Keys =
        ["code", "name", "unit", "map", "field", "kind", "origin", "replicated_from", "owner", "registered_on", "status", "retired_on", "recognized_level", "recognized_on", "decision_no", "owner_type", "target_groups"];

    public static readonly string[] Required = ["name", "unit", "field", "kind", "owner", "registered_on"];

    /// <summary>Vietnamese header labels (as in the template) for each key.</summary>
    public static readonly Dictionary<string, string> Labels = new()
    {
        ["code"] = "Mã", ["name"] = "Tên mô hình", ["unit"] = "Mã đơn vị", ["map"] = "Bản đồ", ["field"] = "Lĩnh vực", ["kind"] = "Loại",
        ["origin"] = "Nguồn gốc", ["replicated_from"] = "Nhân rộng từ", ["owner"] = "Chủ thể", ["registered_on"] = "Ngày đăng ký", ["status"] = "Trạng thái",
        ["retired_on"] = "Ngày loại bỏ", ["recognized_level"] = "Cấp công nhận", ["recognized_on"] = "Ngày công nhận", ["decision_no"] = "Số quyết định",
        ["owner_type"] = "Khối chủ thể", ["target_groups"] = "Đối tượng hướng tới",
    };

    public static readonly ImportColumns Columns = new(Labels, Required,
        new Dictionary<string, string> { ["Đơn vị"] = "unit", ["Tên"] = "name", ["Mã mô hình"] = "code" });

    // The domain names the property a refusal is about; the file names a column.
    private static readonly Dictionary<string, string> ColumnOfField = new(StringComparer.Ordinal)
    {
        [nameof(Initiative.Name)] = "name", [nameof(Initiative.Code)] = "code", [nameof(Initiative.RegisteredOn)] = "registered_on",
        [nameof(Initiative.OwnerName)] = "owner", [nameof(Initiative.ReplicatedFromId)] = "replicated_from", [nameof(Initiative.RetiredOn)] = "retired_on",
        ["On"] = "retired_on", ["Reason"] = "status", ["UnitCode"] = "unit",
    };

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

    private static string Fold(string s) => ImportColumns.Fold(s);

    public static bool TryDate(string? s, out DateOnly date) =>
        DateOnly.TryParseExact(s, ["yyyy-MM-dd", "dd/MM/yyyy", "d/M/yyyy"], CultureInfo.InvariantCulture, DateTimeStyles.None, out date);

    /// <summary>
    /// Reads every row; returns the good ones and, for every bad one, all its reasons. Units are looked up in
    /// <paramref name="units"/> (map, code) → unit; <paramref name="current"/> maps a 2025 path to its unit.
    /// </summary>
    public static (List<InitiativeRow> Rows, List<RowError> Errors) Parse(ImportTable table, UserScope scope,
        IReadOnlyDictionary<(int Map, string Code), AdminUnit> units, IReadOnlyDictionary<string, AdminUnit> current)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(units);
        ArgumentNullException.ThrowIfNull(current);
        string Column(string key) => table.Headers.TryGetValue(key, out var h) && h.Length > 0 && Fold(h) != Fold(key) ? $"{h} ({key})" : $"{Labels[key]} ({key})";
        var codesInFile = new Dictionary<string, int>(StringComparer.Ordinal);
        var errors = new List<RowError>();
        var rows = new List<InitiativeRow>();
        foreach (var (line, v) in table.Rows)
        {
            var e = new List<string>();
            void Bad(string key, string message) => e.Add($"{Column(key)}: {message}");
            string? Get(string k) => v.TryGetValue(k, out var x) ? x : null;
            foreach (var (k, val) in v)
            {
                if (val.Length > 0 && (val[0] is '=' or '@' || (val[0] is '+' or '-' && !decimal.TryParse(val, NumberStyles.Number, CultureInfo.InvariantCulture, out _))))
                {
                    Bad(k, $"ô chứa công thức hoặc ký tự đầu \"{val[0]}\" không được nhận.");
                }
                else if (!Validation.IsCleanText(val))
                {
                    Bad(k, "chứa ký tự điều khiển không hợp lệ.");
                }
            }

            foreach (var k in Required.Where(k => string.IsNullOrWhiteSpace(Get(k))))
            {
                e.Add($"Thiếu {Column(k)}.");
            }

            DateOnly registered = default;
            if (Get("registered_on") is { } reg && !TryDate(reg, out registered))
            {
                Bad("registered_on", $"ngày \"{reg}\" không hợp lệ (ghi dạng dd/mm/yyyy, ví dụ 15/03/2024).");
            }

            var map = registered == default ? Maps.Current : Maps.InForceOn(registered);
            if (Get("map") is { } m && !(int.TryParse(m, CultureInfo.InvariantCulture, out map) && Maps.IsKnown(map)))
            {
                Bad("map", $"\"{m}\" phải là 2024 hoặc 2025.");
            }

            AdminUnit? unit = null;
            if (Get("unit") is { } code)
            {
                if (!units.TryGetValue((map, code), out unit))
                {
                    Bad("unit", $"không có đơn vị mã {code} trên bản đồ {map}.");
                }
                else if (!scope.Can(Operation.Register, unit.CurrentPath))
                {
                    Bad("unit", $"bạn không được nhập mô hình cho {unit.FullName}.");
                    unit = null;
                }
            }

            Field field = default;
            if (Get("field") is { } f && !(EnumKeys.TryParse(f, out field) || FieldWords.TryGetValue(Fold(f), out field)))
            {
                Bad("field", $"lĩnh vực \"{f}\" không nhận ra.");
            }

            InitiativeKind kind = default;
            if (Get("kind") is { } k2 && !(EnumKeys.TryParse(k2, out kind) || Word(k2, ("tap the", InitiativeKind.Collective), ("ca nhan", InitiativeKind.Individual), out kind)))
            {
                Bad("kind", $"loại \"{k2}\" phải là tập thể hoặc cá nhân.");
            }

            var origin = Origin.New;
            if (Get("origin") is { } o && !(EnumKeys.TryParse(o, out origin) || Word(o, ("moi", Origin.New), ("nhan rong", Origin.Replicated), out origin)))
            {
                Bad("origin", $"\"{o}\" phải là mới hoặc nhân rộng.");
            }

            InitiativeStatus? status = null;
            if (Get("status") is { } st)
            {
                if (EnumKeys.TryParse<InitiativeStatus>(st, out var parsed) || Word(st, ("dang ky", InitiativeStatus.Registered), ("dang ky xay dung", InitiativeStatus.Registered),
                        ("duy tri", InitiativeStatus.Active), ("duy tri thuc hien", InitiativeStatus.Active), ("dang thuc hien", InitiativeStatus.Active),
                        ("loai bo", InitiativeStatus.Retired), ("da loai bo", InitiativeStatus.Retired), out parsed))
                {
                    status = parsed;
                }
                else
                {
                    Bad("status", $"trạng thái \"{st}\" không nhận ra.");
                }
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
                    Bad("retired_on", $"ngày \"{ro}\" không hợp lệ (ghi dạng dd/mm/yyyy).");
                }
            }

            if (status == InitiativeStatus.Retired && Get("retired_on") is null)
            {
                Bad("retired_on", "mô hình đã loại bỏ cần ngày loại bỏ.");
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
                    Bad("recognized_level", $"cấp \"{lv}\" không nhận ra.");
                }

                if (Get("recognized_on") is { } rec && TryDate(rec, out var rd))
                {
                    recognizedOn = rd;
                }
                else
                {
                    Bad("recognized_on", "cần ngày công nhận hợp lệ (dd/mm/yyyy) khi có cấp công nhận.");
                }
            }
            else if (Get("recognized_on") is not null)
            {
                Bad("recognized_level", "có ngày công nhận nhưng thiếu cấp công nhận.");
            }

            var source = Get("replicated_from");
            if (source is not null)
            {
                origin = Origin.Replicated;
            }

            if (Get("code") is { } c)
            {
                if (unit is not null && codesInFile.TryGetValue(unit.Id + "|" + c, out var firstLine))
                {
                    Bad("code", $"mã {c} đã dùng ở dòng {firstLine}.");
                }
                else if (unit is not null)
                {
                    codesInFile[unit.Id + "|" + c] = line;
                }
            }

            OwnerType? ownerType = null;
            if (Get("owner_type") is { } otText)
            {
                var folded = Fold(otText);
                ownerType = EnumKeys.TryParse<OwnerType>(otText, out var ot) ? ot
                    : OwnerTypes.Ordered.Cast<OwnerType?>().FirstOrDefault(t => Fold(Infrastructure.Labels.Of(t!.Value)) == folded || Fold(Infrastructure.Labels.Of(t.Value)).EndsWith(" " + folded, StringComparison.Ordinal));
                if (ownerType is null)
                {
                    Bad("owner_type", $"khối chủ thể \"{otText}\" không nhận ra (ví dụ: Hội Nông dân, Đoàn Thanh niên, cá nhân).");
                }
            }

            TargetGroups? groups = null;
            if (Get("target_groups") is { } tgText)
            {
                groups = TargetGroups.None;
                foreach (var part in tgText.Split([';', ',', '|'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                {
                    var folded = Fold(part);
                    var g = EnumKeys.TryParse<TargetGroups>(part, out var k) && k != TargetGroups.None ? k
                        : OwnerTypes.AllGroups.FirstOrDefault(x => Fold(Infrastructure.Labels.Of(x)).StartsWith(folded, StringComparison.Ordinal) || Fold(Infrastructure.Labels.Of(x)).Contains(folded, StringComparison.Ordinal));
                    if (g == TargetGroups.None)
                    {
                        Bad("target_groups", $"đối tượng \"{part}\" không nhận ra.");
                    }

                    groups |= g;
                }
            }

            InitiativeRow? row = null;
            if (e.Count == 0 && unit is not null)
            {
                var cur = unit.Map == Maps.Current ? unit : current[unit.CurrentPath];
                row = new InitiativeRow(line, Get("code"), Get("name")!, Get("owner")!, unit, cur, field, kind, origin, source, registered, status, retiredOn, level,
                    recognizedOn, Get("decision_no"), ownerType, groups);
                Try(row, scope, Bad);
            }

            if (e.Count > 0 || row is null)
            {
                errors.Add(new RowError(line, e.Count > 0 ? e : ["Dòng không hợp lệ."]));
                continue;
            }

            rows.Add(row);
        }

        return (rows, errors);
    }

    /// <summary>The permissions the row needs, and the domain's rules tried on a record built as the writer will build it.</summary>
    private static void Try(InitiativeRow row, UserScope scope, Action<string, string> bad)
    {
        if (row.Level is { } level && !scope.Can(Permissions.RecognizeAt(level), Permissions.DecisionPath(level, row.Current.Path)))
        {
            bad("recognized_level", $"bạn không có quyền công nhận {Recognition.Recognitions.LevelLabel(level).ToLowerInvariant()} cho {row.Current.FullName}.");
            return;
        }

        if (row.Status == InitiativeStatus.Retired && !scope.Can(Operation.RetireAtReview, row.Current.Path))
        {
            bad("status", "bạn không có quyền loại bỏ mô hình; việc loại bỏ do Ban Chỉ đạo quyết định khi rà soát.");
            return;
        }

        var trial = new Initiative();
        var stage = "name";
        try
        {
            Describe(trial, row, source: null, sourceId: null);
            trial.PlaceIn(row.Unit, row.Current);
            trial.Validate();
            stage = "recognized_on";
            if (row.Level is { } l)
            {
                trial.Recognize(new RecognitionDecision { Level = l, Date = row.RecognizedOn!.Value });
            }

            stage = "status";
            Live(trial, row, mayReinstate: false);
        }
        catch (DomainException e)
        {
            bad(e.Field is { } f && ColumnOfField.TryGetValue(f, out var column) ? column : stage, e.Message);
        }
    }

    /// <summary>Sets a record's own details from a row (a new record, or one the file updates by its code).</summary>
    public static void Describe(Initiative i, InitiativeRow row, Initiative? source, int? sourceId)
    {
        ArgumentNullException.ThrowIfNull(i);
        ArgumentNullException.ThrowIfNull(row);
        i.Code = row.Code;
        i.Name = row.Name;
        i.Field = row.Field;
        i.Kind = row.Kind;
        i.OwnerName = row.Owner;
        i.Classify(row.OwnerType ?? (i.Id != 0 ? i.OwnerType : null), null, null);
        if (row.TargetGroups is { } groups)
        {
            i.TargetGroups = groups;
        }

        i.RegisteredOn = row.RegisteredOn;
        // Published lists often say "nhân rộng" without naming the source; the record says so instead. A named source
        // is linked by the writer; the trial record stands in for it with the code.
        var note = row.Origin == Origin.Replicated && row.SourceCode is null ? "Nhân rộng (theo tệp nhập, chưa ghi mô hình gốc)"
            : source is null && sourceId is null ? row.SourceCode : null;
        i.DeclareOrigin(row.Origin, source, note, sourceId);
    }

    /// <summary>The lifecycle a row states, through the domain's own transitions.</summary>
    public static void Live(Initiative i, InitiativeRow row, bool mayReinstate)
    {
        ArgumentNullException.ThrowIfNull(i);
        ArgumentNullException.ThrowIfNull(row);
        switch (row.Status)
        {
            case InitiativeStatus.Retired when i.Status != InitiativeStatus.Retired:
                i.Retire(row.RetiredOn ?? row.RegisteredOn, "Loại bỏ (nhập từ tệp)");
                break;
            case InitiativeStatus.Active or InitiativeStatus.Registered when i.Status == InitiativeStatus.Retired:
                if (!mayReinstate)
                {
                    throw new DomainException($"Mô hình \"{i.Name}\" đã bị loại bỏ; chỉ Ban Chỉ đạo khôi phục được khi rà soát.");
                }

                i.Reinstate("Khôi phục (nhập từ tệp)");
                break;
            case InitiativeStatus.Active or null:
                i.MarkReporting();
                break;
            default:
                break;
        }
    }

    private static bool Word<T>(string text, (string Word, T Value) a, (string Word, T Value) b, out T value) => Word(text, [a, b], out value);

    private static bool Word<T>(string text, (string Word, T Value) a, (string Word, T Value) b, (string Word, T Value) c, (string Word, T Value) d,
        (string Word, T Value) e, (string Word, T Value) f, (string Word, T Value) g, out T value) => Word(text, [a, b, c, d, e, f, g], out value);

    private static bool Word<T>(string text, (string Word, T Value)[] words, out T value)
    {
        var folded = Fold(text);
        foreach (var (w, v) in words)
        {
            if (folded == w)
            {
                value = v;
                return true;
            }
        }

        value = default!;
        return false;
    }
}
