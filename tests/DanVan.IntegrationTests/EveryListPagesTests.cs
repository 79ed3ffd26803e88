using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DanVan.Domain;
using DanVan.IntegrationTests.Support;

namespace DanVan.IntegrationTests;

/// <summary>Every list of the API pages the same way — limit, a cursor (next → after) for every order, a total — and
/// can be read to its end: each row once, in the list's order.</summary>
[Collection(AppCollection.Name)]
public class EveryListPagesTests(DanVanFactory app)
{
    /// <summary>Reads a list page after page, following next; returns the ids in the order read and the first page's total.</summary>
    private static async Task<(List<int> Ids, int Total, int Pages)> WalkAsync(HttpClient api, string url, int limit)
    {
        var ids = new List<int>();
        var total = -1;
        var pages = 0;
        string? after = null;
        do
        {
            var sep = url.Contains('?', StringComparison.Ordinal) ? '&' : '?';
            var r = await api.GetAsync($"{url}{sep}limit={limit}" + (after is null ? string.Empty : "&after=" + Uri.EscapeDataString(after)));
            Assert.True(r.StatusCode == HttpStatusCode.OK, $"{url}: {(int)r.StatusCode} {await r.Content.ReadAsStringAsync()}");
            var page = await r.ReadJsonAsync();
            var items = page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetInt32()).ToList();
            Assert.True(items.Count <= limit, $"{url}: {items.Count} rows on a page of {limit}");
            total = total < 0 ? page.GetProperty("total").GetInt32() : total;
            ids.AddRange(items);
            after = page.GetProperty("next").ValueKind == JsonValueKind.Null ? null : page.GetProperty("next").GetString();
            Assert.True(after is null || items.Count == limit, $"{url}: a next cursor after a short page");
            pages++;
            Assert.True(pages < 500, $"{url}: does not end");
        }
        while (after is not null);
        Assert.Equal(ids.Count, ids.Distinct().Count());
        return (ids, total, pages);
    }

    [Fact]
    public async Task TheAwardsRegister_IsReadToItsEnd_LatestDecisionFirst()
    {
        var province = await app.ApiClientAsync((Role.Secretariat, TestData.HungYen));
        var tag = Guid.NewGuid().ToString("N")[..8];
        var made = new List<(int Id, string On)>();
        foreach (var on in new[] { "2026-03-01", "2026-05-01", "2026-05-01", "2026-01-15", "2026-05-01" })
        {
            var r = await province.PostAsJsonAsync("/api/v1/awards", new
            {
                number = $"{made.Count + 1}-QĐ/TU-{tag}", decidedOn = on, formCode = "bk_tinh", unitCode = TestData.HungYen,
                recipients = new[] { new { kind = "collective", name = TestData.Unique("Chi hội"), unitCode = TestData.LuongBang } },
            });
            Assert.Equal(HttpStatusCode.Created, r.StatusCode);
            var id = await TestData.IdOfAsync(r);
            Assert.Equal($"/api/v1/awards/{id}", r.Headers.Location!.OriginalString);
            Assert.Equal(HttpStatusCode.OK, (await province.GetAsync(r.Headers.Location)).StatusCode);
            made.Add((id, on));
        }

        var (ids, total, pages) = await WalkAsync(province, $"/api/v1/awards?number={tag}", 2);
        Assert.Equal(5, total);
        Assert.Equal(3, pages);
        Assert.Equal(made.OrderByDescending(m => m.On, StringComparer.Ordinal).ThenByDescending(m => m.Id).Select(m => m.Id), ids);
    }

    [Fact]
    public async Task InspectionsDocumentsNominationsAppraisalsRecognitionsAndUnitReports_AreEachReadToTheirEnd()
    {
        var province = await app.ApiClientAsync((Role.Secretariat, TestData.HungYen));
        var officer = await app.ApiClientAsync((Role.Officer, TestData.LuongBang));
        var model = await TestData.CreateInitiativeAsync(officer, TestData.LuongBang, TestData.Unique("Mô hình được kiểm tra nhiều lần"), registeredOn: "2025-01-05");
        var inspections = new List<int>();
        foreach (var on in new[] { "2026-02-01", "2026-04-01", "2026-03-01" })
        {
            var r = await province.PostAsJsonAsync("/api/v1/inspections", new { unitCode = TestData.LuongBang, initiativeId = model, plannedOn = on, inspectors = TestData.Unique("Đoàn") });
            Assert.Equal(HttpStatusCode.Created, r.StatusCode);
            var id = await TestData.IdOfAsync(r);
            Assert.Equal($"/api/v1/inspections/{id}", r.Headers.Location!.OriginalString);
            var one = await (await province.GetAsync(r.Headers.Location)).ReadJsonAsync();
            Assert.Equal(on, one.GetProperty("plannedOn").GetString());
            inspections.Add(id);
        }

        var walked = await WalkAsync(province, $"/api/v1/inspections?initiativeId={model}", 1);
        Assert.Equal([inspections[1], inspections[2], inspections[0]], walked.Ids);
        Assert.Equal(3, walked.Total);

        var tag = Guid.NewGuid().ToString("N")[..8];
        var documents = new List<int>();
        for (var n = 0; n < 3; n++)
        {
            using var content = TestData.FileContent(System.Text.Encoding.ASCII.GetBytes("%PDF-1.4\n%%EOF\n"), "van-ban.pdf");
            foreach (var (k, v) in new[] { ("kind", "plan"), ("number", $"{n}-KH/TU-{tag}"), ("issuedOn", $"2026-0{n + 1}-10"), ("issuer", "Tỉnh ủy"), ("title", $"Kế hoạch {tag} số {n}"), ("unitCode", TestData.HungYen) })
            {
                content.Add(new StringContent(v), k);
            }

            var r = await province.PostAsync("/api/v1/documents", content);
            Assert.Equal(HttpStatusCode.Created, r.StatusCode);
            var id = await TestData.IdOfAsync(r);
            Assert.Equal($"/api/v1/documents/{id}", r.Headers.Location!.OriginalString);
            Assert.Equal($"{n}-KH/TU-{tag}", (await (await province.GetAsync(r.Headers.Location)).ReadJsonAsync()).GetProperty("number").GetString());
            documents.Add(id);
        }

        Assert.Equal(documents.AsEnumerable().Reverse(), (await WalkAsync(province, $"/api/v1/documents?q={tag}", 2)).Ids);

        for (var n = 0; n < 3; n++)
        {
            var r = await officer.PostAsJsonAsync("/api/v1/nominations", new { unitCode = TestData.LuongBang, recipientKind = "collective", recipientName = TestData.Unique("Tổ"), formCode = "bk_tinh", achievements = "Vận động hiến đất." });
            Assert.Equal(HttpStatusCode.Created, r.StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await officer.GetAsync(r.Headers.Location)).StatusCode);
        }

        // Teams (a province has thousands of villages): each one made is read once.
        var teams = new List<int>();
        for (var n = 0; n < 5; n++)
        {
            var r = await officer.PostAsJsonAsync("/api/v1/committees/teams", new { unitCode = TestData.LuongBang, kind = "village_team", name = TestData.Unique("Tổ dân vận thôn"), members = 5 });
            Assert.Equal(HttpStatusCode.Created, r.StatusCode);
            teams.Add(await TestData.IdOfAsync(r));
        }

        var walkedTeams = await WalkAsync(officer, "/api/v1/committees/teams", 2);
        Assert.Equal(teams.AsEnumerable().Reverse(), walkedTeams.Ids.Where(teams.Contains));

        // Whole lists, whatever else the suite has made: each row once, as many as the total says, newest first.
        foreach (var url in new[]
                 {
                     "/api/v1/nominations", "/api/v1/appraisals", "/api/v1/recognitions", "/api/v1/unit-reports", "/api/v1/inspections", "/api/v1/awards", "/api/v1/documents",
                     "/api/v1/campaigns", "/api/v1/committees", "/api/v1/committees/teams", "/api/v1/nomination-rounds", "/api/v1/notifications",
                 })
        {
            var (ids, total, _) = await WalkAsync(url.Contains("nominations", StringComparison.Ordinal) ? officer : province, url, 3);
            Assert.Equal(total, ids.Count);
        }

        var all = (await WalkAsync(officer, "/api/v1/nominations", 2)).Ids;
        Assert.Equal(all.OrderDescending(), all);
    }

    [Theory]
    [InlineData("")]
    [InlineData("unit")]
    [InlineData("name")]
    [InlineData("-name")]
    [InlineData("registered")]
    [InlineData("-registered")]
    [InlineData("changed")]
    public async Task TheModelsList_IsReadToItsEnd_InEveryOrder(string sort)
    {
        var officer = await app.ApiClientAsync((Role.Officer, TestData.LuongBang));
        var tag = "Paging" + Guid.NewGuid().ToString("N")[..8];
        var made = new List<(int Id, string Name, string On)>();
        foreach (var (name, on) in new[] { ("Bếp", "2025-04-01"), ("An toàn", "2025-02-01"), ("Đường hoa", "2025-04-01"), ("Cây xanh", "2025-01-01"), ("Dân vận", "2025-03-01") })
        {
            var full = $"{name} {tag}";
            made.Add((await TestData.CreateInitiativeAsync(officer, TestData.LuongBang, full, registeredOn: on), full, on));
        }

        // Filtered to these five by their unit's newest models (no words: words read newest first whatever the sort).
        var (ids, total, pages) = await WalkAsync(officer, $"/api/v1/initiatives?unit={TestData.LuongBang}&sort={sort}&year=2025", 2);
        Assert.Equal(total, ids.Count);
        var mine = ids.Where(made.Select(m => m.Id).Contains).ToList();
        var byName = made.OrderBy(m => VietnameseText.SortKey(m.Name), StringComparer.Ordinal).ThenBy(m => m.Id).Select(m => m.Id).ToList();
        var expected = sort switch
        {
            "-name" => byName.AsEnumerable().Reverse().ToList(),
            "registered" => made.OrderBy(m => m.On, StringComparer.Ordinal).ThenBy(m => m.Id).Select(m => m.Id).ToList(),
            "-registered" => made.OrderByDescending(m => m.On, StringComparer.Ordinal).ThenByDescending(m => m.Id).Select(m => m.Id).ToList(),
            "changed" => made.Select(m => m.Id).Order().ToList(),
            _ => byName,
        };
        Assert.Equal(expected, mine);
        Assert.True(pages >= 3);
    }

    [Fact]
    public async Task ASyncingSystem_ReadsWhatChangedSinceADay_IncludingAnOldModelEditedToday()
    {
        var officer = await app.ApiClientAsync((Role.Officer, TestData.LuongBang));
        var today = VietnamClock.TodayNow;
        string Day(DateOnly d) => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var name = TestData.Unique("Mô hình cũ được sửa");
        var id = await TestData.CreateInitiativeAsync(officer, TestData.LuongBang, name, registeredOn: "2020-02-01");

        var (sinceToday, total, _) = await WalkAsync(officer, $"/api/v1/initiatives?unit={TestData.LuongBang}&updatedSince={Day(today)}", 3);
        Assert.Contains(id, sinceToday);
        Assert.Equal(total, sinceToday.Count);
        Assert.DoesNotContain(id, (await WalkAsync(officer, $"/api/v1/initiatives?unit={TestData.LuongBang}&updatedSince={Day(today.AddDays(1))}", 3)).Ids);

        // Saved again (retired at review, say): still in today's changes, now with its new state.
        var edit = JsonSerializer.SerializeToElement(TestData.NewInitiative(TestData.LuongBang, name)).EnumerateObject().ToDictionary(p => p.Name, p => (object?)p.Value);
        edit["version"] = 1;
        edit["summary"] = "Sửa hôm nay.";
        Assert.Equal(HttpStatusCode.OK, (await officer.PutAsJsonAsync($"/api/v1/initiatives/{id}", edit)).StatusCode);
        var page = await (await officer.GetAsync($"/api/v1/initiatives?unit={TestData.LuongBang}&updatedSince={Day(today)}&limit=100")).ReadJsonAsync();
        var row = page.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("id").GetInt32() == id);
        Assert.Equal(Day(today), row.GetProperty("changedOn").GetString());

        var bad = await officer.GetAsync("/api/v1/initiatives?updatedSince=07/12/2026");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
    }

    [Fact]
    public async Task ABadLimitOrCursor_IsA400NamingTheField()
    {
        var province = await app.ApiClientAsync((Role.Secretariat, TestData.HungYen));
        foreach (var (url, field) in new[]
                 {
                     ("/api/v1/awards?limit=0", "limit"), ("/api/v1/awards?limit=201", "limit"), ("/api/v1/nominations?after=abc", "after"),
                     ("/api/v1/documents?after=" + Convert.ToBase64String("2026-13-01|5"u8.ToArray()), "after"), ("/api/v1/initiatives?limit=500", "limit"),
                     ("/api/v1/unit-reports?period=2026-Q7", "period"),
                 })
        {
            var r = await province.GetAsync(url);
            Assert.True(r.StatusCode == HttpStatusCode.BadRequest, $"{url}: {(int)r.StatusCode}");
            Assert.True((await r.ReadJsonAsync()).GetProperty("errors").TryGetProperty(field, out _), $"{url}: names no {field}");
        }

        // A cursor made for one order does not continue another.
        var first = await (await province.GetAsync("/api/v1/initiatives?sort=name&limit=1")).ReadJsonAsync();
        var next = first.GetProperty("next").GetString();
        var mixed = await province.GetAsync($"/api/v1/initiatives?sort=registered&limit=1&after={next}");
        Assert.Equal(HttpStatusCode.BadRequest, mixed.StatusCode);
        Assert.True((await mixed.ReadJsonAsync()).GetProperty("errors").TryGetProperty("after", out _));
    }

    [Fact]
    public async Task AModelsChangeLog_IsReadToItsEnd_LatestFirst()
    {
        var officer = await app.ApiClientAsync((Role.Officer, TestData.LuongBang));
        var name = TestData.Unique("Mô hình nhiều lần sửa");
        var id = await TestData.CreateInitiativeAsync(officer, TestData.LuongBang, name);
        var version = 1;
        for (var n = 0; n < 3; n++)
        {
            var edit = JsonSerializer.SerializeToElement(TestData.NewInitiative(TestData.LuongBang, name)).EnumerateObject().ToDictionary(p => p.Name, p => (object?)p.Value);
            edit["version"] = version;
            edit["summary"] = $"Lần sửa thứ {n + 1} của mô hình.";
            var r = await officer.PutAsJsonAsync($"/api/v1/initiatives/{id}", edit);
            Assert.Equal(HttpStatusCode.OK, r.StatusCode);
            version = (await r.ReadJsonAsync()).GetProperty("version").GetInt32();
        }

        var (ids, total, _) = await WalkAsync(officer, $"/api/v1/initiatives/{id}/audit", 1);
        Assert.Equal(4, total);
        Assert.Equal(ids.OrderDescending(), ids);
    }
}
