using DanVan.Domain;
using Microsoft.AspNetCore.Identity;

namespace DanVan.Features.Account.Manage;

/// <summary>
/// The password asked again before a token is made or two-step changed: counted like a sign-in, so a stolen session
/// cannot try passwords there without end (the same lockout as the sign-in page).
/// </summary>
public static class PasswordAgain
{
    public const string Wrong = "Mật khẩu không đúng.";
    public const string LockedOut = "Nhập sai mật khẩu quá nhiều lần: tài khoản tạm khoá, hãy thử lại sau 15 phút.";

    /// <summary>Null when the password is right; otherwise what to tell the person.</summary>
    public static async Task<string?> CheckAsync(SignInManager<AppUser> signIn, AppUser user, string? password)
    {
        ArgumentNullException.ThrowIfNull(signIn);
        if (string.IsNullOrEmpty(password))
        {
            return Wrong;
        }

        var result = await signIn.CheckPasswordSignInAsync(user, password, lockoutOnFailure: true);
        return result.Succeeded ? null : result.IsLockedOut ? LockedOut : Wrong;
    }
}
