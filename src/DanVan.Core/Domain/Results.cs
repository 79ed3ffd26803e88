using System.Globalization;

namespace DanVan.Domain;

public enum PeriodKind
{
    Month = 0,
    Quarter = 1,
    Year = 2,
}

/// <summary>A unit of measure from the catalogue (hộ, thành viên, đồng, m², km, tấn, %, hồ sơ…).</summary>
public class MeasureUnit
{
    public int Id { get; set; }

    public string Name { get; set; } = string.Empty;

    public bool BuiltIn { get; set; }

    public string? CreatedBy { get; set; }

    /// <summary>Approved for use by everyone in <see cref="ScopePath"/>; until then only its proposer sees it.</summary>
    public bool Approved { get; set; }

    /// <summary>Where it may be used: "/" for the country, a province's path, or (a proposal) the proposer's province.</summary>
    public string ScopePath { get; set; } = "/";
}

/// <summary>A period's results of an initiative: indicator values, a narrative, evidence files.</summary>
public class ResultReport : IVersioned, IAudited
{
    private ResultReport()
    {
    }

    public int Id { get; private set; }

    public int InitiativeId { get; private set; }

    public Initiative? Initiative { get; private set; }

    public PeriodKind PeriodKind { get; private set; }

    /// <summary>The first day of the period.</summary>
    public DateOnly PeriodStart { get; private set; }

    public string? Narrative { get; private set; }

    public DateTimeOffset SubmittedAt { get; private set; }

    public string? SubmittedBy { get; private set; }

    public int Version { get; set; }

    public List<IndicatorValue> Values { get; private set; } = [];

    public List<EvidenceFile> Evidence { get; private set; } = [];

    public List<ResultRevision> Revisions { get; private set; } = [];

    public DateOnly PeriodEnd => EndOf(PeriodKind, PeriodStart);

    public string PeriodLabel => LabelOf(PeriodKind, PeriodStart);

    /// <summary>The last day of a period of this kind that starts on this day.</summary>
    public static DateOnly EndOf(PeriodKind kind, DateOnly start) => kind switch
    {
        PeriodKind.Month => start.AddMonths(1).AddDays(-1),
        PeriodKind.Quarter => start.AddMonths(3).AddDays(-1),
        PeriodKind.Year => start.AddYears(1).AddDays(-1),
    };

    /// <summary>How a period is written: "05/2024", "Quý 3/2024", "Năm 2024".</summary>
    public static string LabelOf(PeriodKind kind, DateOnly start) => kind switch
    {
        PeriodKind.Month => start.ToString("MM/yyyy", CultureInfo.InvariantCulture),
        PeriodKind.Quarter => string.Create(CultureInfo.InvariantCulture, $"Quý {((start.Month - 1) / 3) + 1}/{start.Year}"),
        PeriodKind.Year => string.Create(CultureInfo.InvariantCulture, $"Năm {start.Year}"),
    };

    /// <summary>Snaps any day to the first day of its period.</summary>
    public static DateOnly StartOf(PeriodKind kind, DateOnly day) => kind switch
    {
        PeriodKind.Month => new DateOnly(day.Year, day.Month, 1),
        PeriodKind.Quarter => new DateOnly(day.Year, (((day.Month - 1) / 3) * 3) + 1, 1),
        PeriodKind.Year => new DateOnly(day.Year, 1, 1),
    };

    /// <summary>A model's report for the period that holds the given day.</summary>
    public static ResultReport Open(int initiativeId, PeriodKind kind, DateOnly day) =>
        new() { InitiativeId = initiativeId, PeriodKind = kind, PeriodStart = StartOf(kind, day) };

    /// <summary>
    /// The report's period, figures and narrative (replacing what it had: a correction keeps a revision, which the
    /// command writes) and who sent them; <see cref="Validate"/> then holds the rules against the model.
    /// </summary>
    public void Record(PeriodKind kind, DateOnly day, IEnumerable<IndicatorValue> values, string? narrative, DateTimeOffset at, string? by)
    {
        ArgumentNullException.ThrowIfNull(values);
        (PeriodKind, PeriodStart) = (kind, StartOf(kind, day));
        Values = [.. values];
        Narrative = string.IsNullOrWhiteSpace(narrative) ? null : narrative.Trim();
        SubmittedAt = at;
        SubmittedBy = by;
    }

    /// <summary>A person's name taken out of the narrative (a personal-data erasure).</summary>
    public void RedactNarrative(string? narrative) => Narrative = narrative;

