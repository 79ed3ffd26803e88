using System.ComponentModel.DataAnnotations;
using DanVan.Data;
using DanVan.Domain;
using DanVan.Features.Initiatives;
using DanVan.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Features.Appraisals;

public sealed class AppraisalInput
{
    [Display(Name = "Tên đợt thẩm định")]
    [Required(ErrorMessage = "Vui lòng nhập {0}.")]
    [StringLength(300, ErrorMessage = "{0} không được dài quá {1} ký tự.")]
    [CleanText]
    public string? Name { get; set; }

    [Display(Name = "Đơn vị tổ chức thẩm định")]
    [Required(ErrorMessage = "Vui lòng nhập {0}.")]
    public string? UnitCode { get; set; }

    [Display(Name = "Bộ tiêu chí")]
    [Required(ErrorMessage = "Vui lòng chọn {0}.")]
    public int? CriteriaSetId { get; set; }

    [Display(Name = "Mô hình")]
    [MaxLength(500, ErrorMessage = "{0}: tối đa {1} mục.")]
    public List<int> InitiativeIds { get; set; } = [];

    /// <summary>Council members by e-mail.</summary>
    [Display(Name = "Thành viên hội đồng")]
    [MaxLength(30, ErrorMessage = "{0}: tối đa {1} mục.")]
    public List<string> MemberEmails { get; set; } = [];
}

public sealed class ScoreInput
{
    [MaxLength(100, ErrorMessage = "{0}: tối đa {1} mục.")]
    public Dictionary<int, decimal?> Scores { get; set; } = [];

    [StringLength(2000)]
    [CleanText]
    public string? Comment { get; set; }
}

public sealed class ConclusionInput
{
    [Required(ErrorMessage = "Vui lòng chọn kết luận.")]
    public AppraisalOutcome? Outcome { get; set; }

    [StringLength(2000)]
    [CleanText]
    public string? Conclusion { get; set; }

    [StringLength(8000)]
    [CleanText]
    public string? FieldVisitNotes { get; set; }
}

public sealed record MemberView(string UserId, string Email, string FullName);

public sealed record ItemView(int ItemId, int InitiativeId, string InitiativeName, string UnitName, AppraisalOutcome Outcome, string? Conclusion,
    string? FieldVisitNotes, IReadOnlyList<(string UserId, bool Automatic, string Reason)> Excluded, AppraisalMath.ItemResult Result,
    IReadOnlyDictionary<string, IReadOnlyDictionary<int, decimal>> Scores);

public sealed record AppraisalView(int Id, string Name, string UnitCode, string UnitName, string ScopePath, AppraisalStatus Status, DateOnly OpenedOn,
    Criteria.CriteriaSetView CriteriaSet, IReadOnlyList<MemberView> Members, IReadOnlyList<ItemView> Items, int Version);

public sealed record AppraisalRow(int Id, string Name, string UnitName, AppraisalStatus Status, DateOnly OpenedOn, int Items, int Members);

public static class Appraisals
{
    /// <summary>The appraisals the caller may see, latest opened first, a page at a time.</summary>
    public static Task<Page<AppraisalRow>> ListAsync(AppDbContext db, UserScope scope, ListPage page, CancellationToken ct)
    {
        // Secretariats see their area's appraisals; a council member sees the ones they sit on.
        var mine = db.AppraisalMembers.Where(m => m.UserId == scope.UserId).Select(m => m.AppraisalId);
        var area = db.Appraisals.WithinPaths(scope.ReadPaths, a => a.ScopePath).Select(a => a.Id);
        var q = db.Appraisals.AsNoTracking().Where(a => area.Contains(a.Id) || mine.Contains(a.Id));
        return Paging.NewestFirstAsync(q, a => a.OpenedOn, page,
            rows => rows.Select(a => new AppraisalRow(a.Id, a.Name, a.Unit!.FullName, a.Status, a.OpenedOn, a.Items.Count, a.Members.Count)), r => r.Id, ct);
    }

