using System.ComponentModel.DataAnnotations;
using DanVan.Data;
using DanVan.Domain;
using DanVan.Features.Admin.Users;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace DanVan.Features.Account;

[EnableRateLimiting("sign-in")]
public class ResetPasswordModel(UserManager<AppUser> users, AppDbContext db, TimeProvider clock) : PageModel
{
    public const string LinkSpent = "Liên kết đặt lại mật khẩu đã hết hạn hoặc đã được dùng. Hãy yêu cầu một liên kết mới.";

    [BindProperty(SupportsGet = true, Name = "user")]
    public string UserId { get; set; } = string.Empty;

    [BindProperty(SupportsGet = true)]
    public string Code { get; set; } = string.Empty;

    [BindProperty]
    [Display(Name = "Mật khẩu mới")]
    [Required(ErrorMessage = "Vui lòng nhập {0}.")]
    [DataType(DataType.Password)]
    [StringLength(200)]
    public string Password { get; set; } = string.Empty;

    [BindProperty]
    [Display(Name = "Nhập lại mật khẩu mới")]
    [Required(ErrorMessage = "Vui lòng nhập {0}.")]
    [DataType(DataType.Password)]
    [Compare(nameof(Password), ErrorMessage = "Hai mật khẩu không khớp.")]
    public string Confirm { get; set; } = string.Empty;

    public bool Done { get; private set; }

    /// <summary>The link was spent or has expired: said on opening, not after both passwords are typed.</summary>
    public bool Spent { get; private set; }

    public async Task OnGetAsync() => Spent = !await AccountRecovery.LinkIsLiveAsync(users, UserId, Code);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var result = await AccountRecovery.ResetWithLinkAsync(users, db, UserId, Code, Password, clock, ct);
        if (result.Succeeded)
        {
            Done = true;
            return Page();
        }

        foreach (var e in result.Errors)
        {
            if (e.Code == nameof(IdentityErrorDescriber.InvalidToken))
            {
                ModelState.AddModelError(string.Empty, LinkSpent);
            }
            else
            {
                ModelState.AddModelError(nameof(Password), e.Description);
            }
        }

        return Page();
    }
}
