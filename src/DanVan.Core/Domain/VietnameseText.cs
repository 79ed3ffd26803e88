using System.Globalization;
using System.Text;

namespace DanVan.Domain;

/// <summary>
/// Vietnamese-aware text keys. <see cref="Fold"/> is for search (marks removed, đ→d, lower case);
/// <see cref="SortKey"/> is an ordinal-comparable key in Vietnamese alphabet order
/// (a ă â b c d đ e ê …, tones second), so databases can sort by it with a byte collation.
/// </summary>
public static class VietnameseText
{
    // Vietnamese alphabet, with f j w z where a foreign-borrowed word needs them.
    private const string Alphabet = "aăâbcdđeêfghijklmnoôơpqrstuưvwxyz";

    // Combining marks: tones, in dictionary order (ngang, huyền, hỏi, ngã, sắc, nặng).
    private static readonly Dictionary<char, char> ToneRank = new()
    {
        ['\u0300'] = '1', ['\u0309'] = '2', ['\u0303'] = '3', ['\u0301'] = '4', ['\u0323'] = '5',
    };

    /// <summary>Whether the text has letters written with Vietnamese marks (đ, ơ, ư, ấ…): what tells a Vietnamese sentence from an English one.</summary>
    public static bool HasVietnameseLetters(string? text) => text is not null && text.Any(c => c is >= '\u00c0' and <= '\u1ef9' and not '\u00d7' and not '\u00f7');

    public static string Fold(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        var decomposed = text.Normalize(NormalizationForm.FormD);
        var sb = new StringBuilder(decomposed.Length);
        var lastWasSpace = true;
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            var ch = c switch
            {
                'đ' or 'Đ' => 'd',
                _ => char.ToLowerInvariant(c),
            };
            if (char.IsWhiteSpace(ch) || char.IsControl(ch) || ch is '\u200b' or '\u200c' or '\u200d' or '\ufeff')
            {
                if (!lastWasSpace)
                {
                    sb.Append(' ');
                }

                lastWasSpace = true;
                continue;
            }

            sb.Append(ch);
            lastWasSpace = false;
        }

        return sb.ToString().TrimEnd();
    }

    public static string SortKey(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return string.Empty;
        }

        // NFD splits "ấ" into a + circumflex + acute; circumflex/breve/horn belong to the letter,
        // tone marks go to the secondary key.
        var decomposed = text.Trim().ToLower(CultureInfo.InvariantCulture).Normalize(NormalizationForm.FormD);
        var primary = new StringBuilder(decomposed.Length);
        var tones = new StringBuilder();
        var i = 0;
        while (i < decomposed.Length)
        {
            var c = decomposed[i];
            if (char.IsDigit(c))
            {
                // Natural order for numbered wards: "Phường 2" before "Phường 14".
                var start = i;
                while (i < decomposed.Length && char.IsDigit(decomposed[i]))
                {
                    i++;
                }

                var digits = decomposed[start..i].TrimStart('0');
                primary.Append(digits.PadLeft(6, '0'));
                continue;
            }

            if (char.IsWhiteSpace(c))
            {
                if (primary.Length > 0 && primary[^1] != ' ')
                {
                    primary.Append(' ');
                }

                i++;
                continue;
            }

            var letter = c;
            var tone = '0';
            i++;
            while (i < decomposed.Length && CharUnicodeInfo.GetUnicodeCategory(decomposed[i]) == UnicodeCategory.NonSpacingMark)
            {
                var mark = decomposed[i];
                if (ToneRank.TryGetValue(mark, out var rank))
                {
                    tone = rank;
                }
                else
                {
                    letter = (letter, mark) switch
                    {
                        ('a', '\u0306') => 'ă',
                        ('a', '\u0302') => 'â',
                        ('e', '\u0302') => 'ê',
                        ('o', '\u0302') => 'ô',
                        ('o', '\u031b') => 'ơ',
                        ('u', '\u031b') => 'ư',
                        _ => letter,
                    };
                }

                i++;
            }

            var index = Alphabet.IndexOf(letter, StringComparison.Ordinal);
            if (index >= 0)
            {
                primary.Append((char)('A' + index));
                tones.Append(tone);
            }
            else if (char.IsLetter(letter))
            {
                // Letters outside the alphabet sort after it, in code-point order.
                primary.Append('~').Append(letter);
                tones.Append(tone);
            }
        }

        return primary.ToString().TrimEnd() + "\u0001" + tones;
    }

    /// <summary>In-memory comparer equivalent to ordering by <see cref="SortKey"/>.</summary>
    public static readonly IComparer<string?> Comparer =
        Comparer<string?>.Create((a, b) => string.CompareOrdinal(SortKey(a), SortKey(b)));

    /// <summary>A URL slug: folded, ASCII letters and digits separated by hyphens.</summary>
    public static string Slug(string? text)
    {
        var folded = Fold(text);
        var sb = new StringBuilder(folded.Length);
        foreach (var c in folded)
        {
            if (c is >= 'a' and <= 'z' or >= '0' and <= '9')
            {
                sb.Append(c);
            }
            else if (sb.Length > 0 && sb[^1] != '-')
            {
                sb.Append('-');
            }
        }

        return sb.ToString().Trim('-');
    }
}
