using DanVan.Data;
using DanVan.Domain;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Infrastructure.Seeding;

/// <summary>
/// Demo data from the movement's own articles: Kim Động (Hưng Yên), Thái Hòa (Nghệ An),
/// Hàm Thuận Bắc (Bình Thuận); one account per role. Idempotent: runs once.
/// </summary>
public static class DemoSeeder
{
    public const string Password = "Dan-van-kheo-2026";

    public static readonly IReadOnlyList<(string Email, string Name, Role Role, string? Unit2025)> Accounts =
    [
        ("admin@danvan.vn", "Quản trị hệ thống", Role.Admin, null),
        ("bandanvan.hungyen@danvan.vn", "Ban Dân vận Tỉnh ủy Hưng Yên", Role.Secretariat, "33"),
        ("canbo.luongbang@danvan.vn", "Nguyễn Thị Hoa (Hội LHPN xã Lương Bằng)", Role.Officer, "12280"),
        ("canbo.thaihoa@danvan.vn", "Trần Văn Minh (phường Thái Hòa)", Role.Officer, "16939"),
        ("thamdinh.hungyen@danvan.vn", "Lê Văn Thẩm (Hội đồng thẩm định tỉnh Hưng Yên)", Role.Appraiser, "33"),
        ("lanhdao.nghean@danvan.vn", "Hoàng Văn Lãnh (lãnh đạo tỉnh Nghệ An)", Role.Viewer, "40"),
    ];

