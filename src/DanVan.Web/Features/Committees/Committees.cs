using System.ComponentModel.DataAnnotations;
using DanVan.Data;
using DanVan.Domain;
using DanVan.Features.Initiatives;
using DanVan.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Features.Committees;

public sealed class MemberInput
{
    [StringLength(200)]
    [CleanText]
    public string? FullName { get; set; }

    [StringLength(200)]
    [CleanText]
    public string? Position { get; set; }

    /// <summary>Fields followed: economy, culture_society…</summary>
    [Display(Name = "Lĩnh vực theo dõi")]
    [MaxLength(10, ErrorMessage = "{0}: tối đa {1} mục.")]
    public List<Field> FollowsFields { get; set; } = [];

    /// <summary>Child unit codes followed, separated by commas or spaces.</summary>
    [StringLength(2000)]
    public string? FollowsUnits { get; set; }
}

public sealed class CommitteeInput
{
    [Display(Name = "Tên Ban Chỉ đạo")]
    [Required(ErrorMessage = "Vui lòng nhập {0}.")]
    [StringLength(300, ErrorMessage = "{0} không được dài quá {1} ký tự.")]
    [CleanText]
    public string? Name { get; set; }

    [Display(Name = "Đơn vị")]
    [Required(ErrorMessage = "Vui lòng nhập {0}.")]
    public string? UnitCode { get; set; }

    [Display(Name = "Nhiệm kỳ từ năm")]
    [Required(ErrorMessage = "Vui lòng nhập {0}.")]
    public int? TermFrom { get; set; }

    [Display(Name = "đến năm")]
    [Required(ErrorMessage = "Vui lòng nhập {0}.")]
    public int? TermTo { get; set; }

    [Display(Name = "Thành viên")]
    [MaxLength(200, ErrorMessage = "{0}: tối đa {1} mục.")]
    public List<MemberInput> Members { get; set; } = [];

    public int Version { get; set; }
}

public sealed class TeamInput
{
    [Display(Name = "Xã, phường")]
    [Required(ErrorMessage = "Vui lòng nhập {0}.")]
    public string? UnitCode { get; set; }

    [Required(ErrorMessage = "Vui lòng chọn loại.")]
    public TeamKind? Kind { get; set; }

    [Display(Name = "Tên")]
    [Required(ErrorMessage = "Vui lòng nhập {0}.")]
    [StringLength(300, ErrorMessage = "{0} không được dài quá {1} ký tự.")]
    [CleanText]
    public string? Name { get; set; }

    [Display(Name = "Thôn, tổ dân phố")]
    [StringLength(200)]
    [CleanText]
    public string? Village { get; set; }

    [Display(Name = "Người đứng đầu")]
    [StringLength(200)]
    [CleanText]
    public string? LeaderName { get; set; }

    [Range(0, 1000, ErrorMessage = "Số thành viên phải từ {1} đến {2}.")]
    public int Members { get; set; }
}

public sealed record MemberView(string FullName, string? Position, IReadOnlyList<Field> Fields, IReadOnlyList<string> Units);

public sealed record CommitteeView(int Id, string Name, string UnitCode, string UnitName, int TermFrom, int TermTo, int Version, IReadOnlyList<MemberView> Members);

public sealed record TeamView(int Id, string UnitName, TeamKind Kind, string Name, string? Village, string? LeaderName, int Members);

public static class Committees
{
    /// <summary>Steering committees in the caller's area, newest first, a page at a time.</summary>
    public static async Task<Page<CommitteeView>> ListAsync(AppDbContext db, UserScope scope, ListPage page, CancellationToken ct) =>
        (await Paging.NewestFirstAsync(db.Committees.AsNoTracking().ReadableBy(scope, c => c.ScopePath).Include(c => c.Unit).Include(c => c.Members), null, page, ct))
            .Select(View);

    /// <summary>One committee the caller may read, or null.</summary>
    public static async Task<CommitteeView?> ViewAsync(AppDbContext db, UserScope scope, int id, CancellationToken ct) =>
        await db.Committees.AsNoTracking().ReadableBy(scope, c => c.ScopePath).Include(c => c.Unit).Include(c => c.Members).FirstOrDefaultAsync(c => c.Id == id, ct) is { } c
            ? View(c) : null;

    public static CommitteeView View(SteeringCommittee c) => new(c.Id, c.Name, c.Unit!.Code, c.Unit.FullName, c.TermFrom, c.TermTo, c.Version,
        c.Members.OrderBy(m => m.Id).Select(m => new MemberView(m.FullName, m.Position,
            (m.FollowsFields ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries).Select(Enum.Parse<Field>).ToList(),
            (m.FollowsUnits ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries).ToList())).ToList());

