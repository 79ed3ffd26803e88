using System.Security.Cryptography;
using DanVan.Data;
using DanVan.Domain;
using DanVan.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Features.Admin.Users;

/// <summary>
/// Getting a person back into their account: a new password (given, or a strong temporary one to pass on) or two-step
/// turned off, by an admin or the secretariat of the person's area, or on the command line. Either way every session
/// of the person ends and their API tokens are revoked, the lock is lifted, and the audit trail says who did it.
/// </summary>
public static class AccountRecovery
{
    /// <summary>Reset mails one account may receive in an hour.</summary>
    public const int ResetMailsPerHour = 3;

    private const string Letters = "abcdefghjkmnpqrstuvwxyz";
    private const string Digits = "23456789";

    /// <summary>A temporary password easy to read out over the phone and hard to guess: "Dv-kq7m-x9tp-4rwa".</summary>
    public static string TemporaryPassword()
    {
        var alphabet = Letters + Digits;
        string Group() => new(Enumerable.Range(0, 4).Select(_ => alphabet[RandomNumberGenerator.GetInt32(alphabet.Length)]).ToArray());
        return $"Dv-{Group()}-{Group()}-{Digits[RandomNumberGenerator.GetInt32(Digits.Length)]}{Group()}";
    }

    /// <summary>Sets the password (a temporary one when none is given); returns the refusal, or the password set.</summary>
    public static async Task<(IdentityResult Result, string Password)> ResetPasswordAsync(UserManager<AppUser> users, AppDbContext db, AppUser user, string? password,
        TimeProvider clock, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(users);
        ArgumentNullException.ThrowIfNull(user);
        if (user.IsIntegration)
        {
            // An integration never signs in: a password would be a way in that nobody watches.
            return (IdentityResult.Failed(new IdentityError { Code = "Integration", Description = "Tài khoản tích hợp không có mật khẩu; hãy cấp mã truy cập API mới cho nó." }), string.Empty);
        }

        var newPassword = string.IsNullOrEmpty(password) ? TemporaryPassword() : password;
        // The rules first (length, characters, not guessable), so a refused password leaves the old one in place.
        var errors = new List<IdentityError>();
        foreach (var validator in users.PasswordValidators)
        {
            var check = await validator.ValidateAsync(users, user, newPassword);
            errors.AddRange(check.Errors);
        }

        if (errors.Count > 0)
        {
            return (IdentityResult.Failed([.. errors]), string.Empty);
        }

        await users.RemovePasswordAsync(user);
        var result = await users.AddPasswordAsync(user, newPassword);
        if (!result.Succeeded)
        {
            return (result, string.Empty);
        }

        // A password someone else knows is for one sign-in: the person then chooses her own.
        user.MustChangePassword = string.IsNullOrEmpty(password);
        await users.UpdateAsync(user);
        await users.SetLockoutEndDateAsync(user, null);
        await users.ResetAccessFailedCountAsync(user);
        await Sessions.EndAsync(db, user.Id, keep: null, revokeTokens: true, clock, ct);
        db.Audit("password-reset", "Account", user.Id, new { temporary = string.IsNullOrEmpty(password) });
        await db.SaveChangesAsync(ct);
        return (result, newPassword);
    }

