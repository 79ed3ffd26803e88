using System.Text;

namespace DanVan.Infrastructure;

/// <summary>Where to send someone back to after signing in or switching language: only a path of this site.</summary>
public static class LocalUrls
{
    /// <summary>
    /// The address when it is a plain local path ("/…", not "//…" or "/\…", no spaces or control characters); else the
    /// home page. Letters outside ASCII ("/Initiatives?q=Đường") are percent-encoded: a Location header carries ASCII only.
    /// </summary>
    public static string Safe(string? url) =>
        !string.IsNullOrEmpty(url) && url.Length <= 2000 && url[0] == '/' && (url.Length == 1 || (url[1] != '/' && url[1] != '\\'))
        && !url.Any(c => char.IsControl(c) || char.IsWhiteSpace(c))
            ? Ascii(url)
            : "/";

    private static string Ascii(string url)
    {
        if (url.All(char.IsAscii))
        {
            return url;
        }

        var sb = new StringBuilder(url.Length * 2);
        Span<byte> bytes = stackalloc byte[4];
        foreach (var rune in url.EnumerateRunes())
        {
            if (rune.IsAscii)
            {
                sb.Append((char)rune.Value);
                continue;
            }

            var n = rune.EncodeToUtf8(bytes);
            foreach (var b in bytes[..n])
            {
                sb.Append('%').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        return sb.ToString();
    }
}