    public static async Task<SteeringCommittee> SaveAsync(AppDbContext db, UserScope scope, int? id, CommitteeInput input, CancellationToken ct)
    {
        var unit = await Lookups.CurrentUnitAsync(db, input.UnitCode, nameof(CommitteeInput.UnitCode), ct);
        scope.Demand(Operation.ManageCommittee, unit.Path);
        SteeringCommittee c;
        if (id is null)
        {
            c = new SteeringCommittee();
            db.Committees.Add(c);
        }
        else
        {
            c = await db.Committees.Include(x => x.Members).FirstOrDefaultAsync(x => x.Id == id, ct) ?? throw new ScopeException(false);
            scope.Demand(Operation.ManageCommittee, c.ScopePath);
            db.ExpectVersion(c, input.Version);

            db.CommitteeMembers.RemoveRange(c.Members);
            c.Members = [];
        }

        c.Name = input.Name ?? string.Empty;
        c.UnitId = unit.Id;
        c.Unit = unit;
        c.ScopePath = unit.Path;
        c.TermFrom = input.TermFrom ?? 0;
        c.TermTo = input.TermTo ?? 0;
        c.Validate();

        foreach (var m in input.Members.Where(m => !string.IsNullOrWhiteSpace(m.FullName)))
        {
            var codes = (m.FollowsUnits ?? string.Empty).Split([',', ' ', ';'], StringSplitOptions.RemoveEmptyEntries).Distinct().ToList();
            var found = await db.AdminUnits.Where(u => u.Map == Maps.Current && codes.Contains(u.Code)).Select(u => new { u.Code, u.Path }).ToListAsync(ct);
            var bad = codes.Where(code => !found.Any(f => f.Code == code && UnitPaths.Contains(unit.Path, f.Path) && f.Path != unit.Path)).ToList();
            if (bad.Count > 0)
            {
                throw DomainException.For("Members", $"Đơn vị {string.Join(", ", bad)} không trực thuộc {unit.FullName}.");
            }

            c.Members.Add(new CommitteeMember
            {
                FullName = m.FullName!.Trim(),
                Position = m.Position?.Trim(),
                FollowsFields = m.FollowsFields.Count == 0 ? null : string.Join(',', m.FollowsFields.Distinct()),
                FollowsUnits = codes.Count == 0 ? null : string.Join(',', codes),
            });
        }

        await db.SaveChangesAsync(ct);
        return c;
    }

    /// <summary>Commune blocks and village teams in the caller's area, newest first, a page at a time.</summary>
    public static Task<Page<TeamView>> TeamsAsync(AppDbContext db, UserScope scope, ListPage page, CancellationToken ct) =>
        Paging.NewestFirstAsync(db.Teams.AsNoTracking().ReadableBy(scope, t => t.ScopePath), null, page,
            rows => rows.Select(t => new TeamView(t.Id, t.Unit!.FullName, t.Kind, t.Name, t.Village, t.LeaderName, t.Members)), t => t.Id, ct);

    public static async Task<MobilisationTeam> AddTeamAsync(AppDbContext db, UserScope scope, TeamInput input, CancellationToken ct)
    {
        var unit = await Lookups.CurrentUnitAsync(db, input.UnitCode, nameof(TeamInput.UnitCode), ct);
        if (!scope.Can(Operation.Edit, unit.Path))
        {
            throw DomainException.For(nameof(TeamInput.UnitCode), "Bạn không quản lý đơn vị này.");
        }

        if (unit.Level != 2)
        {
            throw DomainException.For(nameof(TeamInput.UnitCode), "Khối và tổ dân vận thuộc cấp xã; hãy chọn một xã, phường.");
        }

        if (input.Kind == TeamKind.Block && await db.Teams.AnyAsync(t => t.UnitId == unit.Id && t.Kind == TeamKind.Block, ct))
        {
            throw DomainException.For(nameof(TeamInput.Kind), "Xã này đã có khối dân vận.");
        }

        var team = new MobilisationTeam
        {
            UnitId = unit.Id, ScopePath = unit.Path, Kind = input.Kind!.Value, Name = input.Name!.Trim(), Village = input.Village?.Trim(),
            LeaderName = input.LeaderName?.Trim(), Members = input.Members,
        };
        db.Teams.Add(team);
        db.Audit("team-added", nameof(MobilisationTeam), null, new { unit = unit.Code, team.Name, kind = team.Kind.ToString() });
        await db.SaveChangesAsync(ct);
        return team;
    }
}
