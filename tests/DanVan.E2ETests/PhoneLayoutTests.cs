using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using DanVan.Domain;
using DanVan.E2ETests.Pages;
using DanVan.IntegrationTests.Support;
using Microsoft.Playwright;

namespace DanVan.E2ETests;

/// <summary>
/// Every page each role can reach, on a 390 px phone: nothing wider than the screen, and axe-core finds no serious or
/// critical WCAG 2.1 AA violation on any kind of page. Pages are found by following the links people see.
/// </summary>
[Collection(BrowserCollection.Name)]
public partial class PhoneLayoutTests(BrowserFixture fx, Xunit.Abstractions.ITestOutputHelper output)
{
    private const int PagesPerRole = 200;

    [GeneratedRegex(@"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|\d+")]
    private static partial Regex Digits();

    // Downloads, sign-out, the API and files are not pages to look at.
    [GeneratedRegex(@"^/(api/|openapi|Account/Logout|cong-khai/anh|cong-khai/du-lieu-mo/.+\.|sitemap|robots|favicon)|handler=(Xlsx|Docx|Csv|Qr|Poster)", RegexOptions.IgnoreCase)]
    private static partial Regex NotAPage();

    private async Task SeedAsync()
    {
        var officer = await fx.App.ApiClientAsync((Role.Officer, TestData.LuongBang));
        var secretariat = await fx.App.ApiClientAsync((Role.Secretariat, TestData.HungYen));
        var today = VietnamClock.TodayNow;
        var model = await TestData.CreateInitiativeAsync(officer, TestData.LuongBang, "Mô hình có tên rất dài để thử xem trang có tràn ra ngoài màn hình điện thoại hay không khi hiển thị", registeredOn: "2025-08-01");
        var report = await TestData.IdOfAsync(await officer.PostAsJsonAsync($"/api/v1/initiatives/{model}/results", new { periodKind = "quarter", periodStart = "2025-10-01", narrative = "Kết quả quý", values = Array.Empty<object>() }));
        await officer.PostAsync($"/api/v1/results/{report}/evidence", TestData.FileContent(TestData.Png, "anh.png"));
        await secretariat.PostAsJsonAsync("/api/v1/campaigns", new { name = TestData.Unique("Đợt đăng ký"), unitCode = TestData.HungYen, opensOn = today.AddDays(-3).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), closesOn = today.AddDays(20).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), targets = new[] { new { unitCode = TestData.LuongBang, count = 3 } } });
        var criteria = await TestData.IdOfAsync(await secretariat.PostAsJsonAsync("/api/v1/criteria-sets", TestData.Criteria(TestData.HungYen)));
        var appraiser = await fx.App.CreateUserAsync(TestData.UniqueEmail(), (Role.Appraiser, TestData.HungYen));
        await secretariat.PostAsJsonAsync("/api/v1/appraisals", new { name = TestData.Unique("Thẩm định"), unitCode = TestData.HungYen, criteriaSetId = criteria, initiativeIds = new[] { model }, memberEmails = new[] { appraiser.Email } });
        await secretariat.PostAsJsonAsync("/api/v1/recognitions", new { unitCode = TestData.HungYen, number = "31-QĐ/BCĐ-" + Guid.NewGuid().ToString("N")[..4], date = "2025-12-20", level = "province", issuingBody = "Ban Chỉ đạo phong trào thi đua \"Dân vận khéo\" tỉnh Hưng Yên", initiativeIds = new[] { model } });
        await secretariat.PostAsJsonAsync("/api/v1/conferences", new { name = TestData.Unique("Hội nghị biểu dương"), unitCode = TestData.HungYen, level = "province", date = "2026-11-01", phase = "2021-2025", collectiveQuota = 2, individualQuota = 1 });
        await secretariat.PostAsJsonAsync("/api/v1/committees", new { name = TestData.Unique("Ban Chỉ đạo"), unitCode = TestData.HungYen, termFrom = 2025, termTo = 2030 });
        await officer.PostAsJsonAsync("/api/v1/organizations", new { name = TestData.Unique("Chi hội Phụ nữ thôn Đông"), kind = "mass_organization", unitCode = TestData.LuongBang });
    }

    [Fact]
    public async Task EveryPageEachRoleReaches_FitsAPhone_AndHasNoSeriousAccessibilityViolation()
    {
        await SeedAsync();
        // English is the second language: longer words, the same phone; the secretariat (most pages) looks at it in both.
        var roles = new (string Name, Role Role, string? Unit)[]
        {
            ("officer", Role.Officer, TestData.LuongBang), ("secretariat", Role.Secretariat, TestData.HungYen), ("appraiser", Role.Appraiser, TestData.HungYen),
            ("viewer", Role.Viewer, TestData.HungYen), ("admin", Role.Admin, null), ("secretariat-en", Role.Secretariat, TestData.HungYen),
        };
        var overflow = new List<string>();
        var violations = new List<string>();
        var checkedKinds = new HashSet<string>();
        var visitedTotal = 0;
        foreach (var (name, role, unit) in roles)
        {
            var email = TestData.UniqueEmail();
            await fx.App.CreateUserAsync(email, (role, unit));
            var phone = await fx.NewPhonePageAsync();
            await new LoginPage(phone).SignInAsync(email, TestData.Password);
            await phone.WaitForURLAsync(u => !u.Contains("/Account/Login", StringComparison.Ordinal));
            if (name.EndsWith("-en", StringComparison.Ordinal))
            {
                await phone.Context.AddCookiesAsync([new Cookie { Name = ".AspNetCore.Culture", Value = "c=en-US|uic=en-US", Url = fx.BaseUrl }]);
            }

            var queue = new Queue<string>(["/", "/Initiatives/Edit", "/Admin/Users", "/Reports", "/Review", "/Notifications", "/Account/Manage"]);
            var seen = new HashSet<string>(StringComparer.Ordinal);
            var visited = 0;
            while (queue.Count > 0 && visited < PagesPerRole)
            {
                var url = queue.Dequeue();
                // One of each kind of page (ids and query values aside), so a list of 500 models is not 500 visits.
                var kind = Digits().Replace(url.Split('?')[0], "#") + "?" + string.Join('&', (url.Split('?').ElementAtOrDefault(1) ?? string.Empty).Split('&').Select(p => p.Split('=')[0]).Order(StringComparer.Ordinal));
                if (!seen.Add(kind) || NotAPage().IsMatch(url.TrimStart('/').Insert(0, "/")))
                {
                    continue;
                }

                var response = await phone.GotoAsync(url);
                visited++;
                if (response is null || response.Status >= 400 || !(response.Headers.GetValueOrDefault("content-type") ?? string.Empty).StartsWith("text/html", StringComparison.Ordinal))
                {
                    continue;
                }

                var wide = await phone.EvaluateAsync<string>(@"() => {
                    const w = document.documentElement.clientWidth;
                    if (document.documentElement.scrollWidth <= w + 1) return '';
                    const culprits = [...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > w + 1 && !e.closest('.table-responsive, pre'))
                        .filter(e => ![...e.children].some(c => c.getBoundingClientRect().right > w + 1)).slice(0, 3);
                    return document.documentElement.scrollWidth + 'px: ' + culprits.map(e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + (e.className && typeof e.className === 'string' ? '.' + e.className.split(' ').join('.') : '') + ' «' + (e.textContent || '').trim().slice(0, 40) + '»').join(', ');
                }");
                if (wide.Length > 0)
                {
                    overflow.Add($"{name} {url}: {wide}");
                    await phone.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotDir, $"overflow-{name}-{overflow.Count}.png"), FullPage = true });
                }

                if (name.EndsWith("-en", StringComparison.Ordinal) && await phone.EvaluateAsync<string>("() => document.documentElement.lang") != "en")
                {
                    overflow.Add($"{name} {url}: not in English");
                }

                if (checkedKinds.Add(name.EndsWith("-en", StringComparison.Ordinal) ? "en " + kind : kind))
                {
                    violations.AddRange((await PublicJourneyTests.AxeSeriousAsync(phone)).Select(v => $"{name} {url}: {v}"));
                }

                foreach (var href in await phone.Locator("a[href^='/']:not([download])").EvaluateAllAsync<string[]>("els => els.map(e => e.getAttribute('href'))"))
                {
                    var link = href.Split('#')[0];
                    if (link.Length > 0 && !NotAPage().IsMatch(link))
                    {
                        queue.Enqueue(link);
                    }
                }
            }

            visitedTotal += visited;
            output.WriteLine($"{name}: {visited} pages");
            await phone.Context.CloseAsync();
        }

        output.WriteLine($"{visitedTotal} pages, {checkedKinds.Count} kinds checked by axe");
        Assert.True(visitedTotal > 60, $"only {visitedTotal} pages visited");
        Assert.True(overflow.Count == 0, "Wider than a 390 px phone:\n" + string.Join('\n', overflow));
        Assert.True(violations.Count == 0, "axe:\n" + string.Join('\n', violations));
    }
}
