namespace DanVan.Domain;

/// <summary>Near-duplicate narratives: Jaccard similarity of word 3-shingles of the folded text.</summary>
public static class Similarity
{
    public const double CopiedThreshold = 0.8;

    public static HashSet<string> Shingles(string? text)
    {
        var words = VietnameseText.Fold(text).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var set = new HashSet<string>(StringComparer.Ordinal);
        if (words.Length < 3)
        {
            if (words.Length > 0)
            {
                set.Add(string.Join(' ', words));
            }

            return set;
        }

        for (var i = 0; i + 2 < words.Length; i++)
        {
            set.Add(words[i] + " " + words[i + 1] + " " + words[i + 2]);
        }

        return set;
    }

    public static double Jaccard(HashSet<string> a, HashSet<string> b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (a.Count == 0 || b.Count == 0)
        {
            return 0;
        }

        var inter = a.Count(b.Contains);
        return (double)inter / (a.Count + b.Count - inter);
    }
}
