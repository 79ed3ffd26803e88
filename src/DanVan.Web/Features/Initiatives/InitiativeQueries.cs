using DanVan.Data;
using DanVan.Domain;
using DanVan.Features.Public;
using DanVan.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Features.Initiatives;

public sealed record InitiativeFilter(
    Field? Field = null, InitiativeKind? Kind = null, Origin? Origin = null, InitiativeStatus? Status = null,
    string? Unit = null, int? Map = null, int? Year = null, string? Q = null, string? Sort = null, int Page = 1, int PageSize = 20,
    DateOnly? MaintainedOn = null, bool? Recognized = null, OwnerType? OwnerType = null, TargetGroups? TargetGroup = null, string? After = null,
    DateOnly? UpdatedSince = null);

public sealed record InitiativeRow(
    int Id, string? Code, string Name, Field Field, InitiativeKind Kind, Origin Origin, InitiativeStatus Status,
    DateOnly RegisteredOn, string UnitCode, string UnitName, int UnitMap, string CurrentUnitCode, string CurrentUnitName, string? Owner,
    DateOnly ChangedOn);

public sealed record InitiativeDetail(
    int Id, string? Code, string Name, Field Field, InitiativeKind Kind, Origin Origin, InitiativeStatus Status,
    int? ReplicatedFromId, string? ReplicatedFromName, string? OriginNote,
    int? OwnerOrganizationId, string? OwnerOrganizationName, string? OwnerName,
    int UnitMap, string UnitCode, string UnitFullName, string CurrentUnitCode, string CurrentUnitFullName, string ScopePath,
    DateOnly RegisteredOn, string? Summary, string? Goals, string? Method, DateOnly? RetiredOn, string? RetiredReason,
    DateTimeOffset CreatedAt, string? CreatedBy, int Version, int ReplicationCount,
    int? CampaignId, string? CampaignName, RecognitionLevel? HighestLevel, DateOnly? FirstRecognizedOn,
    bool HiddenFromPublic, DateOnly? OwnerConsentOn, bool IsPublic, OwnerType OwnerType = OwnerType.Other,
    [property: System.Text.Json.Serialization.JsonIgnore] TargetGroups TargetGroupFlags = TargetGroups.None)
{
    /// <summary>Whom the model serves, one key each (ethnic_minorities, poor_households, …).</summary>
    public IReadOnlyList<TargetGroups> TargetGroups => OwnerTypes.AllGroups.Where(g => TargetGroupFlags.HasFlag(g)).ToList();
}

public sealed record AuditRow(long Id, DateTimeOffset At, string? UserName, string Action, string? Changes, string? IpAddress);

public static class InitiativeQueries
{
    public const int MaxPageSize = 100;

    public static async Task<IQueryable<Initiative>> FilterAsync(AppDbContext db, UserScope scope, InitiativeFilter f, CancellationToken ct)
    {
        var q = db.Initiatives.AsNoTracking().ReadableBy(scope, i => i.ScopePath);
        if (f.Unit is not null)
        {
            var map = f.Map ?? Maps.Current;
            var path = await db.AdminUnits.Where(u => u.Map == map && u.Code == f.Unit).Select(u => u.Path).FirstOrDefaultAsync(ct);
            if (path is null)
            {
                return q.Where(_ => false);
            }

            // A 2025 unit gathers everything that counts under it; a 2024 unit what was recorded under it.
            q = map == Maps.Current ? q.WithinPaths([path], i => i.ScopePath) : q.WithinPaths([path], i => i.LegacyPath);
        }

        if (f.Field is { } field)
        {
            q = q.Where(i => i.Field == field);
        }

        if (f.Kind is { } kind)
        {
            q = q.Where(i => i.Kind == kind);
        }

        if (f.Origin is { } origin)
        {
            q = q.Where(i => i.Origin == origin);
        }

        if (f.OwnerType is { } ownerType)
        {
            q = q.Where(i => i.OwnerType == ownerType);
        }

        if (f.TargetGroup is { } group and not TargetGroups.None)
        {
            q = q.Where(i => (i.TargetGroups & group) != TargetGroups.None);
        }

        if (f.Status is { } status)
        {
            q = q.Where(i => i.Status == status);
        }

        if (f.Year is { } year)
        {
            var from = new DateOnly(year, 1, 1);
            var to = new DateOnly(year, 12, 31);
            q = q.Where(i => i.RegisteredOn >= from && i.RegisteredOn <= to);
        }

        // The same definitions as the summary report, so a figure's drill-down lists exactly its models.
        if (f.MaintainedOn is { } on)
        {
            q = q.Where(i => i.RegisteredOn <= on && !(i.Status == InitiativeStatus.Retired && i.RetiredOn <= on));
            if (f.Recognized is { } recognized)
            {
                q = recognized ? q.Where(i => i.FirstRecognizedOn <= on) : q.Where(i => i.FirstRecognizedOn == null || i.FirstRecognizedOn > on);
            }
        }
        else if (f.Recognized is { } recognizedNow)
        {
            // Without a day: recognised at any time so far.
            q = recognizedNow ? q.Where(i => i.FirstRecognizedOn != null) : q.Where(i => i.FirstRecognizedOn == null);
        }

        // A syncing system: what was saved with a change on or after that day (a model is never deleted; retiring is a change).
        if (f.UpdatedSince is { } since)
        {
            q = q.Where(i => i.ChangedOn >= since);
        }

        // Every word must start a word of the name, code, owner or summary; through the full-text index.
        return q.Matching(db, Public.InitiativeSearch.Terms(f.Q), narrowed: f.Unit is not null || !scope.IsAdmin);
    }

