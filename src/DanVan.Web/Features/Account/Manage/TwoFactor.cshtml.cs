using System.ComponentModel.DataAnnotations;
using System.Globalization;
using DanVan.Data;
using DanVan.Domain;
using DanVan.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using QRCoder;

namespace DanVan.Features.Account.Manage;

/// <summary>TOTP two-factor set-up: a key and its QR code for any authenticator app.</summary>
public class TwoFactorModel(UserManager<AppUser> users, SignInManager<AppUser> signIn, AppDbContext db, TimeProvider clock) : PageModel
{
    /// <summary>Shown once, right after two-step is turned on: each opens the account once if the phone is lost.</summary>
    public IReadOnlyList<string> RecoveryCodes { get; private set; } = [];

    public int RecoveryCodesLeft { get; private set; }

    /// <summary>Turning two-step off or making new recovery codes asks for the password again.</summary>
    [BindProperty]
    [Display(Name = "Mật khẩu hiện tại")]
    [StringLength(200)]
    [DataType(DataType.Password)]
    public string? Password { get; set; }

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
        RecoveryCodes = (await users.GenerateNewTwoFactorRecoveryCodesAsync(user!, 10))?.ToList() ?? [];
        db.Audit("2fa-enabled", "Account", user!.Id);
        await db.SaveChangesAsync();
        await EndOtherSessionsAsync(user);
        ModelState.Clear();
        await LoadAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostDisableAsync()
    {
        var user = (await users.GetUserAsync(User))!;
        if (!await PasswordAgainAsync(user))
        {
            await LoadAsync();
            return Page();
        }

        await users.SetTwoFactorEnabledAsync(user, false);
        await users.ResetAuthenticatorKeyAsync(user);
        db.Audit("2fa-disabled", "Account", user.Id);
        await db.SaveChangesAsync();
        await EndOtherSessionsAsync(user);
        TempData["Flash"] = "Đã tắt xác thực hai bước.";
        return RedirectToPage("/Account/Manage/Index");
    }

    public async Task<IActionResult> OnPostRecoveryCodesAsync()
    {
        var user = (await users.GetUserAsync(User))!;
        if (!user.TwoFactorEnabled || !await PasswordAgainAsync(user))
        {
            await LoadAsync();
            return Page();
        }

        RecoveryCodes = (await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 10))?.ToList() ?? [];
        db.Audit("2fa-recovery-codes", "Account", user.Id);
        await db.SaveChangesAsync();
        await LoadAsync();
        return Page();
    }

    private async Task<bool> PasswordAgainAsync(AppUser user)
    {
        ModelState.Clear();
        if (await PasswordAgain.CheckAsync(signIn, user, Password) is { } refused)
        {
            ModelState.AddModelError(nameof(Password), refused == PasswordAgain.Wrong ? "Nhập đúng mật khẩu hiện tại để tiếp tục." : refused);
            return false;
        }

        return true;
    }

    // Two-step changed: every other session of the person ends; this one is issued anew.
    private async Task EndOtherSessionsAsync(AppUser user)
    {
        await Sessions.EndAsync(db, user.Id, Sessions.Current(User), revokeTokens: false, clock);
        await signIn.RefreshSignInAsync(user);
    }

    private async Task LoadAsync()
    {
        var user = (await users.GetUserAsync(User))!;
        Enabled = user.TwoFactorEnabled;
        RecoveryCodesLeft = Enabled ? await users.CountRecoveryCodesAsync(user) : 0;
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
