using System.Globalization;
using System.Text.RegularExpressions;

namespace DanVan.Domain;

/// <summary>How a standard indicator adds up over time and sources.</summary>
public enum Aggregation
{
    /// <summary>Flows (money raised, roads built): every period's value adds up.</summary>
    Sum = 0,

    /// <summary>Stocks (members, households taking part): each source's latest value in the period, summed over sources.</summary>
    Last = 1,
}

/// <summary>
/// A standard indicator of the movement's results (the DHIS2 "data element"): one code, one canonical unit, one way to
/// add up, optional categories (money: from the State, the people, others). Country-wide, or added by a province.
/// </summary>
public class Indicator
{
    private Indicator()
    {
    }

    public int Id { get; private set; }

    /// <summary>Stable code used by the API, imports and documents: "funds_mobilized".</summary>
    public string Code { get; private set; } = string.Empty;

    public string Name { get; private set; } = string.Empty;

    /// <summary>The canonical unit every value is converted into on entry: "đồng", "m²", "km", "hộ".</summary>
    public string Unit { get; private set; } = string.Empty;

    public Aggregation Aggregation { get; private set; }

    /// <summary>Category codes, comma-separated ("state,people,other"); empty when the indicator has none.</summary>
    public string Categories { get; private set; } = string.Empty;

    /// <summary>"/" for the country's catalogue, a province's path for its own additions.</summary>
    public string ScopePath { get; private set; } = "/";

    public bool BuiltIn { get; private set; }

    public int SortOrder { get; private set; }

    /// <summary>An indicator of the country's catalogue ("/") or of a province's own: a code, a name, a canonical unit.</summary>
    public static Indicator Define(string code, string name, string unit, Aggregation aggregation, string scopePath, int sortOrder, string categories = "",
        bool builtIn = false)
    {
        if (string.IsNullOrWhiteSpace(code) || string.IsNullOrWhiteSpace(name) || string.IsNullOrWhiteSpace(unit))
        {
            throw new DomainException("Chỉ tiêu cần mã, tên và đơn vị tính.") { Field = "Code" };
        }

        return new Indicator
        {
            Code = code.Trim(), Name = name.Trim(), Unit = unit.Trim(), Aggregation = aggregation, Categories = categories, ScopePath = scopePath, SortOrder = sortOrder,
            BuiltIn = builtIn,
        };
    }

    public IReadOnlyList<string> CategoryList => Categories.Length == 0 ? [] : Categories.Split(',');

    /// <summary>The largest figure one report may give for this indicator, in its canonical unit (<see cref="FigureRange"/>).</summary>
    public decimal Maximum => FigureRange.MaximumFor(Unit);

    /// <summary>The one range rule of a figure: not negative, not beyond what any unit could report in one period.</summary>
    public void CheckValue(decimal value, string field)
    {
        if (value < 0)
        {
            throw new DomainException($"{Name}: giá trị không được âm.") { Field = field };
        }

        if (value > Maximum)
        {
            throw new DomainException($"{Name}: giá trị nằm ngoài khoảng cho phép (tối đa {FigureRange.Text(Maximum)} {Unit}).") { Field = field };
        }
    }
}

/// <summary>
/// How large one figure of one report may be, by its canonical unit: far above what the largest province reports in a
/// year (a whole province's money is under 10^14 đồng), low enough that the sums of every figure of the country stay
/// exact (the rollup adds them as 64-bit integers in two halves, see <see cref="IndicatorTotal"/>).
/// </summary>
public static class FigureRange
{
    /// <summary>10^15: a million billion đồng, the largest figure of any unit.</summary>
    public const decimal Largest = 1_000_000_000_000_000m;

    public static decimal MaximumFor(string unit) => unit switch
    {
        "đồng" => Largest,
        "m²" => 100_000_000_000m, // 100.000 km², a third of the country
        "km" => 10_000_000m,
        "kg" => 1_000_000_000_000m,
        _ => 1_000_000_000m, // counts: people, households, days of work, ballots
    };

    public static string Text(decimal value) => value.ToString("#,##0", CultureInfo.GetCultureInfo("vi-VN"));
}

