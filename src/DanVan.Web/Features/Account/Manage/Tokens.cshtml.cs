using System.ComponentModel.DataAnnotations;
using DanVan.Data;
using DanVan.Domain;
using DanVan.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Features.Account.Manage;

public class TokensModel(UserManager<AppUser> users, SignInManager<AppUser> signIn, AppDbContext db, TimeProvider clock) : PageModel
{
    public List<ApiToken> Tokens { get; private set; } = [];

    /// <summary>The new token, shown on this response only.</summary>
    public string? NewToken { get; private set; }

    [BindProperty]
    [Display(Name = "Tên gợi nhớ")]
    [Required(ErrorMessage = "Vui lòng nhập {0}.")]
    [StringLength(100, ErrorMessage = "{0} không được dài quá {1} ký tự.")]
    [CleanText]
    public string Name { get; set; } = string.Empty;

    [BindProperty]
    [Display(Name = "Thời hạn (ngày)")]
    [Range(1, ApiTokenService.MaxDays)]
    public int Days { get; set; } = ApiTokenService.DefaultDays;

    /// <summary>A token acts as the person: creating one asks for the password again.</summary>
    [BindProperty]
    [Display(Name = "Mật khẩu hiện tại")]
    [Required(ErrorMessage = "Vui lòng nhập {0}.")]
    [StringLength(200)]
    [DataType(DataType.Password)]
    public string Password { get; set; } = string.Empty;

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostCreateAsync()
    {
        if (!ModelState.IsValid)
        {
            await LoadAsync();
            return Page();
        }

        var user = (await users.GetUserAsync(User))!;
        if (await PasswordAgain.CheckAsync(signIn, user, Password) is { } refused)
        {
            ModelState.AddModelError(nameof(Password), refused);
            await LoadAsync();
            return Page();
        }

        (_, NewToken) = await ApiTokenService.CreateAsync(db, user, Name, Days, clock);
        Name = string.Empty;
        Password = string.Empty;
        ModelState.Clear();
        await LoadAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeAsync(int id)
    {
        var userId = users.GetUserId(User);
        var token = await db.ApiTokens.FirstOrDefaultAsync(t => t.Id == id && t.UserId == userId && t.RevokedAt == null);
        if (token is not null)
        {
            token.RevokedAt = clock.GetUtcNow();
            db.Audit("token-revoked", nameof(ApiToken), token.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), new { token.Name, token.Prefix });
            await db.SaveChangesAsync();
            TempData["Flash"] = "Đã thu hồi mã truy cập.";
        }

        return RedirectToPage();
    }

    private async Task LoadAsync()
    {
        var userId = users.GetUserId(User);
        Tokens = await db.ApiTokens.AsNoTracking().Where(t => t.UserId == userId).OrderByDescending(t => t.Id).ToListAsync();
    }
}
