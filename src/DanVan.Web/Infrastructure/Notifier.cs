using DanVan.Data;
using DanVan.Domain;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Infrastructure;

/// <summary>In-app notifications.</summary>
public static class Notifier
{
    /// <summary>Users holding one of the roles on the unit at this path or above it.</summary>
    public static async Task<List<string>> UsersCoveringAsync(AppDbContext db, string path, Role[] roles, CancellationToken ct) =>
        (await GrantsCoveringAsync(db, [path], roles, ct)).Select(g => g.UserId).Distinct().ToList();

    /// <summary>The grants (user, path) of these roles on any of the paths or their ancestors.</summary>
    public static async Task<List<(string UserId, string Path)>> GrantsCoveringAsync(AppDbContext db, IEnumerable<string> paths, Role[] roles, CancellationToken ct)
    {
        var ancestors = paths.SelectMany(AncestorPaths).Distinct().ToList();
        var rows = await db.RoleGrants.Where(g => roles.Contains(g.Role) && ancestors.Contains(g.ScopePath))
            .Select(g => new { g.UserId, g.ScopePath }).ToListAsync(ct);
        return rows.Select(r => (r.UserId, r.ScopePath)).ToList();
    }

    public static List<string> AncestorPaths(string path)
    {
        var parts = path.Trim('/').Split('/', StringSplitOptions.RemoveEmptyEntries);
        var list = new List<string> { "/" };
        for (var i = 1; i <= parts.Length; i++)
        {
            list.Add("/" + string.Join('/', parts.Take(i)) + "/");
        }

        return list;
    }

    /// <summary>Tells the officers and secretariat covering a unit (added to the context; saved by the caller).</summary>
    public static async Task NotifyOfficersAsync(AppDbContext db, string path, string text, string? link, DateTimeOffset now, CancellationToken ct) =>
        Notify(db, await UsersCoveringAsync(db, path, [Role.Officer, Role.Secretariat], ct), text, link, now);

    public static void Notify(AppDbContext db, IEnumerable<string> userIds, string text, string? link, DateTimeOffset now)
    {
        foreach (var id in userIds.Distinct())
        {
            // A notification is a line, not the whole story: long reasons are cut (the record keeps them whole).
            db.Notifications.Add(new Notification { UserId = id, Text = text.Length > 1000 ? text[..999] + "…" : text, Link = link, CreatedAt = now });
        }
    }
}
