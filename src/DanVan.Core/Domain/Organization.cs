namespace DanVan.Domain;

public enum OrganizationKind
{
    PartyCommittee = 0,
    Government = 1,
    FatherlandFront = 2,
    MassOrganization = 3,
    Police = 4,
    Military = 5,
    School = 6,
    HealthCenter = 7,
    Cooperative = 8,
    Enterprise = 9,
    Other = 10,
}

/// <summary>An agency, party committee, front, mass organisation, police, school… attached to a unit.</summary>
public class Organization : IVersioned, IAudited
{
    public int Id { get; set; }

    public required string Name { get; set; }

    public OrganizationKind Kind { get; set; }

    public int UnitId { get; set; }

    public AdminUnit? Unit { get; set; }

    /// <summary>Copied from the unit: the 2025 subtree this record belongs to, for scope filters.</summary>
    public string ScopePath { get; set; } = string.Empty;

    public string? Address { get; set; }

    public string? Phone { get; set; }

    public string? Email { get; set; }

    public string SortKey { get; set; } = string.Empty;

    public string SearchText { get; set; } = string.Empty;

    public int Version { get; set; }

    public void Normalise()
    {
        Name = Name.Trim();
        SortKey = VietnameseText.SortKey(Name);
        SearchText = VietnameseText.Fold(Name);
    }
}