/// <summary>A period a unit reports for: year "2024", half "2024-H1", quarter "2024-Q3", month "2024-05".</summary>
public readonly partial record struct ReportPeriod(string Code, DateOnly Start, DateOnly End)
{
    [GeneratedRegex(@"^(?<y>[0-9]{4})(?:-(?:H(?<h>[12])|Q(?<q>[1-4])|(?<m>0[1-9]|1[0-2])))?$")]
    private static partial Regex Pattern();

    public static bool TryParse(string? text, out ReportPeriod period)
    {
        period = default;
        var m = Pattern().Match(text?.Trim().ToUpperInvariant() ?? string.Empty);
        if (!m.Success)
        {
            return false;
        }

        var year = int.Parse(m.Groups["y"].Value, CultureInfo.InvariantCulture);
        if (year is < 2009 or > 2100)
        {
            return false;
        }

        var (start, months) = m.Groups["h"].Success ? (new DateOnly(year, m.Groups["h"].Value == "1" ? 1 : 7, 1), 6)
            : m.Groups["q"].Success ? (new DateOnly(year, ((int.Parse(m.Groups["q"].Value, CultureInfo.InvariantCulture) - 1) * 3) + 1, 1), 3)
            : m.Groups["m"].Success ? (new DateOnly(year, int.Parse(m.Groups["m"].Value, CultureInfo.InvariantCulture), 1), 1)
            : (new DateOnly(year, 1, 1), 12);
        period = new ReportPeriod(m.Value, start, start.AddMonths(months).AddDays(-1));
        return true;
    }

    /// <summary>The last quarter that has ended by this day (the one units report for now).</summary>
    public static ReportPeriod LastQuarterEnded(DateOnly today)
    {
        var start = new DateOnly(today.Year, ((today.Month - 1) / 3 * 3) + 1, 1).AddMonths(-3);
        return Parse(FormattableString.Invariant($"{start.Year}-Q{((start.Month - 1) / 3) + 1}"));
    }

    public static ReportPeriod Parse(string text) =>
        TryParse(text, out var p) ? p : throw new DomainException($"Kỳ báo cáo \"{text}\" không hợp lệ: viết 2024 (năm), 2024-H1 (6 tháng), 2024-Q3 (quý) hoặc 2024-05 (tháng).") { Field = "Period" };

    /// <summary>How people say it: "năm 2024", "6 tháng đầu năm 2024", "quý III/2024", "tháng 05/2024".</summary>
    public string Label => Code.Length switch
    {
        4 => "năm " + Code,
        _ when Code[5] == 'H' => (Code[6] == '1' ? "6 tháng đầu năm " : "6 tháng cuối năm ") + Code[..4],
        _ when Code[5] == 'Q' => $"quý {new[] { "I", "II", "III", "IV" }[Code[6] - '1']}/{Code[..4]}",
        _ => $"tháng {Code[5..]}/{Code[..4]}",
    };
}

/// <summary>
/// Units people write and the canonical unit each converts to, exactly (decimal: money to the đồng). A sào differs by
/// region: Bắc Bộ 360 m², Trung Bộ 500 m²; "sào" alone is read as Bắc Bộ, as the Red River delta's reports write it.
/// </summary>
public static class Quantities
{
    private static readonly Dictionary<string, (string Canonical, decimal Factor)> Table = new(StringComparer.Ordinal)
    {
        ["đồng"] = ("đồng", 1m), ["nghìn đồng"] = ("đồng", 1_000m), ["ngàn đồng"] = ("đồng", 1_000m),
        ["triệu đồng"] = ("đồng", 1_000_000m), ["tỷ đồng"] = ("đồng", 1_000_000_000m), ["tỉ đồng"] = ("đồng", 1_000_000_000m),
        ["m"] = ("km", 0.001m), ["mét"] = ("km", 0.001m), ["km"] = ("km", 1m),
        ["m²"] = ("m²", 1m), ["m2"] = ("m²", 1m), ["ha"] = ("m²", 10_000m), ["héc-ta"] = ("m²", 10_000m),
        ["sào"] = ("m²", 360m), ["sào bắc bộ"] = ("m²", 360m), ["sào trung bộ"] = ("m²", 500m),
        ["kg"] = ("kg", 1m), ["tạ"] = ("kg", 100m), ["tấn"] = ("kg", 1_000m),
    };

