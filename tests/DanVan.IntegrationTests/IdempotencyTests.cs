using System.Net;
using System.Net.Http.Json;
using DanVan.Data;
using DanVan.Domain;
using DanVan.IntegrationTests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DanVan.IntegrationTests;

/// <summary>A client that sends again after a lost answer (a phone back online) creates nothing twice: Idempotency-Key.</summary>
[Collection(AppCollection.Name)]
public class IdempotencyTests(DanVanFactory app)
{
    private static HttpRequestMessage Post(string url, object body, string key)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = JsonContent.Create(body) };
        request.Headers.Add("Idempotency-Key", key);
        return request;
    }

    private async Task<int> CountAsync(string name)
    {
        await using var scope = app.Scope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().Initiatives.CountAsync(i => i.Name == name);
    }

    [Fact]
    public async Task TheSameKeySentAgain_GetsTheFirstAnswer_AndCreatesNothingTwice()
    {
        var officer = await app.ApiClientAsync((Role.Officer, TestData.LuongBang));
        var name = TestData.Unique("Mô hình gửi hai lần");
        var body = TestData.NewInitiative(TestData.LuongBang, name);
        var key = Guid.NewGuid().ToString();

        var first = await officer.SendAsync(Post("/api/v1/initiatives", body, key));
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        var again = await officer.SendAsync(Post("/api/v1/initiatives", body, key));
        Assert.Equal(HttpStatusCode.Created, again.StatusCode);
        Assert.Equal("true", again.Headers.GetValues("Idempotent-Replayed").Single());
        Assert.Equal(first.Headers.Location, again.Headers.Location);
        Assert.Equal(await TestData.IdOfAsync(first), await TestData.IdOfAsync(again));
        Assert.Equal(1, await CountAsync(name));

        // The same key with another body is the client's mistake: refused, nothing made.
        var other = TestData.Unique("Mô hình khác");
        var reused = await officer.SendAsync(Post("/api/v1/initiatives", TestData.NewInitiative(TestData.LuongBang, other), key));
        Assert.Equal(HttpStatusCode.Conflict, reused.StatusCode);
        Assert.Equal("urn:danvan:problem:idempotency-key-in-use", (await reused.ReadJsonAsync()).GetProperty("type").GetString());
        Assert.Equal(0, await CountAsync(other));

        // Keys are the caller's own: another person's same key is another request.
        var colleague = await app.ApiClientAsync((Role.Officer, TestData.LuongBang));
        Assert.Equal(HttpStatusCode.Created, (await colleague.SendAsync(Post("/api/v1/initiatives", body, key))).StatusCode);
        Assert.Equal(2, await CountAsync(name));
    }

    [Fact]
    public async Task ARefusedRequest_KeepsNoKey_SoTheCorrectedRetryRuns()
    {
        var officer = await app.ApiClientAsync((Role.Officer, TestData.LuongBang));
        var key = Guid.NewGuid().ToString();
        var refused = await officer.SendAsync(Post("/api/v1/initiatives", new { name = "", unitCode = TestData.LuongBang }, key));
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var name = TestData.Unique("Mô hình sửa rồi gửi lại");
        var corrected = await officer.SendAsync(Post("/api/v1/initiatives", TestData.NewInitiative(TestData.LuongBang, name), key));
        Assert.Equal(HttpStatusCode.Created, corrected.StatusCode);
        Assert.False(corrected.Headers.Contains("Idempotent-Replayed"));
        Assert.Equal(1, await CountAsync(name));
    }

    [Fact]
    public async Task TenRetriesAtOnce_MakeOneRecord()
    {
        var officer = await app.ApiClientAsync((Role.Officer, TestData.LuongBang));
        var name = TestData.Unique("Mô hình gửi dồn");
        var body = TestData.NewInitiative(TestData.LuongBang, name);
        var key = Guid.NewGuid().ToString();
        var answers = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => officer.SendAsync(Post("/api/v1/initiatives", body, key))));
        Assert.All(answers, a => Assert.True(a.StatusCode is HttpStatusCode.Created or HttpStatusCode.Conflict, a.StatusCode.ToString()));
        Assert.Contains(answers, a => a.StatusCode == HttpStatusCode.Created);
        Assert.Equal(1, await CountAsync(name));
    }

    [Fact]
    public async Task AnUploadSentAgain_IsKeptOnce_AndABadKeyIsAFieldError()
    {
        var officer = await app.ApiClientAsync((Role.Officer, TestData.LuongBang));
        var id = await TestData.CreateInitiativeAsync(officer, TestData.LuongBang);
        var report = await TestData.IdOfAsync(await officer.PostAsJsonAsync($"/api/v1/initiatives/{id}/results",
            new { periodKind = "quarter", periodStart = "2026-04-01", narrative = "Quý II", values = Array.Empty<object>() }));
        var key = Guid.NewGuid().ToString();
        for (var n = 0; n < 2; n++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/results/{report}/evidence") { Content = TestData.FileContent(TestData.Png, "anh.png") };
            request.Headers.Add("Idempotency-Key", key);
            Assert.Equal(HttpStatusCode.Created, (await officer.SendAsync(request)).StatusCode);
        }

        await using (var scope = app.Scope())
        {
            Assert.Equal(1, await scope.ServiceProvider.GetRequiredService<AppDbContext>().EvidenceFiles.CountAsync(e => e.ReportId == report));
        }

        var tooLong = await officer.SendAsync(Post("/api/v1/initiatives", TestData.NewInitiative(TestData.LuongBang), new string('k', 101)));
        Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode);
        Assert.True((await tooLong.ReadJsonAsync()).GetProperty("errors").TryGetProperty("Idempotency-Key", out _));
    }
}
