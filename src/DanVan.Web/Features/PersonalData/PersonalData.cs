using DanVan.Data;
using DanVan.Domain;
using DanVan.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Features.PersonalData;

public sealed record PersonRecord(int Id, string Name, string Unit, string Owner, DateOnly RegisteredOn, DateOnly? ConsentOn, bool Public);

public sealed record PersonComment(int Id, int InitiativeId, string Author, string Text, DateTimeOffset At, string Status);

public sealed record PersonExport(string Name, DateTimeOffset ExportedAt, IReadOnlyList<PersonRecord> Records, IReadOnlyList<PersonComment> Comments);

public sealed record ErasureResult(int Records, int Comments, int AuditEntries);

/// <summary>
/// A person's requests under the Personal Data Protection Law (in force 01/01/2026): everything the system holds under
/// their name (as the owner of an individual model, as the author of a citizen's comment), exported, or erased. Only the
/// secretariat or an administrator whose area covers the records may do either; each request is audited, without the name.
/// </summary>
public static class PersonalDataRequests
{
    public const string ErasedName = "Cá nhân (đã xoá theo yêu cầu)";

    public static bool MayHandle(UserScope scope) => scope.IsAdmin || scope.Grants.Any(g => g.Role == Role.Secretariat);

    private static readonly System.Text.RegularExpressions.Regex FullName =
        new(@"^\p{L}+(?:[ '.\-]\p{L}+)+$", System.Text.RegularExpressions.RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));

    /// <summary>A person's full name as the request gives it: at least two words of letters (họ và tên), 5–200 characters.</summary>
    public static string? ValidName(string? name)
    {
        var n = string.Join(' ', (name ?? string.Empty).Normalize(System.Text.NormalizationForm.FormC).Split(' ', StringSplitOptions.RemoveEmptyEntries));
        return n.Length is >= 5 and <= 200 && FullName.IsMatch(n) ? n : null;
    }

    private static string Key(string name) => VietnameseText.Fold(name).Trim();

    // Names are compared folded (case, tone marks, đ), so "Lò Văn Bình" finds "LÒ VĂN BÌNH"; the candidates come from the
    // full-text index (owners' names are searchable only with consent, so the owner column itself is read too).
    private static async Task<List<Initiative>> RecordsAsync(AppDbContext db, UserScope scope, string name, bool track, CancellationToken ct)
    {
        // Only the id and the name of each candidate are read; whole records only for the matches.
        var key = Key(name);
        var candidates = await db.Initiatives.AsNoTracking().PermittedFor(scope, Operation.HandlePersonalData, i => i.ScopePath)
            .Where(i => i.Kind == InitiativeKind.Individual && i.OwnerName != null).Select(i => new { i.Id, i.OwnerName }).ToListAsync(ct);
        var ids = candidates.Where(c => Key(c.OwnerName!) == key).Select(c => c.Id).ToList();
        var q = db.Initiatives.Include(i => i.CurrentUnit).Where(i => ids.Contains(i.Id));
        return await (track ? q : q.AsNoTracking()).ToListAsync(ct);
    }

    private static async Task<List<CitizenComment>> CommentsAsync(AppDbContext db, UserScope scope, string name, CancellationToken ct)
    {
        var key = Key(name);
        var candidates = await db.CitizenComments.AsNoTracking().PermittedFor(scope, Operation.HandlePersonalData, c => c.ScopePath).Where(c => c.AuthorName != null)
            .Select(c => new { c.Id, c.AuthorName }).ToListAsync(ct);
        var ids = candidates.Where(c => Key(c.AuthorName!) == key).Select(c => c.Id).ToList();
        return await db.CitizenComments.Where(c => ids.Contains(c.Id)).ToListAsync(ct);
    }

    public static async Task<PersonExport> ExportAsync(AppDbContext db, UserScope scope, string name, TimeProvider clock, CancellationToken ct)
    {
        var records = await RecordsAsync(db, scope, name, track: false, ct);
        var comments = await CommentsAsync(db, scope, name, ct);
        db.ChangeTracker.Clear();
        db.Audit("personal-data-exported", "Person", null, new { records = records.Count, comments = comments.Count });
        await db.SaveChangesAsync(ct);
        return new PersonExport(name, clock.GetUtcNow(),
            records.Select(i => new PersonRecord(i.Id, i.Name, i.CurrentUnit?.FullName ?? string.Empty, i.OwnerName!, i.RegisteredOn, i.OwnerConsentOn, i.IsPublic)).ToList(),
            comments.Select(c => new PersonComment(c.Id, c.InitiativeId, c.AuthorName!, c.Text, c.At, EnumKeys.Key(c.Status))).ToList());
    }

    /// <summary>
    /// Replaces the name wherever it stands (records, comments, and the audit trail's copies of those records' values)
    /// and withdraws consent, in one transaction. The records themselves stay: they are the State's record of a model.
    /// </summary>
    public static async Task<ErasureResult> EraseAsync(AppDbContext db, UserScope scope, string name, string reason, CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var records = await RecordsAsync(db, scope, name, track: true, ct);
        var comments = await CommentsAsync(db, scope, name, ct);
        var names = records.Select(i => i.OwnerName!).Concat(comments.Select(c => c.AuthorName!)).Append(name.Trim()).Distinct().ToList();
        foreach (var i in records)
        {
            i.OwnerName = ErasedName;
            i.OwnerConsentOn = null;
            i.Validate();
        }

        foreach (var c in comments)
        {
            c.AuthorName = null;
        }

        // The audit trail copied the name into its change lists; those copies go too (the lines themselves stay).
        var ids = records.Select(i => i.Id.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .Concat(comments.Select(c => c.Id.ToString(System.Globalization.CultureInfo.InvariantCulture))).ToList();
        var lines = await db.AuditEntries.Where(a => (a.EntityType == nameof(Initiative) || a.EntityType == nameof(CitizenComment)) && ids.Contains(a.EntityId!) && a.Changes != null)
            .ToListAsync(ct);
        var scrubbed = 0;
        foreach (var line in lines)
        {
            var changes = names.Aggregate(line.Changes!, (text, n) => text.Replace(System.Text.Json.JsonSerializer.Serialize(n)[1..^1], "(đã xoá)", StringComparison.Ordinal).Replace(n, "(đã xoá)", StringComparison.Ordinal));
            if (changes != line.Changes)
            {
                line.Changes = changes;
                scrubbed++;
            }
        }

        db.SuppressAutoAudit = true;
        try
        {
            db.Audit("personal-data-erased", "Person", null, new { records = records.Count, comments = comments.Count, auditEntries = scrubbed, reason });
            await db.SaveChangesAsync(ct);
        }
        finally
        {
            db.SuppressAutoAudit = false;
        }

        await tx.CommitAsync(ct);
        return new ErasureResult(records.Count, comments.Count, scrubbed);
    }

    /// <summary>Retention: audit lines older than the given number of years are deleted (Retention:AuditYears, default 10).</summary>
    public static async Task<int> PurgeAuditAsync(AppDbContext db, int years, TimeProvider clock, CancellationToken ct)
    {
        var cutoff = clock.GetUtcNow().AddYears(-Math.Max(1, years));
        // SQLite cannot compare DateTimeOffset in SQL: the lines' times are read, the old ones deleted by id.
        var old = (await db.AuditEntries.AsNoTracking().Select(a => new { a.Id, a.At }).ToListAsync(ct)).Where(a => a.At < cutoff).Select(a => a.Id).ToList();
        var deleted = 0;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        foreach (var chunk in old.Chunk(1000))
        {
            deleted += await db.AuditEntries.Where(a => chunk.Contains(a.Id)).ExecuteDeleteAsync(ct);
        }

        db.Audit("audit-purged", nameof(AuditEntry), null, new { deleted, olderThanYears = years });
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return deleted;
    }
}
