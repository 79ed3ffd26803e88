using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;
using DanVan.Domain;
using DanVan.IntegrationTests.Support;

namespace DanVan.IntegrationTests;

/// <summary>With an OTLP endpoint set, traces and metrics reach it (a real HTTP listener standing in for a collector).</summary>
[Collection(AppCollection.Name)]
public class TelemetryTests(DanVanFactory app)
{
    [Fact]
    public async Task TracesAndMetrics_AreSentOverOtlp_WithTheSummarysTimings()
    {
        _ = app.Services;
        var port = FreePort();
        using var listener = new HttpListener();
        listener.Prefixes.Add($"http://127.0.0.1:{port}/");
        listener.Start();
        var received = new ConcurrentBag<(string Path, string Body)>();
        using var stop = new CancellationTokenSource();
        var collector = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                HttpListenerContext ctx;
                try
                {
                    ctx = await listener.GetContextAsync();
                }
                catch (Exception e) when (e is HttpListenerException or ObjectDisposedException)
                {
                    return;
                }

                using var body = new MemoryStream();
                await ctx.Request.InputStream.CopyToAsync(body);
                // Protobuf keeps strings as UTF-8 bytes: names can be looked for in the raw body.
                received.Add((ctx.Request.Url!.AbsolutePath, Encoding.UTF8.GetString(body.ToArray())));
                ctx.Response.StatusCode = 200;
                ctx.Response.Close();
            }
        });

        await using (var node = DanVanFactory.SecondNode(app, new Dictionary<string, string?>
        {
            ["Telemetry:OtlpEndpoint"] = $"http://127.0.0.1:{port}", ["Telemetry:ExportIntervalMs"] = "300",
        }))
        {
            var officer = await node.ApiClientAsync((Role.Officer, TestData.LuongBang));
            Assert.Equal(HttpStatusCode.OK, (await officer.GetAsync("/api/v1/reports/summary?unit=" + TestData.LuongBang)).StatusCode);
            for (var k = 0; k < 150 && !(Has("/v1/traces", "danvan.summary") && Has("/v1/metrics", "danvan.summary.duration") && Has("/v1/traces", "/api/v1/reports/summary")
                && Has("/v1/metrics", "http.server.request.duration")); k++)
            {
                await Task.Delay(100);
            }
        }

        await stop.CancelAsync();
        listener.Stop();
        await collector;
        Assert.True(Has("/v1/traces", "danvan.summary"), "the summary's span");
        Assert.True(Has("/v1/traces", "/api/v1/reports/summary"), "the request's span");
        Assert.True(Has("/v1/metrics", "danvan.summary.duration"), "the summary's timing");
        Assert.True(Has("/v1/metrics", "http.server.request.duration"), "ASP.NET Core's request metrics");

        bool Has(string path, string text) => received.Any(r => r.Path == path && r.Body.Contains(text, StringComparison.Ordinal));
    }

    private static int FreePort()
    {
        using var socket = new TcpListener(IPAddress.Loopback, 0);
        socket.Start();
        return ((IPEndPoint)socket.LocalEndpoint).Port;
    }
}
