using DanVan.Data;
using DanVan.Domain;
using DanVan.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Features.Public;

public sealed record PublicCard(int Id, string Name, string Slug, string UnitName, string ProvinceName, Field Field, InitiativeKind Kind,
    RecognitionLevel Level, DateOnly? RecognizedOn, string? Summary);

/// <summary>A facet value; a unit's or a year's label is data, shown as written, the others are the system's words.</summary>
public sealed record Facet(string Key, string Label, long Count, bool IsData = false);

public sealed record PublicFilter(string? Q = null, string? Field = null, string? Province = null, string? Level = null, string? Kind = null, int? Year = null, int Page = 1,
    string? Commune = null);

public sealed record PublicResults(Page<PublicCard> Page, IReadOnlyList<string> Terms, IReadOnlyList<Facet> Fields, IReadOnlyList<Facet> Provinces,
    IReadOnlyList<Facet> Levels, IReadOnlyList<Facet> Kinds, IReadOnlyList<Facet> Years, IReadOnlyList<Facet> Communes);

public sealed record HomeFigures(long Initiatives, long National, long Province, long Communes, long Replicated, long SurveyAnswers, long Satisfied);

/// <summary>What the public may see: recognised models not retired and not hidden, with a person's name only by consent.</summary>
public static class PublicQueries
{
    public const int PageSize = 20;

    public static IQueryable<Initiative> Visible(this IQueryable<Initiative> q) =>
        q.Where(Initiative.PublicRule);

    public static async Task<Dictionary<string, string>> ProvincesAsync(AppDbContext db, CancellationToken ct) =>
        await db.AdminUnits.AsNoTracking().Where(u => u.Map == Maps.Current && u.Level == 1).OrderBy(u => u.SortKey)
            .ToDictionaryAsync(u => u.Path, u => u.FullName, StringComparer.Ordinal, ct);

    public static string ProvincePath(string scopePath) => UnitPaths.Province(scopePath);

    private static IQueryable<PublicCardRow> Cards(IQueryable<Initiative> q) => q.Select(i => new PublicCardRow
    {
        Id = i.Id, Name = i.Name, UnitName = i.CurrentUnit!.FullName, ScopePath = i.ScopePath, Field = i.Field, Kind = i.Kind,
        Level = i.HighestLevel!.Value, RecognizedOn = i.FirstRecognizedOn,
        // An individual's story is theirs: shown only with their consent, like their name.
        Summary = i.Kind == InitiativeKind.Individual && i.OwnerConsentOn == null ? null : i.Summary,
    });

    private sealed record FacetRow(int Id, string Province, int CommuneId, Field Field, InitiativeKind Kind, RecognitionLevel Level, DateOnly? RecognizedOn);

    private sealed class PublicCardRow
    {
        public int Id { get; init; }

        public string Name { get; init; } = string.Empty;

        public string UnitName { get; init; } = string.Empty;

        public string ScopePath { get; init; } = string.Empty;

        public Field Field { get; init; }

        public InitiativeKind Kind { get; init; }

        public RecognitionLevel Level { get; init; }

        public DateOnly? RecognizedOn { get; init; }

        public string? Summary { get; init; }
    }

    /// <summary>The cards of an ordered, limited query of public models: the one projection every public list uses.</summary>
    public static async Task<List<PublicCard>> CardsAsync(IQueryable<Initiative> q, Dictionary<string, string> provinces, CancellationToken ct) =>
        ToCards(await Cards(q).ToListAsync(ct), provinces);

    private static List<PublicCard> ToCards(IEnumerable<PublicCardRow> rows, Dictionary<string, string> provinces) =>
        rows.Select(r => new PublicCard(r.Id, r.Name, VietnameseText.Slug(r.Name), r.UnitName, provinces.GetValueOrDefault(ProvincePath(r.ScopePath), string.Empty),
            r.Field, r.Kind, r.Level, r.RecognizedOn, r.Summary is { Length: > 220 } s ? s[..220] + "…" : r.Summary)).ToList();

    public static async Task<(HomeFigures Figures, List<PublicCard> Latest)> HomeAsync(AppDbContext db, CancellationToken ct)
    {
        var visible = db.Initiatives.AsNoTracking().Visible();
        var byLevel = await visible.GroupBy(i => i.HighestLevel).Select(g => new { g.Key, Count = g.LongCount() }).ToListAsync(ct);
        var communes = await visible.Select(i => i.CurrentUnitId).Distinct().LongCountAsync(ct);
        var replicated = await visible.LongCountAsync(i => i.Origin == Origin.Replicated, ct);
        var answers = await db.SurveyAnswers.AsNoTracking().Where(a => !a.Held).GroupBy(a => a.Satisfied).Select(g => new { g.Key, Count = g.LongCount() }).ToListAsync(ct);
        var latest = await CardsAsync(visible.OrderByDescending(i => i.FirstRecognizedOn).ThenByDescending(i => i.Id).Take(12), await ProvincesAsync(db, ct), ct);
        return (new HomeFigures(byLevel.Sum(l => l.Count), byLevel.Where(l => l.Key == RecognitionLevel.National).Sum(l => l.Count),
                byLevel.Where(l => l.Key == RecognitionLevel.Province).Sum(l => l.Count), communes, replicated,
                answers.Sum(a => a.Count), answers.Where(a => a.Key).Sum(a => a.Count)),
            latest);
    }

