using DanVan.Domain;

namespace DanVan.Infrastructure;

/// <summary>Vietnamese names of the domain's values (keys of the English translation file).</summary>
public static class Labels
{
    public static string Of(Field f) => f switch
    {
        Field.Economy => "Phát triển kinh tế",
        Field.CultureSociety => "Văn hóa – Xã hội",
        Field.DefenseSecurity => "Quốc phòng – An ninh",
        Field.PoliticalSystem => "Xây dựng Đảng và hệ thống chính trị",
    };

    public static string Of(InitiativeKind k) => k switch
    {
        InitiativeKind.Collective => "Tập thể",
        InitiativeKind.Individual => "Cá nhân",
    };

    public static string Of(Origin o) => o switch
    {
        Origin.New => "Mới",
        Origin.Replicated => "Nhân rộng",
    };

    public static string Of(InitiativeStatus s) => s switch
    {
        InitiativeStatus.Registered => "Đăng ký xây dựng",
        InitiativeStatus.Active => "Duy trì thực hiện",
        InitiativeStatus.Retired => "Đã loại bỏ",
    };

    public static string Of(Role r) => r switch
    {
        Role.Admin => "Quản trị hệ thống",
        Role.Secretariat => "Thường trực Ban Chỉ đạo",
        Role.Officer => "Cán bộ đơn vị",
        Role.Appraiser => "Thành viên hội đồng thẩm định",
        Role.Viewer => "Lãnh đạo (xem báo cáo)",
    };

    public static string Of(OrganizationKind k) => k switch
    {
        OrganizationKind.PartyCommittee => "Cấp ủy, tổ chức Đảng",
        OrganizationKind.Government => "Cơ quan chính quyền",
        OrganizationKind.FatherlandFront => "Mặt trận Tổ quốc",
        OrganizationKind.MassOrganization => "Đoàn thể chính trị – xã hội",
        OrganizationKind.Police => "Công an",
        OrganizationKind.Military => "Quân sự",
        OrganizationKind.School => "Trường học",
        OrganizationKind.HealthCenter => "Y tế",
        OrganizationKind.Cooperative => "Hợp tác xã",
        OrganizationKind.Enterprise => "Doanh nghiệp",
        OrganizationKind.Other => "Khác",
    };

    public static string Of(OwnerType t) => t switch
    {
        OwnerType.FatherlandFront => "Mặt trận Tổ quốc",
        OwnerType.Women => "Hội Liên hiệp Phụ nữ",
        OwnerType.Youth => "Đoàn Thanh niên",
        OwnerType.Farmers => "Hội Nông dân",
        OwnerType.Veterans => "Hội Cựu chiến binh",
        OwnerType.TradeUnion => "Công đoàn",
        OwnerType.PartyState => "Cơ quan Đảng – Nhà nước",
        OwnerType.ArmedForces => "Lực lượng vũ trang",
        OwnerType.Business => "Doanh nghiệp – hợp tác xã",
        OwnerType.Religious => "Tổ chức tôn giáo",
        OwnerType.Individual => "Cá nhân",
        _ => "Khác",
    };

    public static string Of(TargetGroups g) => g switch
    {
        TargetGroups.EthnicMinorities => "Đồng bào dân tộc thiểu số",
        TargetGroups.Religious => "Đồng bào tôn giáo",
        TargetGroups.PoorHouseholds => "Hộ nghèo, cận nghèo",
        TargetGroups.MeritoriousPeople => "Người có công",
        TargetGroups.Elderly => "Người cao tuổi",
        TargetGroups.Children => "Trẻ em",
        TargetGroups.Disabled => "Người khuyết tật",
        TargetGroups.Workers => "Công nhân, người lao động",
        _ => "Không",
    };

    /// <summary>API and CSV spelling of a field: economy, culture_society, defense_security, political_system.</summary>
    public static string Key(Field f) => f switch
    {
        Field.Economy => "economy",
        Field.CultureSociety => "culture_society",
        Field.DefenseSecurity => "defense_security",
        Field.PoliticalSystem => "political_system",
    };
}