    /// <summary>The units a value of this canonical unit may be entered in (the canonical one first).</summary>
    public static IReadOnlyList<string> EnteredAs(string canonical) =>
        [canonical, .. Table.Where(t => t.Value.Canonical == canonical && t.Key != canonical && t.Key is not ("m2" or "ngàn đồng" or "tỉ đồng" or "mét" or "héc-ta" or "sào"))
            .Select(t => t.Key)];

    /// <summary>The value in the indicator's canonical unit; a unit that does not convert into it is refused.</summary>
    public static decimal ToCanonical(decimal value, string? unit, string canonical)
    {
        var u = (unit ?? string.Empty).Trim().ToLowerInvariant();
        if (u.Length == 0 || string.Equals(u, canonical, StringComparison.OrdinalIgnoreCase))
        {
            return value;
        }

        if (Table.TryGetValue(u, out var t) && t.Canonical == canonical)
        {
            // Beyond decimal's range the figure is absurd anyway: a field error, not an overflow.
            return t.Factor <= 1 || Math.Abs(value) < decimal.MaxValue / t.Factor
                ? value * t.Factor
                : throw new DomainException($"Giá trị nằm ngoài khoảng cho phép.") { Field = "Value" };
        }

        throw new DomainException($"Đơn vị \"{unit}\" không đổi được sang {canonical}.") { Field = "Unit" };
    }

    /// <summary>
    /// A number as Vietnamese documents write it: "67.416.790.288", "2.350" (two thousand three hundred and fifty),
    /// "1,5"; plain "67416790288" too. Null when it is not a number.
    /// </summary>
    public static decimal? ParseVietnamese(string? text)
    {
        var s = (text ?? string.Empty).Trim().Replace(" ", string.Empty, StringComparison.Ordinal).Replace("\u00a0", string.Empty, StringComparison.Ordinal);
        if (s.Length == 0 || s.Length > 40)
        {
            return null;
        }

        // Dots group thousands (in threes), one comma marks the decimals.
        if (!Regex.IsMatch(s, @"^-?([0-9]{1,3}(\.[0-9]{3})+|[0-9]+)(,[0-9]+)?$", RegexOptions.None, TimeSpan.FromMilliseconds(50)))
        {
            return null;
        }

        return decimal.TryParse(s.Replace(".", string.Empty, StringComparison.Ordinal).Replace(',', '.'), NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint,
            CultureInfo.InvariantCulture, out var d) ? d : null;
    }
}

/// <summary>Checks across a report's values, as DHIS2's validation rules: a part never exceeds its whole.</summary>
public static class IndicatorRules
{
    /// <summary>(part, whole): on time ≤ received, resolved ≤ received, satisfied ≤ ballots, attendees are not checked.</summary>
    public static readonly (string Part, string Whole, string Message)[] PartOfWhole =
    [
        ("dossiers_on_time", "dossiers_total", "Hồ sơ giải quyết đúng hạn không thể nhiều hơn hồ sơ tiếp nhận."),
        ("petitions_resolved", "petitions_received", "Đơn thư giải quyết không thể nhiều hơn đơn thư tiếp nhận."),
        ("ballots_satisfied", "ballots_total", "Phiếu hài lòng không thể nhiều hơn số phiếu lấy ý kiến."),
    ];

    /// <summary>A value more than this many times the source's previous period is flagged (not refused) as a likely slip.</summary>
    public const decimal OutlierFactor = 10m;

