using System.ComponentModel.DataAnnotations;
using DanVan.Data;
using DanVan.Domain;
using DanVan.Features.Initiatives;
using DanVan.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Features.Campaigns;

public sealed class TargetInput
{
    [StringLength(10)]
    public string? UnitCode { get; set; }

    public Field? Field { get; set; }

    [Range(0, 100000, ErrorMessage = "Chỉ tiêu phải từ {1} đến {2}.")]
    public int? Count { get; set; }
}

public sealed class CampaignInput
{
    [Display(Name = "Tên đợt đăng ký")]
    [Required(ErrorMessage = "Vui lòng nhập {0}.")]
    [StringLength(300, ErrorMessage = "{0} không được dài quá {1} ký tự.")]
    [CleanText]
    public string? Name { get; set; }

    [Display(Name = "Đơn vị")]
    [Required(ErrorMessage = "Vui lòng nhập {0}.")]
    public string? UnitCode { get; set; }

    [Display(Name = "Ngày bắt đầu")]
    [Required(ErrorMessage = "Vui lòng nhập {0}.")]
    public DateOnly? OpensOn { get; set; }

    [Display(Name = "Ngày kết thúc")]
    [Required(ErrorMessage = "Vui lòng nhập {0}.")]
    public DateOnly? ClosesOn { get; set; }

    [Display(Name = "Bộ tiêu chí")]
    public int? CriteriaSetId { get; set; }

    [Display(Name = "Liên hệ khi hết hạn")]
    [StringLength(300, ErrorMessage = "{0} không được dài quá {1} ký tự.")]
    [CleanText]
    public string? Contact { get; set; }

    [Display(Name = "Chỉ tiêu")]
    [MaxLength(2000, ErrorMessage = "{0}: tối đa {1} mục.")]
    public List<TargetInput> Targets { get; set; } = [];

    public int Version { get; set; }
}

public sealed record CampaignRow(int Id, string Name, string UnitCode, string UnitName, DateOnly OpensOn, DateOnly ClosesOn, int Registered, int Target);

public sealed record OfficerRef(string Email, string FullName);

/// <summary>One child unit's (or, in a commune, one organisation's) registrations against its target.</summary>
public sealed record ProgressRow(string Key, string Name, int Target, int Registered, bool Late, bool Missing, IReadOnlyList<OfficerRef> Officers)
{
    /// <summary>Has a target and has not reached it yet, however far the close date is.</summary>
    public bool BelowTarget => Target > 0 && Registered < Target;

    /// <summary>Needs a word from the round's secretariat: nothing registered, or below its target.</summary>
    public bool Behind => Missing || Late || BelowTarget;
}

public sealed record CampaignDetail(int Id, string Name, string UnitCode, string UnitName, string ScopePath, DateOnly OpensOn, DateOnly ClosesOn,
    int? CriteriaSetId, string? CriteriaSetName, string? Contact, int Version, bool IsOpen, bool IsClosed,
    IReadOnlyList<ProgressRow> Progress, int TotalTarget, int TotalRegistered);

public static class Campaigns
{
    public static async Task<Page<CampaignRow>> ListAsync(AppDbContext db, UserScope scope, ListPage page, CancellationToken ct)
    {
        // A caller sees rounds of their area and the rounds above it that their units register into.
        var paths = scope.ReadPaths;
        var ancestors = paths.SelectMany(Notifier.AncestorPaths).Distinct().ToList();
        var inside = db.Campaigns.WithinPaths(paths, c => c.ScopePath).Select(c => c.Id);
        var q = db.Campaigns.AsNoTracking().Where(c => ancestors.Contains(c.ScopePath) || inside.Contains(c.Id));
        return await Paging.NewestFirstAsync(q, c => c.OpensOn, page,
            rows => rows.Select(c => new CampaignRow(c.Id, c.Name, c.Unit!.Code, c.Unit.FullName, c.OpensOn, c.ClosesOn,
                db.Initiatives.Count(i => i.CampaignId == c.Id), c.Targets.Sum(t => (int?)t.Count) ?? 0)), r => r.Id, ct);
    }