    public static async Task<IReadOnlyList<(string Email, string Role, string Password)>> SeedAsync(IServiceProvider services, CancellationToken ct = default)
    {
        var db = services.GetRequiredService<AppDbContext>();
        var users = services.GetRequiredService<UserManager<AppUser>>();
        var clock = services.GetService<TimeProvider>() ?? TimeProvider.System;
        if (await users.FindByEmailAsync(Accounts[0].Email) is not null)
        {
            return [];
        }

        var created = new List<(string, string, string)>();
        foreach (var (email, name, role, unitCode) in Accounts)
        {
            var user = new AppUser { UserName = email, Email = email, EmailConfirmed = true, FullName = name, CreatedAt = clock.GetUtcNow() };
            // The demo password is published (README): set as is, past the rule that refuses it, and its variants, for everyone else.
            user.PasswordHash = users.PasswordHasher.HashPassword(user, Password);
            var result = await users.CreateAsync(user);
            if (!result.Succeeded)
            {
                throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
            }

            var unit = unitCode is null ? null : await Unit(db, Maps.Map2025, unitCode, ct);
            db.RoleGrants.Add(new RoleGrant { UserId = user.Id, Role = role, UnitId = unit?.Id, ScopePath = unit?.Path ?? "/" });
            created.Add((email, role.ToString().ToLowerInvariant(), Password));
        }

        await db.SaveChangesAsync(ct);

        // Organisations, on the 2025 communes that now hold the places named in the articles.
        // The old Phạm Ngũ Lão commune of Kim Động district went whole into Xã Lương Bằng in 2025.
        var luongBang = await Unit(db, Maps.Map2025, "12280", ct);
        var thaiHoa = await Unit(db, Maps.Map2025, "16939", ct);
        var hamThuanBac = await Unit(db, Maps.Map2025, "23089", ct);
        Organization Org(string name, OrganizationKind kind, AdminUnit unit)
        {
            var o = new Organization { Name = name, Kind = kind, UnitId = unit.Id, ScopePath = unit.Path };
            o.Normalise();
            db.Organizations.Add(o);
            return o;
        }

        var womenPnl = Org("Hội Liên hiệp Phụ nữ xã Lương Bằng", OrganizationKind.MassOrganization, luongBang);
        var partyPnl = Org("Đảng ủy xã Lương Bằng", OrganizationKind.PartyCommittee, luongBang);
        var govPnl = Org("Ủy ban nhân dân xã Lương Bằng", OrganizationKind.Government, luongBang);
        var policePnl = Org("Công an xã Lương Bằng", OrganizationKind.Police, luongBang);
        var farmersTh = Org("Hội Nông dân phường Thái Hòa", OrganizationKind.MassOrganization, thaiHoa);
        var policeTh = Org("Công an phường Thái Hòa", OrganizationKind.Police, thaiHoa);
        var partyTh = Org("Đảng ủy phường Thái Hòa", OrganizationKind.PartyCommittee, thaiHoa);
        var frontHtb = Org("Ủy ban Mặt trận Tổ quốc Việt Nam xã Hàm Thuận Bắc", OrganizationKind.FatherlandFront, hamThuanBac);
        var farmersHtb = Org("Hội Nông dân xã Hàm Thuận Bắc", OrganizationKind.MassOrganization, hamThuanBac);
        await db.SaveChangesAsync(ct);

        async Task<Initiative> Add(string name, Field field, InitiativeKind kind, string map2024Commune, DateOnly registered,
            Organization? owner, string? ownerName, string summary, InitiativeStatus status = InitiativeStatus.Active, Initiative? from = null)
        {
            var unit = await Unit(db, registered < new DateOnly(2025, 7, 1) ? Maps.Map2024 : Maps.Map2025, map2024Commune, ct);
            var current = unit.Map == Maps.Map2025 ? unit : await db.AdminUnits.SingleAsync(u => u.Map == Maps.Map2025 && u.Path == unit.CurrentPath, ct);
            var i = new Initiative
            {
                Name = name, Field = field, Kind = kind, OwnerOrganizationId = owner?.Id, OwnerName = ownerName, RegisteredOn = registered,
                Summary = summary, CreatedAt = clock.GetUtcNow(), CreatedBy = "demo",
            };
            i.DeclareOrigin(from is null ? Origin.New : Origin.Replicated, from, null);
            if (status == InitiativeStatus.Active)
            {
                i.MarkReporting();
            }

            // The organisation's name says its block better than its kind (a mass organisation could be any of four).
            i.Classify(null, owner?.Name, owner?.Kind);

            i.PlaceIn(unit, current);
            i.Validate();
            db.Initiatives.Add(i);
            await db.SaveChangesAsync(ct);
            return i;
        }

        var government = await Add("Chính quyền phục vụ người dân và doanh nghiệp", Field.PoliticalSystem, InitiativeKind.Collective, "12292",
            new DateOnly(2024, 3, 15), govPnl, null,
            "Thí điểm tại xã Phạm Ngũ Lão từ tháng 3/2024: 100% hồ sơ thủ tục hành chính được giải quyết đúng hạn, thái độ phục vụ của cán bộ, công chức thay đổi tích cực.");
        await Add("Khu dân cư nông thôn mới kiểu mẫu", Field.CultureSociety, InitiativeKind.Collective, "12292",
            new DateOnly(2022, 5, 10), partyPnl, null, "Khối dân vận xã vận động Nhân dân hiến đất làm đường giao thông, chỉnh trang cảnh quan.");
        await Add("Phụ nữ tham gia bảo vệ môi trường, phân loại rác tại nguồn", Field.CultureSociety, InitiativeKind.Collective, "12292",
            new DateOnly(2023, 2, 20), womenPnl, null, "Chi hội phụ nữ các thôn phân loại rác tại nguồn, trồng hoa ven đường.");
        await Add("Công an xã vận động Nhân dân tham gia giữ gìn an ninh trật tự", Field.DefenseSecurity, InitiativeKind.Collective, "12292",
            new DateOnly(2023, 6, 1), policePnl, null, "Tổ tự quản an ninh trật tự ở các thôn, camera an ninh do Nhân dân đóng góp.");
        var bees = await Add("Nuôi ong lấy mật", Field.Economy, InitiativeKind.Collective, "17008",
            new DateOnly(2020, 3, 2), farmersTh, null, "Hội Nông dân vận động hội viên nuôi ong lấy mật, liên kết tiêu thụ sản phẩm, thu nhập ổn định.");
        var incense = await Add("Tổ liên kết sản xuất hương truyền thống và xuất khẩu", Field.Economy, InitiativeKind.Individual, "17008",
            new DateOnly(2020, 4, 12), null, "Nguyễn Thị Thu Hằng", "Tổ liên kết của chị Nguyễn Thị Thu Hằng tại xã Nghĩa Mỹ tạo việc làm cho lao động địa phương.");
        await Add("Tái hòa nhập cộng đồng cho người chấp hành xong án phạt tù", Field.DefenseSecurity, InitiativeKind.Collective, "16939",
            new DateOnly(2020, 6, 18), policeTh, null, "Công an thị xã phối hợp đoàn thể giúp người chấp hành xong án phạt tù tìm việc làm, hòa nhập cộng đồng.");
        var religion = await Add("Khéo trong vận động Nhân dân thực hiện chính sách tôn giáo", Field.PoliticalSystem, InitiativeKind.Individual, "17014",
            new DateOnly(2020, 7, 1), partyTh, "Vũ Thị Huyền", "Đồng chí Vũ Thị Huyền, Bí thư chi bộ xóm 3, xã Nghĩa Thuận, khéo vận động giáo dân thực hiện chủ trương của Đảng.");
        var landForRoads = await Add("Mặt trận thôn vận động hiến đất làm đường giao thông nông thôn", Field.CultureSociety, InitiativeKind.Collective, "23071",
            new DateOnly(2018, 9, 5), frontHtb, null, "Ban công tác Mặt trận thôn vận động 58 hộ hiến 25.043 m² đất làm đường giao thông.");
        await Add("Nuôi ong lấy mật gắn với trồng điều", Field.Economy, InitiativeKind.Collective, "23071",
            new DateOnly(2021, 8, 20), farmersHtb, null, "Nhân rộng từ mô hình nuôi ong lấy mật của thị xã Thái Hòa.", from: bees);
        await Add("Đội dân phòng", Field.DefenseSecurity, InitiativeKind.Collective, "23071",
            new DateOnly(2019, 4, 10), frontHtb, null, "Đội dân phòng 7 thành viên tuần tra, giữ gìn trật tự thôn.");
        await Add("Chức sắc tham gia giữ gìn an ninh – trật tự", Field.DefenseSecurity, InitiativeKind.Collective, "23071",
            new DateOnly(2019, 5, 22), frontHtb, null, "27 chức sắc tôn giáo tham gia tuyên truyền, giữ gìn an ninh trật tự.");

        await SeedWorkflowAsync(db, clock, government, bees, incense, religion, landForRoads, ct);
        return created;
    }

