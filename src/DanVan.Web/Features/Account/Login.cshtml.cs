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

        var result = await signIn.PasswordSignInAsync(Input.Email.Trim(), Input.Password, Input.RememberMe, lockoutOnFailure: true);
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

        ModelState.AddModelError(string.Empty, result.IsLockedOut
            ? "Tài khoản tạm bị khoá do đăng nhập sai nhiều lần. Hãy thử lại sau 15 phút hoặc liên hệ quản trị."
            : "Email hoặc mật khẩu không đúng.");
        return Page();
    }
}
