namespace DanVan.Domain;

/// <summary>
/// A criteria set (bộ tiêu chí): weighted criteria with maximum scores and a pass threshold on a 0–100 scale.
/// Versioned: once used by an appraisal it is frozen, and an edit makes a new version.
/// </summary>
public class CriteriaSet : IAudited
{
    public int Id { get; set; }

    public int UnitId { get; set; }

    public AdminUnit? Unit { get; set; }

    public string ScopePath { get; set; } = string.Empty;

    public string Name { get; set; } = string.Empty;

    /// <summary>1, 2, 3… within a family of versions.</summary>
    public int VersionNumber { get; set; } = 1;

    /// <summary>The first version's id: all versions of one set share it.</summary>
    public int? FamilyId { get; set; }

    public bool Frozen { get; set; }

    public decimal PassThreshold { get; set; }

    public List<Criterion> Criteria { get; set; } = [];

    public decimal TotalWeight => Criteria.Sum(c => c.Weight);

    public void Validate()
    {
        Name = Name.Trim();
        if (Name.Length == 0)
        {
            throw new DomainException("Tên bộ tiêu chí không được để trống.") { Field = nameof(Name) };
        }

        if (Criteria.Count == 0)
        {
            throw new DomainException("Bộ tiêu chí cần ít nhất một tiêu chí.") { Field = nameof(Criteria) };
        }

        if (Criteria.Any(c => string.IsNullOrWhiteSpace(c.Name) || c.Weight <= 0 || c.MaxScore <= 0 || c.Weight > 1000 || c.MaxScore > 1000))
        {
            throw new DomainException("Mỗi tiêu chí cần tên, trọng số và điểm tối đa lớn hơn 0 (không quá 1000).") { Field = nameof(Criteria) };
        }

        if (PassThreshold is <= 0 or > 100)
        {
            throw new DomainException("Ngưỡng đạt phải từ trên 0 đến 100 điểm.") { Field = nameof(PassThreshold) };
        }
    }

    /// <summary>A set in use is never changed underneath an appraisal: edits go to a new version.</summary>
    public void EnsureEditable()
    {
        if (Frozen)
        {
            throw new DomainException("Bộ tiêu chí đã được dùng để thẩm định nên không sửa được; hãy tạo phiên bản mới.");
        }
    }

    public CriteriaSet NewVersion() => new()
    {
        UnitId = UnitId,
        ScopePath = ScopePath,
        Name = Name,
        VersionNumber = VersionNumber + 1,
        FamilyId = FamilyId ?? Id,
        PassThreshold = PassThreshold,
        Criteria = Criteria.OrderBy(c => c.Order).Select(c => new Criterion { Order = c.Order, Name = c.Name, Weight = c.Weight, MaxScore = c.MaxScore }).ToList(),
    };
}

public class Criterion
{
    public int Id { get; set; }

    public int CriteriaSetId { get; set; }

    public int Order { get; set; }

    public string Name { get; set; } = string.Empty;

    public decimal Weight { get; set; }

    public decimal MaxScore { get; set; }
}