    /// <summary>
    /// Rounds running during a period that concern an area (held by it, inside it, or above it), with the targets set
    /// for units inside the area against the models of the area registered into them. Null path = the whole country.
    /// </summary>
    public static async Task<List<CampaignRow>> TargetsAgainstResultsAsync(AppDbContext db, UserScope scope, string? path, DateOnly from, DateOnly to, CancellationToken ct)
    {
        var area = path ?? "/";
        var above = Notifier.AncestorPaths(area).ToList();
        var running = db.Campaigns.AsNoTracking().Where(c => c.OpensOn <= to && c.ClosesOn >= from);
        var rounds = await running.Where(c => above.Contains(c.ScopePath)).Union(running.WithinPaths([area], c => c.ScopePath))
            .OrderBy(c => c.ClosesOn).ThenBy(c => c.Id).Take(50)
            .Select(c => new { c.Id, c.Name, c.Unit!.Code, c.Unit.FullName, c.OpensOn, c.ClosesOn, c.ScopePath }).ToListAsync(ct);
        // The caller sees rounds of their area and above it, as on the rounds page.
        rounds = rounds.Where(r => scope.CanRead(r.ScopePath) || scope.ReadPaths.Any(p => UnitPaths.Contains(r.ScopePath, p))).ToList();
        var ids = rounds.Select(r => (int?)r.Id).ToList();
        var registered = await db.Initiatives.AsNoTracking().Where(i => ids.Contains(i.CampaignId)).WithinPaths([area], i => i.ScopePath)
            .GroupBy(i => i.CampaignId!.Value).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        var targets = await db.CampaignTargets.AsNoTracking().Where(t => ids.Contains(t.CampaignId)).WithinPaths([area], t => t.Unit!.Path)
            .GroupBy(t => t.CampaignId).Select(g => new { g.Key, Count = g.Sum(t => t.Count) }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        return rounds.Select(r => new CampaignRow(r.Id, r.Name, r.Code, r.FullName, r.OpensOn, r.ClosesOn,
            registered.GetValueOrDefault(r.Id), targets.GetValueOrDefault(r.Id))).ToList();
    }

    /// <summary>Open rounds that a unit at this path may register into.</summary>
    public static async Task<List<CampaignRow>> OpenForAsync(AppDbContext db, IEnumerable<string> paths, DateOnly today, CancellationToken ct)
    {
        var ancestors = paths.SelectMany(Notifier.AncestorPaths).Distinct().ToList();
        return await db.Campaigns.AsNoTracking().Where(c => ancestors.Contains(c.ScopePath) && c.OpensOn <= today && c.ClosesOn >= today)
            .OrderBy(c => c.ClosesOn)
            .Select(c => new CampaignRow(c.Id, c.Name, c.Unit!.Code, c.Unit.FullName, c.OpensOn, c.ClosesOn, 0, 0)).ToListAsync(ct);
    }

    /// <summary>
    /// Reminds the officers of every unit behind its target (nothing registered, or fewer than its target) in a round
    /// the caller runs, in the app and by mail. Returns how many officers were told, and the units behind that have no
    /// officer to tell (someone must call them). A round not yet open has nobody behind: refused.
    /// </summary>
    public static async Task<(int Told, IReadOnlyList<string> NoOfficer)> RemindAsync(AppDbContext db, UserScope scope, Mailer mailer, int id, DateOnly today, TimeProvider clock, CancellationToken ct)
    {
        var d = await DetailAsync(db, scope, id, today, ct) ?? throw new ScopeException(false);
        scope.Demand(Operation.RunRound, d.ScopePath);
        if (today < d.OpensOn)
        {
            throw new DomainException($"Đợt đăng ký chưa mở (mở từ {d.OpensOn:dd/MM/yyyy}): chưa có đơn vị nào chậm để nhắc.");
        }

        var noOfficer = d.Progress.Where(p => p.Behind && p.Officers.Count == 0).Select(p => p.Name).ToList();
        var behind = d.Progress.Where(p => p.Behind && p.Officers.Count > 0).ToList();
        var emails = behind.SelectMany(p => p.Officers.Select(o => o.Email.ToUpperInvariant())).Distinct().ToList();
        var users = await db.Users.AsNoTracking().Where(u => emails.Contains(u.NormalizedEmail!)).Select(u => new { u.Id, u.NormalizedEmail }).ToListAsync(ct);
        var told = 0;
        var mails = new List<(List<string> Ids, string Text)>();
        foreach (var p in behind)
        {
            var ids = users.Where(u => p.Officers.Any(o => string.Equals(o.Email, u.NormalizedEmail, StringComparison.OrdinalIgnoreCase))).Select(u => u.Id).ToList();
            var text = $"Đợt đăng ký \"{d.Name}\": {p.Name} mới đăng ký {p.Registered}/{p.Target} mô hình; hạn chót {d.ClosesOn:dd/MM/yyyy}.";
            Notifier.Notify(db, ids, text, $"/Campaigns/Detail/{d.Id}", clock.GetUtcNow());
            mails.Add((ids, text));
            told += ids.Count;
        }

        // The mails go into the outbox with the notifications and the audit line: one save, all or nothing.
        foreach (var (ids, text) in mails)
        {
            await mailer.QueueToUsersAsync(db, ids, $"DanVan: nhắc đăng ký mô hình — {d.Name}", text, $"/Campaigns/Detail/{d.Id}", ct);
        }

        db.Audit("round-reminder", nameof(Campaign), d.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), new { units = behind.Count, officers = told, noOfficer = noOfficer.Count });
        await db.SaveChangesAsync(ct);
        return (told, noOfficer);
    }

