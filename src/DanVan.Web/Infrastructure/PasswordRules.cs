using DanVan.Domain;
using Microsoft.AspNetCore.Identity;

namespace DanVan.Infrastructure;

/// <summary>The password and lockout rules, one place for the site and the command line.</summary>
public static class PasswordRules
{
    /// <summary>zxcvbn's score (0–4) a password must reach: 3 means "safely unguessable" to an online attacker.</summary>
    public const int MinimumScore = 3;

    public static void Apply(IdentityOptions o)
    {
        ArgumentNullException.ThrowIfNull(o);
        o.Password.RequiredLength = 10;
        o.Password.RequireNonAlphanumeric = false;
        o.Password.RequireUppercase = true;
        o.Password.RequireLowercase = true;
        o.Password.RequireDigit = true;
        o.Lockout.MaxFailedAccessAttempts = 5;
        o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
        o.Lockout.AllowedForNewUsers = true;
        o.User.RequireUniqueEmail = true;
    }

    /// <summary>
    /// Words of this site an attacker tries first: the movement's and the Party's names, the demo password, and every
    /// province's name on both maps, each also without tone marks and spaces ("Hungyen2026", "Dangcongsan1930").
    /// </summary>
    private static readonly Lazy<string[]> SiteWords = new(() =>
        ["danvan", "dân vận", "dan van", "danvankheo", "dân vận khéo", "kheo", "dangcongsan", "đảng cộng sản", "congsan", "dang", "bacho", "hochiminh",
            "Dan-van-kheo-2026", "dan-van-kheo", "dan_van_kheo", "dan van kheo", .. DanVan.Data.Seeding.MapSeeder.ProvinceNames()]);

    /// <summary>How guessable a password is (0–4), given what an attacker knows of its owner and of this site.</summary>
    public static int Score(string password, params string?[] aboutTheOwner) =>
        Zxcvbn.Zxcvbn.MatchPassword(password, aboutTheOwner.OfType<string>().Concat(SiteWords.Value).Where(s => s.Length > 0)
            .SelectMany(s => new[] { s, VietnameseText.Fold(s), VietnameseText.Fold(s).Replace(" ", string.Empty, StringComparison.Ordinal) }
                .Concat(s.Split(['@', '.', ' ', '-', '_'], StringSplitOptions.RemoveEmptyEntries)))
            .Distinct(StringComparer.Ordinal)).Score;
}

/// <summary>
/// Refuses passwords that are common or guessable from the person (zxcvbn: its lists of the most used passwords,
/// names and English words, and keyboard and date patterns) — "Password12" passes length and character rules.
/// </summary>
public sealed class GuessablePasswordValidator : IPasswordValidator<AppUser>
{
    public Task<IdentityResult> ValidateAsync(UserManager<AppUser> manager, AppUser user, string? password)
    {
        ArgumentNullException.ThrowIfNull(user);
        return Task.FromResult(PasswordRules.Score(password ?? string.Empty, user.Email, user.UserName, user.FullName) >= PasswordRules.MinimumScore
            ? IdentityResult.Success
            : IdentityResult.Failed(new IdentityError
            {
                Code = "PasswordGuessable",
                Description = "Mật khẩu quá dễ đoán (mật khẩu phổ biến, hoặc có tên, email của bạn). Hãy dùng một cụm dài hơn, ví dụ ba bốn từ ghép với số.",
            }));
    }
}
