using System.Security.Claims;
using System.Security.Cryptography;
using DanVan.Data;
using DanVan.Domain;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Infrastructure;

/// <summary>
/// Browser sessions kept in the database (<see cref="UserSession"/>): the cookie carries only a key, so a session ends
/// the moment its row goes — at sign-out, and for every other session of a person when their account is locked, their
/// password, roles or two-step setting change. Any app node can serve any session.
/// </summary>
public sealed class DbTicketStore(IServiceScopeFactory scopes, IDataProtectionProvider protection, TimeProvider clock) : ITicketStore
{
    public const string SessionClaim = "danvan:session";

    private readonly IDataProtector _protector = protection.CreateProtector("DanVan.Sessions");

    public async Task<string> StoreAsync(AuthenticationTicket ticket)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        var key = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
        // The ticket knows its own key, so a request can end "the other sessions" and keep its own.
        if (ticket.Principal.Identity is ClaimsIdentity identity)
        {
            foreach (var old in identity.FindAll(SessionClaim).ToList())
            {
                identity.RemoveClaim(old);
            }

            identity.AddClaim(new Claim(SessionClaim, key));
        }

        var now = clock.GetUtcNow();
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        db.UserSessions.Add(new UserSession
        {
            Id = key,
            UserId = ticket.Principal.FindFirstValue(ClaimTypes.NameIdentifier) ?? string.Empty,
            CreatedAt = now,
            LastSeenAt = now,
            ExpiresAt = ticket.Properties.ExpiresUtc ?? now.AddHours(8),
            Ticket = _protector.Protect(TicketSerializer.Default.Serialize(ticket)),
        });
        await db.SaveChangesAsync();
        return key;
    }

    public async Task RenewAsync(string key, AuthenticationTicket ticket)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var bytes = _protector.Protect(TicketSerializer.Default.Serialize(ticket));
        var expires = ticket.Properties.ExpiresUtc ?? clock.GetUtcNow().AddHours(8);
        var now = clock.GetUtcNow();
        await db.UserSessions.Where(s => s.Id == key).ExecuteUpdateAsync(s => s
            .SetProperty(x => x.Ticket, bytes).SetProperty(x => x.ExpiresAt, expires).SetProperty(x => x.LastSeenAt, now));
    }

    public async Task<AuthenticationTicket?> RetrieveAsync(string key)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var row = await db.UserSessions.AsNoTracking().Where(s => s.Id == key).Select(s => new { s.Ticket, s.ExpiresAt }).FirstOrDefaultAsync();
        if (row is null || row.ExpiresAt <= clock.GetUtcNow())
        {
            return null;
        }

        try
        {
            return TicketSerializer.Default.Deserialize(_protector.Unprotect(row.Ticket));
        }
        catch (CryptographicException)
        {
            return null;
        }
    }

    public async Task RemoveAsync(string key)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        await db.UserSessions.Where(s => s.Id == key).ExecuteDeleteAsync();
    }
}

/// <summary>Ending sessions and tokens when an account's standing changes.</summary>
public static class Sessions
{
    /// <summary>The key of the session making this request, if it is a browser session.</summary>
    public static string? Current(ClaimsPrincipal user) => user?.FindFirstValue(DbTicketStore.SessionClaim);

    /// <summary>
    /// Ends every session of the person but <paramref name="keep"/> (the one asking, when they change their own
    /// password or two-step setting); with <paramref name="revokeTokens"/>, their API tokens too. Returns how many ended.
    /// </summary>
    public static async Task<int> EndAsync(AppDbContext db, string userId, string? keep, bool revokeTokens, TimeProvider clock, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var ended = await db.UserSessions.Where(s => s.UserId == userId && s.Id != keep).ExecuteDeleteAsync(ct);
        if (revokeTokens)
        {
            var now = clock.GetUtcNow();
            ended += await db.ApiTokens.Where(t => t.UserId == userId && t.RevokedAt == null).ExecuteUpdateAsync(s => s.SetProperty(t => t.RevokedAt, now), ct);
        }

        return ended;
    }

    /// <summary>Removes sessions past their end (an expired one is already refused; this keeps the table small).</summary>
    public static async Task<int> PurgeExpiredAsync(AppDbContext db, TimeProvider clock, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        // SQLite cannot compare date-times with offsets in SQL: ids and ends are read, the past ones deleted by id.
        var now = clock.GetUtcNow();
        var old = (await db.UserSessions.AsNoTracking().Select(s => new { s.Id, s.ExpiresAt }).ToListAsync(ct)).Where(s => s.ExpiresAt < now).Select(s => s.Id).ToList();
        var deleted = 0;
        foreach (var chunk in old.Chunk(500))
        {
            deleted += await db.UserSessions.Where(s => chunk.Contains(s.Id)).ExecuteDeleteAsync(ct);
        }

        return deleted;
    }
}
