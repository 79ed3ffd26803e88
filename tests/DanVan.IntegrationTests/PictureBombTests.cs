using System.Buffers.Binary;
using System.Diagnostics;
using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using DanVan.Data;
using DanVan.Domain;
using DanVan.Infrastructure;
using DanVan.IntegrationTests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DanVan.IntegrationTests;

/// <summary>Runs with nothing else in the process, so that its memory is its own to measure.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class AloneCollection
{
    public const string Name = "alone";
}

/// <summary>
/// A few bytes claiming a huge picture: refused on upload, and one already stored (from before the check) is never
/// decoded — four requests at once for its thumbnail leave the process within 64 MB of where it was (it took 580 MB).
/// </summary>
[Collection(AloneCollection.Name)]
public class PictureBombTests
{
    /// <summary>A PNG whose header says 7070 × 7070 (50 MP, 200 MB decoded) in about 70 bytes.</summary>
    public static byte[] Bomb()
    {
        static byte[] Chunk(string type, byte[] data)
        {
            var chunk = new byte[12 + data.Length];
            BinaryPrimitives.WriteInt32BigEndian(chunk, data.Length);
            System.Text.Encoding.ASCII.GetBytes(type).CopyTo(chunk, 4);
            data.CopyTo(chunk, 8);
            BinaryPrimitives.WriteUInt32BigEndian(chunk.AsSpan(8 + data.Length), Crc32(chunk.AsSpan(4, 4 + data.Length)));
            return chunk;
        }

        static uint Crc32(ReadOnlySpan<byte> bytes)
        {
            var crc = 0xFFFFFFFFu;
            foreach (var b in bytes)
            {
                crc ^= b;
                for (var k = 0; k < 8; k++)
                {
                    crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
                }
            }

            return ~crc;
        }

        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, 7070);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), 7070);
        header[8] = 8; // bit depth
        header[9] = 6; // RGBA
        using var packed = new MemoryStream();
        using (var z = new ZLibStream(packed, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            z.Write(new byte[16]);
        }

        return [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, .. Chunk("IHDR", header), .. Chunk("IDAT", packed.ToArray()), .. Chunk("IEND", [])];
    }

    [Fact]
    public void TheBomb_IsOutOfProportion_ARealPhotoIsNot()
    {
        Assert.True(Bomb().Length < 90, $"{Bomb().Length} bytes");
        Assert.Equal((7070, 7070), Features.Results.Thumbnails.Dimensions(Bomb()));
        Assert.False(Features.Results.Thumbnails.Proportionate(7070, 7070, Bomb().Length));
        Assert.True(Features.Results.Thumbnails.Proportionate(4000, 3000, 2_500_000)); // a 12 MP phone photo
        Assert.True(Features.Results.Thumbnails.Proportionate(1920, 1080, 30_000)); // a plain screenshot
        Assert.False(Features.Results.Thumbnails.Plausible(8000, 6000, 9_000_000)); // 48 MP: kept, served as itself, not decoded
    }

    [Fact]
    public async Task ABomb_IsRefusedOnUpload_AndOneStoredBefore_IsNeverDecoded()
    {
        await using var app = new DanVanFactory();
        var officer = await app.ApiClientAsync((Role.Officer, TestData.LuongBang));
        var id = await TestData.CreateInitiativeAsync(officer, TestData.LuongBang, registeredOn: "2025-08-01");
        var report = await TestData.IdOfAsync(await officer.PostAsJsonAsync($"/api/v1/initiatives/{id}/results",
            new { periodKind = "quarter", periodStart = "2025-10-01", narrative = "Ảnh", values = Array.Empty<object>() }));

        var refused = await officer.PostAsync($"/api/v1/results/{report}/evidence", TestData.FileContent(Bomb(), "anh.png"));
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var problem = await refused.ReadJsonAsync();
        Assert.Contains("7.070 × 7.070", problem.GetProperty("errors").GetProperty("file")[0].GetString(), StringComparison.Ordinal);
        await using (var scope = app.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            Assert.Equal(0, await db.EvidenceFiles.CountAsync(e => e.ReportId == report));
        }

        // The same bytes stored before uploads were checked.
        int stored;
        await using (var scope = app.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var store = scope.ServiceProvider.GetRequiredService<EvidenceStore>();
            var name = Guid.NewGuid().ToString("N") + ".png";
            await store.WriteAsync(name, Bomb(), db, default);
            var file = new EvidenceFile { FileName = "cu.png", Kind = EvidenceKind.Png, Size = Bomb().Length, StorageName = name, Sha256 = "x", UploadedAt = DateTimeOffset.UtcNow, ReportId = report };
            db.EvidenceFiles.Add(file);
            await db.SaveChangesAsync();
            stored = file.Id;
        }

        // The picture code loaded and warm (a real picture's thumbnail), so that what is measured is the bomb's.
        var real = await TestData.IdOfAsync(await officer.PostAsync($"/api/v1/results/{report}/evidence", TestData.FileContent(TestData.Png, "that.png")));
        Assert.Equal(HttpStatusCode.OK, (await officer.GetAsync($"/api/v1/evidence/{real}?w=160")).StatusCode);
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var process = Process.GetCurrentProcess();
        process.Refresh();
        var before = process.WorkingSet64;
        var peak = before;
        using var sampling = new CancellationTokenSource();
        var sampler = Task.Run(async () =>
        {
            while (!sampling.IsCancellationRequested)
            {
                process.Refresh();
                peak = Math.Max(peak, process.WorkingSet64);
                await Task.Delay(5);
            }
        });
        var answers = await Task.WhenAll(Enumerable.Range(0, 4).Select(k => officer.GetAsync($"/api/v1/evidence/{stored}?w={160 * (k + 1)}")));
        await Task.Delay(50);
        await sampling.CancelAsync();
        await sampler;

        Assert.True(peak - before < 64L * 1024 * 1024, $"+{(peak - before) / 1024 / 1024} MB while four thumbnails of the bomb were asked for");
        Assert.All(answers, a => Assert.Equal(HttpStatusCode.NotFound, a.StatusCode));
        // The original is still served as itself (it is the officer's file).
        Assert.Equal(HttpStatusCode.OK, (await officer.GetAsync($"/api/v1/evidence/{stored}")).StatusCode);
    }
}
