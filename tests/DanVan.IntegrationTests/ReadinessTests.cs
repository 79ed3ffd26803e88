using System.Net;
using DanVan.Data;
using DanVan.IntegrationTests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DanVan.IntegrationTests;

/// <summary>
/// Readiness answers while the requests hold every pooled connection: a balancer that asks a busy node must not hear
/// "not ready" (the check queued behind the requests for a connection, the balancer took the busy node out, then the
/// other, and refused 96% of a run's requests with nothing left to serve).
/// </summary>
[Collection(AppCollection.Name)]
public class ReadinessTests(DanVanFactory app)
{
    [Fact]
    public async Task Readiness_AnswersWhileEveryPooledConnectionIsTaken()
    {
        var pool = app.Provider == DatabaseKind.Postgres ? ";Maximum Pool Size=1;Timeout=2" : string.Empty;
        await using var node = DanVanFactory.SecondNode(app, new Dictionary<string, string?> { ["ConnectionStrings:DanVan"] = app.ConnectionString + pool });
        var http = node.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/healthz/ready")).StatusCode);

        // Every connection of the node's pool taken (on PostgreSQL its one; SQLite has no limit to reach), longer than
        // the readiness answer may be kept.
        await using var scope = node.Services.CreateAsyncScope();
        var busy = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        await busy.Database.OpenConnectionAsync();
        await Task.Delay(DanVan.Infrastructure.DatabaseReadiness.Fresh + TimeSpan.FromMilliseconds(200));
        for (var k = 0; k < 3; k++)
        {
            var ready = await http.GetAsync("/healthz/ready");
            Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
            Assert.Equal("Healthy", (await ready.ReadJsonAsync()).GetProperty("checks").GetProperty("database").GetProperty("status").GetString());
        }

        await busy.Database.CloseConnectionAsync();
    }
}
