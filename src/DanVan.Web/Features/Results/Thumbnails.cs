using DanVan.Domain;
using DanVan.Infrastructure;
using SkiaSharp;

namespace DanVan.Features.Results;

/// <summary>
/// Photos served at the size they are shown: a phone on a slow line gets a 480 px JPEG of ~40 KB, not a 12 MP original.
/// Made once per width with SkiaSharp, kept in the node's own directory (made again where missing), and never larger than the original. A picture that
/// does not decode, or is too large to decode safely, has no thumbnail (the caller answers 404).
/// </summary>
public sealed class Thumbnails(EvidenceStore store, ILogger<Thumbnails> log)
{
    /// <summary>The widths served; a request is rounded up to the next one, so the cache stays small.</summary>
    public static readonly int[] Widths = [160, 320, 480, 960];

    /// <summary>Decoding a bigger picture would take hundreds of megabytes: such a file is served only as itself.</summary>
    public const long MaxPixels = 50_000_000;

    public static int Snap(int width) => Widths.FirstOrDefault(w => w >= width, Widths[^1]);

    /// <summary>The path of the file's thumbnail at (about) this width, made now if needed; null when it cannot be made.</summary>
    public async Task<string?> PathAsync(EvidenceFile file, int width, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(file);
        if (!EvidenceStore.IsImage(file.Kind))
        {
            return null;
        }

        var w = Snap(width);
        var dir = Path.Combine(store.Root, "thumbs");
        var target = Path.Combine(dir, $"{Path.GetFileNameWithoutExtension(file.StorageName)}-{w}.jpg");
        if (File.Exists(target))
        {
            return target;
        }

        if (await store.ReadAsync(file.StorageName, ct) is not { } source)
        {
            return null;
        }

        Directory.CreateDirectory(dir);
        var bytes = await Task.Run(() => Make(source, file.StorageName, w), ct);
        if (bytes is null)
        {
            return null;
        }

        var temp = target + "." + Guid.NewGuid().ToString("N")[..8] + ".tmp";
        await File.WriteAllBytesAsync(temp, bytes, ct);
        File.Move(temp, target, overwrite: true); // two requests at once make the same file: either one wins
        return target;
    }

    private byte[]? Make(byte[] source, string name, int width)
    {
        try
        {
            using var data = SKData.CreateCopy(source);
            using var codec = SKCodec.Create(data);
            if (codec is null || (long)codec.Info.Width * codec.Info.Height > MaxPixels || codec.Info.Width <= 0)
            {
                return null;
            }

            // Let the decoder drop resolution itself (JPEG DCT scaling) before the fine resize.
            // The smallest of the decoder's sizes (k/8 of the original) that is still at least as wide as asked.
            var decodeSize = Enumerable.Range(1, 8).Select(k => codec.GetScaledDimensions(k / 8f))
                .FirstOrDefault(d => d.Width >= Math.Min(width, codec.Info.Width), codec.Info.Size);
            using var decoded = SKBitmap.Decode(codec, codec.Info.WithSize(decodeSize.Width, decodeSize.Height)) ?? SKBitmap.Decode(codec);
            if (decoded is null)
            {
                return null;
            }

            using var oriented = Orient(decoded, codec.EncodedOrigin);
            var outWidth = Math.Min(width, oriented.Width);
            var outHeight = Math.Max(1, (int)Math.Round(oriented.Height * (double)outWidth / oriented.Width));
            using var resized = oriented.Resize(new SKImageInfo(outWidth, outHeight, SKColorType.Rgba8888, SKAlphaType.Premul), new SKSamplingOptions(SKCubicResampler.Mitchell));
            if (resized is null)
            {
                return null;
            }

            // JPEG has no transparency: a PNG's clear areas become white, as on the page.
            using var surface = SKSurface.Create(new SKImageInfo(outWidth, outHeight));
            surface.Canvas.Clear(SKColors.White);
            surface.Canvas.DrawBitmap(resized, 0, 0);
            using var image = surface.Snapshot();
            using var encoded = image.Encode(SKEncodedImageFormat.Jpeg, 80);
            return encoded?.ToArray();
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or IOException or NotSupportedException)
        {
            log.LogWarning(e, "No thumbnail for {File}", name);
            return null;
        }
    }

    /// <summary>Phone photos say how they were held (EXIF orientation); the thumbnail is turned upright.</summary>
    private static SKBitmap Orient(SKBitmap bitmap, SKEncodedOrigin origin)
    {
        if (origin is SKEncodedOrigin.TopLeft or SKEncodedOrigin.Default)
        {
            return bitmap.Copy();
        }

        var swap = origin is SKEncodedOrigin.LeftTop or SKEncodedOrigin.RightTop or SKEncodedOrigin.RightBottom or SKEncodedOrigin.LeftBottom;
        var result = new SKBitmap(swap ? bitmap.Height : bitmap.Width, swap ? bitmap.Width : bitmap.Height);
        using var canvas = new SKCanvas(result);
        switch (origin)
        {
            case SKEncodedOrigin.TopRight: canvas.Scale(-1, 1, bitmap.Width / 2f, 0); break;
            case SKEncodedOrigin.BottomRight: canvas.RotateDegrees(180, bitmap.Width / 2f, bitmap.Height / 2f); break;
            case SKEncodedOrigin.BottomLeft: canvas.Scale(1, -1, 0, bitmap.Height / 2f); break;
            case SKEncodedOrigin.RightTop: canvas.Translate(result.Width, 0); canvas.RotateDegrees(90); break;
            case SKEncodedOrigin.LeftBottom: canvas.Translate(0, result.Height); canvas.RotateDegrees(270); break;
            case SKEncodedOrigin.LeftTop: canvas.Translate(0, 0); canvas.RotateDegrees(90); canvas.Scale(1, -1); break;
            case SKEncodedOrigin.RightBottom: canvas.Translate(result.Width, result.Height); canvas.RotateDegrees(270); canvas.Scale(1, -1); break;
        }

        canvas.DrawBitmap(bitmap, 0, 0);
        return result;
    }
}