    /// <summary>The refusals for one report's values: (indicator code, category or null for the total) → value.</summary>
    public static List<(string Code, string Message)> Check(IReadOnlyDictionary<(string Code, string? Category), decimal> values, IReadOnlyDictionary<string, Indicator> catalogue)
    {
        ArgumentNullException.ThrowIfNull(values);
        ArgumentNullException.ThrowIfNull(catalogue);
        var errors = new List<(string, string)>();
        foreach (var (part, whole, message) in PartOfWhole)
        {
            if (values.TryGetValue((part, null), out var p) && values.TryGetValue((whole, null), out var w) && p > w)
            {
                errors.Add((part, message));
            }
        }

        foreach (var (code, indicator) in catalogue)
        {
            var parts = values.Where(v => v.Key.Code == code && v.Key.Category is not null).ToList();
            if (parts.Count > 0 && values.TryGetValue((code, null), out var total) && parts.Sum(v => v.Value) != total)
            {
                errors.Add((code, $"{indicator.Name}: các nguồn cộng lại ({parts.Sum(v => v.Value):#,##0.##}) phải bằng tổng ({total:#,##0.##})."));
            }
        }

        foreach (var ((code, _), value) in values)
        {
            if (catalogue.TryGetValue(code, out var indicator))
            {
                try
                {
                    indicator.CheckValue(value, code);
                }
                catch (DomainException e)
                {
                    errors.Add((code, e.Message));
                }
            }
            else if (value < 0)
            {
                errors.Add((code, "Giá trị không được âm."));
            }
        }

        return errors;
    }

    public static bool IsOutlier(decimal value, decimal? previous) => previous is > 0 && value > previous.Value * OutlierFactor;
}

/// <summary>
/// What a unit (commune, district before 07/2025, province) or an organisation achieved in a period outside its
/// registered models: the second source of the movement's figures, never double-counted with the models' results.
/// The report owns its state: it is opened for a unit and a period (<see cref="Open"/>, which holds the map's and the
/// calendar's rules) and its figures change only through <see cref="Record"/> (which holds each figure's range and the
/// report's parts-of-a-whole).
/// </summary>
public class UnitReport : IVersioned, IAudited
{
    /// <summary>The reform's day: a unit of the 2024 map reports no period that starts on it or later.</summary>
    public static readonly DateOnly Reform = new(2025, 7, 1);

    private UnitReport()
    {
    }

    public int Id { get; private set; }

    public int UnitId { get; private set; }

    public AdminUnit? Unit { get; private set; }

    /// <summary>Where it counts today (the 2025 map); an old unit's report rolls into its successor.</summary>
    public string ScopePath { get; private set; } = string.Empty;

    /// <summary>Where it counted on the 2024 map (for reports of the old map's periods).</summary>
    public string LegacyPath { get; private set; } = string.Empty;

    public int? OrganizationId { get; private set; }

    public Organization? Organization { get; private set; }

    /// <summary>"2024", "2024-H1", "2024-Q3", "2024-05".</summary>
    public string Period { get; private set; } = string.Empty;

    public DateOnly PeriodStart { get; private set; }

    public DateOnly PeriodEnd { get; private set; }

    public string? Note { get; private set; }

    public DateTimeOffset SubmittedAt { get; private set; }

    public string? SubmittedBy { get; private set; }

    public int Version { get; set; }

    public List<UnitReportValue> Values { get; private set; } = [];

    /// <summary>
    /// A new report of a unit (or one of its organisations) for a period: not before the period has begun, and no
    /// period after the reform for a unit of the 2024 map.
    /// </summary>
    public static UnitReport Open(AdminUnit unit, int? organizationId, ReportPeriod period, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(unit);
        if (period.Start > today)
        {
            throw new DomainException("Không báo cáo trước cho kỳ chưa bắt đầu.") { Field = "Period" };
        }

        if (unit.Map == Maps.Map2024 && period.Start >= Reform)
        {
            throw new DomainException($"{unit.FullName} không còn từ 01/07/2025; kỳ {period.Code} báo cáo theo đơn vị mới.") { Field = "UnitCode" };
        }

        return new UnitReport
        {
            UnitId = unit.Id, Unit = null, OrganizationId = organizationId, Period = period.Code, PeriodStart = period.Start, PeriodEnd = period.End,
            ScopePath = unit.CountsUnder, LegacyPath = unit.Map == Maps.Map2024 ? unit.Path : unit.LegacyPath,
        };
    }

