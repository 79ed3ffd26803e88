namespace DanVan.Domain;

/// <summary>Who builds a model, as review reports count them (the movement's blocks and sectors).</summary>
public enum OwnerType
{
    Other = 0,
    FatherlandFront = 1,
    Women = 2,
    Youth = 3,
    Farmers = 4,
    Veterans = 5,
    TradeUnion = 6,
    PartyState = 7,
    ArmedForces = 8,
    Business = 9,
    Religious = 10,
    Individual = 11,
}

/// <summary>Whom a model serves or mobilises; a model may have several.</summary>
[Flags]
public enum TargetGroups
{
    None = 0,
    EthnicMinorities = 1,
    Religious = 2,
    PoorHouseholds = 4,
    MeritoriousPeople = 8,
    Elderly = 16,
    Children = 32,
    Disabled = 64,
    Workers = 128,
}

public static class OwnerTypes
{
    /// <summary>The order review reports list them in.</summary>
    public static readonly OwnerType[] Ordered =
    [
        OwnerType.FatherlandFront, OwnerType.Women, OwnerType.Youth, OwnerType.Farmers, OwnerType.Veterans, OwnerType.TradeUnion,
        OwnerType.PartyState, OwnerType.ArmedForces, OwnerType.Business, OwnerType.Religious, OwnerType.Individual, OwnerType.Other,
    ];

    public static readonly TargetGroups[] AllGroups = Enum.GetValues<TargetGroups>().Where(g => g != TargetGroups.None).ToArray();

    // Words of an owner's name (without tone marks, đ as d) that say its type, the most specific first.
    private static readonly (string Word, OwnerType Type)[] Words =
    [
        ("cuu chien binh", OwnerType.Veterans), ("phu nu", OwnerType.Women), ("thanh nien", OwnerType.Youth), ("doan tncs", OwnerType.Youth),
        ("nong dan", OwnerType.Farmers), ("cong doan", OwnerType.TradeUnion), ("mat tran", OwnerType.FatherlandFront), ("mttq", OwnerType.FatherlandFront),
        ("cong an", OwnerType.ArmedForces), ("quan su", OwnerType.ArmedForces), ("bo doi", OwnerType.ArmedForces), ("bien phong", OwnerType.ArmedForces),
        ("quan doan", OwnerType.ArmedForces), ("su doan", OwnerType.ArmedForces), ("trung doan", OwnerType.ArmedForces), ("dan quan", OwnerType.ArmedForces),
        ("hop tac xa", OwnerType.Business), ("htx", OwnerType.Business), ("cong ty", OwnerType.Business), ("doanh nghiep", OwnerType.Business),
        ("giao xu", OwnerType.Religious), ("chua ", OwnerType.Religious), ("hoi thanh", OwnerType.Religious), ("ton giao", OwnerType.Religious),
        ("phat giao", OwnerType.Religious), ("cong giao", OwnerType.Religious), ("tin lanh", OwnerType.Religious), ("cao dai", OwnerType.Religious), ("hoa hao", OwnerType.Religious),
        ("dang uy", OwnerType.PartyState), ("chi bo", OwnerType.PartyState), ("ubnd", OwnerType.PartyState), ("uy ban", OwnerType.PartyState),
        ("hdnd", OwnerType.PartyState), ("ban dan van", OwnerType.PartyState), ("tinh uy", OwnerType.PartyState), ("huyen uy", OwnerType.PartyState),
        ("so ", OwnerType.PartyState), ("phong ", OwnerType.PartyState), ("truong ", OwnerType.PartyState), ("benh vien", OwnerType.PartyState), ("tram y te", OwnerType.PartyState),
    ];

    /// <summary>The type a model's owner most likely is, when nobody said: from its organisation, or the words of its name.</summary>
    public static OwnerType Guess(InitiativeKind kind, string? ownerName, OrganizationKind? organization = null)
    {
        if (kind == InitiativeKind.Individual)
        {
            return OwnerType.Individual;
        }

        var folded = " " + VietnameseText.Fold(ownerName) + " ";
        foreach (var (word, type) in Words)
        {
            if (folded.Contains(" " + word, StringComparison.Ordinal))
            {
                return type;
            }
        }

        return organization switch
        {
            OrganizationKind.PartyCommittee or OrganizationKind.Government or OrganizationKind.School or OrganizationKind.HealthCenter => OwnerType.PartyState,
            OrganizationKind.FatherlandFront => OwnerType.FatherlandFront,
            OrganizationKind.Police or OrganizationKind.Military => OwnerType.ArmedForces,
            OrganizationKind.Cooperative or OrganizationKind.Enterprise => OwnerType.Business,
            _ => OwnerType.Other,
        };
    }
}
