using System.Threading.RateLimiting;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using RedisRateLimiting;
using StackExchange.Redis;

namespace DanVan.Infrastructure;

/// <summary>
/// What several app nodes must share besides the database: the public pages' cached copies and the rate limits' counts,
/// both in Redis when <c>Redis:Configuration</c> is set (a StackExchange.Redis configuration string such as
/// <c>127.0.0.1:6379</c>). Without it one node keeps both in memory, as before. Redis going away degrades, never breaks:
/// the cache misses and the limits count on the node until it is back.
/// </summary>
public static class SharedState
{
    /// <summary>The node's Redis connection, or null when none is configured.</summary>
    public sealed class RedisConnection(IConnectionMultiplexer? multiplexer, string prefix = "")
    {
        public IConnectionMultiplexer? Multiplexer { get; } = multiplexer;

        /// <summary>Put before every key, so several installations (or test runs) can share one Redis.</summary>
        public string Prefix { get; } = prefix;
    }

    public static void AddSharedState(this IServiceCollection services, IConfiguration config)
    {
        var configuration = config["Redis:Configuration"];
        if (string.IsNullOrWhiteSpace(configuration))
        {
            services.AddSingleton(new RedisConnection(null));
            return;
        }

        var options = ConfigurationOptions.Parse(configuration);
        // A node starts, and serves, while Redis is down; the client reconnects by itself.
        options.AbortOnConnectFail = false;
        options.ConnectTimeout = Math.Min(options.ConnectTimeout, 2000);
        options.SyncTimeout = Math.Min(options.SyncTimeout, 2000);
        options.AsyncTimeout = Math.Min(options.AsyncTimeout, 2000);
        // While Redis is away, commands fail at once (the callers fall back) instead of queueing for the timeout.
        options.BacklogPolicy = BacklogPolicy.FailFast;
        var lazy = new Lazy<IConnectionMultiplexer>(() => ConnectionMultiplexer.Connect(options));
        var prefix = config["Redis:InstanceName"] ?? "danvan:";
        services.AddSingleton(_ => new RedisConnection(lazy.Value, prefix));

        // ASP.NET Core's Redis output-cache store: entries and their tags live in Redis, so evicting the "public" tag on
        // any node drops every node's copies at once.
        services.AddStackExchangeRedisOutputCache(o =>
        {
            o.ConnectionMultiplexerFactory = () => Task.FromResult(lazy.Value);
            o.InstanceName = prefix;
        });
        var redisStore = services.Last(d => d.ServiceType == typeof(IOutputCacheStore));
        foreach (var d in services.Where(d => d.ServiceType == typeof(IOutputCacheStore)).ToList())
        {
            services.Remove(d);
        }

        var storeType = redisStore.ImplementationType ?? throw new InvalidOperationException("Unexpected registration of the Redis output-cache store.");
        services.AddSingleton(storeType);
        services.AddSingleton<IOutputCacheStore>(sp => new TolerantOutputCacheStore((IOutputCacheStore)sp.GetRequiredService(storeType),
            sp.GetRequiredService<ILogger<TolerantOutputCacheStore>>()));
    }

    /// <summary>
    /// A fixed window per key, counted in Redis across nodes when it is configured (falling back to this node's count
    /// while Redis does not answer), else on this node.
    /// </summary>
    public static RateLimitPartition<string> FixedWindow(HttpContext context, string policy, string key, int permitLimit, TimeSpan window)
    {
        ArgumentNullException.ThrowIfNull(context);
        var connection = context.RequestServices.GetRequiredService<RedisConnection>();
        var redis = connection.Multiplexer;
        var local = new FixedWindowRateLimiterOptions { PermitLimit = permitLimit, Window = window };
        if (redis is null)
        {
            return RateLimitPartition.GetFixedWindowLimiter(policy + ":" + key, _ => local);
        }

        var log = context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("DanVan.RateLimits");
        return new RateLimitPartition<string>(policy + ":" + key, k => new FallbackRateLimiter(
            new RedisFixedWindowRateLimiter<string>(connection.Prefix + "limit:" + k, new RedisFixedWindowRateLimiterOptions
            {
                ConnectionMultiplexerFactory = () => redis, PermitLimit = permitLimit, Window = window,
            }),
            () => new FixedWindowRateLimiter(local), log));
    }

