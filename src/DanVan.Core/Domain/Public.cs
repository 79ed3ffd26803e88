using System.Security.Cryptography;

namespace DanVan.Domain;

/// <summary>A short satisfaction survey on one initiative, reached by a QR code; answers are anonymous.</summary>
public class Survey : IVersioned, IAudited
{
    public int Id { get; set; }

    public int InitiativeId { get; set; }

    public Initiative? Initiative { get; set; }

    /// <summary>The question put to citizens, e.g. "Ông/bà có hài lòng với cách tiếp đón, giải quyết thủ tục không?".</summary>
    public string Question { get; set; } = string.Empty;

    /// <summary>Unguessable key in the public link, so surveys cannot be enumerated.</summary>
    public string Key { get; set; } = string.Empty;

    public bool IsOpen { get; set; }

    public DateOnly OpenedOn { get; set; }

    public string ScopePath { get; set; } = string.Empty;

    public string? CreatedBy { get; set; }

    public int Version { get; set; }

    public List<SurveyAnswer> Answers { get; set; } = [];

    public static string NewKey() => Convert.ToHexString(RandomNumberGenerator.GetBytes(12)).ToLowerInvariant();

    public void Validate()
    {
        if (string.IsNullOrWhiteSpace(Question) || Question.Length > 300)
        {
            throw new DomainException("Câu hỏi khảo sát phải có và không quá 300 ký tự.") { Field = nameof(Question) };
        }
    }
}

/// <summary>One citizen's answer. <see cref="Device"/> is a hash of the answering device and the day: one answer per device per day.</summary>
public class SurveyAnswer
{
    public long Id { get; set; }

    public int SurveyId { get; set; }

    public Survey? Survey { get; set; }

    public bool Satisfied { get; set; }

    /// <summary>1 (very poor) to 5 (very good).</summary>
    public int Rating { get; set; }

    public DateOnly Day { get; set; }

    public string Device { get; set; } = string.Empty;

    /// <summary>A hash of the sender's network address, the survey and the day: counts answers per address, names no one.</summary>
    public string Address { get; set; } = string.Empty;

    /// <summary>Held as suspicious (too many from one address within minutes): not counted until an officer accepts it.</summary>
    public bool Held { get; set; }

    public DateTimeOffset At { get; set; }

    public static string DeviceKey(string deviceCookie, int surveyId, DateOnly day) =>
        Convert.ToHexString(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes($"{deviceCookie}|{surveyId}|{day:yyyy-MM-dd}")))[..32];

    public static string AddressKey(string address, int surveyId, DateOnly day) =>
        Convert.ToHexString(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes($"address|{address}|{surveyId}|{day:yyyy-MM-dd}")))[..32];
}

public enum CommentStatus
{
    Pending = 0,
    Published = 1,
    Rejected = 2,
}

/// <summary>A citizen's comment or suggestion on a public initiative, held until an officer of its unit publishes it.</summary>
public class CitizenComment : IVersioned, IAudited
{
    public int Id { get; set; }

    public int InitiativeId { get; set; }

    public Initiative? Initiative { get; set; }

    public string? AuthorName { get; set; }

    public string Text { get; set; } = string.Empty;

    public DateTimeOffset At { get; set; }

    public CommentStatus Status { get; set; }

    public string? Reason { get; set; }

    public DateTimeOffset? ModeratedAt { get; set; }

    public string? ModeratedBy { get; set; }

    public string ScopePath { get; set; } = string.Empty;

    public int Version { get; set; }

    public void Validate()
    {
        if (string.IsNullOrWhiteSpace(Text) || Text.Length < 5)
        {
            throw new DomainException("Xin nhập nội dung góp ý (ít nhất 5 ký tự).") { Field = nameof(Text) };
        }

        if (Text.Length > 2000)
        {
            throw new DomainException("Góp ý không quá 2.000 ký tự.") { Field = nameof(Text) };
        }

        if (AuthorName is { Length: > 100 })
        {
            throw new DomainException("Tên không quá 100 ký tự.") { Field = nameof(AuthorName) };
        }
    }

    /// <summary>Publishes or rejects; a rejection needs a reason, and a decided comment is not decided again.</summary>
    public void Moderate(bool publish, string? reason, string by, DateTimeOffset at)
    {
        if (Status != CommentStatus.Pending)
        {
            throw new DomainException("Góp ý này đã được xử lý.");
        }

        if (!publish && string.IsNullOrWhiteSpace(reason))
        {
            throw new DomainException("Cần ghi lý do không đăng góp ý.") { Field = nameof(Reason) };
        }

        Status = publish ? CommentStatus.Published : CommentStatus.Rejected;
        Reason = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim();
        ModeratedBy = by;
        ModeratedAt = at;
    }
}
