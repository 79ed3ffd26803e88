using Microsoft.AspNetCore.Identity;

namespace DanVan.Domain;

public class AppUser : IdentityUser
{
    /// <summary>A temporary password was set for the person (by an administrator): she chooses her own at the next sign-in.</summary>
    public bool MustChangePassword { get; set; }

    public string FullName { get; set; } = string.Empty;

    /// <summary>
    /// An integration's account (a province's reporting platform, a data portal), not a person's: it has no password
    /// and never signs in; its managers issue its API tokens, which outlive any staff member's password or departure.
    /// </summary>
    public bool IsIntegration { get; set; }

    /// <summary>"vi" or "en".</summary>
    public string? Culture { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>The unit where the person works (2025 map): appraisal conflicts are judged by it.</summary>
    public int? HomeUnitId { get; set; }

    public AdminUnit? HomeUnit { get; set; }

    /// <summary>The organisation the person belongs to, if any.</summary>
    public int? OrganizationId { get; set; }

    public Organization? Organization { get; set; }

    public List<RoleGrant> Grants { get; set; } = [];
}

public enum Role
{
    /// <summary>Administers the whole system.</summary>
    Admin = 0,

    /// <summary>A steering committee's staff (Ban Dân vận): runs rounds, appraisal, users of its area.</summary>
    Secretariat = 1,

    /// <summary>A unit's or organisation's officer: registers models, reports results.</summary>
    Officer = 2,

    /// <summary>A member of an appraisal council.</summary>
    Appraiser = 3,

    /// <summary>A leader: reads dashboards and reports.</summary>
    Viewer = 4,
}

/// <summary>A role on a unit of the current map, and so on its subtree; no unit means the whole country.</summary>
public class RoleGrant
{
    public int Id { get; set; }

    public required string UserId { get; set; }

    public AppUser? User { get; set; }

    public Role Role { get; set; }

    public int? UnitId { get; set; }

    public AdminUnit? Unit { get; set; }

    /// <summary>Copied from the unit; "/" for the whole country.</summary>
    public string ScopePath { get; set; } = "/";
}

/// <summary>A personal API token. Only its SHA-256 hash is stored; the token is shown once.</summary>
public class ApiToken
{
    public int Id { get; set; }

    public required string UserId { get; set; }

    public AppUser? User { get; set; }

    public required string Name { get; set; }

    /// <summary>The first characters, to recognise a token in a list.</summary>
    public required string Prefix { get; set; }

    public required string Hash { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? LastUsedAt { get; set; }

    public DateTimeOffset? RevokedAt { get; set; }

    /// <summary>After this the token no longer signs anyone in (chosen at creation; 90 days by default).</summary>
    public DateTimeOffset? ExpiresAt { get; set; }
}

/// <summary>
/// A signed-in browser session, kept on the server: the cookie holds only its key, so signing out, a lock, a new
/// password, a role or two-step change ends it at once, on every node.
/// </summary>
public class UserSession
{
    public required string Id { get; set; }

    public required string UserId { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset LastSeenAt { get; set; }

    public DateTimeOffset ExpiresAt { get; set; }

    /// <summary>The authentication ticket, serialised and protected by the data-protection keys.</summary>
    public required byte[] Ticket { get; set; }
}

/// <summary>
/// A creating request sent with an Idempotency-Key, and what it answered: the same key from the same caller gets the
/// same answer again instead of a second record (a client that retries after a lost answer). Kept for a day.
/// </summary>
public class IdempotentRequest
{
    public int Id { get; private set; }

    public string UserId { get; private set; } = string.Empty;

    public string Key { get; private set; } = string.Empty;

    /// <summary>"POST /api/v1/initiatives" — a key names one request, not another route's.</summary>
    public string Request { get; private set; } = string.Empty;

    /// <summary>SHA-256 of the body (hex): the same key with another body is a client's mistake, refused.</summary>
    public string BodyHash { get; private set; } = string.Empty;

    /// <summary>0 while the first request is still running.</summary>
    public int Status { get; private set; }

    public string? ContentType { get; private set; }

    public string? Location { get; private set; }

    public string? Answer { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public static IdempotentRequest Claim(string userId, string key, string request, string bodyHash, DateTimeOffset now) =>
        new() { UserId = userId, Key = key, Request = request, BodyHash = bodyHash, CreatedAt = now };
}

