using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using DanVan.Data;
using DanVan.Domain;
using Microsoft.AspNetCore.Authentication;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace DanVan.Infrastructure;

/// <summary>Personal API tokens: "dv_" + 32 random bytes; only the SHA-256 hash is stored.</summary>
public static class ApiTokenService
{
    public const string Scheme = "Bearer";

    public static string Hash(string token) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    /// <summary>How long a token lives unless its owner chooses otherwise, and at most.</summary>
    public const int DefaultDays = 90;

    public const int MaxDays = 365;

    public static Task<(ApiToken Record, string Token)> CreateAsync(AppDbContext db, AppUser user, string name, TimeProvider clock, CancellationToken ct = default) =>
        CreateAsync(db, user, name, DefaultDays, clock, ct);

    public static async Task<(ApiToken Record, string Token)> CreateAsync(AppDbContext db, AppUser user, string name, int days, TimeProvider clock, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(clock);
        name = (name ?? string.Empty).Trim();
        if (name.Length is 0 or > 100)
        {
            throw new DomainException("Tên mã truy cập phải có từ 1 đến 100 ký tự.") { Field = "Name" };
        }

        if (days is < 1 or > MaxDays)
        {
            throw new DomainException($"Thời hạn của mã phải từ 1 đến {MaxDays} ngày.") { Field = "Days" };
        }

        var token = "dv_" + Base64Url(RandomNumberGenerator.GetBytes(32));
        var record = new ApiToken
        {
            UserId = user.Id,
            Name = name,
            Prefix = token[..10],
            Hash = Hash(token),
            CreatedAt = clock.GetUtcNow(),
            ExpiresAt = clock.GetUtcNow().AddDays(days),
        };
        db.ApiTokens.Add(record);
        db.Audit("token-created", nameof(ApiToken), null, new { user = user.UserName, name, prefix = record.Prefix, days });
        await db.SaveChangesAsync(ct);
        return (record, token);
    }

    /// <summary>
    /// The token a request carries, read in one place for authentication, the forgery check and the rate limit:
    /// "Authorization: Bearer &lt;token&gt;", the scheme in any case (RFC 9110), spaces around either part ignored.
    /// </summary>
    public static string? TokenOf(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var header = request.Headers.Authorization.ToString().Trim();
        var space = header.IndexOfAny([' ', '\t']);
        if (space <= 0 || !header[..space].Equals(Scheme, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var token = header[space..].Trim();
        return token.Length == 0 ? null : token;
    }

    private static string Base64Url(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}

/// <summary>Signs in a request that carries "Authorization: Bearer &lt;token&gt;".</summary>
public sealed class ApiTokenHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder,
    AppDbContext db, TimeProvider clock)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (ApiTokenService.TokenOf(Request) is not { } token)
        {
            return AuthenticateResult.NoResult();
        }

        if (token.Length is < 10 or > 200)
        {
            return AuthenticateResult.Fail("Mã truy cập không hợp lệ.");
        }

        var hash = ApiTokenService.Hash(token);
        var record = await db.ApiTokens.Include(t => t.User)
            .FirstOrDefaultAsync(t => t.Hash == hash && t.RevokedAt == null, Context.RequestAborted);
        // Wrong passwords lock the sign-in page for a while, not the person's tokens: only an admin's lock stops them.
        if (record?.User is null || Features.Admin.Users.AccountRecovery.LockedByAdmin(record.User) || (record.ExpiresAt ?? record.CreatedAt.AddDays(ApiTokenService.DefaultDays)) <= clock.GetUtcNow())
        {
            return AuthenticateResult.Fail("Mã truy cập không hợp lệ, đã hết hạn hoặc đã bị thu hồi.");
        }

        // Writing last-use at most once a minute keeps reads cheap under load.
        var now = clock.GetUtcNow();
        if (record.LastUsedAt is null || now - record.LastUsedAt > TimeSpan.FromMinutes(1))
        {
            await db.ApiTokens.Where(t => t.Id == record.Id).ExecuteUpdateAsync(s => s.SetProperty(t => t.LastUsedAt, now), Context.RequestAborted);
        }

        var identity = new ClaimsIdentity(
        [
            new Claim(ClaimTypes.NameIdentifier, record.UserId),
            new Claim(ClaimTypes.Name, record.User.UserName ?? record.UserId),
            new Claim("token_id", record.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        ], Scheme.Name);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), Scheme.Name));
    }
}