    public static async Task<CampaignDetail?> DetailAsync(AppDbContext db, UserScope scope, int id, DateOnly today, CancellationToken ct)
    {
        var c = await db.Campaigns.AsNoTracking().Include(x => x.Unit).Include(x => x.CriteriaSet).Include(x => x.Targets).ThenInclude(t => t.Unit)
            .FirstOrDefaultAsync(x => x.Id == id, ct);
        if (c is null || !(scope.CanRead(c.ScopePath) || scope.ReadPaths.Any(p => UnitPaths.Contains(c.ScopePath, p))))
        {
            return null;
        }

        var closed = today > c.ClosesOn;
        var registrations = await db.Initiatives.AsNoTracking().Where(i => i.CampaignId == id).ReadableBy(scope, i => i.ScopePath)
            .Select(i => new { i.ScopePath, i.OwnerOrganizationId, OrgName = i.OwnerOrganization != null ? i.OwnerOrganization.Name : null }).ToListAsync(ct);
        var progress = new List<ProgressRow>();
        if (c.Unit!.Level == 1)
        {
            var children = await db.AdminUnits.AsNoTracking().Where(u => u.Map == Maps.Current && u.ParentCode == c.Unit.Code)
                .WithinPaths(scope.ReadPaths, u => u.Path).OrderBy(u => u.SortKey).Select(u => new { u.Id, u.Code, u.FullName, u.Path }).ToListAsync(ct);
            var officers = await db.RoleGrants.AsNoTracking().Where(g => g.Role == Role.Officer && g.UnitId != null && g.Unit!.ParentCode == c.Unit.Code)
                .Select(g => new { g.ScopePath, g.User!.Email, g.User.FullName }).ToListAsync(ct);
            foreach (var u in children)
            {
                var target = c.Targets.Where(t => t.UnitId == u.Id).Sum(t => t.Count);
                var registered = registrations.Count(r => UnitPaths.Contains(u.Path, r.ScopePath));
                var missing = registered == 0 && (target > 0 || closed);
                var late = registered < target && (closed || (c.ClosesOn.DayNumber - today.DayNumber) <= 7);
                progress.Add(new ProgressRow(u.Code, u.FullName, target, registered, late, missing,
                    officers.Where(o => o.ScopePath == u.Path).Select(o => new OfficerRef(o.Email ?? string.Empty, o.FullName)).ToList()));
            }
        }
        else
        {
            // In a commune the block secretary follows associations and organisations.
            var orgs = await db.Organizations.AsNoTracking().WithinPaths([c.ScopePath], o => o.ScopePath).OrderBy(o => o.SortKey).Select(o => new { o.Id, o.Name }).ToListAsync(ct);
            foreach (var o in orgs)
            {
                var registered = registrations.Count(r => r.OwnerOrganizationId == o.Id);
                progress.Add(new ProgressRow(o.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), o.Name, 0, registered, false, registered == 0 && closed, []));
            }
        }

