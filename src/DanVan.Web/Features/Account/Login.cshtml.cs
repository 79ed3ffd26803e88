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
public class LoginModel(SignInManager<AppUser> signIn, AppDbContext db) : PageModel
{
    /// <summary>One answer for an unknown e-mail, a wrong password and a locked account: which one it was is not told.</summary>
    public const string Refused = "Email hoặc mật khẩu không đúng, hoặc tài khoản đang tạm khoá. Quên mật khẩu: dùng liên kết «Quên mật khẩu?» bên dưới.";

    // Hashing a password takes ~100 ms on purpose; an unknown e-mail hashes this one so that it takes as long.
    private static readonly Lazy<string> DecoyHash = new(() => new PasswordHasher<AppUser>().HashPassword(new AppUser(), "decoy-" + Guid.NewGuid()));

    [BindProperty]
    public LoginInput Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public sealed class LoginInput
    {
        [Display(Name = "Email")]
        [Required(ErrorMessage = "Vui lòng nhập {0}.")]
        [EmailAddress(ErrorMessage = "{0} không hợp lệ.")]
        [StringLength(256)]
        public string Email { get; set; } = string.Empty;

        [Display(Name = "Mật khẩu")]
        [Required(ErrorMessage = "Vui lòng nhập {0}.")]
        [DataType(DataType.Password)]
        [StringLength(200)]
        public string Password { get; set; } = string.Empty;

        [Display(Name = "Ghi nhớ đăng nhập")]
        public bool RememberMe { get; set; }
    }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var user = await signIn.UserManager.FindByNameAsync(Input.Email.Trim());
        Microsoft.AspNetCore.Identity.SignInResult result;
        if (user is null)
        {
            signIn.UserManager.PasswordHasher.VerifyHashedPassword(new AppUser(), DecoyHash.Value, Input.Password);
            result = Microsoft.AspNetCore.Identity.SignInResult.Failed;
        }
        else
        {
            result = await signIn.PasswordSignInAsync(user, Input.Password, Input.RememberMe, lockoutOnFailure: true);
            if (result.IsLockedOut)
            {
                // A locked account is refused before its password is checked: hash anyway, for the same time.
                signIn.UserManager.PasswordHasher.VerifyHashedPassword(user, user.PasswordHash ?? DecoyHash.Value, Input.Password);
            }
        }

        db.Audit(result.Succeeded ? "signed-in" : result.IsLockedOut ? "sign-in-locked" : result.RequiresTwoFactor ? "sign-in-2fa-step" : "sign-in-failed",
            "Account", null, new { email = Input.Email.Trim() });
        await db.SaveChangesAsync();
        if (result.Succeeded)
        {
            return LocalRedirect(LocalUrls.Safe(ReturnUrl));
        }

        if (result.RequiresTwoFactor)
        {
            return RedirectToPage("/Account/LoginWith2fa", new { ReturnUrl, Input.RememberMe });
        }

        ModelState.AddModelError(string.Empty, Refused);
        return Page();
    }
}
