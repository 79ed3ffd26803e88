using System.Text;
using UglyToad.PdfPig;

namespace DanVan.IntegrationTests.Support;

/// <summary>A printout read back page by page, to check what a signer gets on paper.</summary>
public sealed class Paper
{
    private Paper(IReadOnlyList<string> pages) => Pages = pages;

    /// <summary>Each page's words, run together without spaces (PDF text has no reliable spacing), in NFC.</summary>
    public IReadOnlyList<string> Pages { get; }

    public static Paper Read(byte[] pdf)
    {
        using var doc = PdfDocument.Open(pdf);
        return new Paper(doc.GetPages().Select(p => Squeeze(string.Concat(p.GetWords().Select(w => w.Text)))).ToList());
    }

    public static string Squeeze(string s) =>
        new string(s.Normalize(NormalizationForm.FormC).Where(c => !char.IsWhiteSpace(c)).ToArray());

    /// <summary>The pages (1-based) on which a text appears.</summary>
    public IReadOnlyList<int> PagesWith(string text)
    {
        var t = Squeeze(text);
        return Pages.Select((p, k) => (p, k)).Where(x => x.p.Contains(t, StringComparison.Ordinal)).Select(x => x.k + 1).ToList();
    }

    /// <summary>No page is blank; each of the texts is on one page, the same page for all (a signature block whole).</summary>
    public void AssertTogether(params string[] texts)
    {
        for (var k = 0; k < Pages.Count; k++)
        {
            Assert.False(Pages[k].Length == 0, $"page {k + 1} of {Pages.Count} is blank");
        }

        var where = texts.Select(t => (t, PagesWith(t))).ToList();
        foreach (var (t, pages) in where)
        {
            Assert.True(pages.Count >= 1, $"\"{t}\" is on no page of {Pages.Count}");
        }

        var first = where[0].Item2[^1];
        foreach (var (t, pages) in where)
        {
            Assert.True(pages.Contains(first), $"\"{t}\" is on page(s) {string.Join(",", pages)}, \"{texts[0]}\" on page {first} of {Pages.Count}");
        }
    }
}