    /// <summary>Turns two-step off and forgets the authenticator key (a lost phone); the person sets it up again.</summary>
    public static async Task ResetTwoFactorAsync(UserManager<AppUser> users, AppDbContext db, AppUser user, TimeProvider clock, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(users);
        ArgumentNullException.ThrowIfNull(user);
        await users.SetTwoFactorEnabledAsync(user, false);
        await users.ResetAuthenticatorKeyAsync(user);
        await Sessions.EndAsync(db, user.Id, keep: null, revokeTokens: false, clock, ct);
        db.Audit("2fa-reset", "Account", user.Id);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Locked by an admin (for good, until unlocked), not for a few minutes after wrong passwords.</summary>
    public static bool LockedByAdmin(AppUser user) => user?.LockoutEnd == DateTimeOffset.MaxValue;

    /// <summary>
    /// Self-service: mails a one-time link (two hours) to the address when it belongs to an account. Says nothing either
    /// way to the caller, so the form cannot be used to learn who has an account.
    /// </summary>
    public static async Task RequestResetByMailAsync(UserManager<AppUser> users, AppDbContext db, Mailer mailer, string email,
        TimeProvider clock, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(users);
        ArgumentNullException.ThrowIfNull(mailer);
        var user = await users.FindByEmailAsync(email.Trim());
        db.Audit("password-reset-requested", "Account", user?.Id, new { email = email.Trim(), known = user is not null });
        // An account an admin has locked stays locked: the mailbox of someone who has left is no way back in.
        if (user?.Email is null || LockedByAdmin(user))
        {
            await db.SaveChangesAsync(ct);
            return;
        }

        // At most this many reset mails an hour to one account: a mailbox is not to be flooded from the sign-in page.
        var since = clock.GetUtcNow().AddHours(-1);
        // (The latest few, compared here: SQLite cannot compare offsets in SQL.)
        var recent = await db.AuditEntries.AsNoTracking().Where(a => a.Action == "password-reset-mailed" && a.EntityId == user.Id)
            .OrderByDescending(a => a.Id).Take(ResetMailsPerHour).Select(a => a.At).ToListAsync(ct);
        if (recent.Count(at => at >= since) >= ResetMailsPerHour)
        {
            db.Audit("password-reset-throttled", "Account", user.Id, new { email = email.Trim() });
            await db.SaveChangesAsync(ct);
            return;
        }

        var token = await users.GeneratePasswordResetTokenAsync(user);
        var code = Microsoft.AspNetCore.WebUtilities.WebEncoders.Base64UrlEncode(System.Text.Encoding.UTF8.GetBytes(token));
        var link = mailer.Site.Link($"/Account/ResetPassword?user={Uri.EscapeDataString(user.Id)}&code={code}");
        const string Subject = "DanVan: đặt lại mật khẩu";
        var text = $"Có yêu cầu đặt lại mật khẩu cho tài khoản {user.Email} lúc {VietnamClock.InVietnam(clock.GetUtcNow()):HH:mm dd/MM/yyyy}.";
        mailer.Queue(db, user.Email, user.FullName, Subject,
            $"{text}\n\nMở liên kết sau trong 2 giờ để đặt mật khẩu mới (dùng được một lần):\n{link}\n\nNếu không phải bạn yêu cầu, hãy bỏ qua thư này: mật khẩu hiện tại vẫn giữ nguyên.");
        Notifier.Notify(db, [user.Id], text + " Thư có liên kết đặt lại đã gửi tới hộp thư của bạn; nếu không phải bạn, hãy báo quản trị hệ thống.", null, clock.GetUtcNow());
        db.Audit("password-reset-mailed", "Account", user.Id, new { });
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Whether a mailed link can still set a password (not spent, not expired, the account not locked by an administrator).</summary>
    public static async Task<bool> LinkIsLiveAsync(UserManager<AppUser> users, string userId, string code)
    {
        ArgumentNullException.ThrowIfNull(users);
        var user = await users.FindByIdAsync(userId);
        string token;
        try
        {
            token = System.Text.Encoding.UTF8.GetString(Microsoft.AspNetCore.WebUtilities.WebEncoders.Base64UrlDecode(code));
        }
        catch (FormatException)
        {
            return false;
        }

        return user is not null && token.Length > 0 && !LockedByAdmin(user)
            && await users.VerifyUserTokenAsync(user, users.Options.Tokens.PasswordResetTokenProvider, UserManager<AppUser>.ResetPasswordTokenPurpose, token);
    }

    /// <summary>Sets the password chosen through a mailed link; the link's token is checked and spent by the account manager.</summary>
    public static async Task<IdentityResult> ResetWithLinkAsync(UserManager<AppUser> users, AppDbContext db, string userId, string code, string password,
        TimeProvider clock, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(users);
        var user = await users.FindByIdAsync(userId);
        string token;
        try
        {
            token = System.Text.Encoding.UTF8.GetString(Microsoft.AspNetCore.WebUtilities.WebEncoders.Base64UrlDecode(code));
        }
        catch (FormatException)
        {
            token = string.Empty;
        }

        if (user is null || token.Length == 0 || LockedByAdmin(user))
        {
            return IdentityResult.Failed(users.ErrorDescriber.InvalidToken());
        }

        user.MustChangePassword = false;
        var result = await users.ResetPasswordAsync(user, token, password);
        if (!result.Succeeded)
        {
            return result;
        }

        await users.SetLockoutEndDateAsync(user, null);
        await users.ResetAccessFailedCountAsync(user);
        await Sessions.EndAsync(db, user.Id, keep: null, revokeTokens: true, clock, ct);
        db.Audit("password-reset-by-mail", "Account", user.Id);
        Notifier.Notify(db, [user.Id], $"Mật khẩu của bạn đã được đặt lại qua thư lúc {VietnamClock.InVietnam(clock.GetUtcNow()):HH:mm dd/MM/yyyy}; mọi phiên đăng nhập cũ đã kết thúc.", null, clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return result;
    }
}
