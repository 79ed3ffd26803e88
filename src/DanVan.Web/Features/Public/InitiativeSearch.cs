using System.Text;
using DanVan.Data;
using DanVan.Domain;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Features.Public;

/// <summary>
/// Vietnamese full-text search behind one interface: the words of a query are folded (no case, no tone marks,
/// đ → d) like the stored search text, and each must start a word of it. SQLite answers from its FTS5 index,
/// PostgreSQL from a GIN index on to_tsvector('simple', …); both are kept in the same transaction as the records.
/// </summary>
public static class InitiativeSearch
{
    // Vietnamese letters stay themselves; only markup characters are escaped.
    private static readonly System.Text.Encodings.Web.HtmlEncoder Html = System.Text.Encodings.Web.HtmlEncoder.Create(System.Text.Unicode.UnicodeRanges.All);

    /// <summary>The query's words, folded, letters and digits only; at most eight.</summary>
    public static IReadOnlyList<string> Terms(string? query)
    {
        var folded = VietnameseText.Fold(query);
        var words = new List<string>();
        var current = new StringBuilder();
        foreach (var c in folded + " ")
        {
            if (char.IsLetterOrDigit(c))
            {
                current.Append(c);
            }
            else if (current.Length > 0)
            {
                var w = current.ToString();
                if (!words.Contains(w) && w.Length <= 40)
                {
                    words.Add(w);
                }

                current.Clear();
            }
        }

        return words.Take(8).ToList();
    }

    /// <summary>FTS5 syntax: every term a quoted prefix ("dan"* "van"*), all required.</summary>
    public static string Fts5Query(IReadOnlyList<string> terms, bool any = false) =>
        string.Join(any ? " OR " : " ", terms.Select(t => $"\"{t}\"*"));

    /// <summary>PostgreSQL tsquery syntax: dan:* &amp; van:*.</summary>
    public static string TsQuery(IReadOnlyList<string> terms, bool any = false) =>
        string.Join(any ? " | " : " & ", terms.Select(t => t + ":*"));

    /// <summary>
    /// Keeps the initiatives whose search text has every term (or, with <paramref name="any"/>, one of them).
    /// <paramref name="narrowed"/> says the query already keeps one subtree of units: SQLite then reads that subtree's
    /// index range and checks each id against the matches, instead of fetching every match's row by id (a common
    /// word matches tens of thousands of records nationwide; a province holds a twentieth of them).
    /// </summary>
    public static IQueryable<Initiative> Matching(this IQueryable<Initiative> query, AppDbContext db, IReadOnlyList<string> terms, bool any = false, bool narrowed = false)
    {
        if (terms.Count == 0)
        {
            return query;
        }

        if (db.Database.IsNpgsql())
        {
            var ts = TsQuery(terms, any);
            return query.Where(i => EF.Functions.ToTsVector("simple", i.SearchText).Matches(EF.Functions.ToTsQuery("simple", ts)));
        }

        var match = Fts5Query(terms, any);
        var ids = db.Database.SqlQuery<int>($"SELECT rowid AS \"Value\" FROM \"InitiativeSearch\" WHERE \"InitiativeSearch\" MATCH {match}");
        // "Id + 0" is not the row id to SQLite's planner, so it keeps the path index and probes the matches' list.
        return narrowed ? query.Where(i => ids.Contains(i.Id + 0)) : query.Where(i => ids.Contains(i.Id));
    }

    /// <summary>
    /// The ids of the newest initiatives whose search text has one of the terms, at most <paramref name="limit"/>: a bounded
    /// candidate list however common the words (SQLite's index hands matches over newest first and stops there).
    /// </summary>
    public static async Task<List<int>> LatestMatchesAsync(AppDbContext db, IReadOnlyList<string> terms, int limit, CancellationToken ct)
    {
        if (terms.Count == 0)
        {
            return [];
        }

        if (db.Database.IsNpgsql())
        {
            return await db.Initiatives.Matching(db, terms, any: true).OrderByDescending(i => i.Id).Select(i => i.Id).Take(limit).ToListAsync(ct);
        }

        var match = Fts5Query(terms, any: true);
        return await db.Database.SqlQuery<int>($"SELECT rowid AS \"Value\" FROM \"InitiativeSearch\" WHERE \"InitiativeSearch\" MATCH {match} ORDER BY rowid DESC LIMIT {limit}")
            .ToListAsync(ct);
    }

    /// <summary>How many initiatives match, counted in the full-text index alone (for a query with no other filter).</summary>
    public static async Task<int> CountAsync(AppDbContext db, IReadOnlyList<string> terms, CancellationToken ct)
    {
        if (db.Database.IsNpgsql())
        {
            return await db.Initiatives.Matching(db, terms).CountAsync(ct);
        }

        var match = Fts5Query(terms);
        return await db.Database.SqlQuery<int>($"SELECT count(*) AS \"Value\" FROM \"InitiativeSearch\" WHERE \"InitiativeSearch\" MATCH {match}").SingleAsync(ct);
    }

    /// <summary>
    /// The text, HTML-encoded, with every word that starts with a term (compared folded) in &lt;mark&gt;.
    /// Words are compared one by one, so "Hòa" is marked for "hoa" and "Hoà" alike, and "đường" for "duong".
    /// </summary>
    public static string Highlight(string? text, IReadOnlyList<string> terms)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        var sb = new StringBuilder(text.Length + 32);
        var i = 0;
        while (i < text.Length)
        {
            var start = i;
            var isWord = char.IsLetterOrDigit(text[i]) || char.GetUnicodeCategory(text[i]) == System.Globalization.UnicodeCategory.NonSpacingMark;
            while (i < text.Length && (char.IsLetterOrDigit(text[i]) || char.GetUnicodeCategory(text[i]) == System.Globalization.UnicodeCategory.NonSpacingMark) == isWord)
            {
                i++;
            }

            var piece = text[start..i];
            var encoded = Html.Encode(piece);
            if (isWord && terms.Count > 0)
            {
                var folded = VietnameseText.Fold(piece);
                if (terms.Any(t => folded.StartsWith(t, StringComparison.Ordinal)))
                {
                    sb.Append("<mark>").Append(encoded).Append("</mark>");
                    continue;
                }
            }

            sb.Append(encoded);
        }

        return sb.ToString();
    }
}