    public static async Task<Appraisal> CreateAsync(AppDbContext db, UserScope scope, AppraisalInput input, TimeProvider clock, CancellationToken ct)
    {
        var unit = await Lookups.CurrentUnitAsync(db, input.UnitCode, nameof(AppraisalInput.UnitCode), ct);
        scope.Demand(Operation.RunAppraisal, unit.Path);
        var set = await db.CriteriaSets.Include(s => s.Criteria).ReadableBy(scope, s => s.ScopePath).FirstOrDefaultAsync(s => s.Id == input.CriteriaSetId, ct)
            ?? throw DomainException.For(nameof(AppraisalInput.CriteriaSetId), "Không tìm thấy bộ tiêu chí.");
        var ids = input.InitiativeIds.Distinct().ToList();
        if (ids.Count == 0)
        {
            throw DomainException.For(nameof(AppraisalInput.InitiativeIds), "Chọn ít nhất một mô hình để thẩm định.");
        }

        var initiatives = await db.Initiatives.WithinPaths([unit.Path], i => i.ScopePath).Where(i => ids.Contains(i.Id)).ToListAsync(ct);
        if (initiatives.Count != ids.Count)
        {
            throw DomainException.For(nameof(AppraisalInput.InitiativeIds), "Có mô hình không thuộc phạm vi của đơn vị tổ chức thẩm định.");
        }

        if (initiatives.FirstOrDefault(i => i.Status == InitiativeStatus.Retired) is { } retired)
        {
            throw DomainException.For(nameof(AppraisalInput.InitiativeIds), $"Mô hình \"{retired.Name}\" đã bị loại bỏ.");
        }

        var emails = input.MemberEmails.Select(e => e.Trim()).Where(e => e.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        if (emails.Count == 0)
        {
            throw DomainException.For(nameof(AppraisalInput.MemberEmails), "Hội đồng cần ít nhất một thành viên.");
        }

        var upper = emails.Select(e => e.ToUpperInvariant()).ToList();
        var members = await db.Users.Include(u => u.HomeUnit).Include(u => u.Grants)
            .Where(u => upper.Contains(u.NormalizedEmail!)).ToListAsync(ct);
        var unknown = emails.Where(e => !members.Any(m => string.Equals(m.Email, e, StringComparison.OrdinalIgnoreCase))).ToList();
        if (unknown.Count > 0)
        {
            throw DomainException.For(nameof(AppraisalInput.MemberEmails), "Không có tài khoản: " + string.Join(", ", unknown));
        }

        if (members.FirstOrDefault(m => !m.Grants.Any(g => Permissions.MaySitOnCouncil(g.Role))) is { } notAppraiser)
        {
            throw DomainException.For(nameof(AppraisalInput.MemberEmails), $"{notAppraiser.Email} chưa được cấp vai trò thành viên hội đồng thẩm định.");
        }

        set.Frozen = true; // from now on the set is never changed underneath this appraisal
        var appraisal = new Appraisal
        {
            Name = input.Name ?? string.Empty,
            UnitId = unit.Id,
            ScopePath = unit.Path,
            CriteriaSetId = set.Id,
            OpenedOn = VietnamClock.Today(clock),
            Status = AppraisalStatus.Open,
            Members = members.Select(m => new AppraisalMember { UserId = m.Id }).ToList(),
        };
        foreach (var i in initiatives)
        {
            var item = new AppraisalItem { InitiativeId = i.Id, Outcome = AppraisalOutcome.Pending };
            foreach (var m in members)
            {
                var home = m.HomeUnit?.Path;
                var sameUnit = home is not null
                    ? UnitPaths.Contains(i.ScopePath, home)
                    : m.Grants.Any(g => g.ScopePath != "/" && UnitPaths.Contains(i.ScopePath, g.ScopePath));
                var sameOrg = m.OrganizationId is not null && m.OrganizationId == i.OwnerOrganizationId;
                if (sameUnit || sameOrg)
                {
                    item.Recusals.Add(new AppraisalRecusal
                    {
                        UserId = m.Id,
                        Automatic = true,
                        Reason = sameOrg ? "Cùng tổ chức chủ thể của mô hình" : "Cùng đơn vị với mô hình",
                    });
                }
            }

            appraisal.Items.Add(item);
        }

        db.Appraisals.Add(appraisal);
        await db.SaveChangesAsync(ct);
        Notifier.Notify(db, members.Select(m => m.Id), $"Bạn được mời tham gia hội đồng thẩm định: {appraisal.Name}", $"/Appraisals/{appraisal.Id}", clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return appraisal;
    }

    public static async Task<AppraisalView?> ViewAsync(AppDbContext db, UserScope scope, int id, CancellationToken ct)
    {
        var a = await db.Appraisals.AsNoTracking().Include(x => x.Unit).Include(x => x.Members).ThenInclude(m => m.User)
            .Include(x => x.Items).ThenInclude(i => i.Initiative).ThenInclude(i => i!.CurrentUnit)
            .Include(x => x.Items).ThenInclude(i => i.Scores).Include(x => x.Items).ThenInclude(i => i.Recusals)
            .AsSplitQuery().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (a is null || !(scope.CanRead(a.ScopePath) || a.Members.Any(m => m.UserId == scope.UserId)))
        {
            return null;
        }

        var set = await db.CriteriaSets.AsNoTracking().Include(s => s.Criteria).Include(s => s.Unit).FirstAsync(s => s.Id == a.CriteriaSetId, ct);
        var specs = set.Criteria.Select(c => new AppraisalMath.CriterionSpec(c.Id, c.Weight, c.MaxScore)).ToList();
        var scores = a.Items.SelectMany(i => i.Scores.Select(s => new AppraisalMath.Score(s.UserId, i.Id, s.CriterionId, s.Value)));
        var results = AppraisalMath.Results(specs, scores.ToList(), a.Items.Select(i => i.Id), set.PassThreshold).ToDictionary(r => r.Item);
        var items = a.Items.OrderBy(i => i.Id).Select(i => new ItemView(i.Id, i.InitiativeId, i.Initiative!.Name, i.Initiative.CurrentUnit!.FullName, i.Outcome,
            i.Conclusion, i.FieldVisitNotes, i.Recusals.Select(r => (r.UserId, r.Automatic, r.Reason)).ToList(), results[i.Id],
            i.Scores.GroupBy(s => s.UserId).ToDictionary(g => g.Key, g => (IReadOnlyDictionary<int, decimal>)g.ToDictionary(s => s.CriterionId, s => s.Value)))).ToList();
        return new AppraisalView(a.Id, a.Name, a.Unit!.Code, a.Unit.FullName, a.ScopePath, a.Status, a.OpenedOn, Criteria.CriteriaSets.View(set),
            a.Members.Select(m => new MemberView(m.UserId, m.User!.Email ?? string.Empty, m.User.FullName)).OrderBy(m => m.FullName, VietnameseText.Comparer).ToList(),
            items, a.Version);
    }

    private static async Task<(Appraisal Appraisal, AppraisalItem Item)> ItemForMemberAsync(AppDbContext db, UserScope scope, int appraisalId, int itemId, CancellationToken ct)
    {
        var a = await db.Appraisals.Include(x => x.Members).Include(x => x.Items.Where(i => i.Id == itemId)).ThenInclude(i => i.Scores)
            .Include(x => x.Items).ThenInclude(i => i.Recusals).FirstOrDefaultAsync(x => x.Id == appraisalId, ct) ?? throw new ScopeException(false);
        if (a.Members.All(m => m.UserId != scope.UserId))
        {
            throw new ScopeException(scope.CanRead(a.ScopePath));
        }

        var item = a.Items.FirstOrDefault(i => i.Id == itemId) ?? throw new ScopeException(false);
        a.EnsureOpen();
        if (item.Recusals.Any(r => r.UserId == scope.UserId))
        {
            throw new DomainException("Bạn không chấm mô hình này (đã được loại trừ hoặc đã xin không tham gia).");
        }

        return (a, item);
    }

    public static async Task ScoreAsync(AppDbContext db, UserScope scope, int appraisalId, int itemId, ScoreInput input, CancellationToken ct)
    {
        var (a, item) = await ItemForMemberAsync(db, scope, appraisalId, itemId, ct);
        // A member scores under the operation too: a council member whose role was taken away no longer scores.
        if (!scope.CanAnywhere(Operation.Score))
        {
            throw new ScopeException(true);
        }
        var criteria = await db.Criteria.Where(c => c.CriteriaSetId == a.CriteriaSetId).ToListAsync(ct);
        foreach (var c in criteria)
        {
            if (!input.Scores.TryGetValue(c.Id, out var value) || value is null)
            {
                throw DomainException.For("Scores", $"Chưa chấm tiêu chí \"{c.Name}\".");
            }

            if (value < 0 || value > c.MaxScore)
            {
                throw DomainException.For("Scores", $"Điểm tiêu chí \"{c.Name}\" phải từ 0 đến {c.MaxScore:0.##}.");
            }
        }

        if (input.Scores.Keys.Any(k => criteria.All(c => c.Id != k)))
        {
            throw DomainException.For("Scores", "Có tiêu chí không thuộc bộ tiêu chí của đợt thẩm định.");
        }

        db.AppraisalScores.RemoveRange(item.Scores.Where(s => s.UserId == scope.UserId));
        foreach (var c in criteria)
        {
            db.AppraisalScores.Add(new AppraisalScore { ItemId = item.Id, UserId = scope.UserId!, CriterionId = c.Id, Value = input.Scores[c.Id]!.Value, Comment = input.Comment?.Trim() });
        }

        db.Audit("scored", nameof(Appraisal), a.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), new { item = item.Id, scores = input.Scores, input.Comment });
        await db.SaveChangesAsync(ct);
    }

    public static async Task RecuseAsync(AppDbContext db, UserScope scope, int appraisalId, int itemId, string? reason, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(reason))
        {
            throw DomainException.For("Reason", "Cần ghi lý do không tham gia chấm mô hình này.");
        }

        var (a, item) = await ItemForMemberAsync(db, scope, appraisalId, itemId, ct);
        db.AppraisalScores.RemoveRange(item.Scores.Where(s => s.UserId == scope.UserId));
        db.AppraisalRecusals.Add(new AppraisalRecusal { ItemId = item.Id, UserId = scope.UserId!, Automatic = false, Reason = reason.Trim() });
        db.Audit("recused", nameof(Appraisal), a.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), new { item = item.Id, reason });
        await db.SaveChangesAsync(ct);
    }

    public static async Task ConcludeAsync(AppDbContext db, UserScope scope, int appraisalId, int itemId, ConclusionInput input, TimeProvider clock, CancellationToken ct)
    {
        var a = await db.Appraisals.Include(x => x.Items).FirstOrDefaultAsync(x => x.Id == appraisalId, ct) ?? throw new ScopeException(false);
        scope.Demand(Operation.RunAppraisal, a.ScopePath);
        a.EnsureOpen();
        var item = a.Items.FirstOrDefault(i => i.Id == itemId) ?? throw new ScopeException(false);
        // Page, API and any later path share this check: a missing or "pending" outcome is not a conclusion.
        if (input.Outcome is not { } outcome || outcome == AppraisalOutcome.Pending)
        {
            throw DomainException.For(nameof(ConclusionInput.Outcome), "Vui lòng chọn kết luận Đạt hoặc Không đạt.");
        }

        item.Outcome = outcome;
        item.Conclusion = input.Conclusion?.Trim();
        item.FieldVisitNotes = input.FieldVisitNotes?.Trim();
        a.Version++;
        db.Audit("concluded", nameof(Appraisal), a.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), new { item = item.Id, outcome = item.Outcome.ToString(), item.Conclusion });
        if (item.Outcome == AppraisalOutcome.Failed && await db.Initiatives.AsNoTracking().Where(i => i.Id == item.InitiativeId).Select(i => new { i.Name, i.ScopePath }).FirstOrDefaultAsync(ct) is { } model)
        {
            // The unit hears it from DanVan, not at the next meeting.
            await Notifier.NotifyOfficersAsync(db, model.ScopePath, $"Mô hình \"{model.Name}\" chưa đạt khi thẩm định ({a.Name}){(string.IsNullOrWhiteSpace(item.Conclusion) ? "." : ": " + item.Conclusion)}",
                $"/Initiatives/{item.InitiativeId}", clock.GetUtcNow(), ct);
        }

        await db.SaveChangesAsync(ct);
    }

    public static async Task CloseAsync(AppDbContext db, UserScope scope, int appraisalId, CancellationToken ct)
    {
        var a = await db.Appraisals.Include(x => x.Items).FirstOrDefaultAsync(x => x.Id == appraisalId, ct) ?? throw new ScopeException(false);
        scope.Demand(Operation.RunAppraisal, a.ScopePath);
        a.Close();
        await db.SaveChangesAsync(ct);
    }
}
