using System.Net;
using DanVan.Data;
using DanVan.Domain;
using DanVan.IntegrationTests.Support;
using Npgsql;

namespace DanVan.IntegrationTests;

/// <summary>
/// Lag-tolerant reads (reports, public pages, searches, exports) go to ConnectionStrings:DanVanRead; when that server
/// does not answer they fall back to the primary. (The cluster script runs this against a real streaming replica.)
/// </summary>
[Collection(AppCollection.Name)]
public class ReadReplicaTests(DanVanFactory app)
{
    private static async Task<List<string>> ReadsAsync(DanVanFactory node)
    {
        var officer = await node.ApiClientAsync((Role.Officer, TestData.LuongBang));
        var statuses = new List<string>();
        foreach (var url in new[] { "/api/v1/reports/summary?unit=" + TestData.LuongBang, "/api/v1/initiatives?q=vuon", "/api/v1/reports/summary.xlsx?unit=" + TestData.LuongBang })
        {
            statuses.Add(url + " " + (int)(await officer.GetAsync(url)).StatusCode);
        }

        var visitor = HtmlClient.Anonymous(node).Http;
        foreach (var url in new[] { "/cong-khai?fresh=" + Guid.NewGuid().ToString("N"), "/cong-khai/mo-hinh?q=ong&fresh=" + Guid.NewGuid().ToString("N"), "/cong-khai/du-lieu-mo/mo-hinh.json" })
        {
            statuses.Add(url.Split('?')[0] + " " + (int)(await visitor.GetAsync(url)).StatusCode);
        }

        return statuses;
    }

    [Fact]
    public async Task Reads_GoToTheReadServer_AndFallBackToThePrimaryWhenItIsDown()
    {
        _ = app.Services;
        var name = "danvan-read-" + Guid.NewGuid().ToString("N")[..8];
        var read = app.Provider == DatabaseKind.Postgres ? app.ConnectionString + ";Application Name=" + name : "Data Source=/nonexistent/x.db";
        await using (var node = DanVanFactory.SecondNode(app, new Dictionary<string, string?> { ["ConnectionStrings:DanVanRead"] = read }))
        {
            Assert.All(await ReadsAsync(node), s => Assert.EndsWith(" 200", s, StringComparison.Ordinal));
            if (app.Provider == DatabaseKind.Postgres)
            {
                // The reads came through connections opened with the read connection string.
                await using var conn = new NpgsqlConnection(app.ConnectionString);
                await conn.OpenAsync();
                await using var cmd = new NpgsqlCommand("SELECT count(*) FROM pg_stat_activity WHERE application_name = @n", conn);
                cmd.Parameters.AddWithValue("n", name);
                Assert.True((long)(await cmd.ExecuteScalarAsync())! >= 1);
            }
        }

        if (app.Provider != DatabaseKind.Postgres)
        {
            return; // SQLite has no replicas: the setting is ignored, as the reads above show.
        }

        // The read server down (nothing listens there): every read is still answered, from the primary.
        await using var orphan = DanVanFactory.SecondNode(app, new Dictionary<string, string?> { ["ConnectionStrings:DanVanRead"] = "Host=127.0.0.1;Port=1" });
        Assert.All(await ReadsAsync(orphan), s => Assert.EndsWith(" 200", s, StringComparison.Ordinal));
    }
}
