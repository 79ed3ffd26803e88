using System.Globalization;

namespace DanVan.Domain;

/// <summary>A registration round or plan (đợt đăng ký / kế hoạch) opened by a committee's unit.</summary>
public class Campaign : IVersioned, IAudited
{
    public int Id { get; set; }

    public int UnitId { get; set; }

    public AdminUnit? Unit { get; set; }

    public string ScopePath { get; set; } = string.Empty;

    public string Name { get; set; } = string.Empty;

    public DateOnly OpensOn { get; set; }

    public DateOnly ClosesOn { get; set; }

    public int? CriteriaSetId { get; set; }

    public CriteriaSet? CriteriaSet { get; set; }

    /// <summary>Who to ask when the round is closed (the secretariat's contact).</summary>
    public string? Contact { get; set; }

    public int Version { get; set; }

    public List<CampaignTarget> Targets { get; set; } = [];

    public bool IsOpenOn(DateOnly day) => day >= OpensOn && day <= ClosesOn;

    public void Validate()
    {
        Name = Name.Trim();
        if (Name.Length == 0)
        {
            throw new DomainException("Tên đợt đăng ký không được để trống.") { Field = nameof(Name) };
        }

        if (ClosesOn < OpensOn)
        {
            throw new DomainException("Ngày kết thúc không thể trước ngày bắt đầu.") { Field = nameof(ClosesOn) };
        }
    }

    /// <summary>Refuses a registration outside the round's dates or its area, saying whom to ask.</summary>
    public void EnsureCanRegister(DateOnly today, string initiativeScopePath)
    {
        var ask = string.IsNullOrWhiteSpace(Contact) ? "Thường trực Ban Chỉ đạo phong trào \"Dân vận khéo\" " + (Unit?.FullName ?? string.Empty) : Contact;
        if (today > ClosesOn)
        {
            throw new DomainException(string.Create(CultureInfo.InvariantCulture,
                $"Đợt đăng ký \"{Name}\" đã kết thúc ngày {ClosesOn:dd/MM/yyyy}. Để đăng ký bổ sung, xin liên hệ {ask.Trim()}.")) { Field = "CampaignId" };
        }

        if (today < OpensOn)
        {
            throw new DomainException(string.Create(CultureInfo.InvariantCulture,
                $"Đợt đăng ký \"{Name}\" bắt đầu nhận đăng ký từ ngày {OpensOn:dd/MM/yyyy}.")) { Field = "CampaignId" };
        }

        if (!UnitPaths.Contains(ScopePath, initiativeScopePath))
        {
            throw new DomainException("Đơn vị của mô hình không thuộc phạm vi của đợt đăng ký này.") { Field = "CampaignId" };
        }
    }
}

/// <summary>A target for a child unit: a number of initiatives, optionally for one field.</summary>
public class CampaignTarget
{
    public int Id { get; set; }

    public int CampaignId { get; set; }

    public Campaign? Campaign { get; set; }

    public int UnitId { get; set; }

    public AdminUnit? Unit { get; set; }

    public Field? Field { get; set; }

    public int Count { get; set; }
}
