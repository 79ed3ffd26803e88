using System.Diagnostics;
using System.Diagnostics.Metrics;
using Npgsql;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace DanVan.Infrastructure;

/// <summary>
/// OpenTelemetry traces and metrics (ASP.NET Core, Npgsql, the runtime, and DanVan's own: the summary's timings, the
/// import jobs) sent over OTLP when configured: <c>Telemetry:OtlpEndpoint</c> (an OTLP/HTTP collector's base address,
/// e.g. http://collector:4318) or the standard <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> environment variable. Off otherwise.
/// </summary>
public static class Telemetry
{
    public const string Name = "DanVan";

    public static readonly ActivitySource Source = new(Name);

    private static readonly Meter Meter = new(Name);

    /// <summary>How long the movement's summary took, by the depth of the unit asked (country, province, commune).</summary>
    public static readonly Histogram<double> SummaryDuration = Meter.CreateHistogram<double>("danvan.summary.duration", "ms", "Time to compute the movement's summary");

    /// <summary>Import jobs ended, by kind and outcome.</summary>
    public static readonly Counter<long> ImportsEnded = Meter.CreateCounter<long>("danvan.imports.ended", "{job}", "Import jobs ended");

    /// <summary>Rows imported by queued jobs.</summary>
    public static readonly Counter<long> RowsImported = Meter.CreateCounter<long>("danvan.imports.rows", "{row}", "Rows written by import jobs");

    public static void AddTelemetry(this IServiceCollection services, IConfiguration config)
    {
        var endpoint = config["Telemetry:OtlpEndpoint"];
        var fromEnvironment = !string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable("OTEL_EXPORTER_OTLP_ENDPOINT"));
        if (string.IsNullOrWhiteSpace(endpoint) && !fromEnvironment)
        {
            return;
        }

        var interval = config.GetValue("Telemetry:ExportIntervalMs", 5000);
        void Configure(OtlpExporterOptions o, string path)
        {
            if (!string.IsNullOrWhiteSpace(endpoint))
            {
                o.Endpoint = new Uri(endpoint.TrimEnd('/') + path);
                o.Protocol = OtlpExportProtocol.HttpProtobuf;
            }
        }

        services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService(config["Telemetry:ServiceName"] ?? "danvan", serviceInstanceId: Features.Imports.ImportJobs.Node))
            .WithTracing(t => t
                .AddSource(Name)
                .AddAspNetCoreInstrumentation(o => o.Filter = ctx => !ctx.Request.Path.StartsWithSegments("/healthz"))
                .AddNpgsql()
                .AddOtlpExporter(o =>
                {
                    Configure(o, "/v1/traces");
                    o.BatchExportProcessorOptions.ScheduledDelayMilliseconds = interval;
                }))
            .WithMetrics(m => m
                .AddMeter(Name)
                .AddAspNetCoreInstrumentation()
                .AddRuntimeInstrumentation()
                .AddNpgsqlInstrumentation()
                .AddOtlpExporter((o, reader) =>
                {
                    Configure(o, "/v1/metrics");
                    reader.PeriodicExportingMetricReaderOptions.ExportIntervalMilliseconds = interval;
                }));
    }
}
