using DanVan.Infrastructure;
using System.ComponentModel.DataAnnotations;
using DanVan.Data;
using DanVan.Domain;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace DanVan.Features.Account;

[EnableRateLimiting("sign-in")]
public class LoginWith2faModel(SignInManager<AppUser> signIn, AppDbContext db) : PageModel
{
    [BindProperty]
    [Display(Name = "Mã xác thực")]
    [Required(ErrorMessage = "Vui lòng nhập {0}.")]
    [RegularExpression(@"^([0-9 ]{6,8}|[A-Za-z0-9]{5}-?[A-Za-z0-9]{5})$", ErrorMessage = "{0} gồm 6 chữ số, hoặc là một mã khôi phục (dạng xxxxx-xxxxx).")]
    public string Code { get; set; } = string.Empty;

    [BindProperty(SupportsGet = true)]
    public bool RememberMe { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public async Task<IActionResult> OnGetAsync() =>
        await signIn.GetTwoFactorAuthenticationUserAsync() is null ? RedirectToPage("/Account/Login") : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var user = await signIn.GetTwoFactorAuthenticationUserAsync();
        if (user is null)
        {
            return RedirectToPage("/Account/Login");
        }

        // Six digits from the phone, or one of the recovery codes given when two-step was turned on (each works once).
        var code = Code.Replace(" ", string.Empty, StringComparison.Ordinal);
        var recovery = code.Any(char.IsLetter) || code.Contains('-', StringComparison.Ordinal);
        var result = recovery
            ? await signIn.TwoFactorRecoveryCodeSignInAsync(code.Length == 10 ? code[..5] + "-" + code[5..] : code)
            : await signIn.TwoFactorAuthenticatorSignInAsync(code, RememberMe, rememberClient: false);
        db.Audit(result.Succeeded ? (recovery ? "signed-in-recovery-code" : "signed-in") : "sign-in-2fa-failed", "Account", user.Id, new { email = user.Email });
        await db.SaveChangesAsync();
        if (result.Succeeded)
        {
            return LocalRedirect(LocalUrls.Safe(ReturnUrl));
        }

        ModelState.AddModelError(nameof(Code), result.IsLockedOut ? "Tài khoản tạm bị khoá." : "Mã xác thực không đúng.");
        return Page();
    }
}
