using System.ComponentModel.DataAnnotations;
using System.Globalization;
using DanVan.Data;
using DanVan.Domain;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using QRCoder;

namespace DanVan.Features.Account.Manage;

/// <summary>TOTP two-factor set-up: a key and its QR code for any authenticator app.</summary>
public class TwoFactorModel(UserManager<AppUser> users, AppDbContext db) : PageModel
{
    public bool Enabled { get; private set; }

    public string? SharedKey { get; private set; }

    public string? QrSvg { get; private set; }

    [BindProperty]
    [Display(Name = "Mã xác thực")]
    [Required(ErrorMessage = "Vui lòng nhập {0}.")]
    [RegularExpression(@"^[0-9 ]{6,8}$", ErrorMessage = "{0} gồm 6 chữ số.")]
    public string Code { get; set; } = string.Empty;

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostEnableAsync()
    {
        var user = await users.GetUserAsync(User);
        if (!ModelState.IsValid)
        {
            await LoadAsync();
            return Page();
        }

        var ok = await users.VerifyTwoFactorTokenAsync(user!, users.Options.Tokens.AuthenticatorTokenProvider, Code.Replace(" ", string.Empty, StringComparison.Ordinal));
        if (!ok)
        {
            ModelState.AddModelError(nameof(Code), "Mã xác thực không đúng. Hãy kiểm tra giờ trên điện thoại và thử lại.");
            await LoadAsync();
            return Page();
        }

        await users.SetTwoFactorEnabledAsync(user!, true);
        db.Audit("2fa-enabled", "Account", user!.Id);
        await db.SaveChangesAsync();
        TempData["Flash"] = "Đã bật xác thực hai bước.";
        return RedirectToPage("/Account/Manage/Index");
    }

    public async Task<IActionResult> OnPostDisableAsync()
    {
        var user = await users.GetUserAsync(User);
        await users.SetTwoFactorEnabledAsync(user!, false);
        await users.ResetAuthenticatorKeyAsync(user!);
        db.Audit("2fa-disabled", "Account", user!.Id);
        await db.SaveChangesAsync();
        TempData["Flash"] = "Đã tắt xác thực hai bước.";
        return RedirectToPage("/Account/Manage/Index");
    }

    private async Task LoadAsync()
    {
        var user = (await users.GetUserAsync(User))!;
        Enabled = user.TwoFactorEnabled;
        var key = await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            await users.ResetAuthenticatorKeyAsync(user);
            key = await users.GetAuthenticatorKeyAsync(user);
        }

        SharedKey = string.Join(' ', key!.Chunk(4).Select(c => new string(c))).ToLower(CultureInfo.InvariantCulture);
        var uri = $"otpauth://totp/DanVan:{Uri.EscapeDataString(user.Email!)}?secret={key}&issuer=DanVan&digits=6";
        using var data = QRCodeGenerator.GenerateQrCode(uri, QRCodeGenerator.ECCLevel.M);
        QrSvg = new SvgQRCode(data).GetGraphic(4);
    }
}
