using System.Net;
using System.Net.Http.Json;
using DanVan.Domain;
using DanVan.Features.Results;
using DanVan.IntegrationTests.Support;
using SkiaSharp;

namespace DanVan.IntegrationTests;

/// <summary>Photos go out at the size they are shown, not as the phone's original; a broken picture is a 404, never a 500.</summary>
[Collection(AppCollection.Name)]
public class ThumbnailTests(DanVanFactory app)
{
    /// <summary>A real photo-sized picture (noise, so it does not compress to nothing).</summary>
    private static byte[] Photo(int width, int height)
    {
        using var bitmap = new SKBitmap(width, height);
        var random = new Random(7);
        for (var y = 0; y < height; y += 4)
        {
            for (var x = 0; x < width; x += 4)
            {
                var c = new SKColor((byte)random.Next(256), (byte)random.Next(256), (byte)random.Next(256));
                for (var dy = 0; dy < 4 && y + dy < height; dy++)
                {
                    for (var dx = 0; dx < 4 && x + dx < width; dx++)
                    {
                        bitmap.SetPixel(x + dx, y + dy, c);
                    }
                }
            }
        }

        using var image = SKImage.FromBitmap(bitmap);
        return image.Encode(SKEncodedImageFormat.Jpeg, 92).ToArray();
    }

    [Fact]
    public void Widths_RoundUpToTheServedSizes()
    {
        Assert.Equal(160, Thumbnails.Snap(1));
        Assert.Equal(160, Thumbnails.Snap(160));
        Assert.Equal(320, Thumbnails.Snap(161));
        Assert.Equal(960, Thumbnails.Snap(5000));
    }

    [Fact]
    public async Task APhonePhoto_IsServedResized_PrivatelyAndPublicly_AndABrokenOneIsA404()
    {
        var officer = await app.ApiClientAsync((Role.Officer, TestData.LuongBang));
        var secretariat = await app.ApiClientAsync((Role.Secretariat, TestData.HungYen));
        var id = await TestData.CreateInitiativeAsync(officer, TestData.LuongBang, registeredOn: "2025-08-01");
        var report = await TestData.IdOfAsync(await officer.PostAsJsonAsync($"/api/v1/initiatives/{id}/results", new { periodKind = "quarter", periodStart = "2025-10-01", narrative = "Ảnh hiện trường", values = Array.Empty<object>() }));
        var original = Photo(1600, 1200);
        var upload = TestData.FileContent(original, "hien-truong.jpg");
        upload.Add(new StringContent("true"), "isPublic");
        var photo = await TestData.IdOfAsync(await officer.PostAsync($"/api/v1/results/{report}/evidence", upload));

        var small = await officer.GetAsync($"/api/v1/evidence/{photo}?w=480");
        Assert.Equal(HttpStatusCode.OK, small.StatusCode);
        Assert.Equal("image/jpeg", small.Content.Headers.ContentType?.MediaType);
        var bytes = await small.Content.ReadAsByteArrayAsync();
        using (var decoded = SKBitmap.Decode(bytes))
        {
            Assert.Equal(480, decoded.Width);
            Assert.Equal(360, decoded.Height);
        }

        Assert.True(bytes.Length * 5 < original.Length, $"{bytes.Length} bytes for the thumbnail, {original.Length} for the original");
        Assert.Equal(original.Length, (await (await officer.GetAsync($"/api/v1/evidence/{photo}")).Content.ReadAsByteArrayAsync()).Length);
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.ApiClientAsync((Role.Officer, TestData.ThaiHoa))).GetAsync($"/api/v1/evidence/{photo}?w=480")).StatusCode);

        // Public once the model is recognised: the public page asks for the small size.
        await TestData.IdOfAsync(await secretariat.PostAsJsonAsync("/api/v1/recognitions",
            new { unitCode = TestData.HungYen, number = "QĐ-" + Guid.NewGuid().ToString("N")[..6], date = "2025-12-20", level = "province", issuingBody = "BCĐ", initiativeIds = new[] { id } }));
        var visitor = HtmlClient.Anonymous(app).Http;
        var pub = await visitor.GetAsync($"/cong-khai/anh/{photo}?w=960");
        Assert.Equal(HttpStatusCode.OK, pub.StatusCode);
        using (var decoded = SKBitmap.Decode(await pub.Content.ReadAsByteArrayAsync()))
        {
            Assert.Equal(960, decoded.Width);
        }

        // A file that claims to be a JPEG but is not one decodes to nothing: 404, and the service goes on.
        var broken = new byte[] { 0xFF, 0xD8, 0xFF, 0xE0 }.Concat(Enumerable.Repeat((byte)0x41, 5000)).ToArray();
        var brokenId = await TestData.IdOfAsync(await officer.PostAsync($"/api/v1/results/{report}/evidence", TestData.FileContent(broken, "hong.jpg")));
        Assert.Equal(HttpStatusCode.NotFound, (await officer.GetAsync($"/api/v1/evidence/{brokenId}?w=160")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await officer.GetAsync($"/api/v1/evidence/{photo}?w=160")).StatusCode);
    }
}
