using System.ComponentModel.DataAnnotations;
using DanVan.Data;
using DanVan.Domain;
using DanVan.Features.Initiatives;
using DanVan.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Features.Admin.Users;

public class EditModel(AppDbContext db, ScopeAccessor scopes, UserManager<AppUser> users, TimeProvider clock) : PageModel
{
    public UserRow? Target { get; private set; }

    public bool CanManageAccount { get; private set; }

    /// <summary>The account's API tokens still in force.</summary>
    public int ActiveTokens { get; private set; }

    public UserScope Scope { get; private set; } = UserScope.Anonymous;

    [BindProperty] public NewUserInput NewUser { get; set; } = new();

    [BindProperty] public GrantInput Grant { get; set; } = new();

    /// <summary>"integration": the new account is a system's, not a person's.</summary>
    [BindProperty(SupportsGet = true)] public string? Kind { get; set; }

    [BindProperty] public IntegrationInput NewIntegration { get; set; } = new();

    [BindProperty] public TokenInput NewToken { get; set; } = new();

    /// <summary>An integration's tokens (its managers issue and revoke them).</summary>
    public List<TokenRow> Tokens { get; private set; } = [];

    /// <summary>Shown once, to be put into the integrating system: the token just issued.</summary>
    public string? IssuedToken { get; private set; }

    public sealed class IntegrationInput
    {
        [Display(Name = "Tên hệ thống tích hợp")]
        [Required(ErrorMessage = "Vui lòng nhập {0}.")]
        [StringLength(200, MinimumLength = 3, ErrorMessage = "{0} phải có từ {2} đến {1} ký tự.")]
        [CleanText]
        public string Name { get; set; } = string.Empty;
    }

    public sealed class TokenInput
    {
        [Display(Name = "Tên mã")]
        [Required(ErrorMessage = "Vui lòng nhập {0}.")]
        [StringLength(100, ErrorMessage = "{0} không được dài quá {1} ký tự.")]
        [CleanText]
        public string Name { get; set; } = string.Empty;

        [Display(Name = "Thời hạn (ngày)")]
        [Range(1, ApiTokenService.MaxDays, ErrorMessage = "{0} từ {1} đến {2} ngày.")]
        public int Days { get; set; } = ApiTokenService.DefaultDays;
    }

    /// <summary>Only what this form posted is judged: the other forms of the page have fields of their own.</summary>
    private void Keep(params string[] prefixes)
    {
        foreach (var key in ModelState.Keys.Where(k => !prefixes.Any(p => k.StartsWith(p, StringComparison.Ordinal))).ToList())
        {
            ModelState.Remove(key);
        }
    }

    public async Task<IActionResult> OnPostCreateIntegrationAsync(CancellationToken ct)
    {
        if (await LoadAsync(null, ct) is { } denied)
        {
            return denied;
        }

        Kind = "integration";
        Keep("NewIntegration.", "Grant.");
        if (Grant.Role is null)
        {
            ModelState.AddModelError("Grant.Role", "Vui lòng chọn vai trò cho tài khoản tích hợp.");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        AppUser? created = null;
        try
        {
            created = await UserAdmin.CreateIntegrationAsync(db, users, Scope, NewIntegration.Name, Grant.Role!.Value, Grant.UnitCode, clock, ct);
        }
        catch (DomainException e)
        {
            db.ChangeTracker.Clear();
            ModelState.AddModelError(e.Field == "Name" ? "NewIntegration.Name" : "Grant." + e.Field, e.Message);
            return Page();
        }

        TempData["Flash"] = "Đã tạo tài khoản tích hợp. Cấp mã truy cập API cho nó ở dưới.";
        return RedirectToPage(new { id = created.Id });
    }

    public async Task<IActionResult> OnPostIssueTokenAsync(string id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } denied)
        {
            return denied;
        }

        Keep("NewToken.");
        if (!ModelState.IsValid)
        {
            return Page();
        }

        string? token = null;
        if (await Outcomes.PageAsync(ModelState, db, async () => token = await UserAdmin.IssueIntegrationTokenAsync(db, Scope, id, NewToken.Name, NewToken.Days, clock, ct), "NewToken."))
        {
            IssuedToken = token;
            NewToken = new TokenInput();
            ModelState.Clear();
            await LoadAsync(id, ct);
        }

