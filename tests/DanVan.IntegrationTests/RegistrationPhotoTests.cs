using System.Net;
using DanVan.Data;
using DanVan.Domain;
using DanVan.IntegrationTests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DanVan.IntegrationTests;

/// <summary>A photo can go with a registration; the model and its photo are saved together or not at all.</summary>
[Collection(AppCollection.Name)]
public class RegistrationPhotoTests(DanVanFactory app)
{
    private static async Task<HttpResponseMessage> RegisterAsync(HtmlClient web, string name, byte[] photo, string fileName)
    {
        var (_, doc) = await web.GetAsync("/Initiatives/Edit");
        var token = doc.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using var form = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new StringContent(name), "Input.Name" }, { new StringContent("Economy"), "Input.Field" }, { new StringContent("Collective"), "Input.Kind" },
            { new StringContent("2026-03-01"), "Input.RegisteredOn" }, { new StringContent(TestData.LuongBang), "Input.UnitCode" },
            { new StringContent("2025"), "Input.UnitMap" }, { new StringContent("New"), "Input.Origin" }, { new StringContent("Hội Nông dân"), "Input.OwnerName" },
            { new StringContent("true"), "ConfirmSimilar" },
            { new ByteArrayContent(photo), "Photo", fileName },
        };
        return await web.Http.PostAsync("/Initiatives/Edit", form);
    }

    private async Task<int> CountAsync(string name)
    {
        await using var scope = app.Scope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().Initiatives.CountAsync(i => i.Name == name);
    }

    [Fact]
    public async Task APhotoAtRegistration_IsKeptPrivately_AndAFileThatIsNotAPicture_RegistersNothing()
    {
        var email = TestData.UniqueEmail();
        await app.CreateUserAsync(email, (Role.Officer, TestData.LuongBang));
        var web = await HtmlClient.SignedInAsync(app, email);

        var name = TestData.Unique("Mô hình có ảnh");
        var saved = await RegisterAsync(web, name, TestData.Png, "anh.png");
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        await using (var scope = app.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var id = await db.Initiatives.Where(i => i.Name == name).Select(i => i.Id).SingleAsync();
            var photo = await db.EvidenceFiles.Where(e => e.InitiativeId == id).SingleAsync();
            Assert.Equal(EvidenceKind.Png, photo.Kind);
            Assert.False(photo.Public);
            // A photo is not a result: no report is made up, the model is still "registered", and no text about a photo
            // appears among its results.
            Assert.False(await db.ResultReports.AnyAsync(r => r.InitiativeId == id));
            Assert.Equal(InitiativeStatus.Registered, await db.Initiatives.Where(i => i.Id == id).Select(i => i.Status).SingleAsync());
            var (_, detail) = await web.GetAsync($"/Initiatives/{id}");
            Assert.NotNull(detail.QuerySelector($"#registration-photos img[src^='/api/v1/evidence/{photo.Id}']"));
            Assert.DoesNotContain("Ảnh kèm hồ sơ đăng ký mô hình.", detail.QuerySelector("#results")!.TextContent, StringComparison.Ordinal);
            Assert.Equal(System.Net.HttpStatusCode.OK, (await web.Http.GetAsync($"/api/v1/evidence/{photo.Id}")).StatusCode);
            var stranger = await HtmlClient.SignedInAsync(app, (await app.CreateUserAsync(TestData.UniqueEmail(), (Role.Officer, TestData.ThaiHoa))).Email!);
            Assert.Equal(System.Net.HttpStatusCode.NotFound, (await stranger.Http.GetAsync($"/api/v1/evidence/{photo.Id}")).StatusCode);
        }

        var refused = TestData.Unique("Mô hình có ảnh giả");
        var pdf = "%PDF-1.4\n"u8.ToArray().Concat(new byte[200]).ToArray();
        var page = await RegisterAsync(web, refused, pdf, "anh.png");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = HtmlClient.Parse(await page.Content.ReadAsStringAsync());
        Assert.Contains("Ảnh phải là tệp JPG, PNG, WEBP hoặc GIF", html.QuerySelector("[data-valmsg-for='Input.Photo']")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(0, await CountAsync(refused));
    }
}