    public void Validate(Initiative initiative, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(initiative);
        if (initiative.Status == InitiativeStatus.Retired)
        {
            throw new DomainException("Mô hình đã loại bỏ không báo cáo kết quả được.");
        }

        if (PeriodStart != StartOf(PeriodKind, PeriodStart))
        {
            throw new DomainException("Kỳ báo cáo phải bắt đầu từ ngày đầu tháng, quý hoặc năm.") { Field = nameof(PeriodStart) };
        }

        if (PeriodStart > today)
        {
            throw new DomainException("Không báo cáo trước cho kỳ chưa bắt đầu.") { Field = nameof(PeriodStart) };
        }

        if (PeriodEnd < StartOf(PeriodKind, initiative.RegisteredOn))
        {
            throw new DomainException("Kỳ báo cáo ở trước ngày đăng ký mô hình.") { Field = nameof(PeriodStart) };
        }

        if (Values.Count == 0 && string.IsNullOrWhiteSpace(Narrative))
        {
            throw new DomainException("Báo cáo cần ít nhất một chỉ số hoặc phần đánh giá.") { Field = nameof(Values) };
        }

        if (Values.Any(v => string.IsNullOrWhiteSpace(v.Indicator)))
        {
            throw new DomainException("Mỗi chỉ số cần có tên.") { Field = nameof(Values) };
        }

        if (Values.Any(v => v.Value < -1_000_000_000_000m || v.Value > 1_000_000_000_000_000m))
        {
            throw new DomainException("Giá trị chỉ số nằm ngoài khoảng cho phép.") { Field = nameof(Values) };
        }
    }
}

public class IndicatorValue
{
    private IndicatorValue()
    {
    }

    /// <summary>A figure in the unit chosen (an approved measure, or the proposer's own).</summary>
    public IndicatorValue(string indicator, decimal value, MeasureUnit measure)
        : this(indicator, value, (measure ?? throw new ArgumentNullException(nameof(measure))).Id) => MeasureUnit = measure;

    public IndicatorValue(string indicator, decimal value, int measureUnitId) => (Indicator, Value, MeasureUnitId) = (indicator.Trim(), value, measureUnitId);

    public int Id { get; private set; }

    /// <summary>Set by the database (or a bulk writer numbering the report first).</summary>
    public int ReportId { get; set; }

    /// <summary>What is counted: "Số hộ tham gia", "Thu nhập bình quân", "Hồ sơ giải quyết đúng hạn".</summary>
    public string Indicator { get; private set; } = string.Empty;

    public decimal Value { get; private set; }

    public int MeasureUnitId { get; private set; }

    public MeasureUnit? MeasureUnit { get; private set; }

    /// <summary>The standard indicator this value is a figure of, when it is one (then it counts in the movement's results).</summary>
    public int? IndicatorId { get; private set; }

    public Indicator? StandardIndicator { get; private set; }

    /// <summary>The standard indicator's category ("people" of funds mobilised), or null for its total.</summary>
    public string? Category { get; private set; }

    /// <summary>The value in the standard indicator's canonical unit (2,5 tỷ đồng → 2.500.000.000 đồng).</summary>
    public decimal? CanonicalValue { get; private set; }

    /// <summary>
    /// This figure counts as a standard indicator's (or one of its categories'), in its canonical unit: within the
    /// indicator's range (<see cref="Domain.Indicator.CheckValue"/>). A figure without a name takes the indicator's.
    /// </summary>
    public void CountAs(Indicator standard, string? category, decimal canonical)
    {
        ArgumentNullException.ThrowIfNull(standard);
        standard.CheckValue(canonical, "Values");
        (IndicatorId, Category, CanonicalValue) = (standard.Id, category, canonical);
        if (string.IsNullOrEmpty(Indicator))
        {
            Indicator = standard.Name;
        }
    }

    /// <summary>For a bulk writer that knows the standard indicator only by its id.</summary>
    public void CountAs(int? standardId, decimal? canonical) => (IndicatorId, CanonicalValue) = (standardId, canonical);
}

/// <summary>A correction's earlier state, kept as JSON.</summary>
public class ResultRevision
{
    public int Id { get; set; }

    public int ReportId { get; set; }

    public DateTimeOffset At { get; set; }

    public string? By { get; set; }

    public string Snapshot { get; set; } = string.Empty;
}

public enum EvidenceKind
{
    Jpeg = 0,
    Png = 1,
    Webp = 2,
    Pdf = 3,
    Docx = 4,
    Xlsx = 5,
    Gif = 6,
}

/// <summary>A photo or document stored outside the web root, served only to callers in scope.</summary>
public class EvidenceFile
{
    public int Id { get; set; }

    /// <summary>The result report it proves; none for a photo of the registration dossier.</summary>
    public int? ReportId { get; set; }

    /// <summary>
    /// The model whose registration dossier it belongs to ("ảnh kèm hồ sơ đăng ký"): a photo taken at registration is not a
    /// result, so it makes no report and does not make the model a maintained one.
    /// </summary>
    public int? InitiativeId { get; set; }

    public string FileName { get; set; } = string.Empty;

    public EvidenceKind Kind { get; set; }

    public long Size { get; set; }

    public string StorageName { get; set; } = string.Empty;

    public string Sha256 { get; set; } = string.Empty;

    public bool Public { get; set; }

    public DateTimeOffset UploadedAt { get; set; }

    public string? UploadedBy { get; set; }
}
