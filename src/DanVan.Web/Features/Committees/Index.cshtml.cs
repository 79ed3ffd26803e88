using DanVan.Data;
using DanVan.Domain;
using DanVan.Features.Units;
using DanVan.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Features.Committees;

/// <summary>Steering committees with their members' assignments, and communes' blocks and village teams.</summary>
public class IndexModel(AppDbContext db, ScopeAccessor scopes) : PageModel
{
    public IReadOnlyList<CommitteeView> Committees { get; private set; } = [];

    public IReadOnlyList<TeamView> Teams { get; private set; } = [];

    public List<UnitSummary> ManagedUnits { get; private set; } = [];

    public List<UnitSummary> Communes { get; private set; } = [];

    [BindProperty]
    public CommitteeInput Committee { get; set; } = new() { TermFrom = 2025, TermTo = 2030 };

    /// <summary>One member a line: "Họ tên | Chức vụ | lĩnh vực, lĩnh vực | mã đơn vị, mã đơn vị".</summary>
    [BindProperty]
    public string? MemberLines { get; set; }

    [BindProperty]
    public TeamInput Team { get; set; } = new() { Kind = TeamKind.VillageTeam };

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(await scopes.GetAsync(ct), ct);

    public async Task<IActionResult> OnPostCommitteeAsync(CancellationToken ct)
    {
        var scope = await scopes.GetAsync(ct);
        ModelState.KeepOnly(nameof(Committee));

        Committee.Members = ParseMembers(MemberLines);
        return await RunAsync(scope, () => Features.Committees.Committees.SaveAsync(db, scope, null, Committee, ct), "Committee.", "Đã lưu Ban Chỉ đạo.", ct);
    }

    public async Task<IActionResult> OnPostTeamAsync(CancellationToken ct)
    {
        var scope = await scopes.GetAsync(ct);
        ModelState.KeepOnly(nameof(Team));

        return await RunAsync(scope, () => Features.Committees.Committees.AddTeamAsync(db, scope, Team, ct), "Team.", "Đã thêm khối, tổ dân vận.", ct);
    }

    private async Task<IActionResult> RunAsync(UserScope scope, Func<Task> action, string prefix, string done, CancellationToken ct)
    {
        if (ModelState.IsValid && await Outcomes.PageAsync(ModelState, db, action, prefix))
        {
            TempData["Flash"] = done;
            return RedirectToPage();
        }

        await LoadAsync(scope, ct);
        return Page();
    }

    public static List<MemberInput> ParseMembers(string? lines) =>
        (lines ?? string.Empty).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(line =>
        {
            var parts = line.Split('|').Select(p => p.Trim()).ToArray();
            var fields = parts.Length > 2
                ? parts[2].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                    .Select(f => EnumKeys.TryParse<Field>(f, out var v) ? v : Enum.GetValues<Field>().FirstOrDefault(x => VietnameseText.Fold(Labels.Of(x)).Contains(VietnameseText.Fold(f), StringComparison.Ordinal)))
                    .Distinct().ToList()
                : [];
            return new MemberInput { FullName = parts[0], Position = parts.Length > 1 ? parts[1] : null, FollowsFields = fields, FollowsUnits = parts.Length > 3 ? parts[3] : null };
        }).ToList();

    private async Task LoadAsync(UserScope scope, CancellationToken ct)
    {
        Committees = (await Features.Committees.Committees.ListAsync(db, scope, ListPage.First(), ct)).Items;
        // The page shows a commune's teams together, by name.
        Teams = [.. (await Features.Committees.Committees.TeamsAsync(db, scope, ListPage.First(500), ct)).Items
            .OrderBy(t => t.UnitName, VietnameseText.Comparer).ThenBy(t => t.Kind).ThenBy(t => t.Name, VietnameseText.Comparer)];
        ManagedUnits = await UnitChoices.WithinAsync(db, scope.PathsFor(Operation.ManageCommittee), null, ct);
        Communes = await UnitChoices.WithinAsync(db, scope.PathsFor(Operation.Register), 2, ct);
    }
}
