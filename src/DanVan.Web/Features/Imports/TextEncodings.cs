using System.Text;

namespace DanVan.Features.Imports;

/// <summary>
/// The text of a .csv as offices save it: UTF-8 with or without a byte-order mark, UTF-16 (Excel's "Unicode text"),
/// or Windows-1258, the code page Vietnamese Excel writes "CSV (Comma delimited)" in. Anything else is refused with
/// a sentence, never guessed. Text comes back in composed form (NFC): Windows-1258 spells tones as combining marks.
/// </summary>
public static class TextEncodings
{
    public const string Refusal = "Không nhận ra bảng mã của tệp CSV (chỉ nhận UTF-8, UTF-16 hoặc Windows-1258 của Excel tiếng Việt). Hãy lưu lại bằng \"CSV UTF-8\" rồi gửi lại.";

    private static readonly Encoding StrictUtf8 = new UTF8Encoding(false, true);

    private static readonly Lazy<Encoding> Vietnamese = new(() =>
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(1258, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);
    });

    /// <summary>The decoded text and the name of the encoding found; throws <see cref="InvalidDataException"/> with <see cref="Refusal"/>.</summary>
    public static (string Text, string Encoding) Decode(ReadOnlySpan<byte> bytes)
    {
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            return (Strict(StrictUtf8, bytes[3..]), "UTF-8");
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
        {
            return (Strict(new UnicodeEncoding(false, false, true), bytes[2..]), "UTF-16");
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            return (Strict(new UnicodeEncoding(true, false, true), bytes[2..]), "UTF-16");
        }

        // Text files have no NUL bytes; UTF-16 without its mark has one in every other byte of Latin letters.
        var nuls = bytes.Count((byte)0);
        if (nuls > 0)
        {
            var odd = 0;
            for (var i = 1; i < bytes.Length; i += 2)
            {
                odd += bytes[i] == 0 ? 1 : 0;
            }

            if (bytes.Length % 2 == 0 && odd * 10 >= bytes.Length / 2 * 3 && odd >= nuls * 9 / 10)
            {
                return (Strict(new UnicodeEncoding(false, false, true), bytes), "UTF-16");
            }

            throw new InvalidDataException(Refusal);
        }

        try
        {
            return (StrictUtf8.GetString(bytes).Normalize(NormalizationForm.FormC), "UTF-8");
        }
        catch (DecoderFallbackException)
        {
            // Not UTF-8: Vietnamese Excel's own code page, if every byte is one of its letters.
            return (Strict(Vietnamese.Value, bytes), "Windows-1258");
        }
    }

    private static string Strict(Encoding encoding, ReadOnlySpan<byte> bytes)
    {
        try
        {
            var text = encoding.GetString(bytes);
            return text.Any(c => c == '\0' || (char.IsControl(c) && c is not ('\r' or '\n' or '\t'))) ? throw new InvalidDataException(Refusal)
                : text.Normalize(NormalizationForm.FormC);
        }
        catch (DecoderFallbackException)
        {
            throw new InvalidDataException(Refusal);
        }
        catch (ArgumentException)
        {
            // Normalize refuses a lone surrogate.
            throw new InvalidDataException(Refusal);
        }
    }
}
