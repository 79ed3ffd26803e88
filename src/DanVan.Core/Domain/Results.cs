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
    public int Id { get; set; }

    public int InitiativeId { get; set; }

    public Initiative? Initiative { get; set; }

    public PeriodKind PeriodKind { get; set; }

    /// <summary>The first day of the period.</summary>
    public DateOnly PeriodStart { get; set; }

    public string? Narrative { get; set; }

    public DateTimeOffset SubmittedAt { get; set; }

    public string? SubmittedBy { get; set; }

    public int Version { get; set; }

    public List<IndicatorValue> Values { get; set; } = [];

    public List<EvidenceFile> Evidence { get; set; } = [];

    public List<ResultRevision> Revisions { get; set; } = [];

    public DateOnly PeriodEnd => PeriodKind switch
    {
        PeriodKind.Month => PeriodStart.AddMonths(1).AddDays(-1),
        PeriodKind.Quarter => PeriodStart.AddMonths(3).AddDays(-1),
        PeriodKind.Year => PeriodStart.AddYears(1).AddDays(-1),
    };

    public string PeriodLabel => PeriodKind switch
    {
        PeriodKind.Month => PeriodStart.ToString("MM/yyyy", CultureInfo.InvariantCulture),
        PeriodKind.Quarter => string.Create(CultureInfo.InvariantCulture, $"Quý {((PeriodStart.Month - 1) / 3) + 1}/{PeriodStart.Year}"),
        PeriodKind.Year => string.Create(CultureInfo.InvariantCulture, $"Năm {PeriodStart.Year}"),
    };

    /// <summary>Snaps any day to the first day of its period.</summary>
    public static DateOnly StartOf(PeriodKind kind, DateOnly day) => kind switch
    {
        PeriodKind.Month => new DateOnly(day.Year, day.Month, 1),
        PeriodKind.Quarter => new DateOnly(day.Year, (((day.Month - 1) / 3) * 3) + 1, 1),
        PeriodKind.Year => new DateOnly(day.Year, 1, 1),
    };

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
    public int Id { get; set; }

    public int ReportId { get; set; }

    /// <summary>What is counted: "Số hộ tham gia", "Thu nhập bình quân", "Hồ sơ giải quyết đúng hạn".</summary>
    public string Indicator { get; set; } = string.Empty;

    public decimal Value { get; set; }

    public int MeasureUnitId { get; set; }

    public MeasureUnit? MeasureUnit { get; set; }

    /// <summary>The standard indicator this value is a figure of, when it is one (then it counts in the movement's results).</summary>
    public int? IndicatorId { get; set; }

    public Indicator? StandardIndicator { get; set; }

    /// <summary>The standard indicator's category ("people" of funds mobilised), or null for its total.</summary>
    public string? Category { get; set; }

    /// <summary>The value in the standard indicator's canonical unit (2,5 tỷ đồng → 2.500.000.000 đồng).</summary>
    public decimal? CanonicalValue { get; set; }
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

    public int ReportId { get; set; }

    public string FileName { get; set; } = string.Empty;

    public EvidenceKind Kind { get; set; }

    public long Size { get; set; }

    public string StorageName { get; set; } = string.Empty;

    public string Sha256 { get; set; } = string.Empty;

    public bool Public { get; set; }

    public DateTimeOffset UploadedAt { get; set; }

    public string? UploadedBy { get; set; }
}
