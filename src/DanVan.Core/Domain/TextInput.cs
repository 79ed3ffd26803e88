using System.Text;

namespace DanVan.Domain;

/// <summary>
/// Every free text as it enters: composed (NFC, so Unikey's "Unicode tổ hợp" and a precomposed keyboard write the same
/// name), without the invisible characters that would hide a name from search and erasure (soft hyphen, zero-width
/// space and joiners, word joiner, byte-order mark, variation selectors: Unicode's default-ignorable code points).
/// </summary>
public static class TextInput
{
    public static string Clean(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.All(c => c < 0x00AD))
        {
            return text;
        }

        // A lone surrogate is no text: left as it is for the validation that refuses it.
        for (var k = 0; k < text.Length; k++)
        {
            if (char.IsHighSurrogate(text[k]) && k + 1 < text.Length && char.IsLowSurrogate(text[k + 1]))
            {
                k++;
            }
            else if (char.IsSurrogate(text[k]))
            {
                return text;
            }
        }

        var sb = new StringBuilder(text.Length);
        foreach (var rune in text.EnumerateRunes())
        {
            if (!IsDefaultIgnorable(rune.Value))
            {
                sb.Append(rune.ToString());
            }
        }

        return sb.ToString().Normalize(NormalizationForm.FormC);
    }

    public static string? CleanOrNull(string? text) => text is null ? null : Clean(text);

    /// <summary>Unicode's Default_Ignorable_Code_Point property (DerivedCoreProperties.txt).</summary>
    public static bool IsDefaultIgnorable(int c) =>
        c is 0x00AD or 0x034F or 0x061C or 0x115F or 0x1160 or 0x17B4 or 0x17B5 or 0x3164 or 0xFFA0
        || c is >= 0x180B and <= 0x180F
        || c is >= 0x200B and <= 0x200F
        || c is >= 0x202A and <= 0x202E
        || c is >= 0x2060 and <= 0x206F
        || c is >= 0xFE00 and <= 0xFE0F
        || c == 0xFEFF
        || c is >= 0xFFF0 and <= 0xFFF8
        || c is >= 0x1BCA0 and <= 0x1BCA3
        || c is >= 0x1D173 and <= 0x1D17A
        || c is >= 0xE0000 and <= 0xE0FFF;
}
