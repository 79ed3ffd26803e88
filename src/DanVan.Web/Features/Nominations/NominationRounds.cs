using System.ComponentModel.DataAnnotations;
using DanVan.Data;
using DanVan.Domain;
using DanVan.Features.Campaigns;
using DanVan.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Features.Nominations;

public sealed class NominationRoundInput
{
    [Display(Name = "Tên đợt")]
    [Required(ErrorMessage = "Vui lòng nhập {0}.")]
    [StringLength(300, ErrorMessage = "{0} không được dài quá {1} ký tự.")]
    [CleanText]
    public string? Name { get; set; }

    [Display(Name = "Đơn vị mở đợt")]
    [Required(ErrorMessage = "Vui lòng chọn {0}.")]
    [StringLength(10)]
    public string? UnitCode { get; set; }

    [Display(Name = "Ngày mở")]
    [Required(ErrorMessage = "Vui lòng nhập {0}.")]
    public DateOnly? OpensOn { get; set; }

    [Display(Name = "Hạn gửi hồ sơ")]
    [Required(ErrorMessage = "Vui lòng nhập {0}.")]
    public DateOnly? ClosesOn { get; set; }

    [Display(Name = "Số hồ sơ mỗi đơn vị")]
    [Range(1, 1000, ErrorMessage = "{0} từ {1} đến {2}.")]
    public int QuotaPerUnit { get; set; } = 3;
}

/// <param name="Late">The deadline has passed and the unit sent nothing.</param>
public sealed record RoundUnitRow(string Code, string Name, int Sent, int Quota, bool Late);

public sealed record NominationRoundView(int Id, string Name, string UnitName, DateOnly OpensOn, DateOnly ClosesOn, int QuotaPerUnit, int DaysLeft, IReadOnlyList<RoundUnitRow> Units);

/// <summary>Rounds of nominations: a level opens one with a deadline and a quota per unit, and sees who has sent and who is late.</summary>
public static class NominationRounds
{
    public static async Task<NominationRound> OpenAsync(AppDbContext db, UserScope scope, NominationRoundInput input, CancellationToken ct)
    {
        var unit = await db.AdminUnits.FirstOrDefaultAsync(u => u.Map == Maps.Current && u.Code == input.UnitCode, ct)
            ?? throw DomainException.For(nameof(NominationRoundInput.UnitCode), "Không tìm thấy đơn vị (bản đồ 2025).");
        scope.Demand(Operation.RunRound, unit.Path);
        if (input.ClosesOn < input.OpensOn)
        {
            throw DomainException.For(nameof(NominationRoundInput.ClosesOn), "Hạn gửi hồ sơ không thể trước ngày mở.");
        }

        var round = new NominationRound
        {
            Name = input.Name!.Trim(), UnitId = unit.Id, ScopePath = unit.Path, OpensOn = input.OpensOn!.Value, ClosesOn = input.ClosesOn!.Value, QuotaPerUnit = input.QuotaPerUnit,
        };
        db.NominationRounds.Add(round);
        await db.SaveChangesAsync(ct);
        return round;
    }

    /// <summary>Rounds a unit at this path may send nominations in: those opened above it (or at it), still open today.</summary>
    public static Task<List<NominationRound>> OpenForAsync(AppDbContext db, string unitPath, DateOnly today, CancellationToken ct)
    {
        var ancestors = Notifier.AncestorPaths(unitPath);
        return db.NominationRounds.AsNoTracking().Where(r => ancestors.Contains(r.ScopePath) && r.OpensOn <= today && r.ClosesOn >= today).OrderBy(r => r.ClosesOn).ToListAsync(ct);
    }

    /// <summary>Checks a nomination sent in a round: the round covers the unit, is open, and the unit is under its quota.</summary>
    public static async Task CheckSubmitAsync(AppDbContext db, Nomination n, DateOnly today, CancellationToken ct)
    {
        if (n.RoundId is not { } roundId)
        {
            return;
        }

        // Inside the caller's transaction: the round is held for this unit until it ends.
        await db.Dialect.HoldAsync(db, $"round:{roundId}:{n.UnitId}", ct);

        var round = await db.NominationRounds.AsNoTracking().FirstAsync(r => r.Id == roundId, ct);
        var sent = await db.Nominations.CountAsync(x => x.RoundId == roundId && x.UnitId == n.UnitId && x.Id != n.Id && x.Status != NominationStatus.Draft, ct);
        round.EnsureCanSubmit(today, sent);
    }

    /// <summary>Nomination rounds in the caller's area, latest closing first, a page at a time.</summary>
    public static async Task<Page<NominationRoundView>> ListAsync(AppDbContext db, UserScope scope, ListPage page, TimeProvider clock, CancellationToken ct)
    {
        var rounds = await Paging.NewestFirstAsync(db.NominationRounds.AsNoTracking().ReadableBy(scope, r => r.ScopePath).Include(r => r.Unit), r => r.ClosesOn, page, ct);
        var views = new List<NominationRoundView>();
        foreach (var r in rounds.Items)
        {
            views.Add(await ViewOfAsync(db, scope, r, clock, ct));
        }

        return new Page<NominationRoundView>(views, rounds.PageNumber, rounds.PageSize, rounds.Total, rounds.TotalCapped, rounds.Next);
    }

    public static async Task<NominationRoundView?> ViewAsync(AppDbContext db, UserScope scope, int id, TimeProvider clock, CancellationToken ct) =>
        await db.NominationRounds.AsNoTracking().ReadableBy(scope, r => r.ScopePath).Include(r => r.Unit).FirstOrDefaultAsync(r => r.Id == id, ct) is { } r
            ? await ViewOfAsync(db, scope, r, clock, ct)
            : null;

    /// <summary>Each unit directly under the round's unit: how many it has sent against its quota, and whether it is late.</summary>
    private static async Task<NominationRoundView> ViewOfAsync(AppDbContext db, UserScope scope, NominationRound r, TimeProvider clock, CancellationToken ct)
    {
        var today = CampaignsApi.Today(clock);
        var children = await db.AdminUnits.AsNoTracking().Where(u => u.Map == Maps.Current && u.ParentId == r.UnitId).OrderBy(u => u.SortKey)
            .Select(u => new { u.Id, u.Code, u.FullName, u.Path }).ToListAsync(ct);
        var sent = (await db.Nominations.AsNoTracking().Where(n => n.RoundId == r.Id && n.Status != NominationStatus.Draft)
            .GroupBy(n => n.UnitId).Select(g => new { g.Key, N = g.Count() }).ToListAsync(ct)).ToDictionary(x => x.Key, x => x.N);
        var rows = children.Where(c => scope.CanRead(c.Path))
            .Select(c => new RoundUnitRow(c.Code, c.FullName, sent.GetValueOrDefault(c.Id), r.QuotaPerUnit, today > r.ClosesOn && sent.GetValueOrDefault(c.Id) == 0))
            .OrderByDescending(x => x.Late).ThenBy(x => x.Sent).ToList();
        return new NominationRoundView(r.Id, r.Name, r.Unit!.FullName, r.OpensOn, r.ClosesOn, r.QuotaPerUnit, r.ClosesOn.DayNumber - today.DayNumber, rows);
    }
}
