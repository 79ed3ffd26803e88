namespace DanVan.Domain;

/// <summary>A steering committee (Ban Chỉ đạo) of a unit for a term.</summary>
public class SteeringCommittee : IVersioned, IAudited
{
    public int Id { get; set; }

    public int UnitId { get; set; }

    public AdminUnit? Unit { get; set; }

    public string ScopePath { get; set; } = string.Empty;

    public string Name { get; set; } = string.Empty;

    public int TermFrom { get; set; }

    public int TermTo { get; set; }

    public int Version { get; set; }

    public List<CommitteeMember> Members { get; set; } = [];

    public void Validate()
    {
        Name = Name.Trim();
        if (Name.Length == 0)
        {
            throw new DomainException("Tên Ban Chỉ đạo không được để trống.") { Field = nameof(Name) };
        }

        if (TermFrom < 2009 || TermTo < TermFrom || TermTo - TermFrom > 10)
        {
            throw new DomainException("Nhiệm kỳ không hợp lệ (từ năm 2009, năm kết thúc không trước năm bắt đầu, tối đa 10 năm).") { Field = nameof(TermFrom) };
        }
    }
}

/// <summary>A committee member and what they follow (phân công theo dõi): fields and child units.</summary>
public class CommitteeMember
{
    public int Id { get; set; }

    public int CommitteeId { get; set; }

    public SteeringCommittee? Committee { get; set; }

    public string FullName { get; set; } = string.Empty;

    public string? Position { get; set; }

    public string? UserId { get; set; }

    /// <summary>Fields followed, comma-separated names of <see cref="Field"/>.</summary>
    public string? FollowsFields { get; set; }

    /// <summary>Child units followed, comma-separated unit codes.</summary>
    public string? FollowsUnits { get; set; }
}

public enum TeamKind
{
    /// <summary>Khối dân vận of a commune, headed by the commune party secretary.</summary>
    Block = 0,

    /// <summary>Tổ dân vận of a village or residential group.</summary>
    VillageTeam = 1,
}

/// <summary>A commune's mass-mobilisation block or a village team, with its leader.</summary>
public class MobilisationTeam
{
    public int Id { get; set; }

    public int UnitId { get; set; }

    public AdminUnit? Unit { get; set; }

    public string ScopePath { get; set; } = string.Empty;

    public TeamKind Kind { get; set; }

    public string Name { get; set; } = string.Empty;

    public string? Village { get; set; }

    public string? LeaderName { get; set; }

    public int Members { get; set; }
}