    /// <summary>
    /// Asks Redis first; when Redis fails, this node's own limiter decides (a limit still holds, per node). The local
    /// limiter (and its replenishing timer) exists only once Redis has failed for this key; both are disposed with the
    /// partition, which the partitioned limiter drops when it has been idle.
    /// </summary>
    private sealed class FallbackRateLimiter(RateLimiter shared, Func<RateLimiter> makeLocal, ILogger log) : RateLimiter
    {
        private RateLimiter? _local;

        private RateLimiter Local => _local ??= makeLocal();

        public override TimeSpan? IdleDuration => _local is null ? shared.IdleDuration
            : shared.IdleDuration is { } s && _local.IdleDuration is { } l ? (s < l ? s : l) : null;

        public override RateLimiterStatistics? GetStatistics() => _local?.GetStatistics() ?? shared.GetStatistics();

        protected override RateLimitLease AttemptAcquireCore(int permitCount)
        {
            try
            {
                return shared.AttemptAcquire(permitCount);
            }
            catch (Exception e) when (e is RedisException or TimeoutException)
            {
                log.LogWarning(e, "Redis rate limit unavailable; counting on this node");
                return Local.AttemptAcquire(permitCount);
            }
        }

        protected override async ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken)
        {
            try
            {
                return await shared.AcquireAsync(permitCount, cancellationToken);
            }
            catch (Exception e) when (e is RedisException or TimeoutException)
            {
                log.LogWarning(e, "Redis rate limit unavailable; counting on this node");
                return await Local.AcquireAsync(permitCount, cancellationToken);
            }
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                shared.Dispose();
                _local?.Dispose();
            }

            base.Dispose(disposing);
        }

        // The partitioned limiter disposes idle partitions asynchronously: the inner limiters go too.
        protected override async ValueTask DisposeAsyncCore()
        {
            await shared.DisposeAsync();
            if (_local is not null)
            {
                await _local.DisposeAsync();
            }

            await base.DisposeAsyncCore();
        }
    }

    /// <summary>The output cache over Redis, where an unreachable Redis is a miss (the page is made afresh), not an error.</summary>
    public sealed class TolerantOutputCacheStore(IOutputCacheStore inner, ILogger<TolerantOutputCacheStore> log) : IOutputCacheStore
    {
        public async ValueTask EvictByTagAsync(string tag, CancellationToken cancellationToken)
        {
            try
            {
                await inner.EvictByTagAsync(tag, cancellationToken);
            }
            catch (Exception e) when (e is RedisException or TimeoutException)
            {
                // Copies left behind expire within a minute (the policy's expiry).
                log.LogWarning(e, "Could not evict cached pages tagged {Tag}", tag);
            }
        }

        public async ValueTask<byte[]?> GetAsync(string key, CancellationToken cancellationToken)
        {
            try
            {
                return await inner.GetAsync(key, cancellationToken);
            }
            catch (Exception e) when (e is RedisException or TimeoutException)
            {
                log.LogWarning(e, "Output cache unavailable");
                return null;
            }
        }

        public async ValueTask SetAsync(string key, byte[] value, string[]? tags, TimeSpan validFor, CancellationToken cancellationToken)
        {
            try
            {
                await inner.SetAsync(key, value, tags, validFor, cancellationToken);
            }
            catch (Exception e) when (e is RedisException or TimeoutException)
            {
                log.LogWarning(e, "Output cache unavailable");
            }
        }
    }

    /// <summary>Readiness as JSON: each dependency's state, so an operator sees which one is missing.</summary>
    public static Task WriteReadinessAsync(HttpContext context, HealthReport report)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(report);
        context.Response.ContentType = "application/json; charset=utf-8";
        return context.Response.WriteAsJsonAsync(new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(e => e.Key, e => new { status = e.Value.Status.ToString(), description = e.Value.Description }),
        });
    }

    /// <summary>Readiness: Redis answers a PING (healthy when none is configured). Without it a node still serves
    /// (pages uncached, limits per node), so the check says Degraded and the balancer keeps the node.</summary>
    public sealed class RedisHealthCheck(RedisConnection redis) : IHealthCheck
    {
        public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
        {
            if (redis.Multiplexer is null)
            {
                return HealthCheckResult.Healthy("no Redis configured");
            }

            try
            {
                var took = await redis.Multiplexer.GetDatabase().PingAsync();
                return HealthCheckResult.Healthy($"Redis answered in {took.TotalMilliseconds:0.#} ms");
            }
            catch (Exception e) when (e is RedisException or TimeoutException)
            {
                return HealthCheckResult.Degraded("Redis unreachable: pages uncached, rate limits per node", e);
            }
        }
    }
}
