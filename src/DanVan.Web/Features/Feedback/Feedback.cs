using DanVan.Data;
using DanVan.Domain;
using DanVan.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Features.Feedback;

public sealed record FeedbackRow(int Id, int InitiativeId, string InitiativeName, string UnitName, string? Author, string Text, DateTimeOffset At,
    CommentStatus Status, string? Reason, string? ModeratedBy, int Version);

/// <summary>Citizens' comments held for moderation by the officers of the model's unit (or above it).</summary>
public static class Feedbacks
{
    public static async Task<List<FeedbackRow>> ListAsync(AppDbContext db, UserScope scope, CommentStatus status, CancellationToken ct) =>
        await db.CitizenComments.AsNoTracking().PermittedFor(scope, Operation.Moderate, c => c.ScopePath).Where(c => c.Status == status)
            // Pending: oldest first, as a queue; decided: most recent first. (Ids follow time; SQLite cannot sort DateTimeOffset.)
            .OrderBy(c => status == CommentStatus.Pending ? c.Id : -c.Id).Take(200)
            .Select(c => new FeedbackRow(c.Id, c.InitiativeId, c.Initiative!.Name, c.Initiative.CurrentUnit!.FullName, c.AuthorName, c.Text, c.At,
                c.Status, c.Reason, c.ModeratedBy, c.Version))
            .ToListAsync(ct);

    /// <summary>Publishes or rejects (with a reason) a comment in the caller's area; the same rules for page and API.</summary>
    public static async Task ModerateAsync(AppDbContext db, UserScope scope, int id, bool publish, string? reason, int? version, TimeProvider clock, CancellationToken ct)
    {
        var c = await db.CitizenComments.FirstOrDefaultAsync(x => x.Id == id, ct) ?? throw new ScopeException(false);
        if (!scope.Can(Operation.Moderate, c.ScopePath))
        {
            throw new ScopeException(scope.CanRead(c.ScopePath));
        }

        if (version is { } v)
        {
            db.ExpectVersion(c, v);
        }

        c.Moderate(publish, reason, scope.UserName ?? scope.UserId ?? "?", clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
    }
}
