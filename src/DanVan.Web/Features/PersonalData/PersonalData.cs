using DanVan.Data;
using DanVan.Domain;
using DanVan.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Features.PersonalData;

public sealed record PersonRecord(int Id, string Name, string Unit, string Owner, DateOnly RegisteredOn, DateOnly? ConsentOn, bool Public);

public sealed record PersonComment(int Id, int InitiativeId, string Author, string Text, DateTimeOffset At, string Status);

/// <summary>Where the name stands in free text: the kind of record, its id, the field and a few words around it.</summary>
public sealed record PersonMention(string Kind, long Id, string Field, string Excerpt);

public sealed record PersonExport(string Name, DateTimeOffset ExportedAt, IReadOnlyList<PersonRecord> Records, IReadOnlyList<PersonComment> Comments,
    IReadOnlyList<PersonMention> Mentions);

public sealed record ErasureResult(int Records, int Comments, int AuditEntries, int Mentions);

/// <summary>
/// A person's requests under the Personal Data Protection Law (in force 01/01/2026): everything the system holds under
/// their name (as the owner of an individual model, as the author of a citizen's comment), exported, or erased. Only the
/// secretariat or an administrator whose area covers the records may do either; each request is audited, without the name.
/// </summary>
public static class PersonalDataRequests
{
    public const string ErasedName = "Cá nhân (đã xoá theo yêu cầu)";