    /// <summary>
    /// Models of the same unit or organisation whose names share most of their words with <paramref name="name"/>
    /// (word sets, tones ignored, at least 80 % of the shorter name's words and at least two), for the warning at registration.
    /// </summary>
    public static async Task<List<(int Id, string Name, string Unit)>> SimilarAsync(AppDbContext db, UserScope scope, string? name, string? unitCode, int? organizationId, CancellationToken ct)
    {
        var terms = InitiativeSearch.Terms(name).Where(t => t.Length > 1).ToList();
        if (terms.Count == 0 || (string.IsNullOrWhiteSpace(unitCode) && organizationId is null))
        {
            return [];
        }

        var candidates = await db.Initiatives.AsNoTracking().ReadableBy(scope, i => i.ScopePath)
            .Where(i => i.Status != InitiativeStatus.Retired)
            .Where(i => i.Unit!.Code == unitCode || i.CurrentUnit!.Code == unitCode || (organizationId != null && i.OwnerOrganizationId == organizationId))
            .Matching(db, terms, any: true).OrderByDescending(i => i.Id).Take(200)
            .Select(i => new { i.Id, i.Name, Unit = i.CurrentUnit!.FullName }).ToListAsync(ct);
        var mine = terms.ToHashSet(StringComparer.Ordinal);
        return candidates.Where(c =>
        {
            var theirs = InitiativeSearch.Terms(c.Name).Where(t => t.Length > 1).ToHashSet(StringComparer.Ordinal);
            var shared = mine.Intersect(theirs).Count();
            return theirs.Count > 0 && shared >= Math.Max(2, Math.Ceiling(0.8 * Math.Min(mine.Count, theirs.Count)));
        }).Take(5).Select(c => (c.Id, c.Name, c.Unit)).ToList();
    }

    /// <summary>Counting stops here: past it a list says "more than 10,000" (counting a province's 50,000 rows exactly
    /// cost each request 27 ms of the database; nobody pages that far by number).</summary>
    public const int CountCap = 10_000;

