using DanVan.Domain;
using DanVan.Infrastructure;
using SkiaSharp;

namespace DanVan.Features.Results;

/// <summary>
/// Photos served at the size they are shown: a phone on a slow line gets a 480 px JPEG of ~40 KB, not a 12 MP original.
/// Made once per width with SkiaSharp, kept in the node's own directory (made again where missing), and never larger than the original. A picture that
/// does not decode, or is too large to decode safely, has no thumbnail (the caller answers 404).
/// </summary>
/// <remarks>
/// Memory is bounded, because a few bytes can claim a huge picture (a 74-byte PNG saying 7070×7070 decoded to 580 MB):
/// a picture whose pixels are out of proportion to its bytes, or above <see cref="MaxPixels"/>, is never decoded; a
/// decode is at most <see cref="MaxDecodedPixels"/> (64 MB); one file and width is made by one request while the
/// others wait for it; and at most <see cref="MaxConcurrentDecodes"/> decodes run at once on a node.
/// </remarks>
public sealed class Thumbnails(EvidenceStore store, ILogger<Thumbnails> log) : IDisposable
{
    /// <summary>The widths served; a request is rounded up to the next one, so the cache stays small.</summary>
    public static readonly int[] Widths = [160, 320, 480, 960];

    /// <summary>A bigger picture (more than 6000 × 4000) is served only as itself.</summary>
    public const long MaxPixels = 24_000_000;

    /// <summary>What one decode may hold: 16 MP at 4 bytes a pixel, 64 MB (a JPEG is decoded at 1/2–1/8 of its size).</summary>
    public const long MaxDecodedPixels = 16_000_000;

    /// <summary>
    /// More pixels a byte than any real picture has: deflate packs at most ~1,000:1, so even a one-colour PNG of a
    /// 12 MP photo's size needs ~12 KB; a photo has 3–10 pixels a byte.
    /// </summary>
    public const long MaxPixelsPerByte = 1_000;

    public const int MaxConcurrentDecodes = 2;

    private readonly SemaphoreSlim decodes = new(MaxConcurrentDecodes, MaxConcurrentDecodes);

    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, Lazy<Task<string?>>> making = new(StringComparer.Ordinal);

    /// <summary>Whether a picture of these dimensions may be decoded at all, given how many bytes its file has.</summary>
    public static bool Plausible(long width, long height, long bytes) => width * height <= MaxPixels && Proportionate(width, height, bytes);

    /// <summary>Whether a file of this many bytes can hold a picture of these dimensions (uploads are refused otherwise).</summary>
    public static bool Proportionate(long width, long height, long bytes) => width > 0 && height > 0 && width * height <= Math.Max(bytes, 1) * MaxPixelsPerByte;

    /// <summary>The dimensions a picture's header claims (nothing is decoded), or null when it has none.</summary>
    public static (int Width, int Height)? Dimensions(byte[] content)
    {
        ArgumentNullException.ThrowIfNull(content);
        using var data = SKData.CreateCopy(content);
        using var codec = SKCodec.Create(data);
        return codec is null ? null : (codec.Info.Width, codec.Info.Height);
    }

    public void Dispose() => decodes.Dispose();

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

        // One request makes it; the others asking for the same file and width at the same time wait for that one.
        var job = making.GetOrAdd(target, t => new Lazy<Task<string?>>(() => MakeFileAsync(file.StorageName, dir, t, w)));
        try
        {
            return await job.Value.WaitAsync(ct);
        }
        finally
        {
            if (job.Value.IsCompleted)
            {
                making.TryRemove(new KeyValuePair<string, Lazy<Task<string?>>>(target, job));
            }
        }
    }

    private async Task<string?> MakeFileAsync(string storageName, string dir, string target, int width)
    {
        // Not the caller's token: others may be waiting for this result.
        if (await store.ReadAsync(storageName, CancellationToken.None) is not { } source)
        {
            return null;
        }

        Directory.CreateDirectory(dir);
        byte[]? bytes;
        await decodes.WaitAsync();
        try
        {
            bytes = await Task.Run(() => Make(source, storageName, width));
        }
        finally
        {
            decodes.Release();
        }

        if (bytes is null)
        {
            return null;
        }

        var temp = target + "." + Guid.NewGuid().ToString("N")[..8] + ".tmp";
        await File.WriteAllBytesAsync(temp, bytes);
        File.Move(temp, target, overwrite: true); // another node's request may have made it too: either one wins
        return target;
    }

    private byte[]? Make(byte[] source, string name, int width)
    {
        try
        {
            using var data = SKData.CreateCopy(source);
            using var codec = SKCodec.Create(data);
            if (codec is null || !Plausible(codec.Info.Width, codec.Info.Height, source.LongLength))
            {
                log.LogWarning("No thumbnail for {File}: {Width} x {Height} pixels in {Bytes} bytes", name, codec?.Info.Width, codec?.Info.Height, source.LongLength);
                return null;
            }

            // Let the decoder drop resolution itself (JPEG DCT scaling) before the fine resize.
            // The smallest of the decoder's sizes (k/8 of the original) that is still at least as wide as asked.
            var decodeSize = Enumerable.Range(1, 8).Select(k => codec.GetScaledDimensions(k / 8f))
                .FirstOrDefault(d => d.Width >= Math.Min(width, codec.Info.Width), codec.Info.Size);
            if ((long)decodeSize.Width * decodeSize.Height > MaxDecodedPixels)
            {
                return null;
            }

            using var decoded = SKBitmap.Decode(codec, codec.Info.WithSize(decodeSize.Width, decodeSize.Height)) ?? SKBitmap.Decode(codec);
            if (decoded is null)
            {
                return null;
            }

            // Resized first, turned upright after: the turn copies only the small picture.
            var swap = codec.EncodedOrigin is SKEncodedOrigin.LeftTop or SKEncodedOrigin.RightTop or SKEncodedOrigin.RightBottom or SKEncodedOrigin.LeftBottom;
            var (uprightWidth, uprightHeight) = swap ? (decoded.Height, decoded.Width) : (decoded.Width, decoded.Height);
            var outWidth = Math.Min(width, uprightWidth);
            var outHeight = Math.Max(1, (int)Math.Round(uprightHeight * (double)outWidth / uprightWidth));
            using var small = decoded.Resize(new SKImageInfo(swap ? outHeight : outWidth, swap ? outWidth : outHeight, SKColorType.Rgba8888, SKAlphaType.Premul),
                new SKSamplingOptions(SKCubicResampler.Mitchell));
            if (small is null)
            {
                return null;
            }

            using var resized = Orient(small, codec.EncodedOrigin);

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
