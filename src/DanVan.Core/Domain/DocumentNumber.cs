using System.Text;

namespace DanVan.Domain;

/// <summary>
/// How a document's number ("101-QĐ/TU") is compared: two numbers that a reader cannot tell apart are one number.
/// Composed (NFC), letters that look alike taken as one (the Icelandic Ð U+00D0 and ð for Đ and đ), no case, no spaces.
/// </summary>
public static class DocumentNumber
{
    public static string Key(string number)
    {
        ArgumentNullException.ThrowIfNull(number);
        var sb = new StringBuilder(number.Length);
        foreach (var c in number.Normalize(NormalizationForm.FormC))
        {
            if (char.IsWhiteSpace(c))
            {
                continue;
            }

            sb.Append(c switch
            {
                '\u00D0' or '\u00F0' or '\u0111' or '\u0189' => '\u0110',
                _ => char.ToUpperInvariant(c),
            });
        }

        return sb.ToString();
    }
}
