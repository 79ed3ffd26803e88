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

    /// <summary>API and CSV spelling of a field: economy, culture_society, defense_security, political_system.</summary>
    public static string Key(Field f) => f switch
    {
        Field.Economy => "economy",
        Field.CultureSociety => "culture_society",
        Field.DefenseSecurity => "defense_security",
        Field.PoliticalSystem => "political_system",
    };
}
