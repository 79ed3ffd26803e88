using System.Net.Http.Json;
using System.Text.Json;
using DanVan.Data;
using DanVan.Domain;
using DanVan.E2ETests.Pages;
using DanVan.IntegrationTests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace DanVan.E2ETests;

/// <summary>Journey of the public: a citizen finds a model with or without tone marks, answers its survey on a phone,
/// comments on it; an officer publishes the comment. axe-core checks the public pages against WCAG 2.1 AA.</summary>
[Collection(BrowserCollection.Name)]
public class PublicJourneyTests(BrowserFixture fx)
{
    private static readonly string Axe = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "vendor", "axe-core", "axe.min.js"));

    private async Task<(int Id, string Tag, string SurveyKey, string OfficerEmail)> SeedAsync()
    {
        var tag = Guid.NewGuid().ToString("N")[..6];
        var officerEmail = $"cb.pub.{tag}@danvan.vn";
        var officer = await fx.App.ClientForAsync(await fx.App.CreateUserAsync(officerEmail, (Role.Officer, TestData.ThaiHoa)));
        var secretariat = await fx.App.ClientForAsync(await fx.App.CreateUserAsync($"bdv.pub.{tag}@danvan.vn", (Role.Secretariat, TestData.NgheAn)));
        var id = await TestData.CreateInitiativeAsync(officer, TestData.ThaiHoa, $"Đường hoa Dân vận khéo xóm Hoà Bình {tag}", registeredOn: "2025-09-01");
        var decision = await secretariat.PostAsJsonAsync("/api/v1/recognitions", new
        {
            unitCode = TestData.NgheAn, number = "QĐ-" + tag, date = "2026-01-15", level = "province", issuingBody = "BCĐ tỉnh Nghệ An", initiativeIds = new[] { id },
        });
        Assert.True(decision.IsSuccessStatusCode, await decision.Content.ReadAsStringAsync());
        await using var scope = fx.App.Scope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var survey = new Survey { InitiativeId = id, Question = "Ông/bà có hài lòng với con đường hoa không?", Key = Survey.NewKey(), IsOpen = true, OpenedOn = new DateOnly(2026, 11, 1), ScopePath = await db.Initiatives.Where(i => i.Id == id).Select(i => i.ScopePath).SingleAsync() };
        db.Surveys.Add(survey);
        await db.SaveChangesAsync();
        return (id, tag, survey.Key, officerEmail);
    }

    private static async Task<List<string>> ResultsAsync(IPage page, string query)
    {
        await page.GotoAsync("/cong-khai/mo-hinh?q=" + Uri.EscapeDataString(query));
        return [.. (await page.Locator("#results a").EvaluateAllAsync<string[]>("links => links.map(a => a.getAttribute('href'))")).Order()];
    }

    private static async Task AssertAccessibleAsync(IPage page, string name)
    {
        var serious = await AxeSeriousAsync(page);
        Assert.True(serious.Count == 0, $"{name}: " + string.Join("; ", serious));
    }

    /// <summary>axe-core's serious and critical WCAG 2.1 AA violations on the page as it stands.</summary>
    public static async Task<List<string>> AxeSeriousAsync(IPage page)
    {
        // Evaluated through the DevTools protocol: the page's CSP (no inline scripts) stays as it is.
        await page.EvaluateAsync(Axe);
        var result = await page.EvaluateAsync<JsonElement>("async () => { const r = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } }); return r.violations.map(v => ({ id: v.id, impact: v.impact, nodes: v.nodes.length, target: v.nodes[0].target.join(' ') })); }");
        return result.EnumerateArray().Where(v => v.GetProperty("impact").GetString() is "serious" or "critical").Select(v => v.ToString()).ToList();
    }

    [Fact]
    public async Task Citizen_FindsWithOrWithoutTones_AnswersTheSurveyOnAPhone_AndACommentIsModeratedAndPublished()
    {
        var (id, tag, key, officerEmail) = await SeedAsync();
        var phone = await fx.NewPhonePageAsync();

        // The same results with and without tone marks, in any case.
        var plain = await ResultsAsync(phone, $"duong hoa dan van kheo {tag}");
        Assert.Single(plain);
        Assert.Equal(plain, await ResultsAsync(phone, $"Đường Hoà Dân Vận Khéo {tag}"));
        Assert.Equal(plain, await ResultsAsync(phone, $"ĐƯỜNG hòa {tag}"));
        await Assertions.Expect(phone.Locator("#results mark").First).ToHaveTextAsync("ĐƯỜNG", new() { IgnoreCase = true });
        await phone.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotDir, "public-search-phone.png"), FullPage = true });
        await AssertAccessibleAsync(phone, "search");

        // The survey behind the QR code, answered on the phone, appears in the model's results.
        await phone.GotoAsync($"/cong-khai/khao-sat/{key}");
        await AssertAccessibleAsync(phone, "survey");
        // Every answer is a target a thumb can hit: at least 44 × 44 px.
        foreach (var box in await phone.Locator("#survey-form label.btn").EvaluateAllAsync<double[][]>("ls => ls.map(l => [l.getBoundingClientRect().width, l.getBoundingClientRect().height])"))
        {
            Assert.True(box[0] >= 44 && box[1] >= 44, $"answer of {box[0]} × {box[1]} px");
        }

        Assert.Equal(7, await phone.Locator("#survey-form label.btn").CountAsync());
        await phone.Locator("label[for=yes]").TapAsync();
        await phone.Locator("label[for=rating-5]").ClickAsync();
        await phone.GetByRole(AriaRole.Button, new() { Name = "Gửi" }).ClickAsync();
        await Assertions.Expect(phone.Locator("#survey-thanks")).ToBeVisibleAsync();
        await phone.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotDir, "public-survey-phone.png"), FullPage = true });
        await phone.GotoAsync($"/cong-khai/mo-hinh/{id}");
        await Assertions.Expect(phone.Locator("#survey-result")).ToContainTextAsync("1/1");

        // A comment waits for an officer, then shows.
        var comment = $"Con đường rất đẹp, đề nghị nhân rộng {tag}";
        await phone.GetByLabel("Góp ý của bạn").FillAsync(comment);
        await phone.GetByRole(AriaRole.Button, new() { Name = "Gửi góp ý" }).ClickAsync();
        await Assertions.Expect(phone.GetByRole(AriaRole.Status)).ToContainTextAsync("Cảm ơn bạn đã góp ý");
        await Assertions.Expect(phone.Locator(".comment")).ToHaveCountAsync(0);
        await AssertAccessibleAsync(phone, "initiative");
        await phone.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotDir, "public-initiative-phone.png"), FullPage = true });

        var desk = await fx.NewPhonePageAsync();
        await new LoginPage(desk).SignInAsync(officerEmail, TestData.Password);
        await desk.GotoAsync("/Feedback");
        var card = desk.Locator(".feedback", new() { HasText = comment });
        await card.GetByRole(AriaRole.Button, new() { Name = "Đăng", Exact = true }).ClickAsync();
        await Assertions.Expect(desk.GetByRole(AriaRole.Status)).ToContainTextAsync("Đã đăng góp ý");
        await desk.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotDir, "feedback-phone.png"), FullPage = true });

        await phone.ReloadAsync();
        await Assertions.Expect(phone.Locator(".comment", new() { HasText = comment })).ToBeVisibleAsync();

        // The officer's side of the survey: its count, and the poster with the QR code to print.
        await desk.GotoAsync($"/Surveys?initiativeId={id}");
        await Assertions.Expect(desk.Locator("#surveys .survey-count")).ToContainTextAsync("1/1");
        await desk.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotDir, "surveys-phone.png"), FullPage = true });
        await desk.GetByRole(AriaRole.Link, new() { Name = "Áp phích mã QR" }).ClickAsync();
        await Assertions.Expect(desk.Locator("#qr svg")).ToBeVisibleAsync();
        await Assertions.Expect(desk.Locator(".poster")).ToContainTextAsync(key);
        await desk.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotDir, "survey-poster-phone.png"), FullPage = true });

        await phone.GotoAsync("/cong-khai/du-lieu-mo");
        await AssertAccessibleAsync(phone, "open data");
        await phone.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotDir, "public-open-data-phone.png"), FullPage = true });

        await phone.GotoAsync("/cong-khai");
        await AssertAccessibleAsync(phone, "home");
        await phone.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotDir, "public-home-phone.png"), FullPage = true });
    }
}