    public static bool MayHandle(UserScope scope) => scope.CanAnywhere(Operation.HandlePersonalData);

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
        var mentions = (await MentionsAsync(db, scope, name, ct)).Select(m => new PersonMention(m.Kind, m.Id, m.Field, Redaction.Excerpt(m.Read(), name)!)).ToList();
        db.ChangeTracker.Clear();
        return new PersonExport(name, clock.GetUtcNow(),
            records.Select(i => new PersonRecord(i.Id, i.Name, i.CurrentUnit?.FullName ?? string.Empty, i.OwnerName!, i.RegisteredOn, i.OwnerConsentOn, i.IsPublic)).ToList(),
            comments.Select(c => new PersonComment(c.Id, c.InitiativeId, c.AuthorName!, c.Text, c.At, EnumKeys.Key(c.Status))).ToList(), mentions);
    }

    /// <summary>A free-text field that holds the name: what it is, and how to read and rewrite it.</summary>
    private sealed record Mention(string Kind, long Id, string Field, Func<string?> Read, Action<string?> Write, string AuditType);

    // Spellings a prefilter in SQL can look for (the database compares case and tone marks itself); every candidate is
    // then checked word by word, folded, in memory.
    private static List<string> Spellings(string name)
    {
        var last = name.Split(' ', StringSplitOptions.RemoveEmptyEntries)[^1];
        var folded = VietnameseText.Fold(last);
        return new[] { last, last.ToLower(Cultures.Vietnamese), last.ToUpper(Cultures.Vietnamese), folded, folded.ToUpperInvariant(),
            folded.Length > 0 ? char.ToUpperInvariant(folded[0]) + folded[1..] : folded }.Distinct().ToList();
    }

    /// <summary>
    /// Every free-text field in the caller's area that holds the name: a model's name, summary, goals, method, origin note
    /// and retirement reason; result narratives; evidence file names; comments; review reasons; award recipients.
    /// </summary>
    private static async Task<List<Mention>> MentionsAsync(AppDbContext db, UserScope scope, string name, CancellationToken ct)
    {
        var s = Spellings(name);
        var area = db.Initiatives.PermittedFor(scope, Operation.HandlePersonalData, i => i.ScopePath);
        var list = new List<Mention>();
        void Add<T>(IEnumerable<T> rows, string kind, Func<T, long> id, string audit, params (string Field, Func<T, string?> Get, Action<T, string?> Set)[] fields)
        {
            foreach (var row in rows)
            {
                foreach (var (field, get, set) in fields)
                {
                    if (Redaction.Count(get(row), name) > 0)
                    {
                        list.Add(new Mention(kind, id(row), field, () => get(row), v => set(row, v), audit));
                    }
                }
            }
        }

        var initiatives = await area.Where(i => s.Any(w => i.Name.Contains(w) || (i.Summary != null && i.Summary.Contains(w)) || (i.Goals != null && i.Goals.Contains(w))
            || (i.Method != null && i.Method.Contains(w)) || (i.OriginNote != null && i.OriginNote.Contains(w)) || (i.RetiredReason != null && i.RetiredReason.Contains(w)))).ToListAsync(ct);
        Add(initiatives, "initiative", i => i.Id, nameof(Initiative),
            ("name", i => i.Name, (i, v) => i.Name = v ?? string.Empty), ("summary", i => i.Summary, (i, v) => i.Summary = v),
            ("goals", i => i.Goals, (i, v) => i.Goals = v), ("method", i => i.Method, (i, v) => i.Method = v),
            ("originNote", i => i.OriginNote, (i, v) => i.RedactOriginNote(v)), ("retiredReason", i => i.RetiredReason, (i, v) => i.RedactRetiredReason(v)));
        var reports = await db.ResultReports.Where(r => area.Any(i => i.Id == r.InitiativeId) && r.Narrative != null && s.Any(w => r.Narrative!.Contains(w))).ToListAsync(ct);
        Add(reports, "result_report", r => r.Id, nameof(ResultReport), ("narrative", r => r.Narrative, (r, v) => r.RedactNarrative(v)));
        var files = await db.EvidenceFiles.Where(f => (db.ResultReports.Any(r => r.Id == f.ReportId && area.Any(i => i.Id == r.InitiativeId)) || area.Any(i => i.Id == f.InitiativeId)) && s.Any(w => f.FileName.Contains(w))).ToListAsync(ct);
        Add(files, "evidence", f => f.Id, nameof(EvidenceFile), ("fileName", f => f.FileName, (f, v) => f.FileName = v ?? "tep"));
        var comments = await db.CitizenComments.PermittedFor(scope, Operation.HandlePersonalData, c => c.ScopePath).Where(c => s.Any(w => c.Text.Contains(w))).ToListAsync(ct);
        Add(comments, "comment", c => c.Id, nameof(CitizenComment), ("text", c => c.Text, (c, v) => c.Text = v ?? string.Empty));
        var reviews = await db.ReviewDecisions.Where(r => area.Any(i => i.Id == r.InitiativeId) && s.Any(w => r.Reason.Contains(w))).ToListAsync(ct);
        Add(reviews, "review_decision", r => r.Id, nameof(ReviewDecision), ("reason", r => r.Reason, (r, v) => r.Reason = v ?? string.Empty));
        var awards = await db.Awards.Where(a => area.Any(i => i.Id == a.InitiativeId) && s.Any(w => a.Recipient.Contains(w))).ToListAsync(ct);
        Add(awards, "award", a => a.Id, nameof(Award), ("recipient", a => a.Recipient, (a, v) => a.Recipient = v ?? string.Empty));

        // The second half of the year: award decisions' recipients, nominations, inspections and units' own reports.
        var recipients = await db.AwardRecipients.PermittedFor(scope, Operation.HandlePersonalData, r => r.ScopePath)
            .Where(r => s.Any(w => r.Name.Contains(w) || (r.Achievement != null && r.Achievement.Contains(w)))).ToListAsync(ct);
        Add(recipients, "award_recipient", r => r.Id, nameof(AwardRecipient),
            ("name", r => r.Name, (r, v) => r.Redact(v ?? string.Empty, r.Achievement)), ("achievement", r => r.Achievement, (r, v) => r.Redact(r.Name, v)));
        var nominations = await db.Nominations.PermittedFor(scope, Operation.HandlePersonalData, n => n.ScopePath)
            .Where(n => s.Any(w => n.RecipientName.Contains(w) || n.Achievements.Contains(w))).ToListAsync(ct);
        Add(nominations, "nomination", n => n.Id, nameof(Nomination),
            ("recipientName", n => n.RecipientName, (n, v) => n.Redact(v ?? string.Empty, n.Achievements)), ("achievements", n => n.Achievements, (n, v) => n.Redact(n.RecipientName, v ?? string.Empty)));
        var inspections = await db.Inspections.PermittedFor(scope, Operation.HandlePersonalData, i => i.ScopePath)
            .Where(i => s.Any(w => i.Inspectors.Contains(w) || (i.Findings != null && i.Findings.Contains(w)) || (i.Purpose != null && i.Purpose.Contains(w)))).ToListAsync(ct);
        Add(inspections, "inspection", i => i.Id, nameof(Inspection),
            ("inspectors", i => i.Inspectors, (i, v) => i.Redact(v, i.Findings, i.Purpose)), ("findings", i => i.Findings, (i, v) => i.Redact(i.Inspectors, v, i.Purpose)),
            ("purpose", i => i.Purpose, (i, v) => i.Redact(i.Inspectors, i.Findings, v)));
        var unitReports = await db.UnitReports.PermittedFor(scope, Operation.HandlePersonalData, r => r.ScopePath)
            .Where(r => r.Note != null && s.Any(w => r.Note!.Contains(w))).ToListAsync(ct);
        Add(unitReports, "unit_report", r => r.Id, nameof(UnitReport), ("note", r => r.Note, (r, v) => r.RedactNote(v)));
        return list;
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

        // The name inside free text: each field that holds it is rewritten; what was redacted is recorded, by field.
        var mentions = await MentionsAsync(db, scope, name, ct);
        foreach (var m in mentions)
        {
            m.Write(Redaction.Redact(m.Read(), name).Text);
        }

        foreach (var i in records.Concat(db.ChangeTracker.Entries<Initiative>().Select(e => e.Entity)).Distinct())
        {
            i.Validate();
        }

        // The audit trail copied the name into its change lists; those copies go too (the lines themselves stay).
        var touched = records.Select(i => (Type: nameof(Initiative), Id: (long)i.Id)).Concat(comments.Select(c => (Type: nameof(CitizenComment), Id: (long)c.Id)))
            .Concat(mentions.Select(m => (Type: m.AuditType, m.Id))).Distinct().ToList();
        var types = touched.Select(t => t.Type).Distinct().ToList();
        var ids = touched.Select(t => t.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)).Distinct().ToList();
        var lines = (await db.AuditEntries.Where(a => types.Contains(a.EntityType) && ids.Contains(a.EntityId!) && a.Changes != null).ToListAsync(ct))
            .Where(a => long.TryParse(a.EntityId, System.Globalization.CultureInfo.InvariantCulture, out var id) && touched.Contains((a.EntityType, id))).ToList();
        var scrubbed = 0;
        foreach (var line in lines)
        {
            var changes = names.Aggregate(line.Changes!, (text, n) => Redaction.Redact(text.Replace(System.Text.Json.JsonSerializer.Serialize(n)[1..^1], Redaction.Replacement, StringComparison.Ordinal), n).Text!);
            if (changes != line.Changes)
            {
                line.Changes = changes;
                scrubbed++;
            }
        }

        db.SuppressAutoAudit = true;
        try
        {
            var redacted = mentions.GroupBy(m => m.Kind + "." + m.Field).ToDictionary(g => g.Key, g => g.Count());
            db.Audit("personal-data-erased", "Person", null, new { records = records.Count, comments = comments.Count, auditEntries = scrubbed, redacted, reason });
            await db.SaveChangesAsync(ct);
        }
        finally
        {
            db.SuppressAutoAudit = false;
        }

        await tx.CommitAsync(ct);
        return new ErasureResult(records.Count, comments.Count, scrubbed, mentions.Count);
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
