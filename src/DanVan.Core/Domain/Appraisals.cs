namespace DanVan.Domain;

public enum AppraisalStatus
{
    Open = 0,
    Closed = 1,
}

public enum AppraisalOutcome
{
    Pending = 0,
    Passed = 1,
    Failed = 2,
}

/// <summary>An appraisal (thẩm định) of some initiatives by a council, against a frozen criteria set.</summary>
public class Appraisal : IVersioned, IAudited
{
    public int Id { get; set; }

    public int UnitId { get; set; }

    public AdminUnit? Unit { get; set; }

    public string ScopePath { get; set; } = string.Empty;

    public string Name { get; set; } = string.Empty;

    public int CriteriaSetId { get; set; }

    public CriteriaSet? CriteriaSet { get; set; }

    public DateOnly OpenedOn { get; set; }

    public AppraisalStatus Status { get; set; }

    public int Version { get; set; }

    public List<AppraisalItem> Items { get; set; } = [];

    public List<AppraisalMember> Members { get; set; } = [];

    public void EnsureOpen()
    {
        if (Status != AppraisalStatus.Open)
        {
            throw new DomainException("Đợt thẩm định đã kết thúc; không thay đổi được điểm hay thành phần.");
        }
    }

    public void Close()
    {
        EnsureOpen();
        if (Items.Any(i => i.Outcome == AppraisalOutcome.Pending))
        {
            throw new DomainException("Còn mô hình chưa có kết luận của hội đồng.");
        }

        Status = AppraisalStatus.Closed;
    }
}

public class AppraisalItem
{
    public int Id { get; set; }

    public int AppraisalId { get; set; }

    public Appraisal? Appraisal { get; set; }

    public int InitiativeId { get; set; }

    public Initiative? Initiative { get; set; }

    public AppraisalOutcome Outcome { get; set; }

    public string? Conclusion { get; set; }

    public string? FieldVisitNotes { get; set; }

    public List<AppraisalScore> Scores { get; set; } = [];

    public List<AppraisalRecusal> Recusals { get; set; } = [];
}

public class AppraisalMember
{
    public int Id { get; set; }

    public int AppraisalId { get; set; }

    public string UserId { get; set; } = string.Empty;

    public AppUser? User { get; set; }
}

/// <summary>A member left out of one item: automatically (same unit or organisation) or by recusal with a reason.</summary>
public class AppraisalRecusal
{
    public int Id { get; set; }

    public int ItemId { get; set; }

    public string UserId { get; set; } = string.Empty;

    public bool Automatic { get; set; }

    public string Reason { get; set; } = string.Empty;
}

public class AppraisalScore
{
    public int Id { get; set; }

    public int ItemId { get; set; }

    public string UserId { get; set; } = string.Empty;

    public int CriterionId { get; set; }

    public decimal Value { get; set; }

    public string? Comment { get; set; }
}