        var totalTarget = c.Targets.Sum(t => t.Count);
        return new CampaignDetail(c.Id, c.Name, c.Unit.Code, c.Unit.FullName, c.ScopePath, c.OpensOn, c.ClosesOn, c.CriteriaSetId, c.CriteriaSet?.Name,
            c.Contact, c.Version, c.IsOpenOn(today), closed,
            progress.OrderByDescending(p => p.Missing).ThenByDescending(p => p.Late).ThenBy(p => p.Name, VietnameseText.Comparer).ToList(),
            totalTarget, registrations.Count);
    }

    public static async Task<Campaign> SaveAsync(AppDbContext db, UserScope scope, int? id, CampaignInput input, CancellationToken ct)
    {
        var unit = await Lookups.CurrentUnitAsync(db, input.UnitCode, nameof(CampaignInput.UnitCode), ct);
        scope.Demand(Operation.RunRound, unit.Path);
        Campaign c;
        if (id is null)
        {
            c = new Campaign();
            db.Campaigns.Add(c);
        }
        else
        {
            c = await db.Campaigns.Include(x => x.Targets).FirstOrDefaultAsync(x => x.Id == id, ct) ?? throw new ScopeException(false);
            scope.Demand(Operation.RunRound, c.ScopePath);
            db.ExpectVersion(c, input.Version);
        }

        if (input.CriteriaSetId is { } setId && !await db.CriteriaSets.ReadableBy(scope, s => s.ScopePath).AnyAsync(s => s.Id == setId, ct))
        {
            throw DomainException.For(nameof(CampaignInput.CriteriaSetId), "Không tìm thấy bộ tiêu chí.");
        }

        c.Name = input.Name ?? string.Empty;
        c.UnitId = unit.Id;
        c.Unit = unit;
        c.ScopePath = unit.Path;
        c.OpensOn = input.OpensOn!.Value;
        c.ClosesOn = input.ClosesOn!.Value;
        c.CriteriaSetId = input.CriteriaSetId;
        c.Contact = string.IsNullOrWhiteSpace(input.Contact) ? null : input.Contact.Trim();
        c.Validate();

        var targets = new List<CampaignTarget>();
        foreach (var t in input.Targets.Where(t => !string.IsNullOrWhiteSpace(t.UnitCode) && t.Count is > 0))
        {
            var child = await db.AdminUnits.FirstOrDefaultAsync(u => u.Map == Maps.Current && u.Code == t.UnitCode, ct);
            if (child is null || !UnitPaths.Contains(unit.Path, child.Path) || child.Id == unit.Id)
            {
                throw DomainException.For("Targets", $"Đơn vị {t.UnitCode} không trực thuộc {unit.FullName}.");
            }

            if (targets.Any(x => x.UnitId == child.Id && x.Field == t.Field))
            {
                throw DomainException.For("Targets", $"Chỉ tiêu cho {child.FullName} bị lặp.");
            }

            targets.Add(new CampaignTarget { UnitId = child.Id, Field = t.Field, Count = t.Count!.Value });
        }

        db.CampaignTargets.RemoveRange(c.Targets);
        c.Targets = targets;
        await db.SaveChangesAsync(ct);
        return c;
    }
}