        return Page();
    }

    public async Task<IActionResult> OnPostRevokeTokenAsync(string id, int tokenId, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } denied)
        {
            return denied;
        }

        await UserAdmin.RevokeIntegrationTokenAsync(db, Scope, id, tokenId, clock, ct);
        TempData["Flash"] = "Đã thu hồi mã truy cập.";
        return RedirectToPage(new { id });
    }

    public sealed class NewUserInput
    {
        [Display(Name = "Email")]
        [Required(ErrorMessage = "Vui lòng nhập {0}.")]
        [EmailAddress(ErrorMessage = "{0} không hợp lệ.")]
        [StringLength(256)]
        public string Email { get; set; } = string.Empty;

        [Display(Name = "Họ tên")]
        [Required(ErrorMessage = "Vui lòng nhập {0}.")]
        [StringLength(200, ErrorMessage = "{0} không được dài quá {1} ký tự.")]
        [CleanText]
        public string FullName { get; set; } = string.Empty;

        [Display(Name = "Đơn vị công tác (mã, bản đồ 2025)")]
        [StringLength(10)]
        public string? HomeUnitCode { get; set; }

        [Display(Name = "Mật khẩu ban đầu")]
        [Required(ErrorMessage = "Vui lòng nhập {0}.")]
        [StringLength(200, MinimumLength = 10, ErrorMessage = "{0} phải có từ {2} đến {1} ký tự.")]
        public string Password { get; set; } = string.Empty;
    }

    public sealed class GrantInput
    {
        [Display(Name = "Vai trò")]
        [Required(ErrorMessage = "Vui lòng chọn {0}.")]
        public Role? Role { get; set; }

        [Display(Name = "Mã đơn vị")]
        [StringLength(10)]
        public string? UnitCode { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(string? id, CancellationToken ct) => await LoadAsync(id, ct) ?? Page();

    public async Task<IActionResult> OnPostCreateAsync(CancellationToken ct)
    {
        if (await LoadAsync(null, ct) is { } denied)
        {
            return denied;
        }

        Keep("NewUser.", "Grant.");
        ModelState.Remove("Grant.Role");
        if (Grant.Role is null)
        {
            ModelState.AddModelError("Grant.Role", "Vui lòng chọn vai trò cho người dùng mới.");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        int? homeUnitId = null;
        if (!string.IsNullOrWhiteSpace(NewUser.HomeUnitCode))
        {
            homeUnitId = await db.AdminUnits.Where(u => u.Map == Maps.Current && u.Code == NewUser.HomeUnitCode.Trim()).Select(u => (int?)u.Id).FirstOrDefaultAsync(ct);
            if (homeUnitId is null)
            {
                ModelState.AddModelError("NewUser.HomeUnitCode", $"Không có đơn vị mã {NewUser.HomeUnitCode} trên bản đồ 2025.");
                return Page();
            }
        }

        var user = new AppUser { UserName = NewUser.Email.Trim(), Email = NewUser.Email.Trim(), EmailConfirmed = true, FullName = NewUser.FullName.Trim(), CreatedAt = clock.GetUtcNow(), HomeUnitId = homeUnitId };
        var result = await users.CreateAsync(user, NewUser.Password);
        if (!result.Succeeded)
        {
            foreach (var e in result.Errors)
            {
                ModelState.AddModelError(e.Code.StartsWith("Password", StringComparison.Ordinal) ? "NewUser.Password" : "NewUser.Email", e.Description);
            }

            return Page();
        }

        try
        {
            await UserAdmin.AddGrantAsync(db, Scope, user.Id, Grant.Role!.Value, Grant.UnitCode, ct);
        }
        catch (DomainException e)
        {
            // The account and its grant go in together or not at all.
            await tx.RollbackAsync(ct);
            db.ChangeTracker.Clear();
            ModelState.AddModelError("Grant." + e.Field, e.Message);
            return Page();
        }

        await tx.CommitAsync(ct);
        TempData["Flash"] = "Đã tạo người dùng.";
        return RedirectToPage(new { id = user.Id });
    }

    public async Task<IActionResult> OnPostGrantAsync(string id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } denied)
        {
            return denied;
        }

        ModelState.Clear();
        if (Grant.Role is null)
        {
            ModelState.AddModelError("Grant.Role", "Vui lòng chọn vai trò.");
            return Page();
        }

        if (await Outcomes.PageAsync(ModelState, db, () => UserAdmin.AddGrantAsync(db, Scope, id, Grant.Role.Value, Grant.UnitCode, ct), "Grant."))
        {
            TempData["Flash"] = "Đã cấp quyền.";
            return RedirectToPage(new { id });
        }

        return Page();
    }

    public async Task<IActionResult> OnPostRevokeAsync(string id, int grantId, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } denied)
        {
            return denied;
        }

        TempData["Flash"] = await UserAdmin.RemoveGrantAsync(db, Scope, grantId, ct) ? "Đã thu hồi quyền." : "Không thể thu hồi quyền này.";
        return RedirectToPage(new { id });
    }

    /// <summary>Shown once, to be passed on to the person: the temporary password just set.</summary>
    public string? TemporaryPassword { get; private set; }

    /// <summary>A forgotten password: a temporary one to pass on; the person's sessions and tokens end, the lock lifts.</summary>
    public async Task<IActionResult> OnPostResetPasswordAsync(string id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } denied)
        {
            return denied;
        }

        if (!CanManageAccount || id == Scope.UserId)
        {
            return Forbid();
        }

        var user = (await users.FindByIdAsync(id))!;
        var (result, password) = await AccountRecovery.ResetPasswordAsync(users, db, user, null, clock, ct);
        if (!result.Succeeded)
        {
            ModelState.AddModelError(string.Empty, string.Join(" ", result.Errors.Select(e => e.Description)));
        }
        else
        {
            TemporaryPassword = password;
        }

        await LoadAsync(id, ct);
        return Page();
    }

    /// <summary>A lost phone: two-step is turned off for the person to set it up again.</summary>
    public async Task<IActionResult> OnPostResetTwoFactorAsync(string id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } denied)
        {
            return denied;
        }

        if (!CanManageAccount || id == Scope.UserId)
        {
            return Forbid();
        }

        await AccountRecovery.ResetTwoFactorAsync(users, db, (await users.FindByIdAsync(id))!, clock, ct);
        TempData["Flash"] = "Đã tắt xác thực hai bước của người dùng; họ cần thiết lập lại.";
        return RedirectToPage(new { id });
    }

    /// <summary>A lost phone or a leaked token: the person is signed out everywhere and their tokens are revoked.</summary>
    public async Task<IActionResult> OnPostEndSessionsAsync(string id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } denied)
        {
            return denied;
        }

        if (!CanManageAccount)
        {
            return Forbid();
        }

        var ended = await Sessions.EndAsync(db, id, keep: id == Scope.UserId ? Sessions.Current(User) : null, revokeTokens: true, clock, ct);
        db.Audit("sessions-ended", "Account", id, new { ended });
        await db.SaveChangesAsync(ct);
        TempData["Flash"] = "Đã đăng xuất người dùng khỏi mọi nơi và thu hồi các mã truy cập API.";
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostLockAsync(string id, bool locked, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } denied)
        {
            return denied;
        }

        if (!CanManageAccount || id == Scope.UserId)
        {
            return Forbid();
        }

        var user = (await users.FindByIdAsync(id))!;
        await users.SetLockoutEndDateAsync(user, locked ? DateTimeOffset.MaxValue : null);
        db.Audit(locked ? "account-locked" : "account-unlocked", "Account", id);
        await db.SaveChangesAsync(ct);
        if (locked)
        {
            // A lock takes effect now: the person's open sessions end and their API tokens are revoked.
            await users.UpdateSecurityStampAsync(user);
            await Sessions.EndAsync(db, id, keep: null, revokeTokens: true, clock, ct);
        }
        TempData["Flash"] = locked ? "Đã khoá tài khoản." : "Đã mở khoá tài khoản.";
        return RedirectToPage(new { id });
    }

    private async Task<IActionResult?> LoadAsync(string? id, CancellationToken ct)
    {
        Scope = await scopes.GetAsync(ct);
        if (!Scope.CanAnywhere(Operation.ManageUsers))
        {
            return Forbid();
        }

        if (id is null)
        {
            return null;
        }

        Target = await UserAdmin.FindAsync(db, Scope, id, ct);
        if (Target is null)
        {
            return NotFound();
        }

        CanManageAccount = UserAdmin.CanManageAccount(Scope, Target);
        Tokens = Target.IsIntegration && CanManageAccount ? await UserAdmin.TokensAsync(db, id, ct) : [];
        // SQLite cannot compare date-times with offsets in SQL: the few tokens of one person are read and counted here.
        var now = clock.GetUtcNow();
        ActiveTokens = (await db.ApiTokens.AsNoTracking().Where(t => t.UserId == id && t.RevokedAt == null).Select(t => new { t.ExpiresAt, t.CreatedAt }).ToListAsync(ct))
            .Count(t => (t.ExpiresAt ?? t.CreatedAt.AddDays(ApiTokenService.DefaultDays)) > now);
        return null;
    }
}
