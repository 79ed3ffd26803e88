using System.ComponentModel.DataAnnotations;
using DanVan.Data;
using DanVan.Domain;
using DanVan.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Features.Account.Manage;

public class IndexModel(UserManager<AppUser> users, SignInManager<AppUser> signIn, AppDbContext db, TimeProvider clock) : PageModel
{
    public AppUser? CurrentUser { get; private set; }

    public List<(Role Role, string Unit)> Grants { get; } = [];

    [BindProperty]
    public PasswordInput Input { get; set; } = new();

    public sealed class PasswordInput
    {
        [Display(Name = "Mật khẩu hiện tại")]
        [Required(ErrorMessage = "Vui lòng nhập {0}.")]
        [DataType(DataType.Password)]
        public string Current { get; set; } = string.Empty;

        [Display(Name = "Mật khẩu mới")]
        [Required(ErrorMessage = "Vui lòng nhập {0}.")]
        [StringLength(200, MinimumLength = 10, ErrorMessage = "{0} phải có từ {2} đến {1} ký tự.")]
        [DataType(DataType.Password)]
        public string New { get; set; } = string.Empty;

        [Display(Name = "Nhập lại mật khẩu mới")]
        [Compare(nameof(New), ErrorMessage = "Hai lần nhập mật khẩu mới không khớp.")]
        [DataType(DataType.Password)]
        public string Confirm { get; set; } = string.Empty;
    }

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostPasswordAsync()
    {
        await LoadAsync();
        if (!ModelState.IsValid)
        {
            return Page();
        }

        CurrentUser!.MustChangePassword = false; // saved with the new password only
        var result = await users.ChangePasswordAsync(CurrentUser!, Input.Current, Input.New);
        if (!result.Succeeded)
        {
            foreach (var e in result.Errors)
            {
                ModelState.AddModelError(e.Code == "PasswordMismatch" ? "Input.Current" : "Input.New", e.Description);
            }

            return Page();
        }

        db.Audit("password-changed", "Account", CurrentUser!.Id);
        await db.SaveChangesAsync();
        // Whoever knew the old password is out: every other session ends and the API tokens are revoked.
        await Sessions.EndAsync(db, CurrentUser!.Id, Sessions.Current(User), revokeTokens: true, clock);
        await signIn.RefreshSignInAsync(CurrentUser!);
        TempData["Flash"] = "Đã đổi mật khẩu.";
        return RedirectToPage();
    }

    private async Task LoadAsync()
    {
        CurrentUser = await users.GetUserAsync(User);
        var grants = await db.RoleGrants.AsNoTracking().Where(g => g.UserId == CurrentUser!.Id)
            .Select(g => new { g.Role, Unit = g.Unit != null ? g.Unit.FullName : null }).ToListAsync();
        Grants.AddRange(grants.Select(g => (g.Role, g.Unit ?? "Toàn quốc")));
    }
}