    /// <summary>A page of the list; <paramref name="count"/> false skips the count (an export reading page after page).</summary>
    public static async Task<Page<InitiativeRow>> ListAsync(AppDbContext db, UserScope scope, InitiativeFilter f, CancellationToken ct, bool count = true)
    {
        var pageSize = Math.Clamp(f.PageSize, 1, MaxPageSize);
        var page = Math.Max(1, f.Page);
        var q = await FilterAsync(db, scope, f, ct);
        var terms = Public.InitiativeSearch.Terms(f.Q);
        var searchOnly = terms.Count > 0 && scope.IsAdmin && f with { Q = null, Sort = null, Map = null, Page = 1, PageSize = 20, After = null } == new InitiativeFilter();
        var counted = !count ? 0 : searchOnly ? await Public.InitiativeSearch.CountAsync(db, terms, CountCap + 1, ct) : await q.Take(CountCap + 1).CountAsync(ct);
        var byWords = string.IsNullOrEmpty(f.Sort) && terms.Count > 0;
        var cursor = Keyset.Read(f.After);
        if (f.After is not null && (cursor is null || cursor.Sort != Keyset.SortOf(f.Sort, byWords)))
        {
            throw DomainException.For("after", "Con trỏ trang (after) không hợp lệ, hoặc được tạo cho cách sắp xếp khác: dùng đúng giá trị \"next\" của trang trước, cùng sort.");
        }

        if (cursor is { } c)
        {
            // Keyset paging: the rows after the last one seen, read from the index wherever the page is.
            var on = Keyset.Dated(c.Sort)
                ? DateOnly.ParseExact(c.Key, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) : default;
            q = c.Sort switch
            {
                "words" => q.Where(i => i.Id < c.Id),
                "name" => q.Where(i => string.Compare(i.SortKey, c.Key) > 0 || (i.SortKey == c.Key && i.Id > c.Id)),
                "-name" => q.Where(i => string.Compare(i.SortKey, c.Key) < 0 || (i.SortKey == c.Key && i.Id < c.Id)),
                "registered" => q.Where(i => i.RegisteredOn > on || (i.RegisteredOn == on && i.Id > c.Id)),
                "-registered" => q.Where(i => i.RegisteredOn < on || (i.RegisteredOn == on && i.Id < c.Id)),
                "changed" => q.Where(i => i.ChangedOn > on || (i.ChangedOn == on && i.Id > c.Id)),
                _ => q.Where(i => string.Compare(i.ScopePath, c.Path) > 0
                    || (i.ScopePath == c.Path && (string.Compare(i.SortKey, c.Key) > 0 || (i.SortKey == c.Key && i.Id > c.Id)))),
            };
            page = 1;
        }

        q = f.Sort switch
        {
            // Found by words, newest first: the full-text index hands its matches over in that order.
            null or "" when terms.Count > 0 => q.OrderByDescending(i => i.Id),
            "registered" => q.OrderBy(i => i.RegisteredOn).ThenBy(i => i.Id),
            "-registered" => q.OrderByDescending(i => i.RegisteredOn).ThenByDescending(i => i.Id),
            "changed" => q.OrderBy(i => i.ChangedOn).ThenBy(i => i.Id),
            "name" => q.OrderBy(i => i.SortKey).ThenBy(i => i.Id),
            "-name" => q.OrderByDescending(i => i.SortKey).ThenByDescending(i => i.Id),
            // The default follows the (ScopePath, SortKey) index: a page of a province is read, not sorted; within one
            // commune it is plain A–Z.
            _ => q.OrderBy(i => i.ScopePath).ThenBy(i => i.SortKey).ThenBy(i => i.Id),
        };
        var rows = await q.Skip((page - 1) * pageSize).Take(pageSize + 1)
            .Select(i => new
            {
                Row = new InitiativeRow(i.Id, i.Code, i.Name, i.Field, i.Kind, i.Origin, i.Status, i.RegisteredOn,
                    i.Unit!.Code, i.Unit.FullName, i.Unit.Map, i.CurrentUnit!.Code, i.CurrentUnit.FullName,
                    i.OwnerOrganization != null ? i.OwnerOrganization.Name : i.OwnerName, i.ChangedOn),
                i.ScopePath, i.SortKey,
            })
            .ToListAsync(ct);
        // One row more than the page tells whether there is a next page (no cursor after the last one).
        var more = rows.Count > pageSize;
        if (more)
        {
            rows.RemoveAt(rows.Count - 1);
        }

        var sortName = Keyset.SortOf(f.Sort, byWords);
        var next = more && rows.Count > 0
            ? Keyset.Write(new Keyset(sortName, sortName == "" ? rows[^1].ScopePath : string.Empty,
                Keyset.Dated(sortName)
                    ? (sortName == "changed" ? rows[^1].Row.ChangedOn : rows[^1].Row.RegisteredOn).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)
                    : rows[^1].SortKey,
                rows[^1].Row.Id))
            : null;
        return new Page<InitiativeRow>(rows.Select(r => r.Row).ToList(), page, pageSize, Math.Min(counted, CountCap), counted > CountCap, next);
    }

    /// <summary>Where a page ended: the order it was read in, and the last row's place in it, as an opaque text for the next request.</summary>
    private sealed record Keyset(string Sort, string Path, string Key, int Id)
    {
        /// <summary>The order a cursor belongs to: "" the default, "words" found by words, or the sort asked for.</summary>
        /// <summary>Orders whose cursor is a day (registration or last change).</summary>
        public static bool Dated(string sort) => sort is "registered" or "-registered" or "changed";

        public static string SortOf(string? sort, bool byWords) => byWords ? "words" : sort is null or "" or "unit" ? string.Empty : sort;

        public static string Write(Keyset k) => Microsoft.AspNetCore.WebUtilities.WebEncoders.Base64UrlEncode(
            System.Text.Encoding.UTF8.GetBytes(string.Join('\u001f', k.Sort, k.Path, k.Key, k.Id.ToString(System.Globalization.CultureInfo.InvariantCulture))));

        public static Keyset? Read(string? text)
        {
            // A cursor carries a path and a sort key (a name of up to 300 letters): a few hundred characters at most.
            if (string.IsNullOrEmpty(text) || text.Length > 4096)
            {
                return null;
            }

            try
            {
                var parts = System.Text.Encoding.UTF8.GetString(Microsoft.AspNetCore.WebUtilities.WebEncoders.Base64UrlDecode(text)).Split('\u001f');
                return parts.Length == 4 && int.TryParse(parts[3], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id)
                    && (!Dated(parts[0])
                        || DateOnly.TryParseExact(parts[2], "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out _))
                    ? new Keyset(parts[0], parts[1], parts[2], id)
                    : null;
            }
            catch (FormatException)
            {
                return null;
            }
        }
    }

    public static async Task<InitiativeDetail?> DetailAsync(AppDbContext db, UserScope scope, int id, CancellationToken ct)
    {
        var publicIds = db.Initiatives.Where(Initiative.PublicRule).Select(p => p.Id);
        var row = await db.Initiatives.AsNoTracking().ReadableBy(scope, i => i.ScopePath).Where(i => i.Id == id)
            .Select(i => new
            {
                SourcePath = i.ReplicatedFrom != null ? i.ReplicatedFrom.ScopePath : null,
                SourcePublic = publicIds.Contains(i.ReplicatedFromId ?? 0),
                Detail = new InitiativeDetail(i.Id, i.Code, i.Name, i.Field, i.Kind, i.Origin, i.Status,
                i.ReplicatedFromId, i.ReplicatedFrom != null ? i.ReplicatedFrom.Name : null, i.OriginNote,
                i.OwnerOrganizationId, i.OwnerOrganization != null ? i.OwnerOrganization.Name : null, i.OwnerName,
                i.Unit!.Map, i.Unit.Code, i.Unit.FullName, i.CurrentUnit!.Code, i.CurrentUnit.FullName, i.ScopePath,
                i.RegisteredOn, i.Summary, i.Goals, i.Method, i.RetiredOn, i.RetiredReason, i.CreatedAt, i.CreatedBy, i.Version,
                db.Initiatives.Count(r => r.ReplicatedFromId == i.Id),
                i.CampaignId, i.Campaign != null ? i.Campaign.Name : null, i.HighestLevel, i.FirstRecognizedOn,
                i.HiddenFromPublic, i.OwnerConsentOn, publicIds.Contains(i.Id),
                i.OwnerType, i.TargetGroups),
            })
            .FirstOrDefaultAsync(ct);
        if (row is null)
        {
            return null;
        }

        // The source it was copied from is named only to those who may see it (in their area, or on the public site).
        return row.SourcePath is null || row.SourcePublic || scope.CanRead(row.SourcePath)
            ? row.Detail
            : row.Detail with { ReplicatedFromId = null, ReplicatedFromName = null };
    }

    /// <summary>Who changed what, latest first, a page at a time.</summary>
    public static Task<Page<AuditRow>> AuditAsync(AppDbContext db, string entityType, int id, ListPage page, CancellationToken ct)
    {
        var key = id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return Paging.NewestFirstAsync(db.AuditEntries.AsNoTracking().Where(a => a.EntityType == entityType && a.EntityId == key), null, page,
            q => q.Select(a => new AuditRow(a.Id, a.At, a.UserName, a.Action, a.Changes, a.IpAddress)), a => a.Id, ct);
    }
}
