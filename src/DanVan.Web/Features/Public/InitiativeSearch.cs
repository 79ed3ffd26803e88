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

        return db.Dialect.Matching(query, db, terms, any, narrowed);
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

        return await db.Dialect.LatestMatchesAsync(db, terms, limit, ct);
    }

    /// <summary>How many initiatives match, counted in the full-text index alone (for a query with no other filter).</summary>
    public static async Task<int> CountAsync(AppDbContext db, IReadOnlyList<string> terms, int limit, CancellationToken ct)
    {
        return await db.Dialect.CountMatchesAsync(db, terms, limit, ct);
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
