using System.Text;

namespace DanVan.Domain;

/// <summary>
/// Finds a person's name inside free text the way people write it (any case, with or without tone marks, đ or d) and
/// replaces it. Words are compared folded, one by one, so "ông Lò Văn Bình" and "LO VAN BINH" are both found and
/// "Bình" alone is not.
/// </summary>
public static class Redaction
{
    public const string Replacement = "(đã xoá)";

    /// <summary>How many times the name stands in the text.</summary>
    public static int Count(string? text, string name) => Find(text, name).Count;

    /// <summary>The text with every occurrence of the name replaced, and how many there were.</summary>
    public static (string? Text, int Count) Redact(string? text, string name)
    {
        var spans = Find(text, name);
        if (spans.Count == 0)
        {
            return (text, 0);
        }

        var b = new StringBuilder(text!.Length);
        var at = 0;
        foreach (var (start, end) in spans)
        {
            b.Append(text, at, start - at).Append(Replacement);
            at = end;
        }

        b.Append(text, at, text.Length - at);
        return (b.ToString(), spans.Count);
    }

    /// <summary>A short piece of text around the first occurrence, for a person to check before erasing.</summary>
    public static string? Excerpt(string? text, string name)
    {
        var spans = Find(text, name);
        if (spans.Count == 0)
        {
            return null;
        }

        var (start, end) = spans[0];
        var from = Math.Max(0, start - 40);
        var to = Math.Min(text!.Length, end + 40);
        return (from > 0 ? "…" : string.Empty) + text[from..to] + (to < text.Length ? "…" : string.Empty);
    }

    private static List<(int Start, int End)> Find(string? text, string name)
    {
        var found = new List<(int, int)>();
        var wanted = Words(name).Select(w => VietnameseText.Fold(name.Substring(w.Start, w.End - w.Start))).ToList();
        if (string.IsNullOrEmpty(text) || wanted.Count == 0)
        {
            return found;
        }

        var words = Words(text);
        for (var i = 0; i + wanted.Count <= words.Count; i++)
        {
            var match = true;
            for (var k = 0; k < wanted.Count && match; k++)
            {
                var (s, e) = words[i + k];
                match = VietnameseText.Fold(text.Substring(s, e - s)) == wanted[k];
            }

            if (match)
            {
                found.Add((words[i].Start, words[i + wanted.Count - 1].End));
                i += wanted.Count - 1;
            }
        }

        return found;
    }

    private static List<(int Start, int End)> Words(string text)
    {
        var words = new List<(int, int)>();
        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            var letter = i < text.Length && (char.IsLetterOrDigit(text[i]) || char.GetUnicodeCategory(text[i]) == System.Globalization.UnicodeCategory.NonSpacingMark);
            if (letter && start < 0)
            {
                start = i;
            }
            else if (!letter && start >= 0)
            {
                words.Add((start, i));
                start = -1;
            }
        }

        return words;
    }
}