    public static async Task<PublicResults> SearchAsync(AppDbContext db, PublicFilter f, CancellationToken ct)
    {
        var terms = InitiativeSearch.Terms(f.Q);
        var q = db.Initiatives.AsNoTracking().Visible().Matching(db, terms);
        var provinces = await ProvincesAsync(db, ct);

        // One pass over the matches, in the app: each match's facet values, then every facet counted under all filters but
        // its own, the total and the page's order. (Six GROUP BYs over tens of thousands of matches took seconds.)
        var rows = await q.Select(i => new FacetRow(i.Id, i.ScopePath.Substring(0, 4), i.CurrentUnitId, i.Field, i.Kind, i.HighestLevel!.Value, i.FirstRecognizedOn))
            .ToListAsync(ct);
        var tests = new Dictionary<string, Func<FacetRow, bool>>();
        if (EnumKeys.TryParse<Field>(f.Field, out var field))
        {
            tests["field"] = r => r.Field == field;
        }

        var communeNames = new Dictionary<int, (string Code, string Name)>();
        if (f.Province is { Length: > 0 } && provinces.Keys.FirstOrDefault(p => p.Trim('/') == f.Province) is { } provincePath)
        {
            tests["province"] = r => r.Province == provincePath;
            // Communes of the chosen province (2025 map): a facet of their own, and a filter on the others.
            communeNames = await db.AdminUnits.AsNoTracking().Where(u => u.Map == Maps.Current && u.Level == 2).WithinPaths([provincePath], u => u.Path)
                .ToDictionaryAsync(u => u.Id, u => (u.Code, u.FullName), ct);
            if (f.Commune is { Length: > 0 } && communeNames.FirstOrDefault(c => c.Value.Code == f.Commune) is { Key: > 0 } commune)
            {
                var id = commune.Key;
                tests["commune"] = r => r.CommuneId == id;
            }
        }

        if (EnumKeys.TryParse<RecognitionLevel>(f.Level, out var level))
        {
            tests["level"] = r => r.Level == level;
        }

        if (EnumKeys.TryParse<InitiativeKind>(f.Kind, out var kind))
        {
            tests["kind"] = r => r.Kind == kind;
        }

        if (f.Year is { } year and >= 2009 and <= 2100)
        {
            tests["year"] = r => r.RecognizedOn?.Year == year;
        }

        bool PassesAllBut(FacetRow r, string facet)
        {
            foreach (var (name, test) in tests)
            {
                if (name != facet && !test(r))
                {
                    return false;
                }
            }

            return true;
        }

        List<(TKey Key, long N)> Count<TKey>(string facet, Func<FacetRow, TKey> key) where TKey : notnull =>
            rows.Where(r => PassesAllBut(r, facet)).GroupBy(key).Select(g => (g.Key, (long)g.Count())).ToList();

        var communes = communeNames.Count == 0 ? [] : Count("commune", r => r.CommuneId).Where(c => communeNames.ContainsKey(c.Key))
            .Select(c => new Facet(communeNames[c.Key].Code, communeNames[c.Key].Name, c.N, IsData: true))
            .OrderByDescending(c => c.Count).ThenBy(c => c.Label, VietnameseText.Comparer).ToList();
        var found = rows.Where(r => PassesAllBut(r, string.Empty)).ToList();
        var total = found.Count;
        var page = Math.Clamp(f.Page, 1, 500);
        // Recognised at a higher level first, then the most recently recognised, then the newest record.
        var pageIds = found.OrderByDescending(r => r.Level).ThenByDescending(r => r.RecognizedOn).ThenByDescending(r => r.Id)
            .Skip((page - 1) * PageSize).Take(PageSize).Select(r => r.Id).ToList();
        var cards = (await CardsAsync(db.Initiatives.AsNoTracking().Where(i => pageIds.Contains(i.Id)), provinces, ct))
            .OrderBy(c => pageIds.IndexOf(c.Id)).ToList();

        var fields = Count("field", r => r.Field).OrderBy(g => g.Key).Select(g => new Facet(Labels.Key(g.Key), Labels.Of(g.Key), g.N)).ToList();
        var levels = Count("level", r => r.Level).OrderByDescending(g => g.Key).Select(g => new Facet(EnumKeys.Key(g.Key), "Cấp " + Initiative.LevelName(g.Key), g.N)).ToList();
        var kinds = Count("kind", r => r.Kind).OrderBy(g => g.Key).Select(g => new Facet(EnumKeys.Key(g.Key), Labels.Of(g.Key), g.N)).ToList();
        var years = Count("year", r => r.RecognizedOn?.Year ?? 0).Where(g => g.Key > 0).OrderByDescending(g => g.Key)
            .Select(g => new Facet(g.Key.ToString(System.Globalization.CultureInfo.InvariantCulture), g.Key.ToString(System.Globalization.CultureInfo.InvariantCulture), g.N, IsData: true)).ToList();
        var provinceFacets = Count("province", r => r.Province).Where(p => provinces.ContainsKey(p.Key))
            .Select(p => new Facet(p.Key.Trim('/'), provinces[p.Key], p.N, IsData: true)).OrderByDescending(p => p.Count).ThenBy(p => p.Label, VietnameseText.Comparer).ToList();

        return new PublicResults(new Page<PublicCard>(cards, page, PageSize, (int)total), terms, fields, provinceFacets, levels, kinds, years, communes);
    }
}