    /// <summary>
    /// The report's figures, replacing what it had, and who sent them: each figure within its indicator's range, the
    /// parts of a whole within it (<see cref="IndicatorRules.Check"/>). The previous values are no longer in
    /// <see cref="Values"/> (the caller's unit of work deletes them).
    /// </summary>
    public void Record(IReadOnlyCollection<(Indicator Indicator, string? Category, decimal Value)> figures, string? note, DateTimeOffset at, string? by)
    {
        ArgumentNullException.ThrowIfNull(figures);
        var errors = IndicatorRules.Check(figures.ToDictionary(f => (f.Indicator.Code, f.Category), f => f.Value),
            figures.Select(f => f.Indicator).DistinctBy(i => i.Code).ToDictionary(i => i.Code));
        if (errors.Count > 0)
        {
            throw new DomainException(string.Join(" ", errors.Select(e => e.Message).Distinct())) { Field = "Values" };
        }

        Values = [.. figures.Select(f => new UnitReportValue(f.Indicator.Id, f.Category, f.Value))];
        Note = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        SubmittedAt = at;
        SubmittedBy = by;
    }

    /// <summary>A person's name taken out of the note (a personal-data erasure).</summary>
    public void RedactNote(string? note) => Note = note;
}

/// <summary>One figure of a unit report, in the indicator's canonical unit; Category null is the indicator's total.</summary>
public class UnitReportValue
{
    private UnitReportValue()
    {
    }

    public UnitReportValue(int indicatorId, string? category, decimal value) => (IndicatorId, Category, Value) = (indicatorId, category, value);

    public int Id { get; private set; }

    /// <summary>Set by the database (or a bulk writer numbering the report first).</summary>
    public int ReportId { get; set; }

    public int IndicatorId { get; private set; }

    public Indicator? Indicator { get; private set; }

    public string? Category { get; private set; }

    public decimal Value { get; private set; }
}

/// <summary>Where a figure comes from: a model's result report or a unit's (or organisation's) own report.</summary>
public enum FigureSource
{
    Models = 0,
    UnitReports = 1,
}

/// <summary>
/// The movement's figures added up ahead for one unit path, kept in the same transaction as every write of a figure
/// (a rollup, not a nightly batch). Each row also says what it needs to be counted once in any period: the smallest
/// longer period of the same source that covers it, and for "last" indicators when the source next reported.
/// </summary>
/// <remarks>
/// Periods are calendar months, quarters, halves and years, so two periods of one source either nest or do not meet.
/// A figure counts in [from, to] when its period lies inside, its cover does not, and (for "last") its next report
/// does not either. The sum is kept in whole units and millionths so that SQL adds exact integers on both databases.
/// </remarks>
public class IndicatorTotal
{
    /// <summary>"No such period": later than any report's range.</summary>
    public static readonly DateOnly None = DateOnly.MaxValue;

    public long Id { get; set; }

    public string ScopePath { get; set; } = string.Empty;

    public string LegacyPath { get; set; } = string.Empty;

    public int IndicatorId { get; set; }

    /// <summary>Empty for the indicator's total.</summary>
    public string Category { get; set; } = string.Empty;

    public FigureSource Source { get; set; }

    public DateOnly PeriodStart { get; set; }

    public DateOnly PeriodEnd { get; set; }

    public DateOnly CoverStart { get; set; }

    public DateOnly CoverEnd { get; set; }

    public DateOnly NextEnd { get; set; }

    /// <summary>Counts in the indicator's total: a total, or a category of a period that gave no total.</summary>
    public bool InTotal { get; set; }

    public long Whole { get; set; }

    public long Millionths { get; set; }

    public decimal Value => Whole + (Millionths / 1_000_000m);

    /// <summary>
    /// Sums of <see cref="Whole"/> are taken in two halves (billions, and what is left under a billion) so that the
    /// country's total of any indicator stays within 64 bits whatever was entered (a SQL SUM of 64-bit integers
    /// fails on overflow).
    /// </summary>
    public const long Billion = 1_000_000_000;

    public static decimal Add(long billions, long belowBillion, long millionths) => (billions * (decimal)Billion) + belowBillion + (millionths / 1_000_000m);
}
