namespace DanVan.Infrastructure;

/// <summary>
/// Whether the database answers, asked at most once every <see cref="Fresh"/> per node, on a connection of its own
/// (outside the request pool). A balancer asks every second: under load, a check that queued behind the requests for a
/// pooled connection was slow, the balancer took the node out, then the other node — and nothing was left to serve
/// (bench/cluster.sh, 99,295 of 103,410 requests refused). While one check is under way, the others get the last answer.
/// </summary>
public sealed class DatabaseReadiness(IConfiguration config, TimeProvider clock)
{
    public static readonly TimeSpan Fresh = TimeSpan.FromSeconds(2);

    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(5);

    private readonly Lock _gate = new();
    private Task<Microsoft.Extensions.Diagnostics.HealthChecks.HealthCheckResult>? _running;
    private (Microsoft.Extensions.Diagnostics.HealthChecks.HealthCheckResult Result, DateTimeOffset At)? _last;

    public Task<Microsoft.Extensions.Diagnostics.HealthChecks.HealthCheckResult> CheckAsync()
    {
        lock (_gate)
        {
            if (_last is { } last && (clock.GetUtcNow() - last.At < Fresh || _running is not null))
            {
                return Task.FromResult(last.Result);
            }

            return _running ??= RunAsync();
        }
    }

    private async Task<Microsoft.Extensions.Diagnostics.HealthChecks.HealthCheckResult> RunAsync()
    {
        Microsoft.Extensions.Diagnostics.HealthChecks.HealthCheckResult result;
        try
        {
            using var timeout = new CancellationTokenSource(Limit);
            await using var connection = DanVan.Data.DatabaseProvider.Unpooled(config);
            await connection.OpenAsync(timeout.Token);
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT 1";
            await command.ExecuteScalarAsync(timeout.Token);
            result = Microsoft.Extensions.Diagnostics.HealthChecks.HealthCheckResult.Healthy("database reachable");
        }
        catch (Exception e) when (e is System.Data.Common.DbException or OperationCanceledException or TimeoutException or InvalidOperationException)
        {
            result = Microsoft.Extensions.Diagnostics.HealthChecks.HealthCheckResult.Unhealthy("database unreachable", e);
        }

        lock (_gate)
        {
            _last = (result, clock.GetUtcNow());
            _running = null;
        }

        return result;
    }
}

public sealed class DatabaseHealthCheck(DatabaseReadiness readiness) : Microsoft.Extensions.Diagnostics.HealthChecks.IHealthCheck
{
    public Task<Microsoft.Extensions.Diagnostics.HealthChecks.HealthCheckResult> CheckHealthAsync(
        Microsoft.Extensions.Diagnostics.HealthChecks.HealthCheckContext context, CancellationToken cancellationToken = default) =>
        readiness.CheckAsync().WaitAsync(cancellationToken);
}
