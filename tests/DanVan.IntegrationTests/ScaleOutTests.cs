using System.Net;
using System.Net.Http.Json;
using DanVan.Domain;
using DanVan.IntegrationTests.Support;
using ConnectionMultiplexer = StackExchange.Redis.ConnectionMultiplexer;

namespace DanVan.IntegrationTests;

/// <summary>
/// Two nodes of the app on one database and one Redis (the real server scripts/test.sh starts): what one node saves
/// or counts, the other sees.
/// </summary>
public sealed class ScaleOutTests : IAsyncLifetime
{
    private readonly string _prefix = "danvan-test-" + Guid.NewGuid().ToString("N")[..8] + ":";
    private DanVanFactory _a = null!;
    private DanVanFactory _b = null!;

    private Dictionary<string, string?> Settings(int signInPerMinute = 100000) => new()
    {
        ["Redis:Configuration"] = DanVanFactory.TestRedis, ["Redis:InstanceName"] = _prefix,
        ["RateLimits:SignInPerMinute"] = signInPerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    public async Task InitializeAsync()
    {
        _a = DanVanFactory.WithSettings(Settings(signInPerMinute: 3));
        _ = _a.Server;
        _b = DanVanFactory.SecondNode(_a, Settings(signInPerMinute: 3));
        _ = _b.Server;
        await Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _b.DisposeAsync();
        await _a.DisposeAsync();
    }

    [Fact]
    public async Task AModelRecognisedOnNodeA_AppearsAtOnceInNodeBsCachedPublicSearch()
    {
        var tag = Guid.NewGuid().ToString("N")[..8];
        var officer = await _a.ApiClientAsync((Role.Officer, TestData.ThaiHoa));
        var id = await TestData.CreateInitiativeAsync(officer, TestData.ThaiHoa, $"Vườn cây dinh dưỡng {tag}");
        var visitorB = HtmlClient.Anonymous(_b).Http;
        var url = "/cong-khai/mo-hinh?q=" + tag;
        var link = $"/cong-khai/mo-hinh/{id}/";
        Assert.DoesNotContain(link, await (await visitorB.GetAsync(url)).Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // The copy lives in Redis, not in node B's memory.
        var redis = await ConnectionMultiplexer.ConnectAsync(DanVanFactory.TestRedis);
        await using (redis)
        {
            var keys = redis.GetServers()[0].Keys(pattern: _prefix + "*").ToList();
            Assert.NotEmpty(keys);
        }

        var secretariat = await _a.ApiClientAsync((Role.Secretariat, TestData.NgheAn));
        await TestData.IdOfAsync(await secretariat.PostAsJsonAsync("/api/v1/recognitions", new
        {
            unitCode = TestData.NgheAn, number = "QĐ-" + tag, date = "2026-06-01", level = "province", issuingBody = "BCĐ tỉnh Nghệ An", initiativeIds = new[] { id },
        }));

        // Saved through A; B's next answer already shows it (no waiting for the minute's expiry).
        Assert.Contains(link, await (await visitorB.GetAsync(url)).Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignInAttempts_AreCountedAcrossNodes()
    {
        var a = HtmlClient.Anonymous(_a).Http;
        var b = HtmlClient.Anonymous(_b).Http;
        // Three a minute from one address: two on each node make four, and the fourth is refused wherever it lands.
        Assert.Equal(HttpStatusCode.OK, (await a.GetAsync("/Account/Login")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await b.GetAsync("/Account/Login")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await a.GetAsync("/Account/Login")).StatusCode);
        var fourth = await b.GetAsync("/Account/Login");
        Assert.Equal(HttpStatusCode.TooManyRequests, fourth.StatusCode);
        Assert.Equal("60", fourth.Headers.RetryAfter?.ToString());
    }

    [Fact]
    public async Task Readiness_AsksTheDatabaseAndRedis_LivenessAsksNothing()
    {
        var ready = await _a.CreateClient().GetAsync("/healthz/ready");
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        var body = await ready.ReadJsonAsync();
        Assert.Equal("Healthy", body.GetProperty("checks").GetProperty("redis").GetProperty("status").GetString());
        Assert.Equal("Healthy", body.GetProperty("checks").GetProperty("database").GetProperty("status").GetString());

        // A node whose Redis is gone says so (degraded) but stays in the balancer: it still serves its pages (uncached)
        // and sign-in. Were it "not ready", every node would leave the balancer with one Redis.
        await using var orphan = DanVanFactory.SecondNode(_a, new Dictionary<string, string?> { ["Redis:Configuration"] = "127.0.0.1:1,connectTimeout=300", ["Redis:InstanceName"] = _prefix });
        var http = orphan.CreateClient();
        var notReady = await http.GetAsync("/healthz/ready");
        Assert.Equal(HttpStatusCode.OK, notReady.StatusCode);
        var degraded = await notReady.ReadJsonAsync();
        Assert.Equal("Degraded", degraded.GetProperty("status").GetString());
        Assert.Equal("Degraded", degraded.GetProperty("checks").GetProperty("redis").GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/healthz/live")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/cong-khai/mo-hinh?q=ong")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/Account/Login")).StatusCode);
    }
}