    /// <summary>The movement's year around the demo models: criteria, a round, results, recognitions, a conference.</summary>
    private static async Task SeedWorkflowAsync(AppDbContext db, TimeProvider clock, Initiative government, Initiative bees, Initiative incense,
        Initiative religion, Initiative landForRoads, CancellationToken ct)
    {
        var hungYen = await Unit(db, Maps.Map2025, "33", ct);
        var ngheAn = await Unit(db, Maps.Map2025, "40", ct);
        var lamDong = await Unit(db, Maps.Map2025, "68", ct);
        var luongBang = await Unit(db, Maps.Map2025, "12280", ct);
        var today = VietnamClock.Today(clock);

        var criteria = new CriteriaSet
        {
            Name = "Tiêu chí công nhận mô hình \"Dân vận khéo\" tỉnh Hưng Yên", UnitId = hungYen.Id, ScopePath = hungYen.Path, PassThreshold = 70,
            Criteria =
            [
                new Criterion { Order = 1, Name = "Phát huy vai trò chủ thể của Nhân dân", Weight = 3, MaxScore = 10 },
                new Criterion { Order = 2, Name = "Hiệu quả kinh tế – xã hội thiết thực, đo đếm được", Weight = 4, MaxScore = 10 },
                new Criterion { Order = 3, Name = "Khả năng duy trì và nhân rộng", Weight = 3, MaxScore = 10 },
            ],
        };
        db.CriteriaSets.Add(criteria);
        await db.SaveChangesAsync(ct);
        criteria.FamilyId = criteria.Id;

        var round = new Campaign
        {
            Name = $"Đăng ký xây dựng mô hình \"Dân vận khéo\" năm {today.Year}", UnitId = hungYen.Id, ScopePath = hungYen.Path,
            OpensOn = today.AddDays(-30), ClosesOn = today.AddDays(30), CriteriaSetId = criteria.Id,
            Contact = "Ban Dân vận Tỉnh ủy Hưng Yên (Thường trực Ban Chỉ đạo)",
            Targets = [new CampaignTarget { UnitId = luongBang.Id, Count = 3 }, new CampaignTarget { UnitId = (await Unit(db, Maps.Map2025, "11953", ct)).Id, Count = 2 }],
        };
        db.Campaigns.Add(round);
        db.Committees.Add(new SteeringCommittee
        {
            Name = "Ban Chỉ đạo phong trào thi đua \"Dân vận khéo\" tỉnh Hưng Yên", UnitId = hungYen.Id, ScopePath = hungYen.Path, TermFrom = 2025, TermTo = 2030,
            Members =
            [
                new CommitteeMember { FullName = "Trưởng Ban Dân vận Tỉnh ủy", Position = "Trưởng ban", FollowsFields = "PoliticalSystem" },
                new CommitteeMember { FullName = "Phó Chủ tịch UBND tỉnh", Position = "Phó trưởng ban", FollowsFields = "Economy,CultureSociety" },
                new CommitteeMember { FullName = "Chủ tịch Ủy ban MTTQ tỉnh", Position = "Thành viên", FollowsFields = "CultureSociety", FollowsUnits = "12280" },
            ],
        });
        db.Teams.Add(new MobilisationTeam { UnitId = luongBang.Id, ScopePath = luongBang.Path, Kind = TeamKind.Block, Name = "Khối dân vận xã Lương Bằng", LeaderName = "Bí thư Đảng ủy xã", Members = 9 });
        db.Teams.Add(new MobilisationTeam { UnitId = luongBang.Id, ScopePath = luongBang.Path, Kind = TeamKind.VillageTeam, Name = "Tổ dân vận thôn Đông", Village = "Thôn Đông", LeaderName = "Bí thư chi bộ thôn Đông", Members = 5 });

        var households = await db.MeasureUnits.FirstAsync(m => m.Name == "hộ", ct);
        var indicator = await db.Indicators.Where(x => x.ScopePath == "/").ToDictionaryAsync(x => x.Code, x => x.Id, ct);
        var squareMetres = await db.MeasureUnits.FirstAsync(m => m.Name == "m²", ct);
        var dossiers = await db.MeasureUnits.FirstAsync(m => m.Name == "%", ct);
        var onTime = ResultReport.Open(government.Id, PeriodKind.Year, new DateOnly(2024, 1, 1));
        onTime.Record(PeriodKind.Year, new DateOnly(2024, 1, 1), [new IndicatorValue("Hồ sơ giải quyết đúng hạn", 100, dossiers)],
            "100% hồ sơ thủ tục hành chính được giải quyết đúng và trước hạn; không có phản ánh về thái độ phục vụ.", clock.GetUtcNow(), "demo");
        db.ResultReports.Add(onTime);
        var land = new IndicatorValue("Diện tích đất hiến", 25043, squareMetres);
        land.CountAs(indicator["land_donated"], 25043);
        var roads = ResultReport.Open(landForRoads.Id, PeriodKind.Year, new DateOnly(2020, 1, 1));
        roads.Record(PeriodKind.Year, new DateOnly(2020, 1, 1), [new IndicatorValue("Số hộ hiến đất", 58, households), land],
            "Vận động 58 hộ hiến 25.043 m² đất làm đường giao thông nông thôn.", clock.GetUtcNow(), "demo");
        db.ResultReports.Add(roads);

        // Lương Bằng's own report of 2025: what the movement achieved there outside its registered models.
        var catalogue = await db.Indicators.Where(x => x.ScopePath == "/").ToDictionaryAsync(x => x.Code, ct);
        (Indicator, string?, decimal) V(string code, decimal value, string? category = null) => (catalogue[code], category, value);
        var own = UnitReport.Open(luongBang, null, ReportPeriod.Parse("2025"), VietnamClock.Today(clock));
        own.Record(
        [
            V("funds_mobilized", 2_050_000_000m), V("funds_mobilized", 1_200_000_000m, "state"), V("funds_mobilized", 850_000_000m, "people"),
            V("land_donated", 3_200m), V("roads_built", 2.4m), V("dialogues", 6), V("dialogue_attendees", 410),
            V("dossiers_total", 1_240), V("dossiers_on_time", 1_228), V("houses_repaired", 3),
        ], "Số liệu minh họa.", clock.GetUtcNow(), "demo");
        db.UnitReports.Add(own);

        // Thái Hòa town (Nghệ An) recognised its beekeeping model before 2025; the province later, at its 2016–2020 conference.
        RecognitionDecision Decision(AdminUnit unit, string number, DateOnly date, RecognitionLevel level, string body)
        {
            var d = new RecognitionDecision { UnitId = unit.Id, ScopePath = unit.Path, Number = number, Date = date, Level = level, IssuingBody = body, Signer = "Trưởng ban" };
            db.RecognitionDecisions.Add(d);
            return d;
        }

        var district = Decision(ngheAn, "21-QĐ/BCĐ", new DateOnly(2020, 11, 20), RecognitionLevel.District, "Ban Chỉ đạo phong trào thi đua \"Dân vận khéo\" thị xã Thái Hòa");
        var provinceNgheAn = Decision(ngheAn, "45-QĐ/BCĐ", new DateOnly(2021, 3, 15), RecognitionLevel.Province, "Ban Chỉ đạo phong trào thi đua \"Dân vận khéo\" tỉnh Nghệ An");
        var provinceLamDong = Decision(lamDong, "12-QĐ/BCĐ", new DateOnly(2020, 10, 5), RecognitionLevel.Province, "Ban Chỉ đạo phong trào thi đua \"Dân vận khéo\" tỉnh Bình Thuận");
        bees.Recognize(district);
        incense.Recognize(district);
        bees.Recognize(provinceNgheAn);
        religion.Recognize(provinceNgheAn);
        landForRoads.Recognize(provinceLamDong);
        await db.SaveChangesAsync(ct);

        var conference = new Conference
        {
            Name = "Hội nghị biểu dương điển hình \"Dân vận khéo\" tỉnh Nghệ An giai đoạn 2016–2020", UnitId = ngheAn.Id, ScopePath = ngheAn.Path,
            Level = RecognitionLevel.Province, Date = new DateOnly(2021, 4, 20), Phase = "2016–2020", CollectiveQuota = 30, IndividualQuota = 20,
            Awards =
            [
                new Award { InitiativeId = bees.Id, RecipientKind = InitiativeKind.Collective, Recipient = "Hội Nông dân thị xã Thái Hòa", Title = "Bằng khen của Ban Thường vụ Tỉnh ủy" },
                new Award { InitiativeId = religion.Id, RecipientKind = InitiativeKind.Individual, Recipient = "Đồng chí Vũ Thị Huyền", Title = "Bằng khen của Ban Thường vụ Tỉnh ủy" },
            ],
        };
        db.Conferences.Add(conference);
        await db.SaveChangesAsync(ct);
    }

    private static Task<AdminUnit> Unit(AppDbContext db, int map, string code, CancellationToken ct) =>
        db.AdminUnits.SingleAsync(u => u.Map == map && u.Code == code, ct);
}
